/** Python literals → Values: what an argument is known to be, without evaluating anything. */
import type { Span } from '../../engine/facts';
import type { Node } from '../treeSitterSupport';

export function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
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
