/**
 * Runs Python code and REST/ARM bodies against the real Azure Batch SDKs of Debian's python3-azure
 * (azure-batch 13, azure-mgmt-batch 17) through sdk_driver.py: one python3 process per batch of
 * jobs, however many cases a test file has. See sdk_driver.py for what a result holds.
 *
 * The interpreter is Debian's own /usr/bin/python3, which python3-azure installs into; a pyenv
 * python3 earlier on PATH does not have it. `.ci/run` installs python3-azure on CI.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export const SDK_PYTHON = '/usr/bin/python3';
export const SDK_DRIVER = path.join(__dirname, 'sdk_driver.py');
/** Isolated mode: no PYTHONPATH and no user site-packages, so a pip-installed azure-batch cannot stand in for Debian's. */
const ISOLATED = ['-I'];

/** The generations this machine can run: azure-batch ≤ 14 (`batch`) and azure-mgmt-batch (`mgmt`). */
export type PythonSdk = 'batch' | 'mgmt';

let availability: string | false | undefined;

/** Why the real-SDK checks are skipped (python3-azure missing), or false when they can run. */
export function skipWithoutPythonSdk(): string | false {
  availability ??= (() => {
    const probe = spawnSync(SDK_PYTHON, [...ISOLATED, '-c', 'import azure.batch.models, azure.mgmt.batch.models'], { encoding: 'utf8' });
    return probe.status === 0
      ? false
      : `the Azure SDK for Python is not importable by ${SDK_PYTHON} (Debian: python3-azure); the real-SDK checks are skipped`;
  })();
  return availability;
}

export interface RunJob {
  readonly kind: 'run';
  /** Shows in tracebacks. */
  readonly name: string;
  readonly source: string;
  /** Runs first, in the same namespace: the names the source uses but does not define. */
  readonly prelude?: string;
  /** Runs last, in the same namespace: calls what the source only defines. */
  readonly epilogue?: string;
}

export interface DeserializeJob {
  readonly kind: 'deserialize';
  readonly name: string;
  readonly sdk: PythonSdk;
  /** A class of azure.batch.models or azure.mgmt.batch.models, e.g. TaskAddParameter, Pool. */
  readonly model: string;
  readonly body: unknown;
}

export type SdkJob = RunJob | DeserializeJob;

export interface EnumProblem {
  readonly path: string;
  readonly value: unknown;
  readonly enum: string;
  readonly allowed: readonly string[];
}

interface Noticed {
  /** What the SDK logged, e.g. "run_elevated is not a known attribute of class … and will be ignored". */
  readonly warnings: readonly string[];
  /** Enum members reached through another casing than their own (azure-core's case-insensitive enums). */
  readonly nonCanonicalMembers: readonly string[];
}

/** A task or pool the code built, as the SDK sees it. */
export interface SdkModel {
  readonly type: string;
  /** A task (it has a user identity: tasks, start, job manager, preparation and release tasks) or a pool (user accounts). */
  readonly kind: 'task' | 'pool';
  readonly sdk: PythonSdk | null;
  readonly id: string | null;
  /** model.serialize(): the REST (or ARM) body the SDK would send. */
  readonly body?: Record<string, unknown>;
  readonly serializeError?: string;
  /** Attributes set on the model (or a model inside it) that its class does not declare. */
  readonly unknownAttributes: readonly string[];
  readonly unknownKeys: readonly string[];
  readonly enumProblems: readonly EnumProblem[];
}

export interface RunResult extends Noticed {
  readonly models: readonly SdkModel[];
  readonly printed: string;
  readonly error?: string;
  readonly traceback?: string;
}

export interface DeserializeResult extends Noticed {
  readonly type?: string;
  /** serialize(deserialize(body)): equal to the body only when the SDK reads every key and value as written. */
  readonly roundTrip?: unknown;
  readonly serializeError?: string;
  readonly error?: string;
  /** Keys the models do not declare (they land in additional_properties and are not sent). */
  readonly unknownKeys: readonly string[];
  readonly enumProblems: readonly EnumProblem[];
}

export interface SdkRun {
  readonly versions: { readonly python: string; readonly 'azure-batch': string; readonly 'azure-mgmt-batch': string };
  readonly results: readonly (RunResult | DeserializeResult)[];
}

