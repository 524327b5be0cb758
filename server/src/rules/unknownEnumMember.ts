/**
 * unknown-enum-member: an elevation level, scope or login mode spelled in a way this SDK or
 * JSON dialect does not have (`ElevationLevel.NONADMIN` in Java, `nonadmin` in Python, `"Admin"`
 * in a REST body). The fix writes the valid spelling of the same member.
 */
import type { EnumRefFact, Facts } from '../engine/facts';
import type { Finding, Rule } from '../engine/findings';

export const UNKNOWN_ENUM_MEMBER = 'unknown-enum-member';

/** Compares spellings ignoring case and underscores: `NONADMIN` ~ `NON_ADMIN` ~ `nonAdmin`. */
function fold(spelling: string): string {
  return spelling.replace(/_/g, '').toLowerCase();
}

export function suggestionFor(ref: EnumRefFact): string | undefined {
  const wanted = fold(ref.value.member);
  return Object.values(ref.valid).find((spelling) => fold(spelling) === wanted);
}

function check(facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const ref of facts.enumRefs) {
    if (ref.value.canonical) continue;
    const suggestion = suggestionFor(ref);
    const validList = Object.values(ref.valid)
      .map((s) => `'${s}'`)
      .join(', ');
    findings.push({
      rule: UNKNOWN_ENUM_MEMBER,
      severity: 'error',
      span: ref.value.memberSpan,
      message: suggestion
        ? `${ref.value.enum} has no member '${ref.value.member}' here; it is spelled '${suggestion}'.`
        : `${ref.value.enum} has no member '${ref.value.member}'; valid here: ${validList}.`,
      fixes: suggestion
        ? [
            {
              title: `Change to '${suggestion}'`,
              intent: { kind: 'replaceEnumMember', span: ref.value.memberSpan, text: suggestion },
              preferred: true,
              safe: true,
            },
          ]
        : [],
    });
  }
  return findings;
}

export const unknownEnumMemberRule: Rule = {
  id: UNKNOWN_ENUM_MEMBER,
  title: 'Identity enum members must exist in this SDK or dialect',
  defaultSeverity: 'error',
  check,
};
