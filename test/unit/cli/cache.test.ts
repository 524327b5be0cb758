/**
 * `check`'s result cache (issue 17.3): what the next run trusts, and what it does not. Whether an
 * entry is used is seen by forging one — a well-formed entry, its checksum made right, whose
 * message no analysis writes: where the forged message is reported, the entry was trusted; where
 * the real one is, the file was checked again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checksum, LookupRecorder, resultHolds } from '../../../server/src/cli/cache';
import { runCli, type CliIo } from '../../../server/src/cli/main';
import { scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-cli-cache');

const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
const POOL = (name: string) =>
  `{"id": "p", "vmSize": "s", "userAccounts": [{"name": "${name}", "password": "[parameters('p')]", "elevationLevel": "admin"}]}\n`;
const NAMED = (name: string) => `{"id": "t", "commandLine": "x", "userIdentity": {"username": "${name}"}}\n`;
const FORGED = 'forged by the test: this entry was trusted';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Messages by file name. */
  messages: Record<string, string[]>;
}

/**
 * `check --format json` in process with the cache at `location`. `trustStats`: every stat is
 * trusted however recent (the files of a test are seconds old; by default they would be read again).
 */
async function check(
  root: string,
  location: string,
  options: { trustStats?: boolean; args?: string[]; io?: Partial<CliIo> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', '--format', 'json', '--cache-location', location, ...(options.args ?? []), root], {
    stdout: (t) => (stdout += t + '\n'),
    stderr: (t) => (stderr += t + '\n'),
    version: '0.0.0-test',
    cwd: root,
    racyMs: options.trustStats ? -Infinity : undefined,
    ...options.io,
  });
  const messages: Record<string, string[]> = {};
  for (const report of JSON.parse(stdout) as { file: string; diagnostics: { message: string }[] }[])
    messages[path.relative(root, report.file)] = report.diagnostics.map((d) => d.message);
  return { code, stdout, stderr, messages };
}

function cacheFile(location: string): string {
  const files = fs.readdirSync(location).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 1, `one cache file in ${location}: ${files.join(', ')}`);
  return path.join(location, files[0]);
}

/**
 * The cache file's body (cli/cache.ts): the findings' messages, per listed directory its entries'
 * names and their entries (a stat index for a plain file, an object for a candidate, −1 for none),
 * then other files. The stat table (binary) follows it.
 */
interface Body {
  messages: string[];
  dirs: [string, number, string, string, unknown[]][];
  files: [string, unknown][];
}

/** Rewrites the cache's body through `change`, with right lengths and checksum: a well-formed cache the tool must accept. */
function rewrite(location: string, change: (body: Body) => void): void {
  const file = cacheFile(location);
  const bytes = fs.readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const header = JSON.parse(bytes.toString('utf8', 0, newline));
  const rest = bytes.subarray(newline + 1);
  const body = JSON.parse(rest.toString('utf8', 0, header.bodyBytes)) as Body;
  change(body);
  const newBody = Buffer.from(`${JSON.stringify(body)}\n`);
  const newRest = Buffer.concat([newBody, rest.subarray(header.bodyBytes)]);
  header.bodyBytes = newBody.length;
  header.checksum = checksum(newRest);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), newRest]));
}

/** The entry of a file in a cache body. */
function entryOf(body: Body, file: string): Record<string, unknown> {
  const real = fs.realpathSync(file);
  const dir = body.dirs.find(([r]) => r === path.dirname(real));
  const entry = dir ? dir[4][dir[2].split('/').indexOf(path.basename(real))] : body.files.find(([r]) => r === real)?.[1];
  assert.ok(entry && typeof entry === 'object' && !Array.isArray(entry), `a candidate entry for ${file}`);
  return entry as Record<string, unknown>;
}

/** The names of the files a cache body has entries for. */
function namesIn(body: Body): string[] {
  const names = body.dirs.flatMap(([, , joined, , entries]) => joined.split('/').filter((_, i) => entries[i] !== -1));
  return [...names, ...body.files.map(([real]) => path.basename(real))].sort();
}

