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
import type { CodeLanguageId } from '../../../common/languages';
import type { EnumName } from '../batch/model';
import { memberStyleOf, quotedString, VALUE_DIALECTS, writtenMember, type StringQuote, type ValueDialect } from '../batch/sdks';
import type { EnumRefFact, Facts } from '../engine/facts';
import type { RuleContext } from '../engine/findings';
import { defineRule, type Report } from './define';

interface Member {
  /** The enum, as the file names it (`ElevationLevel`). */
  readonly enum: EnumName;
  /** The member as written. */
  readonly member: string;
  /** JSON writes values (`"elevationLevel": "Admin"`), code members (`ElevationLevel.NONADMIN`). */
  readonly language: CodeLanguageId;
  /** The quote the value is written in (TypeScript/JavaScript: the fact's, which the fix keeps); `"` when absent. */
  readonly quote?: StringQuote;
}

/** Who writes a JSON dialect, as the messages name it: `REST bodies`, `ARM templates`. */
interface Dialect {
  readonly dialect: string;
}

/** A spelling of the enum's member as the file writes it: a value in its quote, or `Enum.Member`. */
function written(language: CodeLanguageId, name: EnumName, spelling: string, quote?: StringQuote): string {
  return memberStyleOf(language) === 'enum' ? `${name}.${spelling}` : quotedString(spelling, quote);
}

/** Where the member stands: its JSON key or object property, or the enum it belongs to. */
function subject({ language, enum: name, member, quote }: Member): string {
  return writtenMember(memberStyleOf(language), name, member, quote);
}

/**
 * Code does not compile or run with a member the enum lacks; a TypeScript value outside the SDK's
 * union type does not compile; JSON casing is the schema's (the service's is undocumented).
 */
function why(language: CodeLanguageId, known: boolean): string {
  if (language === 'json') return known ? 'not the schema spelling here' : 'not a value the schema defines here';
  if (language === 'typescript') return "not a value of this SDK's type";
  return 'not a member in this SDK';
}

const descriptor = {
  id: 'unknown-enum-member',
  title: 'Identity enum members must exist in this SDK or dialect',
  summary: '`ElevationLevel.NONADMIN`, `nonadmin`, JSON values in the wrong casing',
  defaultSeverity: 'error',
  fixable: 'sometimes',
  languages: ['csharp', 'java', 'python', 'json', 'typescript'],
  messages: {
    misspelled: (data: Member & { suggestion: string }) =>
      `${subject(data)} is ${why(data.language, true)}: write ${written(data.language, data.enum, data.suggestion)}.`,
    unknown: (data: Member & { valid: readonly string[] }) =>
      `${subject(data)} is ${why(data.language, false)}; ${memberStyleOf(data.language) === 'enum' ? 'its members' : 'its values'}: ` +
      `${data.valid.map((s) => written(data.language, data.enum, s, data.quote)).join(', ')}.`,
    jsonSpelling: (data: Omit<Member, 'language'> & Partial<Pick<Member, 'language'>> & Dialect & { suggestion: string }) =>
      `${subject({ language: 'json', ...data })}: ${data.dialect} spell it ${quotedString(data.suggestion, data.quote)}.`,
    jsonUnknown: (data: Omit<Member, 'language'> & Partial<Pick<Member, 'language'>> & Dialect & { valid: readonly string[] }) =>
      `${subject({ language: 'json', ...data })}: ${data.dialect} take ${data.valid.map((s) => quotedString(s, data.quote)).join(', ')}.`,
    changeFix: ({ language, enum: name, suggestion, quote }: Pick<Member, 'language' | 'enum' | 'quote'> & { suggestion: string }) =>
      `Change to ${written(language, name, suggestion, quote)}`,
  },
} as const;

type Messages = typeof descriptor.messages;

/** Compares spellings ignoring case and underscores: `NONADMIN` ~ `NON_ADMIN` ~ `nonAdmin`. */
function fold(spelling: string): string {
  return spelling.replace(/_/g, '').toLowerCase();
}

export function suggestionFor(ref: EnumRefFact): string | undefined {
  const wanted = fold(ref.value.member);
  return Object.values(ref.valid).find((spelling) => fold(spelling) === wanted);
}

/**
 * A string value no compiler checks (JSON; JavaScript, and TypeScript where the SDK types it as a
 * string): a warning naming the dialect; the same member in another spelling has a fix.
 */
function checkValue(ref: EnumRefFact, dialect: ValueDialect, language: CodeLanguageId, report: Report<Messages>): void {
  const member = {
    enum: ref.value.enum,
    member: ref.value.member,
    dialect: VALUE_DIALECTS[dialect].label,
    // JSON's messages are the table's as they were: no language named.
    ...(language !== 'json' && { language }),
    ...(ref.quote && { quote: ref.quote }),
  };
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
        title: ['changeFix', { language, enum: ref.value.enum, suggestion, ...(ref.quote && { quote: ref.quote }) }],
        intent: { kind: 'replaceEnumMember', span, text: suggestion },
        preferred: true,
        // An assumed dialect: the fix waits for the author.
        safe: ref.confidence !== 'weak',
      },
    ],
  });
}

function check(facts: Facts, report: Report<Messages>, context: RuleContext): void {
  for (const ref of facts.enumRefs) {
    if (ref.value.canonical) continue;
    const span = ref.value.memberSpan;
    const language = context.languageAt(span.start);
    if (ref.dialect) {
      checkValue(ref, ref.dialect, language, report);
      continue;
    }
    const member = { enum: ref.value.enum, member: ref.value.member, language, ...(ref.quote && { quote: ref.quote }) };
    const suggestion = suggestionFor(ref);
    if (!suggestion) {
      report({ span, message: ['unknown', { ...member, valid: Object.values(ref.valid) }] });
      continue;
    }
    report({
      span,
      message: ['misspelled', { ...member, suggestion }],
      fixes: [
        {
          title: ['changeFix', { language, enum: ref.value.enum, suggestion, ...(ref.quote && { quote: ref.quote }) }],
          intent: { kind: 'replaceEnumMember', span, text: suggestion },
          preferred: true,
          safe: true,
        },
      ],
    });
  }
}

export const unknownEnumMemberRule = defineRule(descriptor, check);
