/**
 * The CLI indexes pool accounts from the project root (the folder holding `.git`, else the working
 * folder), whatever folder or file it checks, as the editor does over its workspace folders: a
 * user whose pool is defined in another folder of the repository is not reported (issue 12), and
 * the files outside the checked paths are read, never reported nor fixed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { projectContextFiles, projectRootOf } from '../../../server/src/workspace/projectRoot';
import { collectFiles } from '../../../server/src/workspace/walk';
import { cli, scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-project-root');

const POOL = (name: string, runElevated = false) =>
  JSON.stringify({
    id: 'p',
    vmSize: 's',
    userAccounts: [{ name, password: '<secret>', elevationLevel: 'admin' }],
    ...(runElevated && { startTask: { commandLine: 'setup', runElevated: true } }),
  });
const TASK = (userName: string) => JSON.stringify({ id: `t-${userName}`, commandLine: 'x', userIdentity: { username: userName } });

/** The repository of the issue: pools in one folder, tasks (and a pool of their own) in another. */
function repository(gitMarker: 'folder' | 'file' | 'none'): string {
  const root = tree({
    'infra/pools/render-pool.json': POOL('renderUser', true),
    'jobs/local-pool.json': POOL('jobUser'),
    'jobs/tasks.json': `{"value": [${TASK('renderUser')}, ${TASK('jobUser')}, ${TASK('ghost')}]}`,
    'node_modules/dep/pool.json': POOL('ghost'),
  });
  if (gitMarker === 'folder') fs.mkdirSync(path.join(root, '.git'));
  if (gitMarker === 'file') fs.writeFileSync(path.join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
  return root;
}

async function unknownUsers(args: string[]): Promise<{ found: string[]; stderr: string; code: number }> {
  const { stdout, stderr, code } = await cli(['check', '--format', 'json', ...args]);
  const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string; message: string }[] }[];
  const found = reports.flatMap((r) =>
    r.diagnostics
      .filter((d) => d.code === 'unknown-user')
      .map((d) => `${path.basename(r.file)}: ${/named '([^']+)'/.exec(d.message)?.[1]}`),
  );
  return { found, stderr, code };
}

describe('the CLI reads the whole project for pool accounts', () => {
  for (const marker of ['folder', 'file'] as const) {
    it(`checking one folder of a repository (.git ${marker}): users of pools in other folders are known`, async () => {
      const root = repository(marker);
      const { found } = await unknownUsers([path.join(root, 'jobs')]);
      // On main, renderUser was reported too: its pool is in infra/, which was not checked.
      assert.deepEqual(found, ['tasks.json: ghost']);
    });
  }

  it('checking one file: the same', async () => {
    const root = repository('folder');
    const { found } = await unknownUsers([path.join(root, 'jobs/tasks.json')]);
    assert.deepEqual(found, ['tasks.json: ghost']);
  });

  it('the files outside the checked paths are neither reported nor fixed; dependencies are not read', async () => {
    const root = repository('folder');
    const pool = path.join(root, 'infra/pools/render-pool.json');
    const before = fs.readFileSync(pool);
    const { code, stderr } = await cli(['check', '--fix', path.join(root, 'jobs')]);
    assert.equal(code, 1, stderr);
    assert.equal(stderr, '', 'no note about a file that was not checked');
    assert.deepEqual(fs.readFileSync(pool), before);
    // node_modules/dep/pool.json defines "ghost": were it read, ghost would be known.
    assert.deepEqual((await unknownUsers([path.join(root, 'jobs')])).found, ['tasks.json: ghost']);
  });

  it('the whole repository checked: the same findings, plus the other folders’ own', async () => {
    const root = repository('folder');
    const { stdout } = await cli(['check', '--format', 'json', root]);
    const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(reports.map((r) => [path.relative(root, r.file), r.diagnostics.map((d) => d.code)]).sort(), [
      ['infra/pools/render-pool.json', ['run-elevated']],
      ['jobs/tasks.json', ['unknown-user']],
    ]);
  });
});

describe('projectRootOf', () => {
  it('the nearest folder holding .git (a folder or a file), from a folder or a file', () => {
    const root = repository('folder');
    fs.mkdirSync(path.join(root, 'jobs/sub/.git'), { recursive: true });
    const elsewhere = '/';
    assert.equal(projectRootOf(path.join(root, 'infra/pools'), elsewhere), root);
    assert.equal(projectRootOf(path.join(root, 'infra/pools/render-pool.json'), elsewhere), root);
    assert.equal(projectRootOf(path.join(root, 'jobs/sub'), elsewhere), path.join(root, 'jobs/sub'));
    assert.equal(projectRootOf(root, elsewhere), root);
  });

  it('without .git: the working folder when the input lies in it, else the input itself; undefined when missing', () => {
    const root = repository('none');
    assert.equal(projectRootOf('jobs', root), root);
    assert.equal(projectRootOf(path.join(root, 'jobs/tasks.json'), root), root);
    assert.equal(projectRootOf(path.join(root, 'jobs'), path.join(root, 'infra')), path.join(root, 'jobs'));
    assert.equal(projectRootOf(path.join(root, 'missing'), root), undefined);
  });

  it('projectContextFiles: the project files the walk of the inputs leaves out, with the walk’s skips', () => {
    const root = repository('none');
    const inputs = ['jobs'];
    const checked = collectFiles(inputs.map((i) => path.join(root, i))).files;
    assert.deepEqual(
      projectContextFiles(inputs, checked.length, root).map((f) => path.relative(root, f)),
      ['infra/pools/render-pool.json'],
    );
    assert.deepEqual(
      projectContextFiles(['.'], collectFiles([root]).files.length, root),
      [],
      'the whole project checked: nothing more to read',
    );
  });
});
