/**
 * The CLI's engine bundle (dist/cli-engine.js): started by dist/cli.js (`cliLoader.ts`), and the
 * script of its worker threads.
 */
import { readFileSync } from 'fs';
import { version } from '../../package.json';
import { checksum } from './cli/cache';
import { runCli } from './cli/main';
import { isWorker, serveWorker } from './cli/parallel';
import { beforeWasmCompile } from './parsing/treeSitter';
import type * as V8 from 'v8';

/** The bundle's own checksum, written into it by scripts/build.mjs; undefined when running from source. */
declare const __CLI_BUILD_KEY__: string | undefined;

// A run of the CLI is short: the tree-sitter grammars (WebAssembly, C#'s 5 MB) are compiled once by
// V8's baseline compiler and not optimised again in the background, which on a 2-core machine costs
// more than it saves (re-checking one changed C# file took 0.5 s instead of 0.3 s). Set before the
// first WebAssembly is compiled in each thread (the flags are the process's), and only then: loading
// the `v8` module costs a re-scan that parses nothing about 10 ms. The server keeps V8's default.
beforeWasmCompile(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('v8') as typeof V8).setFlagsFromString('--liftoff-only');
});

if (isWorker()) serveWorker();
else {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stdoutBytes: (bytes) => process.stdout.write(bytes),
    stderr: (text) => process.stderr.write(text + '\n'),
    version,
    workerScript: __filename,
    // The bundle holds the whole engine: a cache written by any other build is not trusted. The
    // build wrote its checksum into it (reading and hashing the bundle costs each run ~10 ms).
    build: typeof __CLI_BUILD_KEY__ === 'string' ? __CLI_BUILD_KEY__ : checksum(readFileSync(__filename)),
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