/** Runs the jobs in one python3 process. `env` is added to the process environment (e.g. secrets a snippet reads). */
export function runInPythonSdk(jobs: readonly SdkJob[], env: Readonly<Record<string, string>> = {}): Promise<SdkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(SDK_PYTHON, [...ISOLATED, SDK_DRIVER], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${SDK_DRIVER} exited with ${code}:\n${stderr}`));
      resolve(JSON.parse(stdout) as SdkRun);
    });
    child.stdin.end(JSON.stringify({ jobs }));
  });
}

/** A source given as a function is produced when the batch starts (e.g. `() => fixAll('python', input)`). */
export type Deferred<T> = T | (() => Promise<T>);

type DeclaredRun = Omit<RunJob, 'source'> & { readonly source: Deferred<string> };
type DeclaredJob = DeclaredRun | DeserializeJob;

/**
 * Collects a test file's jobs while its tests are declared, and runs them all in one process the
 * first time a test asks for a result.
 */
export class PythonSdkBatch {
  private readonly declared: DeclaredJob[] = [];
  private started?: Promise<SdkRun>;

  constructor(private readonly env: Readonly<Record<string, string>> = {}) {}

  run(job: Omit<DeclaredRun, 'kind'>): () => Promise<RunResult> {
    return this.add({ kind: 'run', ...job }) as () => Promise<RunResult>;
  }

  deserialize(job: Omit<DeserializeJob, 'kind'>): () => Promise<DeserializeResult> {
    return this.add({ kind: 'deserialize', ...job }) as () => Promise<DeserializeResult>;
  }

  private add(job: DeclaredJob): () => Promise<RunResult | DeserializeResult> {
    if (this.started) throw new Error(`job ${job.name} added after the batch ran: declare every job before the tests run`);
    const index = this.declared.push(job) - 1;
    return async () => {
      this.started ??= this.start();
      return (await this.started).results[index];
    };
  }

  private async start(): Promise<SdkRun> {
    const jobs = await Promise.all(
      this.declared.map(async (job): Promise<SdkJob> =>
        job.kind === 'run' && typeof job.source === 'function' ? { ...job, source: await job.source() } : (job as SdkJob),
      ),
    );
    return runInPythonSdk(jobs, this.env);
  }
}

/** msrest's (and azure-mgmt-batch's) warning for a keyword no model declares; group 1 is the class. */
export const IGNORED_KEYWORD = /^(\w+) is not a known attribute of class <class '[\w.]+\.(\w+)'> and will be ignored$/;

/** The classes whose constructor was given `keyword` and dropped it, in order. */
export function ignoredKeywords(result: RunResult, keyword: string): string[] {
  return result.warnings.flatMap((w) => {
    const match = IGNORED_KEYWORD.exec(w);
    return match && match[1] === keyword ? [match[2]] : [];
  });
}

/** The code ran, every model serialized, and neither the SDK nor the driver noticed anything off. */
export function assertRanClean(result: RunResult, source: string): void {
  const context = `\n--- source:\n${source}`;
  assert.equal(result.error, undefined, `${result.traceback}${context}`);
  assert.deepEqual(result.warnings, [], `the SDK logged warnings${context}`);
  assert.deepEqual(result.nonCanonicalMembers, [], `enum members spelled in another casing than the SDK's${context}`);
  for (const model of result.models) {
    const label = `${model.type}${model.id ? ` ${model.id}` : ''}`;
    assert.equal(model.serializeError, undefined, `${label} does not serialize${context}`);
    assert.deepEqual(model.unknownAttributes, [], `${label} has attributes its class does not declare${context}`);
    assert.deepEqual(model.enumProblems, [], `${label} holds values that are no member of their enum${context}`);
  }
}

/** The SDK read the body as written: every key declared, every enum value its own, nothing lost on the way back. */
export function assertDeserializesAsWritten(result: DeserializeResult, body: unknown): void {
  const context = `\n--- body:\n${JSON.stringify(body, null, 2)}`;
  assert.equal(result.error, undefined, `${result.error}${context}`);
  assert.equal(result.serializeError, undefined, `${result.serializeError}${context}`);
  assert.deepEqual(result.warnings, [], `the SDK logged warnings${context}`);
  assert.deepEqual(result.unknownKeys, [], `keys the SDK does not know${context}`);
  assert.deepEqual(result.enumProblems, [], `values that are no member of their enum${context}`);
  assert.deepEqual(result.roundTrip, body, `the SDK sends back another body${context}`);
}

export interface TaskIdentity {
  readonly type: string;
  readonly id: string | null;
  /** The userIdentity of the task's REST body; null when the body has none. */
  readonly userIdentity: unknown;
}

/** Each task the code built, in creation order, with the user identity the SDK would send for it. */
export function taskIdentities(result: RunResult): TaskIdentity[] {
  return result.models
    .filter((m) => m.kind === 'task')
    .map((m) => ({ type: m.type, id: m.id, userIdentity: m.body?.userIdentity ?? null }));
}

/** The value of a JSON or JSONC text (comments and trailing commas allowed, as the extension reads them), or the value at `at` inside it. */
export function jsonBody(text: string, at: readonly (string | number)[] = []): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length)
    throw new Error(`not JSON: ${errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`).join(', ')}\n${text}`);
  return at.reduce<unknown>((node, key) => {
    const next = (node as Record<string | number, unknown> | undefined)?.[key];
    if (next === undefined) throw new Error(`no ${JSON.stringify(at)} in\n${text}`);
    return next;
  }, value);
}
