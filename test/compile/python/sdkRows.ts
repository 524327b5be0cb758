/**
 * What the real Azure SDK for Python must make of a test row: the rule tables' rows (`sdk`, see
 * test/unit/rules/table.ts) and the precision shapes carry one of these expectations, and
 * `pythonSdkRows()` turns each into tests run against Debian's azure-batch 13 and azure-mgmt-batch 17
 * (sdk.ts), all rows of a test file in one python3 process.
 *
 * - A Python row runs its expected output: the code must run clean (no error, no SDK warning, no
 *   attribute or enum value the SDK does not declare) and build exactly the tasks listed, each
 *   sending exactly the userIdentity listed in its REST body. A fix that keeps a condition runs once
 *   per branch (`runs`, each with its own `given`). With `input`, the row's text before the fix
 *   runs the same way and must fail as `input` says.
 *   `pools` lists the pools it builds with the user accounts each sends; `resolves` the enum members
 *   it reaches through another casing than their own, which the SDK resolves (azure-core's
 *   case-insensitive enums: azure-mgmt-batch's `ElevationLevel.admin`).
 * - A Python row the SDK rejects as written (`dies`) must die of that error: code on which a rule
 *   that would describe it as valid code must stay silent (azure-mgmt-batch's models take keywords
 *   only).
 * - A JSON row reads the body at each `at` of its expected output with `Model.deserialize`: the SDK
 *   must read every key and value as written and send the same body back, with the identities
 *   listed. With `input`, the body before the fix is read too.
 * - A row the SDK cannot run here names the reason (`notRunHere`) and shows as a skipped test.
 */
import assert from 'node:assert/strict';
import type { RowCheck, RowChecker, CheckedRow } from '../../helpers/rowChecks';
import {
  assertDeserializesAsWritten,
  assertRanClean,
  ignoredKeywords,
  jsonBody,
  PythonSdkBatch,
  skipWithoutPythonSdk,
  taskIdentities,
  type DeserializeResult,
  type PythonSdk,
  type RunResult,
  type TaskIdentity,
} from './sdk';

/** One run of a Python row's texts. */
export interface PythonRun {
  /** Python run before the text: the names it uses without defining them. */
  readonly given?: string;
  /** Python run after the text: calls what it only defines. */
  readonly then?: string;
  /** The tasks the expected output builds, in creation order, with the userIdentity of their REST bodies. */
  readonly tasks: readonly TaskIdentity[];
  /** The pools the expected output builds, in creation order, with the userAccounts of their bodies; not compared when left out. */
  readonly pools?: readonly PoolAccounts[];
}

/** A pool the code builds: its class and the userAccounts its REST or ARM body sends (null for none). */
export interface PoolAccounts {
  readonly type: string;
  readonly userAccounts: readonly unknown[] | null;
}

/** What the SDK makes of the row's text before its fix. */
export type InputVerdict =
  /**
   * It drops `drops` (a Python keyword or attribute, a JSON key) from every task listed and warns of
   * nothing else; the bodies then carry no identity (`none`) or the one they already had (`kept`,
   * the output's).
   */
  | { readonly drops: string; readonly identities: 'none' | 'kept' }
  /** Python only: the code dies of an error whose text matches (e.g. an enum member the SDK does not have). */
  | { readonly fails: RegExp };

export interface PythonCode {
  readonly runs: readonly PythonRun[];
  readonly input?: InputVerdict;
  /**
   * Enum members the output reaches through another casing than their own, which the SDK resolves,
   * as the driver words them (`ElevationLevel.admin resolves to ElevationLevel.ADMIN`); none when left out.
   */
  readonly resolves?: readonly string[];
}

/** A Python row whose text the SDK rejects as written: it dies of an error matching `dies`. */
export interface PythonRejected {
  readonly dies: RegExp;
}

