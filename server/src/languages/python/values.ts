/**
 * Python expressions → neutral values: literals (strings without interpolation, numbers), Batch
 * enum members spelled for the file's SDK generation, names bound once read through to what they
 * hold, and hints for secret look-ups and GUID generators. Nothing is evaluated.
 */
import type { CanonicalMember, EnumName } from '../../batch/model';
import { PYTHON, type EnumSpellings, type PythonPlane } from '../../batch/sdks';
import type { Value } from '../../engine/facts';
import { spanOf, type Node } from '../toolkit/treeSitter';
import { MAX_DEPTH, type BatchEvidence, type EnumAccess } from './evidence';
import type { SymbolTable } from './scope';
import { unparenthesized } from './syntax';

const SECRET_FUNCTIONS = new Set(['os.getenv', 'os.environ.get', 'os.environ.setdefault', 'os.environ.__getitem__']);
const GUID_FUNCTIONS = new Set(['uuid.uuid4', 'uuid.uuid1', 'uuid.UUID']);

export class PythonValues {
  constructor(
    private readonly symbols: SymbolTable,
    private readonly evidence: BatchEvidence,
  ) {}

  spellings(plane: PythonPlane): EnumSpellings {
    return plane === 'mgmt' ? PYTHON.mgmtEnums : PYTHON.enums[this.evidence.sdk];
  }

  private canonicalOf(plane: PythonPlane, enumName: EnumName, member: string): CanonicalMember | undefined {
    const table = this.spellings(plane)[enumName];
    const caseInsensitive = PYTHON.caseInsensitiveEnums[plane === 'mgmt' ? 'mgmt' : this.evidence.sdk];
    for (const canonical of Object.keys(table)) {
      const spelled = table[canonical];
      if (caseInsensitive ? member.toUpperCase() === spelled.toUpperCase() : member === spelled) return canonical as CanonicalMember;
    }
    return undefined;
  }

  /**
   * The Value of an expression. With `follow`, a name bound once to a literal, an enum member, a
   * secret look-up or a GUID is read through (the Value then spans the definition).
   */
  value(expression: Node, follow: boolean, depth = 0): Value {
    const node = unparenthesized(expression);
    const span = spanOf(node);
    const text = node.text;
    switch (node.type) {
      case 'true':
      case 'false':
        return { kind: 'bool', value: node.type === 'true', span, text };
      case 'none':
        return { kind: 'null', span, text };
      case 'integer':
      case 'float':
      case 'unary_operator': {
        const n = numberLiteral(node);
        if (n !== undefined) return { kind: 'number', value: n, span, text };
        break;
      }
      case 'string':
      case 'concatenated_string': {
        const s = stringLiteral(node);
        if (s !== undefined) return { kind: 'string', value: s, span, text };
        break;
      }
      case 'attribute': {
        const access = this.evidence.enumAccessOf(node);
        if (access) return this.enumValue(access);
        break;
      }
      case 'identifier':
        if (follow && depth < MAX_DEPTH) {
          const binding = this.symbols.resolveName(node.text, node);
          if (binding?.kind === 'assign' && binding.value) {
            const resolved = this.value(binding.value, true, depth + 1);
            if (resolved.kind !== 'expr' || resolved.hint) return resolved;
            return { kind: 'expr', span, text, hint: 'reference' };
          }
        }
        break;
    }
    const hint = this.hintOf(node);
    return hint ? { kind: 'expr', span, text, hint } : { kind: 'expr', span, text };
  }

  /** 'secret' for environment and key-vault look-ups, 'guid' for uuid generators. */
  private hintOf(node: Node): 'secret' | 'guid' | undefined {
    const path = (n: Node | null | undefined) =>
      n && (n.type === 'identifier' || n.type === 'attribute') ? this.symbols.qualifiedOf(n) : undefined;
    switch (node.type) {
      case 'subscript':
        return path(node.childForFieldName('value')) === 'os.environ' ? 'secret' : undefined;
      case 'call': {
        const fn = node.childForFieldName('function');
        const callee = path(fn);
        if (callee && SECRET_FUNCTIONS.has(callee)) return 'secret';
        if (callee && GUID_FUNCTIONS.has(callee)) return 'guid';
        // SecretClient(…).get_secret(name), whatever the client variable is.
        if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get_secret') return 'secret';
        // str(uuid.uuid4())
        if (fn?.type === 'identifier' && fn.text === 'str' && !this.symbols.resolveName('str', fn)) {
          const arg = node.childForFieldName('arguments')?.namedChild(0);
          return arg && this.hintOf(arg) === 'guid' ? 'guid' : undefined;
        }
        return undefined;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attr = node.childForFieldName('attribute')?.text;
        const inner = object ? this.hintOf(object) : undefined;
        if (inner === 'secret' && attr === 'value') return 'secret';
        if (inner === 'guid' && (attr === 'hex' || attr === 'urn')) return 'guid';
        return undefined;
      }
      default:
        return undefined;
    }
  }

  enumValue(access: EnumAccess): Extract<Value, { kind: 'enum' }> {
    return {
      kind: 'enum',
      enum: access.enumName,
      member: access.member,
      canonical: this.canonicalOf(access.plane, access.enumName, access.member),
      span: spanOf(access.node),
      memberSpan: access.memberSpan,
      text: access.node.text,
    };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };

/** The value of a plain string literal (no interpolation); undefined for f-strings with fields or bytes. */
export function stringLiteral(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      const value = part ? stringLiteral(part) : undefined;
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  let prefix = '';
  let out = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    switch (child.type) {
      case 'string_start':
        prefix = child.text.replace(/['"]/g, '').toLowerCase();
        if (prefix.includes('b')) return undefined;
        break;
      case 'string_content':
        out += prefix.includes('r') ? child.text : unescape(child.text);
        break;
      case 'escape_sequence':
        out += prefix.includes('r') ? child.text : unescape(child.text);
        break;
      case 'string_end':
        break;
      default:
        // An interpolation: the value is not known.
        return undefined;
    }
  }
  return out;
}

function unescape(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/gs, (whole, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    return SIMPLE_ESCAPES[code] ?? whole;
  });
}

export function numberLiteral(node: Node): number | undefined {
  if (node.type === 'unary_operator' && node.child(0)?.type === '-') {
    const operand = node.childForFieldName('argument');
    const value = operand ? numberLiteral(operand) : undefined;
    return value === undefined ? undefined : -value;
  }
  if (node.type !== 'integer' && node.type !== 'float') return undefined;
  const value = Number(node.text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
