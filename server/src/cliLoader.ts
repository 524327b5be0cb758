#!/usr/bin/env node
/**
 * dist/cli.js, the `batch-identity` command. It runs the CLI's bundle (dist/cli-engine.js, built
 * from `cli.ts`) and, when `check` keeps its result cache, starts it from V8's code cache: what
 * Node 22's `module.enableCompileCache()` does, for Node 20. Compiling the 1.3 MB bundle is about
 * a quarter of a warm re-scan's own work (docs/performance.md).
 *
 * The code cache is one file in the result cache's location, named by the bundle's build key and
 * by Node's version and architecture. It is trusted only when its SHA-256 (its first 32 bytes)
 * matches the rest, so a truncated or altered file is ignored and written again; V8 itself rejects
 * data from another V8 version, other flags or another source length. Nothing else here reads or
 * changes what `check` reports.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire, wrap } from 'module';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { parseArgs, resultCacheLocation } from './cli/args';

/** The engine bundle's checksum, written here by scripts/build.mjs (the same key the result cache trusts). */
declare const __CLI_BUILD_KEY__: string | undefined;

const HASH_BYTES = 32;

/** The code cache file for this build and Node, or undefined when the run keeps no cache. */
export function codeCacheFile(args: readonly string[], cwd: string, buildKey: string | undefined): string | undefined {
  const options = parseArgs(args);
  const location = typeof options === 'string' ? undefined : resultCacheLocation(options, cwd);
  if (!location || !buildKey) return undefined;
  return path.join(location, `code-${buildKey}-${process.version}-${process.arch}.v8`);
}

/** The cached data of `file` when its checksum holds; undefined when absent, short or altered. */
export function readCodeCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES) return undefined;
  const data = bytes.subarray(HASH_BYTES);
  return createHash('sha256').update(data).digest().equals(bytes.subarray(0, HASH_BYTES)) ? data : undefined;
}

/** Writes `data` with its checksum, atomically (a temporary file renamed over the old one); a location that cannot be written keeps none. */
export function writeCodeCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]));
    fs.renameSync(temp, file);
    // Another build's or Node's code caches are of no more use.
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (/^code-.*\.v8$/.test(name) && name !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Loads and runs the engine bundle as Node would load a main module, from `cacheFile`'s code when it holds. */
function runEngine(engine: string, cacheFile: string | undefined): void {
  if (!cacheFile) {
    createRequire(engine)(engine);
    return;
  }
  const cachedData = readCodeCache(cacheFile);
  // No loader for `import()`, which Node 20 forgets in code that comes from a cache anyway: the
  // engine bundle has none (scripts/build.mjs makes them requires).
  const script = new vm.Script(wrap(fs.readFileSync(engine, 'utf8')), { filename: engine, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // At exit, so that the functions the run compiled are in it too; but not after the run changed
    // V8's flags (the engine sets --liftoff-only before it compiles a grammar, in any thread, maybe
    // before its first line returns): V8 would reject that code in a run that did not.
    const tag = v8.cachedDataVersionTag();
    process.once('exit', () => {
      if (v8.cachedDataVersionTag() === tag) writeCodeCache(cacheFile, script.createCachedData());
    });
  }
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {}, filename: engine, id: '.', loaded: false };
  compiled.call(module.exports, module.exports, createRequire(engine), module, engine, path.dirname(engine));
  module.loaded = true;
}

if (require.main === module) {
  const engine = path.join(__dirname, 'cli-engine.js');
  const buildKey = typeof __CLI_BUILD_KEY__ === 'string' ? __CLI_BUILD_KEY__ : undefined;
  runEngine(engine, codeCacheFile(process.argv.slice(2), process.cwd(), buildKey));
}
