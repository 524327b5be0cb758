#!/usr/bin/env node
/** Entry point of `batch-identity` (dist/cli.js), and of its worker threads. */
import { readFileSync } from 'fs';
import { version } from '../../package.json';
import { checksum } from './cli/cache';
import { runCli } from './cli/main';
import { isWorker, serveWorker } from './cli/parallel';

if (isWorker()) serveWorker();
else {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    version,
    workerScript: __filename,
    // The bundle holds the whole engine: a cache written by any other build is not trusted.
    build: checksum(readFileSync(__filename)),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`batch-identity: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
