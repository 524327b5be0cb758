/**
 * dist/cli.js starts the engine bundle from V8's code cache, kept beside the result cache
 * (`server/src/cliLoader.ts`): where it goes, that only an intact file of this build is used, that
 * a run which changed V8's flags writes none, and that the output is the same with or without it.
 * The last part runs the built CLI (`npm run build`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CACHE_LOCATION } from '../../../server/src/cli/args';
import { codeCacheFile, readCodeCache, writeCodeCache } from '../../../server/src/cliLoader';
import { scratchTrees } from '../../helpers/cli';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const tree = scratchTrees('bi-cli-code-cache');
const NAME = `code-0123456789abcd-${process.version}-${process.arch}.v8`;

describe('cli: the code cache of the engine bundle', () => {
  it('lives in the result cache location, named by build, Node and architecture; none without a result cache', () => {
    const cwd = path.resolve('/work/project');
    assert.equal(codeCacheFile(['check', 'src'], cwd, '0123456789abcd'), path.join(cwd, DEFAULT_CACHE_LOCATION, NAME));
    assert.equal(codeCacheFile(['check', '--cache-location', 'c', 'src'], cwd, '0123456789abcd'), path.join(cwd, 'c', NAME));
    assert.equal(codeCacheFile(['check', '--cache-location=/tmp/c', '--fix', 'src'], cwd, '0123456789abcd'), path.join('/tmp/c', NAME));
    assert.equal(codeCacheFile(['check', '--no-cache', 'src'], cwd, '0123456789abcd'), undefined);
    assert.equal(codeCacheFile(['check', '--format', 'json', 'src'], cwd, undefined), undefined, 'running from source: no build key');
    for (const args of [[], ['--help'], ['check'], ['check', '--format', 'xml', 'src'], ['lint', 'src']]) {
      assert.equal(codeCacheFile(args, cwd, '0123456789abcd'), undefined, args.join(' '));
    }
  });

  it('is read back only when intact; writing it removes other builds’ code caches and nothing else', () => {
    const dir = tree({ 'other.json': '{}', [`code-ffffffffffffff-${process.version}-${process.arch}.v8`]: 'old' });
    const file = path.join(dir, NAME);
    const data = Buffer.from('not really V8 code, but bytes all the same');
    writeCodeCache(file, data);
    assert.deepEqual(readCodeCache(file), data);
    assert.deepEqual(fs.readdirSync(dir).sort(), [NAME, 'other.json']);

    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    assert.equal(readCodeCache(file), undefined, 'truncated');
    const altered = Buffer.from(bytes);
    altered[altered.length - 5] ^= 1;
    fs.writeFileSync(file, altered);
    assert.equal(readCodeCache(file), undefined, 'one bit changed');
    fs.writeFileSync(file, '');
    assert.equal(readCodeCache(file), undefined, 'empty');
    assert.equal(readCodeCache(path.join(dir, 'absent.v8')), undefined, 'absent');
  });

  it('a location that cannot be written keeps none, and says nothing', { skip: process.getuid?.() === 0 && 'root writes anywhere' }, () => {
    const dir = tree({});
    fs.chmodSync(dir, 0o500);
    try {
      writeCodeCache(path.join(dir, NAME), Buffer.from('x'));
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });

  it('a location that is a file keeps none, and the run goes on', () => {
    const dir = tree({ blocked: 'a file where the directory would be' });
    writeCodeCache(path.join(dir, 'blocked', NAME), Buffer.from('x'));
    assert.equal(fs.readFileSync(path.join(dir, 'blocked'), 'utf8'), 'a file where the directory would be');
  });

  it(
    'through dist/cli.js: written by a run that compiled no grammar, then used; replaced when altered; none after a parse; the same output',
    { skip: !fs.existsSync(CLI) && 'needs npm run build' },
    () => {
      const root = tree({ 'task.json': '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n' });
      const run = (cache: string, input = root) => {
        const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--cache-location', cache, input], {
          encoding: 'utf8',
        });
        assert.equal(result.status, 1, result.stderr);
        assert.equal(result.stderr, '', 'nothing on stderr (not Node’s warning about the vm loader either)');
        return result.stdout;
      };
      const codeCaches = (cache: string) => fs.readdirSync(cache).filter((name) => name.endsWith('.v8'));

      // JSON needs no grammar: V8's flags stay as they were, and the run leaves its code behind.
      const cache = tree({});
      const first = run(cache);
      const [name] = codeCaches(cache);
      assert.match(name ?? '', new RegExp(`^code-[0-9a-f]{14}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8$`));
      const file = path.join(cache, name);
      const written = fs.readFileSync(file);
      assert.ok(readCodeCache(file), 'intact');
      // Used, not written again.
      assert.equal(run(cache), first);
      assert.deepEqual(fs.readFileSync(file), written, 'V8 took it: not written again');
      // Altered: ignored, the output unchanged, and written again whole.
      const altered = Buffer.from(written);
      altered[altered.length >> 1] ^= 0xff;
      fs.writeFileSync(file, altered);
      assert.equal(run(cache), first);
      assert.ok(readCodeCache(file), 'written again');

      // A C# file is parsed: the engine set V8's flags first, so its code would be rejected by the next run.
      const csharp = tree({
        'Tasks.cs': 'using Microsoft.Azure.Batch;\nclass T { void M(CloudTask task) { task.RunElevated = true; } }\n',
      });
      const parsed = tree({});
      assert.match(run(parsed, csharp), /run-elevated/);
      assert.deepEqual(codeCaches(parsed), [], 'a run that changed V8’s flags writes no code cache');
      // Again, with the result cache: the file just written is not trusted yet (RACY_MS), so the walk
      // has its grammar compiled at once, before the engine's first line has returned to the loader.
      assert.match(run(parsed, csharp), /run-elevated/);
      assert.deepEqual(codeCaches(parsed), [], 'nor one whose flags changed while the engine started');
      // The same C# file with the code cache the JSON runs left: the engine runs from V8's cached code
      // and still loads its grammar (tree-sitter's runtime imports Node's modules; Node 20 loses a vm
      // script's loader for import() when its code comes from a cache).
      assert.ok(readCodeCache(file), 'the code cache is there to be used');
      assert.match(run(cache, csharp), /run-elevated/);

      // --no-cache: no code cache either (nor a result cache) under the working directory.
      const cwd = tree({});
      const plain = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache', root], { encoding: 'utf8', cwd });
      assert.equal(plain.stdout, first);
      assert.deepEqual(fs.readdirSync(cwd), []);
    },
  );
});
