/**
 * What the integration suites expect per language, as one table: every suite loops over it, so a
 * language is added by putting its fixture files under test/integration/fixture/<language>/ and
 * one entry here. Expected texts are written as replacements of the fixture's text (each `from`
 * must occur exactly once), which keeps them exact and short.
 */
import * as vscode from 'vscode';

export interface Replacement {
  readonly from: string;
  readonly to: string;
}

export interface LanguageSample {
  /** Name in test titles (and the fixture folder). */
  readonly language: string;
  /** VS Code's language id of the files. */
  readonly languageId: string;
  /** A file with exactly one run-elevated finding. */
  readonly single: {
    readonly file: string;
    /** The text under the squiggle. */
    readonly squiggled: string;
    readonly severity: vscode.DiagnosticSeverity;
    /** The preferred quick fix: its title and the file after applying it. */
    readonly preferredFix: { readonly title: string; readonly after: readonly Replacement[] };
  };
  /** A file with several findings: fix-all on save rewrites all of them. */
  readonly several: {
    readonly file: string;
    readonly squiggled: readonly string[];
    /** A change a person makes before saving (the save must have something to save). */
    readonly edit: Replacement;
    /** The file on disk after saving, relative to the fixture's text with `edit` applied. */
    readonly afterSave: readonly Replacement[];
  };
  /** A clean file; typing `insert` right after `after` brings one finding. */
  readonly typing: {
    readonly file: string;
    readonly after: string;
    readonly insert: string;
    readonly squiggled: string;
  };
  // Hover and snippet expectations join here with their suites (docs/testing.md, "Adding a suite").
}

export const RUN_ELEVATED = 'run-elevated';

export const SAMPLES: readonly LanguageSample[] = [
  {
    language: 'json',
    languageId: 'json',
    single: {
      file: 'json/add-task.json',
      squiggled: '"runElevated"',
      severity: vscode.DiagnosticSeverity.Warning,
      preferredFix: {
        title: 'Replace runElevated with an auto-user identity (elevation Admin)',
        after: [{ from: '"runElevated": true', to: '"userIdentity": {"autoUser": {"elevationLevel": "admin"}}' }],
      },
    },
    several: {
      file: 'json/task-collection.json',
      squiggled: ['"runElevated"', '"runElevated"'],
      edit: { from: '"cmd /c render.exe --all"', to: '"cmd /c render.exe --all --fast"' },
      afterSave: [
        { from: '"runElevated": true', to: '"userIdentity": {"autoUser": {"elevationLevel": "admin"}}' },
        { from: '"runElevated": false', to: '"userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}' },
      ],
    },
    typing: {
      file: 'json/clean-task.json',
      after: '"commandLine": "cmd /c render.exe --frame 2",',
      insert: '\n  "runElevated": true,',
      squiggled: '"runElevated"',
    },
  },
];

/** `text` with each replacement applied; throws when a `from` does not occur exactly once. */
export function replaced(text: string, replacements: readonly Replacement[]): string {
  for (const { from, to } of replacements) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected text must occur exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}
