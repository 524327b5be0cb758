/**
 * unknown-enum-member: an elevation level, scope or login mode spelled in a way this SDK or
 * JSON dialect does not have (`ElevationLevel.NONADMIN` in Java, `nonadmin` in Python, `"Admin"`
 * in a REST body). The fix writes the valid spelling of the same member.
 */
import type { EnumName } from '../batch/model';
import { JSON_ENUM_KEYS } from '../batch/sdks';
import type { EnumRefFact, Facts, LanguageId } from '../engine/facts';
import type { RuleContext } from '../engine/findings';
import { defineRule, type Report } from './define';

interface Member {
  /** The enum, as the file names it (`ElevationLevel`). */
  readonly enum: EnumName;
  /** The member as written. */
  readonly member: string;
  /** JSON writes values (`"elevationLevel": "Admin"`), code members (`ElevationLevel.NONADMIN`). */
  readonly language: LanguageId;
}

/** A spelling of the enum's member as the file writes it. */
function written(language: LanguageId, name: EnumName, spelling: string): string {
  return language === 'json' ? JSON.stringify(spelling) : `${name}.${spelling}`;
}

/** Where the member stands: its JSON key, or the enum it belongs to. */
function subject({ language, enum: name, member }: Member): string {
  return language === 'json' ? `${JSON.stringify(JSON_ENUM_KEYS[name])}: ${JSON.stringify(member)}` : `${name}.${member}`;
}

/** Code does not compile or run with a member the enum lacks; JSON casing is the schema's (the service's is undocumented). */
function why(language: LanguageId, known: boolean): string {
  if (language === 'json') return known ? 'not the schema spelling here' : 'not a value the schema defines here';
  return 'not a member in this SDK';
}

const descriptor = {
  id: 'unknown-enum-member',
  title: 'Identity enum members must exist in this SDK or dialect',
  summary: '`ElevationLevel.NONADMIN`, `nonadmin`, JSON values in the wrong casing',
  defaultSeverity: 'error',
  fixable: 'sometimes',
  languages: ['csharp', 'java', 'python', 'json'],
  messages: {
    misspelled: (data: Member & { suggestion: string }) =>
      `${subject(data)} is ${why(data.language, true)}: write ${written(data.language, data.enum, data.suggestion)}.`,
    unknown: (data: Member & { valid: readonly string[] }) =>
      `${subject(data)} is ${why(data.language, false)}; ${data.language === 'json' ? 'its values' : 'its members'}: ` +
      `${data.valid.map((s) => written(data.language, data.enum, s)).join(', ')}.`,
    changeFix: ({ language, enum: name, suggestion }: Pick<Member, 'language' | 'enum'> & { suggestion: string }) =>
      `Change to ${written(language, name, suggestion)}`,
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

function check(facts: Facts, report: Report<typeof descriptor.messages>, context: RuleContext): void {
  for (const ref of facts.enumRefs) {
    if (ref.value.canonical) continue;
    const suggestion = suggestionFor(ref);
    const span = ref.value.memberSpan;
    const language = context.languageAt(span.start);
    const member = { enum: ref.value.enum, member: ref.value.member, language };
    if (!suggestion) {
      report({ span, message: ['unknown', { ...member, valid: Object.values(ref.valid) }] });
      continue;
    }
    report({
      span,
      message: ['misspelled', { ...member, suggestion }],
      fixes: [
        {
          title: ['changeFix', { language, enum: ref.value.enum, suggestion }],
          intent: { kind: 'replaceEnumMember', span, text: suggestion },
          preferred: true,
          safe: true,
        },
      ],
    });
  }
}

export const unknownEnumMemberRule = defineRule(descriptor, check);
