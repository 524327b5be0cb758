/**
 * The @vscode/test-electron runner (scripts/vscode/run-electron.mjs) without a desktop VS Code:
 * these machines cannot download one, so a stand-in executable records how it is launched. It
 * proves our part — the paths, the profile, the grep and the exit code reach VS Code and come
 * back — not VS Code itself (the offline runner runs the same suites in a real one).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scratchTrees } from '../../helpers/cli';

const REPO = path.resolve(__dirname, '../../..');
const RUNNER = path.join(REPO, 'scripts/vscode/run-electron.mjs');
const tree = scratchTrees('bi-electron-runner');

/** An executable that writes its arguments and what it finds on disk to RECORD, and exits with EXIT. */
const STAND_IN = `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
const workspace = args[0]; // the folder to open comes first
fs.writeFileSync(process.env.RECORD, JSON.stringify({
  args,
  grep: process.env.BATCH_IDENTITY_TEST_GREP ?? null,
  workspaceFiles: fs.existsSync(workspace) ? fs.readdirSync(workspace).sort() : null,
  userSettings: fs.readFileSync(args[args.indexOf('--user-data-dir') + 1] + '/User/settings.json', 'utf8'),
}));
process.exit(Number(process.env.EXIT));
`;

interface Record {
  args: string[];
  grep: string | null;
  workspaceFiles: string[] | null;
  userSettings: string;
}

function launch(exit: number, extraArgs: string[] = []) {
  const dir = tree({ code: STAND_IN });
  fs.chmodSync(path.join(dir, 'code'), 0o755);
  const record = path.join(dir, 'record.json');
  const before = new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('batch-identity-electron-')));
  const result = spawnSync(process.execPath, [RUNNER, '--vscode-executable', path.join(dir, 'code'), ...extraArgs], {
    cwd: REPO,
    env: { ...process.env, RECORD: record, EXIT: String(exit) },
    encoding: 'utf8',
  });
  const left = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('batch-identity-electron-') && !before.has(n));
  return {
    status: result.status,
    output: result.stdout + result.stderr,
    recorded: JSON.parse(fs.readFileSync(record, 'utf8')) as Record,
    left,
  };
}

describe(
  '@vscode/test-electron runner',
  { skip: !fs.existsSync(path.join(REPO, 'dist/test/suite/index.js')) && 'needs npm run build' },
  () => {
    it('launches VS Code on the suites, the development tree and a fresh profile, and passes on its exit code 0', () => {
      const { status, recorded, left, output } = launch(0, ['--grep', 'quick fix']);
      assert.equal(status, 0, output);
      assert.ok(recorded.args.includes(`--extensionDevelopmentPath=${REPO}`), recorded.args.join(' '));
      assert.ok(recorded.args.includes(`--extensionTestsPath=${path.join(REPO, 'dist/test/suite/index.js')}`));
      assert.ok(recorded.args.includes('--disable-workspace-trust'));
      assert.ok(recorded.args.includes('--extensions-dir'));
      assert.equal(recorded.grep, 'quick fix');
      // The fixture workspace, copied: the same files the offline runner opens.
      assert.deepEqual(recorded.workspaceFiles, fs.readdirSync(path.join(REPO, 'test/integration/fixture')).sort());
      assert.equal(JSON.parse(recorded.userSettings)['security.workspace.trust.enabled'], false);
      assert.deepEqual(left, [], 'the temporary profile and workspace are removed');
    });

    it('fails when VS Code exits with a failure', () => {
      const { status, recorded, left } = launch(1);
      assert.equal(status, 1);
      assert.equal(recorded.grep, null, 'no grep unless asked');
      assert.deepEqual(left, []);
    });
  },
);
