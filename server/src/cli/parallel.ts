/**
 * Runs `check` on several threads: the walk's files are dealt out to worker threads (the CLI
 * bundle itself, re-entered as a worker), each scans its share; the project imports of all shares
 * are pooled, and each lists its share's accounts with them; the accounts of all shares are
 * pooled, then each checks its share against the whole workspace's imports and accounts.
 */
import { parentPort, Worker } from 'worker_threads';
import type { IndexedAccount } from '../workspace/accountIndex';
import { Checker, type CheckOptions, type CheckResult, type Listed, type ScanResult } from './checker';

type ToWorker =
  | { kind: 'scan'; files: Listed[]; options: CheckOptions }
  | { kind: 'accounts'; imports: string[] }
  | { kind: 'check'; accounts: IndexedAccount[] };
type FromWorker =
  | { kind: 'scanned'; result: ScanResult }
  | { kind: 'accounted'; accounts: IndexedAccount[] }
  | { kind: 'checked'; result: CheckResult }
  | { kind: 'failed'; message: string };

/** The worker side: one Checker, driven by the messages of `checkInParallel`. */
export function serveWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker outside a worker thread');
  let checker: Checker | undefined;
  port.on('message', async (message: ToWorker) => {
    try {
      if (message.kind === 'scan') {
        checker = new Checker(message.options);
        port.postMessage({ kind: 'scanned', result: await checker.scan(message.files) } satisfies FromWorker);
      } else if (message.kind === 'accounts') {
        port.postMessage({ kind: 'accounted', accounts: await checker!.accounts(message.imports) } satisfies FromWorker);
      } else {
        port.postMessage({ kind: 'checked', result: await checker!.check(message.accounts) } satisfies FromWorker);
        port.close();
      }
    } catch (error) {
      port.postMessage({
        kind: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies FromWorker);
    }
  });
}

function reply(worker: Worker, expected: FromWorker['kind']): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      worker.off('error', reject);
      if (message.kind === 'failed') reject(new Error(message.message));
      else if (message.kind !== expected) reject(new Error(`worker answered ${message.kind}, not ${expected}`));
      else resolve(message);
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });
}

export async function checkInParallel(
  files: readonly Listed[],
  options: CheckOptions,
  jobs: number,
  workerScript: string,
): Promise<{ scans: ScanResult[]; checks: CheckResult[] }> {
  const workers = Array.from({ length: jobs }, () => new Worker(workerScript));
  try {
    // Dealt round-robin: neighbouring files (one module's) are alike in size and in Batch content.
    const shares = workers.map((_, k) => files.filter((_, i) => i % jobs === k));
    const scans = await Promise.all(
      workers.map((worker, k) => {
        const answer = reply(worker, 'scanned');
        worker.postMessage({ kind: 'scan', files: shares[k], options } satisfies ToWorker);
        return answer.then((m) => (m as Extract<FromWorker, { kind: 'scanned' }>).result);
      }),
    );
    const imports = [...new Set(scans.flatMap((s) => s.imports))].sort();
    const accounts = (
      await Promise.all(
        workers.map((worker) => {
          const answer = reply(worker, 'accounted');
          worker.postMessage({ kind: 'accounts', imports } satisfies ToWorker);
          return answer.then((m) => (m as Extract<FromWorker, { kind: 'accounted' }>).accounts);
        }),
      )
    ).flat();
    const checks = await Promise.all(
      workers.map((worker) => {
        const answer = reply(worker, 'checked');
        worker.postMessage({ kind: 'check', accounts } satisfies ToWorker);
        return answer.then((m) => (m as Extract<FromWorker, { kind: 'checked' }>).result);
      }),
    );
    return { scans, checks };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
