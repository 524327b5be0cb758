/**
 * Settings under `batchIdentity.` and the custom protocol messages shared by the client, the
 * server and the CLI. The manifest (package.json `contributes.configuration`) declares the same
 * names; test/unit/manifest.test.ts keeps the two in step.
 */
import { LANGUAGE_IDS, type LanguageId } from './languages';

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type FixScope = 'omit' | 'task' | 'pool';

export interface Settings {
  /** Master switch. */
  readonly enable: boolean;
  /** Languages analysed (all of the language table's by default); `json` covers JSON with comments too. */
  readonly languages: readonly LanguageId[];
  /** Per-rule severity overrides; `off` disables a rule. */
  readonly rules: Readonly<Record<string, SeverityOverride>>;
  /** Scope written by the preferred fix and fix-all for runElevated. */
  readonly fix: { readonly scope: FixScope };
  /** Files larger than this are skipped with a note in the output. */
  readonly maxFileSizeKB: number;
  /** Inlay hints: `runsAs`, the identity each task runs as, at its construction. */
  readonly inlayHints: { readonly runsAs: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  languages: LANGUAGE_IDS,
  rules: {},
  fix: { scope: 'omit' },
  maxFileSizeKB: 10240,
  inlayHints: { runsAs: true },
};

/** Normalises whatever the client sent (missing keys, wrong types) into complete settings. */
export function resolveSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const fix = (r.fix && typeof r.fix === 'object' ? r.fix : {}) as Record<string, unknown>;
  const inlayHints = (r.inlayHints && typeof r.inlayHints === 'object' ? r.inlayHints : {}) as Record<string, unknown>;
  const languages = Array.isArray(r.languages)
    ? (r.languages.filter((l) => LANGUAGE_IDS.includes(l as LanguageId)) as LanguageId[])
    : DEFAULT_SETTINGS.languages;
  const rules: Record<string, SeverityOverride> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (value === 'error' || value === 'warning' || value === 'information' || value === 'hint' || value === 'off') rules[id] = value;
    }
  }
  const scope = fix.scope === 'task' || fix.scope === 'pool' ? fix.scope : 'omit';
  const maxFileSizeKB = typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : DEFAULT_SETTINGS.maxFileSizeKB;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    languages,
    rules,
    fix: { scope },
    maxFileSizeKB,
    inlayHints: { runsAs: typeof inlayHints.runsAs === 'boolean' ? inlayHints.runsAs : DEFAULT_SETTINGS.inlayHints.runsAs },
  };
}

/** Code-action kind of fix-all; `editor.codeActionsOnSave` names it. */
export const FIX_ALL_KIND = 'source.fixAll.batchIdentity';
/** Diagnostic source. */
export const DIAGNOSTIC_SOURCE = 'batch-identity';