export interface JsonRead {
  /** azure-batch for REST bodies and Batch CLI templates, azure-mgmt-batch for ARM resources. */
  readonly sdk: PythonSdk;
  /** The model that reads the body, e.g. TaskAddParameter, TaskAddCollectionParameter, StartTask. */
  readonly model: string;
  /** Where the body is in the document; the whole document when left out. */
  readonly at?: readonly (string | number)[];
  /** The userIdentity the SDK sends back for each task of the body (each of `value` for a collection); not compared when left out. */
  readonly userIdentities?: readonly unknown[];
}

export interface JsonBodies {
  readonly reads: readonly JsonRead[];
  readonly input?: Extract<InputVerdict, { drops: string }>;
}

export interface NotRunHere {
  readonly notRunHere: string;
}

export type PythonSdkExpectation = PythonCode | PythonRejected | JsonBodies | NotRunHere;

/** A task's REST userIdentity as the SDK serializes it: azure-batch writes 'admin'/'nonadmin' and 'task'/'pool', azure-mgmt-batch 'Admin'/'NonAdmin' and 'Task'/'Pool'. */
export function autoUser(elevationLevel: string, scope?: string): { autoUser: Record<string, string> } {
  return { autoUser: scope ? { scope, elevationLevel } : { elevationLevel } };
}

/** A task the code builds: its class, its id (null for tasks without one, such as StartTask) and its REST userIdentity. */
export function task(type: string, id: string | null, userIdentity: unknown): TaskIdentity {
  return { type, id, userIdentity };
}

/** A pool the code builds: its class and the userAccounts its body sends. */
export function pool(type: string, userAccounts: readonly unknown[] | null): PoolAccounts {
  return { type, userAccounts };
}

/**
 * The checker of one test file: every row's jobs go into one batch, which runs in one python3
 * process when the first check asks for a result.
 */
export function pythonSdkRows(): RowChecker<PythonSdkExpectation> {
  const batch = new PythonSdkBatch();
  return (row) => {
    const name = `${row.name} · the real SDK`;
    const expect = row.expect;
    if ('notRunHere' in expect) return [{ name, skip: expect.notRunHere, run: async () => {} }];
    if (row.language === 'python' && 'dies' in expect) return [rejectedCheck(batch, name, row, expect)];
    if ('input' in expect && expect.input && row.input === row.output)
      throw new Error(`${row.name}: an input verdict needs a row whose fix changes the text`);
    if (row.language === 'python' && 'runs' in expect) return codeChecks(batch, name, row, expect);
    if (row.language === 'json' && 'reads' in expect) return [bodyCheck(batch, name, row, expect)];
    throw new Error(
      `${row.name}: the real SDK for Python runs Python rows (runs, dies) and reads JSON rows (reads), not this ${row.language} row`,
    );
  };
}

function codeChecks(batch: PythonSdkBatch, name: string, row: CheckedRow<unknown>, expect: PythonCode): RowCheck[] {
  return expect.runs.map((run, index) => {
    const job = { prelude: run.given, epilogue: run.then };
    const output = batch.run({ name: `${row.name} #${index} output`, source: row.output, ...job });
    const input = expect.input && batch.run({ name: `${row.name} #${index} input`, source: row.input, ...job });
    const given = run.given ?? run.then;
    return {
      name: expect.runs.length > 1 && given ? `${name} (given ${given.replace(/\n/g, '; ')})` : name,
      skip: skipWithoutPythonSdk(),
      run: async () => {
        const after = await output();
        assert.deepEqual(after.nonCanonicalMembers, expect.resolves ?? [], 'enum members reached through another casing');
        assertRanClean({ ...after, nonCanonicalMembers: [] }, row.output);
        assert.deepEqual(taskIdentities(after), run.tasks, 'the tasks the output builds, and the identity each sends');
        if (run.pools) assert.deepEqual(poolAccounts(after), run.pools, 'the pools the output builds, and the user accounts each sends');
        if (input && expect.input) assertCodeInput(await input(), row.input, expect.input, run.tasks);
      },
    };
  });
}

