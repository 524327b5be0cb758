/**
 * Expands a VS Code snippet body the way the editor inserts it when the user accepts every
 * default: `$1` / `${1}` take the value of their tab stop, `${1:default}` its default (which may
 * hold further placeholders), `${1|a,b|}` a choice (the first, or another when asked), `$0` is
 * the final cursor (empty). A tab stop's value is the first value given to that index anywhere
 * in the body, and every occurrence of the index shows it (VS Code mirrors them).
 *
 * Escapes: `\$`, `\}` and `\\` in text and defaults (outside a placeholder a bare `}` is text);
 * `\,`, `\|` and `\\` in choices, where `$` and `}` are plain. Stricter than VS Code on purpose: a
 * `$` that starts no tab stop (a variable such as `$TM_FILENAME`, or a stray dollar) throws, so a
 * body cannot silently lose text the author meant literally.
 */

type Node = string | { readonly index: number; readonly children?: readonly Node[]; readonly choices?: readonly string[] };

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Node[] {
    return this.sequence(false);
  }

  private error(message: string): Error {
    return new Error(`${message} at offset ${this.pos} of ${JSON.stringify(this.text)}`);
  }

  /** Text and placeholders up to the end, or up to an unescaped `}` inside a placeholder (elsewhere `}` is text). */
  private sequence(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\' && '$}\\'.includes(this.text[this.pos + 1] ?? '')) {
        text += this.text[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        if (text) nodes.push(text);
        text = '';
        nodes.push(this.placeholder());
      } else if (c === '}' && inPlaceholder) {
        break;
      } else {
        text += c;
        this.pos++;
      }
    }
    if (text) nodes.push(text);
    return nodes;
  }

  private placeholder(): Node {
    this.pos++; // $
    const bare = /^\d+/.exec(this.text.slice(this.pos));
    if (bare) {
      this.pos += bare[0].length;
      return { index: Number(bare[0]) };
    }
    if (this.text[this.pos] !== '{') throw this.error('a $ that starts no tab stop (escape it as \\$)');
    this.pos++;
    const digits = /^\d+/.exec(this.text.slice(this.pos));
    if (!digits) throw this.error('a variable or malformed placeholder');
    this.pos += digits[0].length;
    const index = Number(digits[0]);
    const next = this.text[this.pos];
    if (next === '}') {
      this.pos++;
      return { index };
    }
    if (next === ':') {
      this.pos++;
      const children = this.sequence(true);
      if (this.text[this.pos] !== '}') throw this.error('unterminated placeholder');
      this.pos++;
      return { index, children };
    }
    if (next === '|') {
      this.pos++;
      return { index, choices: this.choices() };
    }
    throw this.error('malformed placeholder');
  }

  private choices(): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '\\' && ',|\\'.includes(this.text[this.pos + 1] ?? '')) {
        option += this.text[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        options.push(option);
        option = '';
        this.pos++;
      } else if (c === '|' && this.text[this.pos + 1] === '}') {
        options.push(option);
        this.pos += 2;
        return options;
      } else {
        option += c;
        this.pos++;
      }
    }
    throw this.error('unterminated choice');
  }
}

export interface ExpandOptions {
  /** Which option every choice takes: the first (what the editor offers) or the last. */
  readonly choice?: 'first' | 'last';
}

function parseBody(body: string | readonly string[]): Node[] {
  return new Parser(typeof body === 'string' ? body : body.join('\n')).parse();
}

/** The value of every tab stop: its first default or choice in the body; mirrors have none. */
function values(nodes: readonly Node[], options: ExpandOptions): Map<number, readonly Node[]> {
  const found = new Map<number, readonly Node[]>();
  const visit = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string') continue;
      if (node.choices && !found.has(node.index)) {
        found.set(node.index, [options.choice === 'last' ? node.choices[node.choices.length - 1] : node.choices[0]]);
      } else if (node.children) {
        if (!found.has(node.index)) found.set(node.index, node.children);
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return found;
}

/** The text the editor inserts with every placeholder left at its default. */
export function expand(body: string | readonly string[], options: ExpandOptions = {}): string {
  const nodes = parseBody(body);
  const byIndex = values(nodes, options);
  const render = (list: readonly Node[], seen: readonly number[]): string =>
    list
      .map((node) => {
        if (typeof node === 'string') return node;
        if (seen.includes(node.index)) throw new Error(`tab stop ${node.index} contains itself`);
        return render(byIndex.get(node.index) ?? [], [...seen, node.index]);
      })
      .join('');
  return render(nodes, []);
}

/** The indices of a body's tab stops, ascending, each once. */
export function tabStopIndices(body: string | readonly string[]): number[] {
  const indices = new Set<number>();
  const visit = (list: readonly Node[]) => {
    for (const node of list) {
      if (typeof node === 'string') continue;
      indices.add(node.index);
      if (node.children) visit(node.children);
    }
  };
  visit(parseBody(body));
  return [...indices].sort((a, b) => a - b);
}
