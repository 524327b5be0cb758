/**
 * Runs `check` on several threads: worker threads (the CLI bundle itself, re-entered as a worker)
 * start as soon as the walk has found enough files to read, and get the files dealt out in batches
 * while the walk goes on; each scans its share as it comes. The project imports of all shares are
 * pooled, and each lists its share's accounts with them; the accounts of all shares are pooled,
 * then each checks its share against the whole workspace's imports and accounts.
 */
import type * as WorkerThreads from 'worker_threads';
import type { Worker } from 'worker_threads';
import type { IndexedAccount } from '../workspace/accountIndex';
import { Checker, type CheckOptions, type CheckResult, type Note, type ScanItem, type ScanResult } from './checker';

type ToWorker =
  | { kind: 'start'; options: CheckOptions }
  | { kind: 'files'; items: ScanItem[] }
  | { kind: 'scan' }
  | { kind: 'accounts'; imports: string[] }
  | { kind: 'check'; accounts: IndexedAccount[] };
type AccountsResult = { accounts: IndexedAccount[]; notes: Note[]; ioError: boolean };
type FromWorker =
  | { kind: 'scanned'; result: ScanResult }
  | { kind: 'accounted'; result: AccountsResult }
  | { kind: 'checked'; result: CheckResult }
  | { kind: 'failed'; message: string };

/** Files sent to a worker in one message: fewer messages, while the walk still feeds them early. */
const BATCH = 256;

/** The argument a worker is started with: the bundle's entry serves as a worker when it sees it (`isWorker`). */
export const WORKER_ARGUMENT = '--batch-identity-worker';

/**
 * Node's worker_threads, loaded when workers are used: most runs use none (a re-scan of an
 * unchanged tree would pay for loading it on every run).
 */
function workerThreads(): typeof WorkerThreads {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('worker_threads') as typeof WorkerThreads;
}

/** Whether this thread is one of `WorkerPool`'s workers (started with `WORKER_ARGUMENT`), not the CLI itself. */
export function isWorker(): boolean {
  return process.argv[2] === WORKER_ARGUMENT && !workerThreads().isMainThread;
}

/** The worker side: one Checker, driven by the messages of `WorkerPool`, handled one after the other. */
export function serveWorker(): void {
  const port = workerThreads().parentPort;
  if (!port) throw new Error('serveWorker outside a worker thread');
  let checker: Checker | undefined;
  const items: ScanItem[] = [];
  let queue = Promise.resolve();
  const handle = async (message: ToWorker) => {
    try {
      if (message.kind === 'start') checker = new Checker(message.options);
      else if (message.kind === 'files') items.push(...message.items);
      else if (message.kind === 'scan')
        port.postMessage({ kind: 'scanned', result: await checker!.scan(items.splice(0)) } satisfies FromWorker);
      else if (message.kind === 'accounts')
        port.postMessage({ kind: 'accounted', result: await checker!.accounts(message.imports) } satisfies FromWorker);
      else {
        port.postMessage({ kind: 'checked', result: await checker!.check(message.accounts) } satisfies FromWorker);
        port.close();
      }
    } catch (error) {
      port.postMessage({
        kind: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromWorker);
    }
  };
  // Messages arrive while an earlier one is still awaited: each is handled after the one before.
  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => handle(message));
  });
}

/** Worker threads sharing one `check`: files are dealt out while the walk goes on, then the three phases run on all of them. */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending: ScanItem[][];
  private dealt = 0;
  /** A worker that failed before anyone awaited it (while the walk went on): the next phase fails with it. */
  private failure: Error | undefined;

  constructor(workerScript: string, jobs: number, options: CheckOptions) {
    const { Worker } = workerThreads();
    this.workers = Array.from({ length: jobs }, () => new Worker(workerScript, { argv: [WORKER_ARGUMENT] }));
    this.pending = this.workers.map(() => []);
    for (const worker of this.workers) {
      worker.on('error', (error) => (this.failure ??= error));
      worker.postMessage({ kind: 'start', options } satisfies ToWorker);
    }
  }

  private reply<K extends FromWorker['kind']>(worker: Worker, expected: K): Promise<Extract<FromWorker, { kind: K }>> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      const onMessage = (message: FromWorker) => {
        worker.off('error', onError);
        if (message.kind === 'failed') reject(new Error(message.message));
        else if (message.kind !== expected) reject(new Error(`worker answered ${message.kind}, not ${expected}`));
        else resolve(message as Extract<FromWorker, { kind: K }>);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  }

  /** Deals files out round-robin (neighbouring files, one module's, are alike in size and in Batch content). */
  deal(items: readonly ScanItem[]): void {
    for (const item of items) {
      const k = this.dealt++ % this.workers.length;
      this.pending[k].push(item);
      if (this.pending[k].length >= BATCH) this.flush(k);
    }
  }

  private flush(k: number): void {
    if (this.pending[k].length === 0) return;
    this.workers[k].postMessage({ kind: 'files', items: this.pending[k] } satisfies ToWorker);
    this.pending[k] = [];
  }

  async scan(): Promise<ScanResult[]> {
    return Promise.all(
      this.workers.map((worker, k) => {
        this.flush(k);
        const answer = this.reply(worker, 'scanned');
        worker.postMessage({ kind: 'scan' } satisfies ToWorker);
        return answer.then((m) => m.result);
      }),
    );
  }

  async accounts(imports: string[]): Promise<AccountsResult[]> {
    return Promise.all(
      this.workers.map((worker) => {
        const answer = this.reply(worker, 'accounted');
        worker.postMessage({ kind: 'accounts', imports } satisfies ToWorker);
        return answer.then((m) => m.result);
      }),
    );
  }

  async check(accounts: IndexedAccount[]): Promise<CheckResult[]> {
    return Promise.all(
      this.workers.map((worker) => {
        const answer = this.reply(worker, 'checked');
        worker.postMessage({ kind: 'check', accounts } satisfies ToWorker);
        return answer.then((m) => m.result);
      }),
    );
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
