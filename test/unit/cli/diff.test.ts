/**
 * `check --diff` (issue 17.2): a unified diff of what `--fix` would write, nothing written, exit 1
 * when there is a change; `patch -p1` and `git apply` turn a copy of the tree into exactly what
 * `--fix` writes, CRLF, BOM and a missing last newline included.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratchTrees, snapshot } from '../../helpers/cli';

const tree = scratchTrees('bi-cli-diff');
const EXAMPLES = path.resolve(__dirname, '../../../examples');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';

/** The examples of all four languages, and variants: CRLF, a UTF-8 BOM, no last newline, a name with a space, a clean file. */
function sampleFiles(): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (const name of fs.readdirSync(EXAMPLES)) files[`src/${name}`] = fs.readFileSync(path.join(EXAMPLES, name));
  const read = (name: string) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
  files['crlf/LegacyTasks.cs'] = read('LegacyTasks.cs').replace(/\r?\n/g, '\r\n');
  files['bom/legacy-tasks.json'] = Buffer.concat([BOM, Buffer.from(read('legacy-tasks.json'))]);
  files['no newline/legacy_tasks.py'] = read('legacy_tasks.py').trimEnd();
  files['no newline/task.json'] = '{"id": "t", "commandLine": "x", "runElevated": true}';
  files['clean/ok.json'] = '{"id": "t", "commandLine": "x"}\n';
  return files;
}

