/**
 * From fix intents to edits, the part every language shares: each language's renderer is a table
 * with one entry per kind of FixIntent (the type rejects a table that forgets one, so a new kind
 * fails to compile until every language says how it renders it, or that it does not), and one
 * dispatch over the kinds, whose `never` case proves the switch complete. An enum member is one
 * name (or JSON string content) swapped for another in every language.
 */
import type { FixIntent } from '../../engine/findings';
import { NO_FORMAT, type FileFormat, type TextEdit } from '../../engine/language';

export type IntentOf<K extends FixIntent['kind']> = Extract<FixIntent, { readonly kind: K }>;

/**
 * How one language renders each kind of intent; undefined when this file's shape makes it unsafe.
 * `format` is how the project wants the file written (line length, indentation); an entry that
 * writes no new lines may ignore it.
 */
export type IntentRenderer<Plan> = {
  readonly [K in FixIntent['kind']]: (intent: IntentOf<K>, plan: Plan, format: FileFormat) => TextEdit[] | undefined;
};

export function render<Plan>(
  intent: FixIntent,
  renderer: IntentRenderer<Plan>,
  plan: Plan,
  format: FileFormat = NO_FORMAT,
): TextEdit[] | undefined {
  switch (intent.kind) {
    case 'replaceRunElevated':
      return renderer.replaceRunElevated(intent, plan, format);
    case 'removeRunElevated':
      return renderer.removeRunElevated(intent, plan, format);
    case 'replaceEnumMember':
      return renderer.replaceEnumMember(intent, plan, format);
    case 'moveMisplacedCall':
      return renderer.moveMisplacedCall(intent, plan, format);
    default:
      return unknownIntent(intent);
  }
}

/** Reached only by an intent kind this build does not know: no edits. */
function unknownIntent(intent: never): undefined {
  void intent;
  return undefined;
}

export function enumMemberEdits(intent: IntentOf<'replaceEnumMember'>): TextEdit[] {
  return [{ span: intent.span, newText: intent.text }];
}

/** Edits the adapter planned, copied (a caller may keep or change what it is given). */
export function plannedEdits(edits: readonly TextEdit[] | undefined): TextEdit[] | undefined {
  return edits && [...edits];
}

/** An intent this language never has to render (no construct of its produces it). */
export function noEdits(): undefined {
  return undefined;
}
