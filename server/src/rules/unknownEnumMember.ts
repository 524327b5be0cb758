/**
 * unknown-enum-member: an elevation level, scope or login mode spelled in a way this SDK or
 * JSON dialect does not have (`ElevationLevel.NONADMIN` in Java, `nonadmin` in Python, `"Admin"`
 * in a REST body). The fix writes the valid spelling of the same member.
 *
 * Code that names a member its enum lacks does not compile (C#, Java) or fails when run (Python):
 * an error. A JSON value is a string no compiler checks, and how the service takes other casings
 * is not documented: a warning that names the dialect it was read in. Where the adapter only
 * assumes the dialect (no evidence of the document's kind), the fix is offered but not applied on save.
 */
import { JSON_DIALECTS, type JsonDialect } from '../batch/sdks';
import type { EnumRefFact, Facts } from '../engine/facts';
import { defineRule, type Report } from './define';

interface Member {
  /** The enum, as the file names it (`ElevationLevel`). */
  readonly enum: string;
  /** The member as written. */
  readonly member: string;
}

/** Who writes a JSON dialect, as the messages name it: `REST bodies`, `ARM templates`. */
interface Dialect {
  readonly dialect: string;
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
      `${name} has no member '${member}'; valid here: ${quoted(valid)}.`,
    jsonSpelling: ({ enum: name, member, suggestion, dialect }: Member & Dialect & { suggestion: string }) =>
      `${name} '${member}': ${dialect} spell it '${suggestion}'.`,
    jsonUnknown: ({ enum: name, member, valid, dialect }: Member & Dialect & { valid: readonly string[] }) =>
      `${name} has no member '${member}'; ${dialect} take ${quoted(valid)}.`,
    changeFix: ({ suggestion }: { suggestion: string }) => `Change to '${suggestion}'`,
  },
} as const;

function quoted(spellings: readonly string[]): string {
  return spellings.map((s) => `'${s}'`).join(', ');
}

/** Compares spellings ignoring case and underscores: `NONADMIN` ~ `NON_ADMIN` ~ `nonAdmin`. */
function fold(spelling: string): string {
  return spelling.replace(/_/g, '').toLowerCase();
}

export function suggestionFor(ref: EnumRefFact): string | undefined {
  const wanted = fold(ref.value.member);
  return Object.values(ref.valid).find((spelling) => fold(spelling) === wanted);
}

type Messages = typeof descriptor.messages;

/** A JSON value: a warning naming the dialect; the same member in another spelling has a fix. */
function checkJson(ref: EnumRefFact, dialect: JsonDialect, report: Report<Messages>): void {
  const member = { enum: ref.value.enum, member: ref.value.member, dialect: JSON_DIALECTS[dialect].label };
  const span = ref.value.memberSpan;
  const base = { span, severity: 'warning', confidence: ref.confidence } as const;
  const suggestion = suggestionFor(ref);
  if (!suggestion) {
    report({ ...base, message: ['jsonUnknown', { ...member, valid: Object.values(ref.valid) }] });
    return;
  }
  report({
    ...base,
    message: ['jsonSpelling', { ...member, suggestion }],
    fixes: [
      {
        title: ['changeFix', { suggestion }],
        intent: { kind: 'replaceEnumMember', span, text: suggestion },
        preferred: true,
        // An assumed dialect: the fix waits for the author.
        safe: ref.confidence !== 'weak',
      },
    ],
  });
}

function check(facts: Facts, report: Report<Messages>): void {
  for (const ref of facts.enumRefs) {
    if (ref.value.canonical) continue;
    if (ref.dialect) {
      checkJson(ref, ref.dialect, report);
      continue;
    }
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
