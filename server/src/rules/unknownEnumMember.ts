/**
 * unknown-enum-member: an elevation level, scope or login mode spelled in a way this SDK or
 * JSON dialect does not have (`ElevationLevel.NONADMIN` in Java, `nonadmin` in Python, `"Admin"`
 * in a REST body). The fix writes the valid spelling of the same member.
 */
import type { EnumRefFact, Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

interface Member {
  /** The enum, as the file names it (`ElevationLevel`). */
  readonly enum: string;
  /** The member as written. */
  readonly member: string;
}

const descriptor = {
  id: 'unknown-enum-member',
  title: 'Identity enum members must exist in this SDK or dialect',
  summary: '`ElevationLevel.NONADMIN`, `nonadmin`, JSON values in the wrong casing',
  defaultSeverity: 'error',
  fixable: 'sometimes',
  languages: ['csharp', 'java', 'python', 'json'],
  messages: {
    misspelled: ({ enum: name, member, suggestion }: Member & { suggestion: string }) =>
      `${name} has no member '${member}' here; it is spelled '${suggestion}'.`,
    unknown: ({ enum: name, member, valid }: Member & { valid: readonly string[] }) =>
      `${name} has no member '${member}'; valid here: ${valid.map((s) => `'${s}'`).join(', ')}.`,
    changeFix: ({ suggestion }: { suggestion: string }) => `Change to '${suggestion}'`,
  },
} as const;

/** Compares spellings ignoring case and underscores: `NONADMIN` ~ `NON_ADMIN` ~ `nonAdmin`. */
function fold(spelling: string): string {
  return spelling.replace(/_/g, '').toLowerCase();
}

export function suggestionFor(ref: EnumRefFact): string | undefined {
  const wanted = fold(ref.value.member);
  return Object.values(ref.valid).find((spelling) => fold(spelling) === wanted);
}

function check(facts: Facts, report: Report<typeof descriptor.messages>): void {
  for (const ref of facts.enumRefs) {
    if (ref.value.canonical) continue;
    const suggestion = suggestionFor(ref);
    const member = { enum: ref.value.enum, member: ref.value.member };
    const span = ref.value.memberSpan;
    if (!suggestion) {
      report({ span, message: ['unknown', { ...member, valid: Object.values(ref.valid) }] });
      continue;
    }
    report({
      span,
      message: ['misspelled', { ...member, suggestion }],
      fixes: [
        {
          title: ['changeFix', { suggestion }],
          intent: { kind: 'replaceEnumMember', span, text: suggestion },
          preferred: true,
          safe: true,
        },
      ],
    });
  }
}

export const unknownEnumMemberRule = defineRule(descriptor, check);
