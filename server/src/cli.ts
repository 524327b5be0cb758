#!/usr/bin/env node
/** Entry point of `batch-identity` (dist/cli.js), and of its worker threads. */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { isMainThread } from 'worker_threads';
import { version } from '../../package.json';
import { runCli } from './cli/main';
import { serveWorker } from './cli/parallel';

if (isMainThread) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    version,
    workerScript: __filename,
    // The bundle holds the whole engine: a cache written by any other build is not trusted.
    build: createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`batch-identity: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  serveWorker();
}