describe('cli: check --diff', () => {
  it('one hunk with three lines of context, in the exact unified format; exit 1; nothing written', async () => {
    const root = tree({ 'a.json': TASK });
    const { code, stdout, stderr } = await cli(['check', '--diff', '--no-cache', root], root);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      [
        '--- a/a.json',
        '+++ b/a.json',
        '@@ -1,5 +1,9 @@',
        ' {',
        '   "id": "t",',
        '   "commandLine": "x",',
        '-  "runElevated": true',
        // A pretty-printed holder gets its identity one member per line (docs/fix-format.md).
        '+  "userIdentity": {',
        '+    "autoUser": {',
        '+      "elevationLevel": "admin"',
        '+    }',
        '+  }',
        ' }',
        '',
      ].join('\n'),
    );
    // What was found goes to stderr, where it does not spoil the patch.
    assert.match(stderr, /a\.json:4:3: warning run-elevated: /);
    assert.equal(fs.readFileSync(path.join(root, 'a.json'), 'utf8'), TASK);
  });

  it('changes far apart are separate hunks; close ones share one', async () => {
    const filler = Array.from({ length: 12 }, (_, i) => `    "k${i}": ${i},`).join('\n');
    const text = `{"value": [\n  {\n    "id": "a",\n    "commandLine": "x",\n    "runElevated": true,\n${filler}\n    "z": 0\n  },\n  {"id": "b", "commandLine": "x", "runElevated": false}\n]}\n`;
    const root = tree({ 'tasks.json': text });
    const { stdout } = await cli(['check', '--diff', '--no-cache', root], root);
    assert.deepEqual(
      stdout.split('\n').filter((l) => l.startsWith('@@')),
      // The first task is pretty-printed (its identity takes five lines), the second one line (inline).
      ['@@ -2,7 +2,11 @@', '@@ -17,5 +21,5 @@'],
    );
  });

  it('patch -p1 and git apply give exactly what --fix writes: four languages, CRLF, BOM, no last newline', async () => {
    const files = sampleFiles();
    const root = tree(files);
    const before = snapshot(root);
    // The cache elsewhere: it would be written under the working directory.
    const cache = ['--cache-location', tree({})];
    const { code, stdout } = await cli(['check', '--diff', ...cache, '.'], root);
    assert.equal(code, 1);
    assert.deepEqual(snapshot(root), before, '--diff writes nothing');
    assert.match(stdout, /^--- a\/bom\/legacy-tasks\.json\n\+\+\+ b\/bom\/legacy-tasks\.json\n/);
    assert.match(stdout, /\r\n/, 'the CRLF file’s lines keep their CR');
    assert.match(
      stdout,
      /\n-\{"id": "t", "commandLine": "x", "runElevated": true\}\n\\ No newline at end of file\n\+.*"userIdentity".*\n\\ No newline at end of file\n/,
    );
    assert.match(stdout, /\n--- a\/no newline\/legacy_tasks\.py\t\n/, 'a name with a space ends with a tab (as git writes it)');
    assert.doesNotMatch(stdout, /clean\/ok\.json/);

    const fixed = tree(files);
    assert.equal((await cli(['check', '--fix', ...cache, '.'], fixed)).code, 0);
    const expected = snapshot(fixed);
    assert.notDeepEqual(expected, before);

    const patched = tree(files);
    const patch = spawnSync('patch', ['-p1', '--batch', '--forward'], { cwd: patched, input: stdout, encoding: 'utf8' });
    assert.equal(patch.status, 0, patch.stdout + patch.stderr);
    assert.deepEqual(snapshot(patched), expected, 'patch -p1');

    const applied = tree(files);
    const git = spawnSync('git', ['apply', '-p1', '-'], { cwd: applied, input: stdout, encoding: 'utf8' });
    assert.equal(git.status, 0, git.stderr);
    assert.deepEqual(snapshot(applied), expected, 'git apply');

    // Nothing left to change: no output, exit 0 (the examples' findings are all fixed).
    const again = await cli(['check', '--diff', ...cache, '.'], fixed);
    assert.equal(again.stdout, '');
    assert.equal(again.code, 0);
  });

  it('exit 0 with nothing to change and nothing of warning or above; 1 when an unfixable warning remains', async () => {
    const clean = await cli(['check', '--diff', tree({ 'ok.json': '{"id": "t", "commandLine": "x"}' })]);
    assert.deepEqual([clean.code, clean.stdout], [0, '']);
    // A runElevated read back (C#): a warning with no fix.
    const readBack =
      'using Microsoft.Azure.Batch;\n\nclass A\n{\n    bool M(CloudTask task)\n    {\n        return task.RunElevated;\n    }\n}\n';
    const unfixable = await cli(['check', '--diff', tree({ 'A.cs': readBack })]);
    assert.deepEqual([unfixable.code, unfixable.stdout], [1, '']);
    assert.match(unfixable.stderr, /A\.cs:7:21: warning run-elevated/);
  });

  it('--format json: the findings of the file as it is, and each changed file’s diff', async () => {
    const root = tree({ 'a.json': TASK, 'b.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "u", "autoUser": {}}}\n' });
    const { code, stdout } = await cli(['check', '--diff', '--no-cache', '--format', 'json', root], root);
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[]; diff?: string }[];
    assert.deepEqual(
      reports.map((r) => [path.basename(r.file), r.diagnostics.map((d) => d.code), r.diff?.split('\n')[0]]),
      [
        ['a.json', ['run-elevated'], '--- a/a.json'],
        ['b.json', ['identity-conflict'], undefined],
      ],
    );
  });

  it('--format sarif: the results, and the whole patch as a property of the run', async () => {
    const root = tree({ 'a.json': TASK });
    const { stdout } = await cli(['check', '--diff', '--no-cache', '--format', 'sarif', root], root);
    const run = JSON.parse(stdout).runs[0];
    assert.equal(run.results[0].ruleId, 'run-elevated');
    assert.match(run.properties.diff, /^--- a\/a\.json\n\+\+\+ b\/a\.json\n@@ -1,5 \+1,9 @@\n/);
  });

  it('--diff with --fix is a usage error; a UTF-16 file’s diff comes with a note', async () => {
    const both = await cli(['check', '--diff', '--fix', 'x']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--fix and --diff exclude each other/);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TASK, 'utf16le')]);
    const root = tree({ 'a.json': utf16 });
    const { code, stdout, stderr } = await cli(['check', '--diff', '--no-cache', root], root);
    assert.equal(code, 1);
    assert.match(stdout, /^\+ {2}"userIdentity"/m);
    assert.match(stderr, /a\.json: the file is UTF-16; its diff is shown as UTF-8 text \(apply it with --fix, not patch\)/);
    assert.deepEqual(fs.readFileSync(path.join(root, 'a.json')), utf16);
  });
});
