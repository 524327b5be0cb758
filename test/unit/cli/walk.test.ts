/**
 * What the walk meets in real repositories (issue 19.2, 19.3): directory links in cycles, a link to
 * `.`, named pipes and devices with source extensions. The built CLI runs as a child process with a
 * deadline, so a walk that never ends fails the test instead of hanging it. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scratchTrees } from '../../helpers/cli';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const tree = scratchTrees('bi-cli-walk');
const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
/** Far more than any of these checks needs: only a walk that never ends reaches it. */
const DEADLINE_MS = 60_000;

function check(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--format', 'json', ...args], {
    encoding: 'utf8',
    timeout: DEADLINE_MS,
  });
  assert.equal(result.signal, null, `the CLI did not end: ${result.stderr}`);
  return {
    code: result.status,
    files: (JSON.parse(result.stdout || '[]') as { file: string }[]).map((r) => r.file),
    stderr: result.stderr,
  };
}

describe('cli: the walk', { skip: process.platform === 'win32' && 'POSIX links and pipes' }, () => {
  it('directory links in a cycle and a link to . are entered once: each file is reported once', () => {
    const root = tree({ 'jobs/task.json': TASK, 'pools/task.json': TASK });
    fs.symlinkSync('.', path.join(root, 'self'));
    fs.symlinkSync('..', path.join(root, 'jobs', 'up'));
    fs.symlinkSync('../jobs', path.join(root, 'pools', 'jobs'));
    fs.symlinkSync('task.json', path.join(root, 'jobs', 'zlink.json'));
    const { code, files } = check(root);
    assert.equal(code, 1);
    assert.deepEqual(files, [path.join(root, 'jobs', 'task.json'), path.join(root, 'pools', 'task.json')]);
  });

  it('named pipes and devices with source extensions are not read; named explicitly, they are an error (exit 2)', () => {
    const root = tree({ 'jobs/task.json': TASK });
    assert.equal(spawnSync('mkfifo', [path.join(root, 'jobs', 'pipe.json')]).status, 0, 'mkfifo');
    fs.symlinkSync('/dev/zero', path.join(root, 'jobs', 'zero.json'));
    const walked = check(root);
    assert.equal(walked.code, 1);
    assert.deepEqual(walked.files, [path.join(root, 'jobs', 'task.json')]);
    assert.equal(walked.stderr, '');
    const named = check(path.join(root, 'jobs', 'pipe.json'), path.join(root, 'jobs', 'zero.json'), path.join(root, 'jobs', 'task.json'));
    assert.equal(named.code, 2);
    assert.deepEqual(named.files, [path.join(root, 'jobs', 'task.json')]);
    assert.match(named.stderr, /pipe\.json: not a regular file or directory/);
    assert.match(named.stderr, /zero\.json: not a regular file or directory/);
  });
});
