#!/usr/bin/env node
/** Entry point of `batch-identity` (dist/cli.js), and of its worker threads. */
import { readFileSync } from 'fs';
import { setFlagsFromString } from 'v8';
import { version } from '../../package.json';
import { checksum } from './cli/cache';
import { runCli } from './cli/main';
import { isWorker, serveWorker } from './cli/parallel';

// A run of the CLI is short: the tree-sitter grammars (WebAssembly, C#'s 5 MB) are compiled once by
// V8's baseline compiler and not optimised again in the background, which on a 2-core machine costs
// more than it saves (re-checking one changed C# file took 0.5 s instead of 0.3 s). Set before any
// WebAssembly is compiled; worker threads share the process's flags. The server keeps V8's default.
setFlagsFromString('--liftoff-only');

if (isWorker()) serveWorker();
else {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
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
