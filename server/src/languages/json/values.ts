/**
 * JSON values → neutral values: literals as parsed, ARM/CLI-template expressions and pipeline
 * placeholders as expressions read at deployment (like a secret look-up), identity enum members
 * checked against the dialect's spellings.
 */
import type { Node } from 'jsonc-parser';
import type { CanonicalMember, EnumName } from '../../batch/model';
import { canonicalMember, JSON_DIALECTS, JSON_REST_LEGACY_SPELLINGS, type JsonDialect } from '../../batch/sdks';
import type { Value } from '../../engine/facts';
import { spanOf } from './syntax';

/** An ARM or CLI-template expression (`[parameters('x')]`), or a pipeline/env placeholder. */
function isExpressionString(value: string): boolean {
  return (/^\[.*\]$/s.test(value) && !value.startsWith('[[')) || /^\$\{.+\}$|^\$\(.+\)$|^\{\{.+\}\}$|^#\{.+\}#$|^__\w+__$/.test(value);
}

export function valueOf(node: Node, text: string): Value {
  const span = spanOf(node);
  const raw = text.slice(span.start, span.end);
  switch (node.type) {
    case 'boolean':
      return { kind: 'bool', value: node.value as boolean, span, text: raw };
    case 'number':
      return { kind: 'number', value: node.value as number, span, text: raw };
    case 'null':
      return { kind: 'null', span, text: raw };
    case 'string': {
      const value = node.value as string;
      return isExpressionString(value) ? { kind: 'expr', span, text: raw, hint: 'secret' } : { kind: 'string', value, span, text: raw };
    }
    default:
      return { kind: 'expr', span, text: raw };
  }
}

/** The member a spelling names in one dialect. */
function canonicalIn(dialect: JsonDialect, enumName: EnumName, member: string): CanonicalMember | undefined {
  const canonical = canonicalMember(JSON_DIALECTS[dialect].enums, enumName, member);
  if (!canonical && dialect === 'rest' && enumName === 'ElevationLevel' && member === JSON_REST_LEGACY_SPELLINGS.nonAdmin)
    return 'nonAdmin';
  return canonical;
}

/**
 * An identity enum member, read in `dialect`; with no dialect (it cannot be told), the member a
 * spelling of any dialect names.
 */
export function enumValueOf(node: Node, enumName: EnumName, dialect: JsonDialect | undefined, text: string): Value {
  if (node.type !== 'string' || isExpressionString(node.value as string)) return valueOf(node, text);
  const member = node.value as string;
  const dialects: readonly JsonDialect[] = dialect ? [dialect] : ['rest', 'arm'];
  const canonical = dialects.map((d) => canonicalIn(d, enumName, member)).find((c) => c !== undefined);
  const span = spanOf(node);
  return {
    kind: 'enum',
    enum: enumName,
    member,
    canonical,
    span,
    memberSpan: { start: span.start + 1, end: span.end - 1 },
    text: text.slice(span.start, span.end),
  };
}
