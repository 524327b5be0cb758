/**
 * `npm start` (scripts/start.mjs) opens the desktop VS Code when `code` is on the PATH: with the
 * extension under development and examples/ as the folder. A stand-in `code` records its launch;
 * the code-server branch is `npm run test:start`, which runs the real thing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scratchTrees } from '../../helpers/cli';

const REPO = path.resolve(__dirname, '../../..');
const tree = scratchTrees('bi-start');

describe('npm start with a desktop VS Code installed', { skip: process.platform === 'win32' && 'a POSIX stand-in' }, () => {
  it('runs `code --extensionDevelopmentPath=<repo> <repo>/examples` and exits with its code', () => {
    const bin = tree({
      code: `#!${process.execPath}\nrequire('fs').writeFileSync(process.env.RECORD, JSON.stringify(process.argv.slice(2)));\nprocess.exit(3);\n`,
    });
    fs.chmodSync(path.join(bin, 'code'), 0o755);
    const record = path.join(bin, 'record.json');
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, RECORD: record };
    delete env.BATCH_IDENTITY_NO_DESKTOP;
    const result = spawnSync(process.execPath, [path.join(REPO, 'scripts/start.mjs')], { cwd: REPO, env, encoding: 'utf8' });
    assert.equal(result.status, 3, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`Opening VS Code on examples/ with the extension from ${REPO.replace(/[.]/g, '\\.')}`));
    assert.deepEqual(JSON.parse(fs.readFileSync(record, 'utf8')), [`--extensionDevelopmentPath=${REPO}`, path.join(REPO, 'examples')]);
  });
});
