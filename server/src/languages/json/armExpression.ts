/**
 * ARM template expressions (`"[parameters('pool').startTask]"`), parsed: which parameters and
 * variables an expression reads, and through which property path. The grammar is the one the ARM
 * documentation gives (template-expressions): a function call — `name(args)`, or `namespace.name(args)`
 * for user-defined functions — followed by property (`.name`) and index (`[expr]`) accessors, whose
 * arguments are calls, single-quoted strings (`''` escapes a quote) and numbers. Function names are
 * case-insensitive. Nothing here knows Batch.
 */

/** A step into a value: a property name, an array index, or any step (an index computed at deployment). */
export type PathSegment = string | number | typeof ANY_STEP;
export const ANY_STEP: unique symbol = Symbol('any step');

/** A reference to a template parameter or variable inside an expression. */
export interface ArmReference {
  readonly kind: 'parameters' | 'variables';
  /** The parameter or variable, as written; undefined when computed (`parameters(concat('a', 'b'))`). */
  readonly name?: string;
  /** The accessors right after the call: `parameters('pool').startTask[0]` → ['startTask', 0]. */
  readonly path: readonly PathSegment[];
  /**
   * The expression is this reference and its accessors alone, so the value read lands where the
   * expression is written; otherwise a function transforms it (`union(…)`, `if(…)`, `createObject(…)`).
   */
  readonly direct: boolean;
}

/** What an expression string reads; `parsed: false` when it is not valid expression syntax. */
export interface ArmExpressionReads {
  readonly parsed: boolean;
  readonly references: readonly ArmReference[];
}

/** A JSON string an ARM template evaluates: `[...]`, but not `[[...]`, which is a literal starting with `[`. */
export function isArmExpression(value: string): boolean {
  return value.length >= 2 && value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

type TokenKind = 'ident' | 'string' | 'number' | '(' | ')' | '[' | ']' | '.' | ',';
interface Tok {
  readonly kind: TokenKind;
  readonly text: string;
}

function tokenize(source: string): Tok[] | undefined {
  const tokens: Tok[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if ('()[].,'.includes(c)) {
      tokens.push({ kind: c as TokenKind, text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= source.length) return undefined;
        if (source[i] === "'") {
          if (source[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += source[i++];
      }
      tokens.push({ kind: 'string', text: value });
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
      if (!m) return undefined;
      tokens.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'ident', text: m[0] });
      i += m[0].length;
    } else {
      return undefined;
    }
  }
  return tokens;
}

type Expr =
  | { readonly type: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly accessors: readonly Accessor[] }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'name'; readonly name: string };
type Accessor = { readonly type: 'member'; readonly name: string } | { readonly type: 'index'; readonly index: Expr };

class ParseError extends Error {}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Tok[]) {}

  parseAll(): Expr {
    const expr = this.expr(0);
    if (this.at !== this.tokens.length) throw new ParseError();
    return expr;
  }

  private peek(): Tok | undefined {
    return this.tokens[this.at];
  }

  private take(kind: TokenKind): Tok {
    const tok = this.tokens[this.at];
    if (!tok || tok.kind !== kind) throw new ParseError();
    this.at++;
    return tok;
  }

  private expr(depth: number): Expr {
    // Expressions nest as deep as their text; a pathological one is not worth a stack overflow.
    if (depth > 200) throw new ParseError();
    const tok = this.peek();
    if (!tok) throw new ParseError();
    if (tok.kind === 'string') {
      this.at++;
      return { type: 'string', value: tok.text };
    }
    if (tok.kind === 'number') {
      this.at++;
      return { type: 'number', value: Number(tok.text) };
    }
    if (tok.kind !== 'ident') throw new ParseError();
    this.at++;
    let name = tok.text;
    if (this.peek()?.kind === '.' && this.tokens[this.at + 1]?.kind === 'ident' && this.tokens[this.at + 2]?.kind === '(') {
      this.at++;
      name = `${name}.${this.take('ident').text}`;
    }
    if (this.peek()?.kind !== '(') return { type: 'name', name };
    this.take('(');
    const args: Expr[] = [];
    if (this.peek()?.kind !== ')') {
      args.push(this.expr(depth + 1));
      while (this.peek()?.kind === ',') {
        this.at++;
        args.push(this.expr(depth + 1));
      }
    }
    this.take(')');
    const accessors: Accessor[] = [];
    for (;;) {
      const next = this.peek();
      if (next?.kind === '.') {
        this.at++;
        accessors.push({ type: 'member', name: this.take('ident').text });
      } else if (next?.kind === '[') {
        this.at++;
        accessors.push({ type: 'index', index: this.expr(depth + 1) });
        this.take(']');
      } else {
        break;
      }
    }
    return { type: 'call', name, args, accessors };
  }
}

function segmentOf(accessor: Accessor): PathSegment {
  if (accessor.type === 'member') return accessor.name;
  const index = accessor.index;
  if (index.type === 'string') return index.value;
  if (index.type === 'number' && Number.isInteger(index.value)) return index.value;
  return ANY_STEP;
}

const REFERENCE_FUNCTIONS = new Set(['parameters', 'variables']);

/** The parameters and variables an expression string (`[...]`, with its brackets) reads. */
export function armExpressionReads(expression: string): ArmExpressionReads {
  const tokens = tokenize(expression.slice(1, -1));
  let root: Expr;
  try {
    if (!tokens || tokens.length === 0) throw new ParseError();
    root = new Parser(tokens).parseAll();
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { parsed: false, references: [] };
  }
  const references: ArmReference[] = [];
  const stack: Expr[] = [root];
  while (stack.length > 0) {
    const expr = stack.pop()!;
    if (expr.type !== 'call') continue;
    const kind = expr.name.toLowerCase();
    if (REFERENCE_FUNCTIONS.has(kind)) {
      const arg = expr.args[0];
      references.push({
        kind: kind as ArmReference['kind'],
        ...(arg?.type === 'string' && expr.args.length === 1 && { name: arg.value }),
        path: expr.accessors.map(segmentOf),
        direct: expr === root,
      });
    }
    stack.push(...expr.args);
    for (const accessor of expr.accessors) if (accessor.type === 'index') stack.push(accessor.index);
  }
  return { parsed: true, references };
}
