/**
 * What every renderer does the same way: an enum member is one name (or JSON string content)
 * swapped for another, and the end of each renderer's switch over intent kinds, where the compiler
 * proves that every kind of FixIntent is handled (a new kind fails to compile until each language
 * says how it renders it, or that it does not).
 */
import type { FixIntent } from '../../engine/findings';
import type { TextEdit } from '../../engine/language';

export function enumMemberEdits(intent: Extract<FixIntent, { kind: 'replaceEnumMember' }>): TextEdit[] {
  return [{ span: intent.span, newText: intent.text }];
}

/** Reached only by an intent kind this build does not know: no edits. */
export function unknownIntent(intent: never): undefined {
  void intent;
  return undefined;
}
