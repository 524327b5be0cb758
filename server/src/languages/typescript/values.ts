/**
 * JavaScript expressions → neutral values: literals (strings without substitutions, numbers,
 * booleans, null and undefined), environment look-ups as secrets, identity enum values checked
 * against the spellings of the file's SDK. Nothing is evaluated.
 */
import type { CanonicalMember, EnumName } from '../../batch/model';
import { canonicalMember, JAVASCRIPT, JSON_DIALECTS, JSON_REST_LEGACY_SPELLINGS, type JsSdk } from '../../batch/sdks';
import type { Value } from '../../engine/facts';
import { field, spanOf, type Node } from '../toolkit/treeSitter';
import { dottedPath, stringContent, unwrapped } from './syntax';

export function valueOf(expression: Node): Value {
  const node = unwrapped(expression);
  const span = spanOf(node);
  const text = node.text;
  switch (node.type) {
    case 'true':
    case 'false':
      return { kind: 'bool', value: node.type === 'true', span, text };
    case 'null':
    case 'undefined':
      return { kind: 'null', span, text };
    case 'number': {
      const value = Number(text.replace(/_/g, ''));
      if (!Number.isNaN(value)) return { kind: 'number', value, span, text };
      break;
    }
    case 'unary_expression': {
      const operand = field(node, 'argument');
      if (text.startsWith('-') && operand?.type === 'number')
        return { kind: 'number', value: -Number(operand.text.replace(/_/g, '')), span, text };
      break;
    }
    case 'string':
    case 'template_string': {
      const value = stringContent(node);
      if (value !== undefined) return { kind: 'string', value, span, text };
      break;
    }
  }
  return { kind: 'expr', span, text, ...(isSecretLookup(node) && { hint: 'secret' as const }) };
}

/** `process.env.X`, `process.env['X']`, `secretClient.getSecret(…)`: a value read at run time from outside the code. */
function isSecretLookup(node: Node): boolean {
  let n = node;
  if (n.type === 'await_expression') n = n.namedChild(0) ?? n;
  if (n.type === 'binary_expression') return [field(n, 'left'), field(n, 'right')].some((c) => !!c && isSecretLookup(c));
  if (n.type === 'subscript_expression') n = field(n, 'object') ?? n;
  const path = n.type === 'call_expression' ? dottedPath(field(n, 'function')) : dottedPath(n);
  if (!path) return false;
  if (path[0] === 'process' && path[1] === 'env') return true;
  return n.type === 'call_expression' && path[path.length - 1] === 'getSecret';
}

/** The spellings of an SDK's values. */
export function spellingsOf(sdk: JsSdk) {
  return JAVASCRIPT.enums[sdk];
}

/**
 * The member a value names in the SDK's spelling. azure-batch's mappers send the string as
 * written, and its typings list the older REST spelling (`nonAdmin`): the REST spelling is its too.
 */
function canonicalIn(sdk: JsSdk, enumName: EnumName, member: string): CanonicalMember | undefined {
  const own = canonicalMember(spellingsOf(sdk), enumName, member);
  if (own || sdk !== 'azure-batch') return own;
  const rest = canonicalMember(JSON_DIALECTS.rest.enums, enumName, member);
  if (rest) return rest;
  return enumName === 'ElevationLevel' && member === JSON_REST_LEGACY_SPELLINGS.nonAdmin ? 'nonAdmin' : undefined;
}

/** An identity enum value (`elevationLevel: 'admin'`): an enum Value when it is a string literal, else as any value. */
export function enumValueOf(expression: Node, enumName: EnumName, sdk: JsSdk): Value {
  const node = unwrapped(expression);
  const member = stringContent(node);
  if (member === undefined || (node.type !== 'string' && node.type !== 'template_string')) return valueOf(node);
  const span = spanOf(node);
  return {
    kind: 'enum',
    enum: enumName,
    member,
    canonical: canonicalIn(sdk, enumName, member),
    span,
    memberSpan: { start: span.start + 1, end: span.end - 1 },
    text: node.text,
  };
}
