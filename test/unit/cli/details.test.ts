/**
 * The CLI contract in its details: what a directory walk reads, the exit codes once `--fix` has
 * done what it can, and `batch-identity check examples/` run through the package's `bin` entry as
 * npm installs it (needs `npm run build` and npm, offline: the checkout is installed from disk).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { cli, scratchTrees } from '../../helpers/cli';

const REPO = path.resolve(__dirname, '../../..');
const tree = scratchTrees('bi-cli-details');

const JSONC_TASK =
  '// a task, with comments\n{\n  "id": "t", // the id\n  "commandLine": "x",\n  "runElevated": false, // was elevated once\n}\n';
const JSONC_FIXED =
  '// a task, with comments\n{\n  "id": "t", // the id\n  "commandLine": "x",\n' +
  '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "nonadmin"\n    }\n  }, // was elevated once\n}\n';
/** A C# task that sets runElevated (fixable) and reads it back (flagged, no fix: nothing to write instead). */
const CS_READ_BACK =
  'using Microsoft.Azure.Batch;\n\nclass A\n{\n    bool M(CloudTask task)\n    {\n        task.RunElevated = true;\n        return task.RunElevated;\n    }\n}\n';
/** A member Java's ElevationLevel does not have and no spelling of one: unknown-enum-member, an Error (it does not compile) with no fix. */
const ROOT_MEMBER =
  '    AutoUserSpecification spec() {\n        return new AutoUserSpecification().withElevationLevel(ElevationLevel.ROOT);\n    }\n';
const JAVA_FILE = (body: string) => `import com.microsoft.azure.batch.protocol.models.*;\n\nclass Submit {\n${body}}\n`;

interface Reported {
  file: string;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    fixable: boolean;
  }[];
}