/** Forges the message of every finding of a file's cached result. */
function forge(location: string, file: string, change: (entry: Record<string, unknown>) => void = () => undefined): void {
  rewrite(location, (body) => {
    const entry = entryOf(body, file);
    // A finding is [code, severity, index of its message in the body's messages, positions…, fixable].
    const result = entry.result as { diagnostics: unknown[][] };
    body.messages.push(FORGED);
    for (const d of result.diagnostics) d[2] = body.messages.length - 1;
    change(entry);
  });
}

describe('cli: the result cache', () => {
  it('an unchanged file is not read again: its stat is trusted (the forged entry is reported, even with a wrong hash)', async () => {
    const root = tree({ 'task.json': TASK, 'other.json': TASK });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.equal(first.code, 1);
    forge(location, path.join(root, 'task.json'), (entry) => (entry.hash = '0'.repeat(64)));
    const second = await check(root, location, { trustStats: true });
    assert.deepEqual(second.messages['task.json'], [FORGED]);
    assert.deepEqual(second.messages['other.json'], first.messages['other.json']);
    assert.equal(second.code, 1);
  });

  it('a file rewritten with the same bytes keeps its results: they are keyed by the content hash', async () => {
    const root = tree({ 'task.json': TASK });
    const location = tree({});
    await check(root, location, { trustStats: true });
    forge(location, path.join(root, 'task.json'));
    fs.writeFileSync(path.join(root, 'task.json'), TASK); // new times, same bytes
    const again = await check(root, location, { trustStats: true });
    assert.deepEqual(again.messages['task.json'], [FORGED]);
  });

  it('by default a file changed just before the run is read again (racily clean), and still keeps results of the same bytes', async () => {
    const root = tree({ 'task.json': TASK });
    const location = tree({});
    await check(root, location);
    forge(location, path.join(root, 'task.json'), (entry) => (entry.hash = '0'.repeat(64)));
    // The stat of a file seconds old is not trusted: it is hashed, and the forged hash does not match.
    const again = await check(root, location);
    assert.notDeepEqual(again.messages['task.json'], [FORGED]);
    assert.match(again.messages['task.json'][0], /^"runElevated": true → auto-user "elevationLevel": "admin" \(removed in/);
  });

  it('a changed file is checked again', async () => {
    const root = tree({ 'task.json': TASK, 'other.json': TASK });
    const location = tree({});
    await check(root, location, { trustStats: true });
    forge(location, path.join(root, 'task.json'));
    forge(location, path.join(root, 'other.json'));
    fs.writeFileSync(path.join(root, 'task.json'), TASK.replace('"runElevated": true', '"runElevated": false'));
    const again = await check(root, location, { trustStats: true });
    assert.equal(again.messages['task.json'].length, 1);
    assert.match(again.messages['task.json'][0], /^"runElevated": false → auto-user "elevationLevel": "nonadmin" \(removed in/);
    assert.deepEqual(again.messages['other.json'], [FORGED], 'the unchanged file is not');
  });

  it('a file without identity words that gains one in place is read again (its folder unchanged, its own stat not)', async () => {
    const root = tree({ 'plain.json': '{"id": "t", "commandLine": "x"}\n', 'task.json': TASK });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.equal(first.messages['plain.json'], undefined);
    forge(location, path.join(root, 'task.json'));
    // Rewritten in place: the folder's entries (and times) stay; the file's size and times change.
    fs.writeFileSync(path.join(root, 'plain.json'), TASK);
    const again = await check(root, location, { trustStats: true });
    assert.equal(again.messages['plain.json'].length, 1);
    assert.match(again.messages['plain.json'][0], /^"runElevated": true → auto-user "elevationLevel": "admin" \(removed in/);
    assert.deepEqual(again.messages['task.json'], [FORGED], 'the other file is not read');
  });

  it('a changed dependency re-checks the files that looked its account up, and only those', async () => {
    const root = tree({
      'pool.json': POOL('adminUser'),
      'named.json': NAMED('adminUser'),
      'task.json': TASK,
    });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.equal(first.messages['named.json'], undefined, 'adminUser is defined');
    // named.json has no finding to forge: its entry must record that it looked adminUser up.
    rewrite(location, (body) => {
      const result = entryOf(body, path.join(root, 'named.json')).result as { names: Record<string, string> };
      assert.deepEqual(Object.keys(result.names), ['adminUser']);
    });
    forge(location, path.join(root, 'task.json'));

    fs.writeFileSync(path.join(root, 'pool.json'), POOL('opsUser'));
    const second = await check(root, location, { trustStats: true });
    assert.equal(second.messages['named.json'].length, 1);
    assert.match(second.messages['named.json'][0], /No pool in this workspace defines a user account named 'adminUser'/);
    assert.deepEqual(second.messages['task.json'], [FORGED], 'task.json names no account: not checked again');

    // And back: defined again, the finding goes.
    fs.writeFileSync(path.join(root, 'pool.json'), POOL('adminUser'));
    const third = await check(root, location, { trustStats: true });
    assert.equal(third.messages['named.json'], undefined);
  });

  it('an unchanged workspace re-checks nothing: the answers of accounts read back from the cache are those of accounts read fresh', async () => {
    const root = tree({ 'pool.json': POOL('adminUser'), 'ghost.json': NAMED('ghost') });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.match(first.messages['ghost.json'][0], /named 'ghost'/);
    // The pool's accounts come from its cache entry now; ghost.json's answers were recorded from fresh ones.
    forge(location, path.join(root, 'ghost.json'));
    assert.deepEqual((await check(root, location, { trustStats: true })).messages['ghost.json'], [FORGED]);
  });

  it('a pool’s entry is kept whatever its accounts’ elevation (admin, nonAdmin)', async () => {
    // A password written out: hardcoded-password, a finding of the pool file itself to forge.
    const pool = (elevation: string) =>
      `{"id": "p", "vmSize": "s", "userAccounts": [{"name": "ops", "password": "Sup3r-secret-pw!", "elevationLevel": "${elevation}"}]}\n`;
    for (const elevation of ['admin', 'nonAdmin']) {
      const root = tree({ 'pool.json': pool(elevation), 'task.json': NAMED('ops') });
      const location = tree({});
      const first = await check(root, location, { trustStats: true });
      assert.ok(first.messages['pool.json']?.length, `${elevation}: a finding in the pool file`);
      forge(location, path.join(root, 'pool.json'));
      assert.deepEqual((await check(root, location, { trustStats: true })).messages['pool.json'], [FORGED], elevation);
    }
  });

  it('what a result depends on: every name looked up, whether there are pools, a pool’s accounts', () => {
    const accounts = new Map<string, { uri: string; line: number; elevation?: 'admin' | 'nonAdmin'; poolId?: string }[]>([
      ['ops', [{ uri: 'a', line: 1, elevation: 'admin', poolId: 'p1' }]],
    ]);
    const pools = new Map<string, string[]>([['p1', ['ops']]]);
    const index = {
      get hasPools() {
        return pools.size > 0;
      },
      lookup: (name: string) => accounts.get(name) ?? [],
      poolAccounts: (poolId: string) => pools.get(poolId),
    };
    const recorder = new LookupRecorder(index);
    recorder.lookup('ops');
    recorder.lookup('ghost');
    recorder.poolAccounts('p1');
    const result = { imports: 'k', names: recorder.names, pools: recorder.pools, poolAccounts: recorder.poolIds, diagnostics: [] };
    assert.equal(resultHolds(result, index, 'k'), true);
    assert.equal(resultHolds(result, index, 'other imports'), false);
    // Where an account is defined does not matter (only hovers read it); how it is defined does.
    accounts.set('ops', [{ uri: 'b', line: 9, elevation: 'admin', poolId: 'p1' }]);
    assert.equal(resultHolds(result, index, 'k'), true);
    accounts.set('ops', [{ uri: 'b', line: 9, elevation: 'nonAdmin', poolId: 'p1' }]);
    assert.equal(resultHolds(result, index, 'k'), false);
    accounts.set('ops', [{ uri: 'a', line: 1, elevation: 'admin', poolId: 'p1' }]);
    accounts.set('ghost', [{ uri: 'c', line: 2 }]);
    assert.equal(resultHolds(result, index, 'k'), false, 'a name looked up is defined now');
    accounts.delete('ghost');
    pools.set('p1', ['ops', 'more']);
    assert.equal(resultHolds(result, index, 'k'), false, 'the pool asked about has other accounts');
  });

  it('a changed global using (a workspace-level input) re-checks the files', async () => {
    const tasks = 'class Tasks\n{\n    void Configure(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n';
    const root = tree({ 'GlobalUsings.cs': 'global using Microsoft.Azure.Batch;\n', 'Tasks.cs': tasks });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.equal(first.messages['Tasks.cs'].length, 1, 'Batch code through the global using');
    fs.writeFileSync(path.join(root, 'GlobalUsings.cs'), 'global using System;\n');
    const second = await check(root, location, { trustStats: true });
    assert.equal(second.messages['Tasks.cs'], undefined, 'without it, CloudTask is not Batch’s');
  });

  it('a pool changed in the project outside the checked folder re-checks the task naming its account; the roots are in the identity', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'pools/pool.json': POOL('adminUser'),
      'jobs/named.json': NAMED('adminUser'),
      'jobs/task.json': TASK,
    });
    const location = tree({});
    const jobs = path.join(root, 'jobs');
    const first = await check(jobs, location, { trustStats: true, io: { cwd: root } });
    assert.equal(first.messages['named.json'], undefined, 'adminUser is defined in pools/, outside the checked folder');
    const header = JSON.parse(fs.readFileSync(cacheFile(location), 'utf8').split('\n')[0]) as { inputs: string[]; context: string[] };
    assert.deepEqual([header.inputs, header.context], [[jobs], [root]]);
    forge(location, path.join(jobs, 'task.json'));

    fs.writeFileSync(path.join(root, 'pools/pool.json'), POOL('opsUser'));
    const second = await check(jobs, location, { trustStats: true, io: { cwd: root } });
    assert.match(second.messages['named.json']?.[0] ?? '', /No pool in this workspace defines a user account named 'adminUser'/);
    assert.deepEqual(second.messages['task.json'], [FORGED], 'task.json names no account: not checked again');
    assert.equal(second.messages[path.join('..', 'pools', 'pool.json')], undefined, 'the pool is never reported');

    // Without .git the project is another (the working folder no longer holds the inputs): another cache file.
    fs.rmSync(path.join(root, '.git'), { recursive: true });
    await check(jobs, location, { trustStats: true, io: { cwd: jobs } });
    assert.equal(fs.readdirSync(location).filter((f) => f.endsWith('.json')).length, 2);
  });

  it('the note of a file that is not valid UTF-8 comes from its entry: said again without reading it', async () => {
    // é as its one Windows-1252 byte (0xE9): not valid UTF-8.
    const legacy = Buffer.concat([
      Buffer.from('{\n  "id": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('",\n  "commandLine": "x",\n  "runElevated": true\n}\n'),
    ]);
    const root = tree({ 'legacy.json': legacy });
    const location = tree({});
    const first = await check(root, location, { trustStats: true });
    assert.match(first.stderr, /legacy\.json: not valid UTF-8, read as Windows-1252\n/);
    forge(location, path.join(root, 'legacy.json'));
    const second = await check(root, location, { trustStats: true });
    assert.deepEqual(second.messages['legacy.json'], [FORGED], 'the entry was trusted: the file was not read');
    assert.match(second.stderr, /legacy\.json: not valid UTF-8, read as Windows-1252\n/);
  });

  it('a cache altered without its checksum, truncated, foreign, of another build or settings is ignored, then replaced', async () => {
    const root = tree({ 'task.json': TASK });
    const location = tree({});
    const honest = await check(root, location, { trustStats: true });
    const file = cacheFile(location);
    const damages: [string, (text: string) => string][] = [
      ['a message changed, checksum not updated', (text) => text.replace(FORGED, `${FORGED}, and altered`)],
      ['truncated', (text) => text.slice(0, text.length - 40)],
      ['cut after the header', (text) => text.slice(0, text.indexOf('\n') + 1)],
      ['empty', () => ''],
      ['not JSON', () => 'PK\u0003\u0004 a zip, say'],
      ['another tool’s JSON', () => '{"version": 1, "entries": {}}\n{}'],
      ['another format version', (text) => text.replace('"version":1', '"version":99')],
    ];
    for (const [what, damage] of damages) {
      // Forged first (a right checksum), then damaged: were it trusted, the forged message would show.
      forge(location, path.join(root, 'task.json'));
      fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
      const run = await check(root, location, { trustStats: true });
      assert.deepEqual(run.messages, honest.messages, what);
      assert.equal(run.code, honest.code, what);
      assert.equal(run.stderr, '', what);
      // Replaced by a sound cache: the next run trusts it again.
      forge(location, path.join(root, 'task.json'));
      assert.deepEqual((await check(root, location, { trustStats: true })).messages['task.json'], [FORGED], `${what}: replaced`);
    }
    // A cache of another build (version) or other settings is another file, and trusts nothing of this one.
    forge(location, path.join(root, 'task.json'));
    const otherBuild = await check(root, location, { trustStats: true, io: { version: '0.0.1-test' } });
    assert.deepEqual(otherBuild.messages, honest.messages);
    const otherSettings = await check(root, location, { trustStats: true, args: ['--fix-scope', 'task'] });
    assert.deepEqual(otherSettings.messages, honest.messages);
  });

  it('a malformed entry with a right checksum is ignored, never trusted', async () => {
    const root = tree({ 'task.json': TASK });
    const location = tree({});
    const honest = await check(root, location, { trustStats: true });
    const malformed: ((entry: Record<string, unknown>) => void)[] = [
      (entry) => ((entry.result as { diagnostics: unknown[][] }).diagnostics[0][1] = 'fatal'),
      (entry) => ((entry.result as { diagnostics: unknown[][] }).diagnostics[0][2] = 9999),
      (entry) => ((entry.result as { diagnostics: unknown[] }).diagnostics[0] = { message: FORGED }),
      (entry) => (entry.kind = 'other'),
      (entry) => (entry.stat = ['a', 'b', 'c', 'd']),
      (entry) => ((entry.result as { imports: unknown }).imports = 7),
    ];
    for (const [i, damage] of malformed.entries()) {
      forge(location, path.join(root, 'task.json'), damage);
      assert.deepEqual((await check(root, location, { trustStats: true })).messages, honest.messages, `damage ${i}`);
    }
  });

  it('--fix fixes a file whose cached result has a fixable finding: fixes are never served from the cache', async () => {
    const root = tree({ 'task.json': TASK });
    const location = tree({});
    await check(root, location, { trustStats: true });
    const fixed = await check(root, location, { trustStats: true, args: ['--fix'] });
    assert.equal(fixed.code, 0);
    assert.equal(
      fs.readFileSync(path.join(root, 'task.json'), 'utf8'),
      '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
    // The file just written is read again next time (no stale entry): clean.
    assert.deepEqual((await check(root, location, { trustStats: true })).messages, {});
  });

  it('concurrent runs leave a sound cache (the last write wins, none is torn)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`task-${i}.json`] = TASK;
    const root = tree(files);
    const location = tree({});
    const runs = await Promise.all(Array.from({ length: 4 }, () => check(root, location, { trustStats: true })));
    for (const run of runs) assert.deepEqual(run.messages, runs[0].messages);
    assert.deepEqual(fs.readdirSync(location), [path.basename(cacheFile(location))], 'no temporary file left');
    forge(location, path.join(root, 'task-7.json'));
    assert.deepEqual((await check(root, location, { trustStats: true })).messages['task-7.json'], [FORGED]);
  });

  it('a location that cannot be written costs a note, not the run; --no-cache writes nothing', async () => {
    const root = tree({ 'task.json': TASK, blocker: 'a file where the cache folder would go' });
    const blocked = await check(root, path.join(root, 'blocker', 'cache'));
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /the cache could not be written to .*blocker.*; the next run reads every file/);
    assert.equal(blocked.messages['task.json'].length, 1);

    const location = path.join(tree({}), 'cache');
    const uncached = await check(root, location, { args: ['--no-cache'] });
    assert.equal(uncached.messages['task.json'].length, 1);
    assert.equal(fs.existsSync(location), false);
  });

  it('a cache location inside the checked tree is never read as a source: no report, no note, not rewritten when nothing changed', async () => {
    const root = tree({ 'task.json': TASK });
    const location = path.join(root, 'cache');
    await check(root, location, { trustStats: true });
    // The second run sees the cache folder the first one made (the tree's folder changed): it writes once more.
    await check(root, location, { trustStats: true });
    const written = fs.statSync(cacheFile(location));
    const second = await check(root, location, { trustStats: true });
    assert.deepEqual(Object.keys(second.messages), ['task.json']);
    assert.doesNotMatch(second.stderr, /cache/);
    assert.equal(fs.statSync(cacheFile(location)).mtimeMs, written.mtimeMs, 'an unchanged tree leaves the cache as it was');
  });

  it('the default location is node_modules/.cache/batch-identity under the working directory', async () => {
    const root = tree({ 'task.json': TASK });
    const cwd = tree({});
    let stdout = '';
    const code = await runCli(['check', root], { stdout: (t) => (stdout += t), stderr: () => undefined, version: '0.0.0-test', cwd });
    assert.equal(code, 1, stdout);
    assert.equal(fs.readdirSync(path.join(cwd, 'node_modules', '.cache', 'batch-identity')).length, 1);
  });

  it('the stat table: appended to after small changes, copied anew when most of it is unused; sound either way', async () => {
    const files: Record<string, string> = { 'sub/task.json': TASK };
    for (let i = 0; i < 12; i++) files[`plain-${i}.json`] = `{"id": "p${i}"}\n`;
    const root = tree(files);
    const location = tree({});
    const statCount = () => {
      const bytes = fs.readFileSync(cacheFile(location));
      return JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(0x0a))).statBytes / 32;
    };
    await check(root, location, { trustStats: true });
    const first = statCount();
    // One plain file changed (its new stat appended; the old one stays until the table is copied).
    fs.writeFileSync(path.join(root, 'plain-0.json'), '{"id": "changed"}\n');
    await check(root, location, { trustStats: true });
    assert.equal(statCount(), first + 1);
    forge(location, path.join(root, 'sub/task.json'));
    assert.deepEqual((await check(root, location, { trustStats: true })).messages['sub/task.json'], [FORGED]);
    // Most files gone: the table is copied with only what is used.
    for (let i = 0; i < 12; i++) fs.rmSync(path.join(root, `plain-${i}.json`));
    const after = await check(root, location, { trustStats: true });
    assert.ok(statCount() < first / 2, `${statCount()} stats of ${first}`);
    assert.deepEqual(after.messages['sub/task.json'], [FORGED], 'entries kept through the copy');
    fs.writeFileSync(path.join(root, 'plain-new.json'), TASK);
    assert.equal((await check(root, location, { trustStats: true })).messages['plain-new.json'].length, 1);
  });

  it('a deleted file leaves the cache; a new one is read', async () => {
    const root = tree({ 'a.json': TASK, 'b.json': TASK });
    const location = tree({});
    await check(root, location, { trustStats: true });
    fs.rmSync(path.join(root, 'a.json'));
    fs.writeFileSync(path.join(root, 'c.json'), NAMED('ghost'));
    const again = await check(root, location, { trustStats: true });
    assert.deepEqual(Object.keys(again.messages).sort(), ['b.json']);
    rewrite(location, (body) => assert.deepEqual(namesIn(body), ['b.json', 'c.json']));
  });
});
