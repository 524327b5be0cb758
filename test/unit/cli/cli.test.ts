import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-cli');

const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
// Its members on their own lines: the identity is written one member per line, as the file is.
const FIXED =
  '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n';

describe('cli: check', () => {
  it('walks directories, skipping dependencies and build output, and exits 1 on warnings', async () => {
    const root = tree({
      'jobs/task.json': TASK,
      'node_modules/pkg/task.json': TASK,
      'bin/task.json': TASK,
      'obj/task.json': TASK,
      'target/task.json': TASK,
      'build/task.json': TASK,
      'dist/task.json': TASK,
      '.git/task.json': TASK,
      'env/pyvenv.cfg': 'home = /usr',
      'env/lib/task.json': TASK,
      'notes.txt': 'runElevated',
    });
    const { code, stdout } = await cli(['check', root]);
    assert.equal(code, 1);
    assert.equal(stdout.match(/run-elevated/g)?.length, 1, stdout);
    assert.match(stdout, new RegExp(`${path.join(root, 'jobs/task.json').replace(/[.]/g, '\\.')}:4:3: warning run-elevated: `));
    assert.match(stdout, /1 problem \(1 fixable with --fix\)\./);
  });

  it('--format json: the documented shape, 0-based positions, files without findings left out', async () => {
    const root = tree({ 'a.json': TASK, 'clean.json': '{"id": "t", "commandLine": "x"}' });
    const { code, stdout } = await cli(['check', '--format', 'json', root]);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: path.join(root, 'a.json'),
        diagnostics: [
          {
            code: 'run-elevated',
            severity: 'warning',
            message: JSON.parse(stdout)[0].diagnostics[0].message,
            range: { start: { line: 3, character: 2 }, end: { line: 3, character: 15 } },
            fixable: true,
          },
        ],
      },
    ]);
  });

  it('--format sarif: SARIF 2.1.0 with rules and 1-based regions', async () => {
    const root = tree({ 'a.json': TASK });
    const { stdout } = await cli(['check', '--format=sarif', root]);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'batch-identity');
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'run-elevated'));
    const [result] = run.results;
    assert.equal(result.ruleId, 'run-elevated');
    assert.equal(result.level, 'warning');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'run-elevated');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 3, endLine: 4, endColumn: 16 });
  });

  it('exit 0 when clean; hints and information do not fail the build', async () => {
    const root = tree({ 'weak.json': '{"tasks": {"a": {"commandLine": "x", "runElevated": true}}}' });
    const { code, stdout } = await cli(['check', root]);
    assert.match(stdout, /information run-elevated/);
    assert.equal(code, 0);
    assert.equal((await cli(['check', tree({ 'ok.json': '{}' })])).code, 0);
  });

  it('--fix rewrites atomically, keeps a BOM, reports what changed, and leaves nothing to fix', async () => {
    const root = tree({ 'a.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TASK)]) });
    const { code, stderr, stdout } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    assert.match(stderr, /a\.json: fixed 1 problem \(run-elevated\)/);
    assert.match(stdout, /No Batch identity problems found\./);
    const bytes = fs.readFileSync(path.join(root, 'a.json'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString(), FIXED);
    assert.deepEqual(fs.readdirSync(root), ['a.json'], 'no temp file left behind');
  });

  it('--fix-scope task writes the task scope', async () => {
    const root = tree({ 'a.json': TASK });
    await cli(['check', '--fix', '--fix-scope', 'task', root]);
    assert.equal(
      fs.readFileSync(path.join(root, 'a.json'), 'utf8'),
      '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "scope": "task",\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
  });

  it('usage errors exit 2 with a message', async () => {
    for (const args of [[], ['lint', 'x'], ['check'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x']]) {
      const { code, stderr, stdout } = await cli(args);
      if (args.length === 0) {
        assert.equal(code, 0);
        assert.match(stdout, /Usage: batch-identity check/);
      } else {
        assert.equal(code, 2, args.join(' '));
        assert.match(stderr, /batch-identity: .+\n\nUsage:/);
      }
    }
  });

  it('a missing file exits 2 but the others are still checked (one not valid UTF-8 is read, with a note)', async () => {
    const root = tree({
      'a.json': TASK,
      'bad.json': Buffer.concat([Buffer.from('{"runElevated": true, "x": "'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"}')]),
    });
    const { code, stdout, stderr } = await cli(['check', root, path.join(root, 'missing.json')]);
    assert.equal(code, 2);
    assert.match(stderr, /missing\.json: no such file or directory/);
    assert.match(stderr, /bad\.json: not valid UTF-8, read as Windows-1252/);
    assert.match(stdout, /a\.json:4:3: warning run-elevated/);
  });

  it('named users resolve across files (unknown-user as in the editor)', async () => {
    const pool =
      '{"id": "p", "vmSize": "s", "userAccounts": [{"name": "adminUser", "password": "[parameters(\'p\')]", "elevationLevel": "admin"}]}';
    const root = tree({
      'pool.json': pool,
      'good.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}',
      'bad.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}',
    });
    const { stdout } = await cli(['check', '--format', 'json', root]);
    const files = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      files.map((f) => [path.basename(f.file), f.diagnostics.map((d) => d.code)]),
      [['bad.json', ['unknown-user']]],
    );
  });

  it(
    'dist/cli.js runs from a checkout (after npm run build)',
    { skip: !fs.existsSync(path.resolve(__dirname, '../../../dist/cli.js')) && 'not built' },
    () => {
      const root = tree({ 'a.json': TASK });
      // Run elsewhere than the checkout: the default cache goes under the working directory.
      const result = spawnSync(process.execPath, [path.resolve(__dirname, '../../../dist/cli.js'), 'check', '--format', 'json', root], {
        encoding: 'utf8',
        cwd: tree({}),
      });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(JSON.parse(result.stdout)[0].diagnostics[0].code, 'run-elevated');
    },
  );

  it(
    '--jobs shares the work among threads with the same output, named users resolved across shares',
    { skip: !fs.existsSync(path.resolve(__dirname, '../../../dist/cli.js')) && 'not built' },
    () => {
      const files: Record<string, string> = {
        'a-pool.json':
          '{"id": "p", "vmSize": "s", "userAccounts": [{"name": "adminUser", "password": "[parameters(\'p\')]", "elevationLevel": "admin"}]}',
        'b-good.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}',
        'c-bad.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}',
        'notes.txt': 'x',
      };
      for (let i = 0; i < 9; i++) files[`task-${i}.json`] = TASK;
      const root = tree(files);
      const run = (jobs: number) =>
        spawnSync(
          process.execPath,
          [path.resolve(__dirname, '../../../dist/cli.js'), 'check', '--no-cache', '--jobs', String(jobs), '--format', 'json', root],
          { encoding: 'utf8' },
        );
      const one = run(1);
      const three = run(3);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(three.status, one.status);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.stderr, one.stderr);
      const reported = JSON.parse(three.stdout) as { file: string; diagnostics: { code: string }[] }[];
      assert.deepEqual(
        reported.map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.code).join()]),
        [['c-bad.json', 'unknown-user'], ...Array.from({ length: 9 }, (_, i) => [`task-${i}.json`, 'run-elevated'])],
      );
    },
  );
});