describe('cli: what a directory walk reads', () => {
  it('.jsonc files are found and fixed with their comments and trailing comma kept; other extensions are not read', async () => {
    const root = tree({
      'config/task.jsonc': JSONC_TASK,
      'config/task.yaml': 'runElevated: true\n',
      'config/task.json5': '{runElevated: true}\n',
    });
    const listed = await cli(['check', '--format', 'json', root]);
    assert.equal(listed.code, 1);
    const reported = JSON.parse(listed.stdout) as Reported[];
    assert.deepEqual(
      reported.map((r) => [
        path.relative(root, r.file),
        r.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`),
      ]),
      [['config/task.jsonc', ['run-elevated@4:2']]],
    );
    const fixed = await cli(['check', '--fix', root]);
    assert.equal(fixed.code, 0, fixed.stdout);
    assert.equal(fs.readFileSync(path.join(root, 'config/task.jsonc'), 'utf8'), JSONC_FIXED);
  });
});

describe('cli: exit codes once --fix has done what it can', () => {
  it('only error-severity findings: exit 1', async () => {
    const { code, stdout } = await cli(['check', tree({ 'Submit.java': JAVA_FILE(ROOT_MEMBER) })]);
    assert.match(stdout, /error unknown-enum-member/);
    assert.doesNotMatch(stdout, /warning|information|hint/);
    assert.equal(code, 1);
  });

  it('--fix fixes what it can; an unfixable Error left in the same file still exits 1, and is listed', async () => {
    const root = tree({
      'Submit.java': JAVA_FILE(
        '    TaskAddParameter task() {\n        return new TaskAddParameter().withId("a").withCommandLine("x").withRunElevated(true);\n    }\n\n' +
          ROOT_MEMBER,
      ),
    });
    const { code, stdout, stderr } = await cli(['check', '--fix', root]);
    assert.match(stderr, /Submit\.java: fixed 1 problem \(run-elevated\)/);
    assert.match(stdout, /Submit\.java:9:\d+: error unknown-enum-member: /);
    assert.match(stdout, /^1 problem\.$/m);
    assert.equal(code, 1);
    const after = fs.readFileSync(path.join(root, 'Submit.java'), 'utf8');
    assert.doesNotMatch(after, /RunElevated/);
    assert.match(after, /ElevationLevel\.ROOT/, 'a member that is no spelling of one is the user’s to resolve: nothing of it is changed');
  });

  it('--fix leaves an unfixable warning (a runElevated read): exit 1, and a second --fix changes nothing', async () => {
    const root = tree({ 'A.cs': CS_READ_BACK });
    const first = await cli(['check', '--fix', root]);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /A\.cs:9:21: warning run-elevated: Reading RunElevated: read the user identity's elevation level instead /);
    assert.match(first.stdout, /^1 problem\.$/m);
    const once = fs.readFileSync(path.join(root, 'A.cs'), 'utf8');
    assert.match(once, /task\.UserIdentity = new UserIdentity\(new AutoUserSpecification\(elevationLevel: ElevationLevel\.Admin\)\);/);
    assert.match(once, /return task\.RunElevated;/);

    const second = await cli(['check', '--fix', root]);
    assert.equal(second.code, 1);
    assert.equal(second.stderr, '', 'nothing reported as fixed');
    assert.equal(fs.readFileSync(path.join(root, 'A.cs'), 'utf8'), once);
  });

  it('--fix leaving only information-level findings: exit 0', async () => {
    // In an object that only may be a task (a map of task-like objects), a runElevated that disagrees with the
    // identity beside it: information, and no fix (which of the two was meant is the user's call).
    const root = tree({
      'weak.json':
        '{"tasks": {"a": {"commandLine": "x", "runElevated": true, "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}}}',
      'task.json': '{"id": "t", "commandLine": "x", "runElevated": true}',
    });
    const { code, stdout, stderr } = await cli(['check', '--fix', path.join(root, 'task.json'), path.join(root, 'weak.json')]);
    assert.equal(code, 0, stdout);
    assert.match(stderr, /task\.json: fixed 1 problem \(run-elevated\)/);
    assert.match(stdout, /information run-elevated/);
    assert.doesNotMatch(stdout, /warning|error/);
  });
});

/** Every runElevated of examples/, per file: 1-based line, the flagged token, the elevation its message names. */
const EXAMPLE_FINDINGS: Record<string, [number, string, 'Admin' | 'NonAdmin' | 'condition'][]> = {
  'examples/LegacyTasks.cs': [
    [36, 'RunElevated', 'Admin'],
    [42, 'RunElevated', 'NonAdmin'],
    [44, 'RunElevated', 'Admin'],
    [46, 'RunElevated', 'condition'],
    [53, 'RunElevated', 'condition'],
    [57, 'RunElevated', 'NonAdmin'],
  ],
  'examples/LegacyTasks.java': [
    [30, 'withRunElevated', 'Admin'],
    [38, 'withRunElevated', 'condition'],
    [48, 'withRunElevated', 'Admin'],
    [55, 'withRunElevated', 'NonAdmin'],
    [56, 'withRunElevated', 'Admin'],
    [59, 'withRunElevated', 'Admin'],
    [64, 'setRunElevated', 'condition'],
  ],
  'examples/legacy-pool.json': [[8, '"runElevated"', 'Admin']],
  'examples/legacy-tasks.json': [
    [6, '"runElevated"', 'Admin'],
    [11, '"runElevated"', 'NonAdmin'],
  ],
  // The code blocks of a Markdown page: C# fragments in a list, Java, Python in a quote, a REST body.
  'examples/batch-docs.md': [
    [31, 'RunElevated', 'Admin'],
    [38, 'RunElevated', 'NonAdmin'],
    [47, 'withRunElevated', 'NonAdmin'],
    [57, 'run_elevated', 'Admin'],
    [69, '"runElevated"', 'Admin'],
  ],
  // TypeScript typed with azure-batch 0.5.3's models; JavaScript calling the client (CommonJS).
  'examples/legacy-tasks.ts': [
    [30, 'runElevated', 'Admin'],
    [49, 'runElevated', 'NonAdmin'],
    [52, 'runElevated', 'condition'],
    [61, 'runElevated', 'NonAdmin'],
  ],
  'examples/legacy-tasks.js': [
    [26, 'runElevated', 'Admin'],
    [30, 'runElevated', 'NonAdmin'],
    [34, 'runElevated', 'NonAdmin'],
    [35, 'runElevated', 'Admin'],
  ],
  'examples/legacy_tasks.py': [
    [31, 'run_elevated', 'Admin'],
    [48, 'run_elevated', 'NonAdmin'],
    [51, 'run_elevated', 'condition'],
    [65, 'run_elevated', 'condition'],
    [68, 'run_elevated', 'Admin'],
  ],
};

describe('batch-identity check examples/, through the bin entry npm installs', () => {
  const built = fs.existsSync(path.join(REPO, 'dist/cli.js'));
  let bin = '';
  const prefix = tree({ 'package.json': '{"name": "bin-user", "version": "1.0.0", "private": true}\n' });
  before(() => {
    if (!built) return;
    // As a user's project would get it: npm links the package's `bin` into node_modules/.bin and makes it executable.
    const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', REPO], {
      cwd: prefix,
      encoding: 'utf8',
    });
    assert.equal(npm.status, 0, npm.stderr);
    bin = path.join(prefix, 'node_modules/.bin/batch-identity');
  });
  const run = (args: string[], cwd = REPO) => spawnSync(bin, args, { cwd, encoding: 'utf8' });

  it('lists exactly the runElevated uses of each example, all warnings, all fixable; exit 1', { skip: !built && 'not built' }, () => {
    // In the checkout, whose node_modules is no place for a test's cache.
    const cacheLocation = tree({});
    const result = run(['check', '--format', 'json', '--cache-location', cacheLocation, 'examples/']);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, '');
    const reported = JSON.parse(result.stdout) as Reported[];
    assert.deepEqual(reported.map((r) => r.file).sort(), Object.keys(EXAMPLE_FINDINGS).sort());
    for (const { file, diagnostics } of reported) {
      const lines = fs.readFileSync(path.join(REPO, file), 'utf8').split('\n');
      const found = diagnostics.map((d) => {
        assert.equal(d.range.start.line, d.range.end.line);
        assert.equal(d.code, 'run-elevated');
        assert.equal(d.severity, 'warning');
        assert.equal(d.fixable, true);
        // The member as the file's dialect spells it (`ElevationLevel.non_admin`, `"elevationLevel": "nonadmin"`,
        // `elevationLevel: 'nonadmin'` in the TypeScript example's quote), read as Admin or NonAdmin.
        const member = /→ auto-user (?:ElevationLevel\.|"?elevationLevel"?: ["'])(\w+)/.exec(d.message)?.[1];
        const elevation = /→ auto-user whose elevation follows /.test(d.message)
          ? 'condition'
          : member && (member.replace(/_/g, '').toLowerCase() === 'admin' ? 'Admin' : 'NonAdmin');
        return [d.range.start.line + 1, lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), elevation];
      });
      assert.deepEqual(found, EXAMPLE_FINDINGS[file], file);
    }
    const text = run(['check', '--cache-location', cacheLocation, 'examples/']);
    const total = Object.values(EXAMPLE_FINDINGS).flat().length;
    assert.match(text.stdout, new RegExp(`^${total} problems \\(${total} fixable with --fix\\)\\.$`, 'm'));
  });

  it(
    '--fix on a copy of examples/ fixes every one, says so per file, and a second run finds nothing',
    { skip: !built && 'not built' },
    () => {
      const copy = tree({});
      fs.cpSync(path.join(REPO, 'examples'), path.join(copy, 'examples'), { recursive: true });
      const fixed = run(['check', '--fix', 'examples'], copy);
      assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
      for (const [file, findings] of Object.entries(EXAMPLE_FINDINGS)) {
        const n = findings.length;
        assert.match(fixed.stderr, new RegExp(`${file.replace(/[.]/g, '\\.')}: fixed ${n} problems? \\(run-elevated\\)`));
      }
      assert.match(fixed.stdout, /No Batch identity problems found\./);
      const snapshot = () => Object.fromEntries(Object.keys(EXAMPLE_FINDINGS).map((f) => [f, fs.readFileSync(path.join(copy, f), 'utf8')]));
      const once = snapshot();
      const again = run(['check', '--fix', 'examples'], copy);
      assert.equal(again.status, 0);
      assert.equal(again.stderr, '');
      assert.deepEqual(snapshot(), once, 'applied twice equals applied once');
      // The JSON examples: each task now has the elevation it asked for (the code examples compile in their own tests).
      const pool = JSON.parse(once['examples/legacy-pool.json']);
      assert.deepEqual(pool.startTask.userIdentity, { autoUser: { elevationLevel: 'admin' } });
      const tasks = JSON.parse(once['examples/legacy-tasks.json']).value;
      assert.deepEqual(
        tasks.map((t: { userIdentity?: unknown; runElevated?: unknown }) => [t.userIdentity, t.runElevated]),
        [
          [{ autoUser: { elevationLevel: 'admin' } }, undefined],
          [{ autoUser: { elevationLevel: 'nonadmin' } }, undefined],
          [undefined, undefined],
        ],
      );
    },
  );
});
