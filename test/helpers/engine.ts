/** Small helpers the unit tests share: analyse a snippet, apply a fix, run fix-all. */
import { DEFAULT_SETTINGS, type Settings } from '../../common/settings';
import { applyEdits } from '../../server/src/engine/edits';
import { Engine, type AnalyzeOptions } from '../../server/src/engine/engine';
import type { LanguageId } from '../../server/src/engine/facts';
import type { Finding } from '../../server/src/engine/findings';

export const engine = new Engine();

export function settingsWith(patch: Partial<Settings>): Settings {
  return { ...DEFAULT_SETTINGS, ...patch };
}

/** Where a text is analysed as being: a file of its language (`file`: a name whose extension chooses the grammar, `submit.js`). */
export interface FileOption {
  readonly file?: string;
}

const uriOf = (language: LanguageId, options: FileOption) => (options.file ? `file:///${options.file}` : `file:///test.${language}`);

export async function analyze(language: LanguageId, text: string, options: AnalyzeOptions & FileOption = {}) {
  return engine.analyze({ uri: uriOf(language, options), languageId: language, text }, options);
}

export interface Squiggle {
  readonly rule: string;
  readonly severity: string;
  /** The text under the squiggle. */
  readonly text: string;
}

/** The findings as (rule, severity, squiggled text), in document order. */
export async function squiggles(language: LanguageId, text: string, options: AnalyzeOptions = {}): Promise<Squiggle[]> {
  const analysis = await analyze(language, text, options);
  analysis.release();
  return analysis.findings.map((f) => ({ rule: f.rule, severity: f.severity, text: text.slice(f.span.start, f.span.end) }));
}

/** Applies fix number `fixIndex` of the `findingIndex`th finding of `rule`; undefined when there is no such fix or it cannot render. */
export async function applyFix(
  language: LanguageId,
  text: string,
  rule: string,
  options: AnalyzeOptions & FileOption & { findingIndex?: number; fixIndex?: number } = {},
): Promise<string | undefined> {
  const analysis = await analyze(language, text, options);
  const finding: Finding | undefined = analysis.findings.filter((f) => f.rule === rule)[options.findingIndex ?? 0];
  const fix = finding?.fixes[options.fixIndex ?? 0];
  const edits = fix && analysis.edits(fix);
  analysis.release();
  return edits ? applyEdits(text, edits) : undefined;
}

export async function fixAll(language: LanguageId, text: string, options: AnalyzeOptions & FileOption = {}): Promise<string> {
  return (await engine.fixAll({ uri: uriOf(language, options), languageId: language, text }, options)).text;
}

/** The fixes the `findingIndex`th finding of `rule` offers, as [title, safe, preferred]. */
export async function fixesOf(
  language: LanguageId,
  text: string,
  rule: string,
  findingIndex = 0,
): Promise<(readonly [string, boolean, boolean])[]> {
  const analysis = await analyze(language, text);
  analysis.release();
  const finding = analysis.findings.filter((f) => f.rule === rule)[findingIndex];
  return (finding?.fixes ?? []).map((fix) => [fix.title, fix.safe, !!fix.preferred] as const);
}

/**
 * run-elevated on an object that has a user identity the runElevated does not agree with: removal,
 * in the menu only, naming runElevated as the file spells it (`RunElevated`, `run_elevated`, …).
 */
export function identityDecides(runElevated: string): readonly (readonly [string, boolean, boolean])[] {
  return [[`Remove ${runElevated} (the user identity decides)`, false, false]];
}