function rejectedCheck(batch: PythonSdkBatch, name: string, row: CheckedRow<unknown>, expect: PythonRejected): RowCheck {
  if (row.input !== row.output) throw new Error(`${row.name}: a rejected text is a row without a fix`);
  const result = batch.run({ name: `${row.name} (rejected)`, source: row.input });
  return {
    name,
    skip: skipWithoutPythonSdk(),
    run: async () =>
      assert.match((await result()).error ?? 'no error', expect.dies, `the SDK must reject the text\n--- text:\n${row.input}`),
  };
}

/** Each pool the code built, in creation order, with the user accounts its body sends (ARM bodies keep them under `properties`). */
function poolAccounts(result: RunResult): PoolAccounts[] {
  return result.models
    .filter((m) => m.kind === 'pool')
    .map((m) => {
      const body = m.body as { userAccounts?: unknown[]; properties?: { userAccounts?: unknown[] } } | undefined;
      return { type: m.type, userAccounts: body?.userAccounts ?? body?.properties?.userAccounts ?? null };
    });
}

function assertCodeInput(result: RunResult, source: string, verdict: InputVerdict, tasks: readonly TaskIdentity[]): void {
  const context = `\n--- input:\n${source}`;
  if ('fails' in verdict) {
    assert.match(result.error ?? 'no error', verdict.fails, `the SDK must reject the input${context}`);
    return;
  }
  assert.equal(result.error, undefined, `${result.traceback}${context}`);
  const warned = ignoredKeywords(result, verdict.drops);
  assert.equal(warned.length, result.warnings.length, `only ${verdict.drops} warnings:\n${result.warnings.join('\n')}${context}`);
  const dropped = [...warned, ...result.models.filter((m) => m.unknownAttributes.includes(verdict.drops)).map((m) => m.type)];
  assert.deepEqual(
    [...new Set(dropped)].sort(),
    [...new Set(tasks.map((t) => t.type))].sort(),
    `the SDK dropped ${verdict.drops} of every task${context}`,
  );
  assert.deepEqual(
    taskIdentities(result),
    verdict.identities === 'kept' ? tasks : tasks.map((t) => ({ ...t, userIdentity: null })),
    `before the fix, the bodies carry no identity ${verdict.drops} asked for${context}`,
  );
}

function bodyCheck(batch: PythonSdkBatch, name: string, row: CheckedRow<unknown>, expect: JsonBodies): RowCheck {
  const reads = expect.reads.map((read, index) => {
    const job = (side: string, body: unknown) =>
      batch.deserialize({ name: `${row.name} #${index} ${side}`, sdk: read.sdk, model: read.model, body });
    const body = jsonBody(row.output, read.at);
    const inputBody = expect.input && jsonBody(row.input, read.at);
    return { read, body, output: job('output', body), input: expect.input && job('input', inputBody) };
  });
  return {
    name,
    skip: skipWithoutPythonSdk(),
    run: async () => {
      for (const { read, body, output, input } of reads) {
        const after = await output();
        assertDeserializesAsWritten(after, body);
        const sent = userIdentities(after, read.model);
        if (read.userIdentities) assert.deepEqual(sent, read.userIdentities, `the identities ${read.model} sends`);
        if (!input || !expect.input) continue;
        const before = await input();
        const key = new RegExp(`(^|\\.|\\])${expect.input.drops}$`);
        assert.ok(
          before.unknownKeys.length > 0 && before.unknownKeys.every((k) => key.test(k)),
          `keys the SDK drops: ${before.unknownKeys.join(', ')}`,
        );
        assert.deepEqual(
          userIdentities(before, read.model),
          expect.input.identities === 'kept' ? sent : sent.map(() => undefined),
          `before the fix, the SDK sends no identity ${expect.input.drops} asked for`,
        );
      }
    },
  };
}

/** The userIdentity of each task the SDK sends back: the body's own, or each of a collection's (TaskAddCollectionParameter). */
function userIdentities(result: DeserializeResult, model: string): unknown[] {
  const body = result.roundTrip as { userIdentity?: unknown; value?: { userIdentity?: unknown }[] } | undefined;
  return model === 'TaskAddCollectionParameter' ? (body?.value ?? []).map((t) => t.userIdentity) : [body?.userIdentity];
}
