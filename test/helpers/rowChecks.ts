/**
 * Checks of a test row by an outside tool — a language's real SDK, a compiler — next to the row's
 * own assertions. A row carries what the tool must make of it (`expect`, in the tool's own terms);
 * the tool's checker turns the row into tests while the tests are declared, so it can collect every
 * row of a test file and run them in one process. Nothing here knows a language: the checker
 * decides per language (e.g. test/compile/python/sdkRows.ts for the Azure SDK for Python).
 */
import { it } from 'node:test';
import type { LanguageId } from '../../server/src/engine/facts';

export interface CheckedRow<X> {
  /** The row's test name; its checks are named after it. */
  readonly name: string;
  readonly language: LanguageId;
  /** The text as the row gives it, before any fix. */
  readonly input: string;
  /** The text the row expects after its fix; the input itself when the row expects no change. */
  readonly output: string;
  readonly expect: X;
}

export interface RowCheck {
  readonly name: string;
  /** Why the check cannot run here (a missing tool, a shape the tool cannot hold), or false. */
  readonly skip: string | false;
  readonly run: () => Promise<void>;
}

/** Turns a row into its checks; called while the tests are declared, once per row that has an expectation. */
export type RowChecker<X> = (row: CheckedRow<X>) => readonly RowCheck[];

/** Declares a row's checks as tests of their own, inside the current describe. */
export function declareRowChecks<X>(checker: RowChecker<X>, row: CheckedRow<X>): void {
  for (const check of checker(row)) it(check.name, { skip: check.skip }, check.run);
}

/**
 * One table, several tools: each row goes to its language's checker (the Python SDK for Python
 * and JSON rows, mcs for C#), which reads its own kind of expectation.
 */
export function checkersByLanguage<X>(checkers: { readonly [L in LanguageId]?: RowChecker<never> }): RowChecker<X> {
  return (row) => {
    const checker = checkers[row.language] as RowChecker<X> | undefined;
    if (!checker) throw new Error(`${row.name}: the table checks no ${row.language} row`);
    return checker(row);
  };
}
