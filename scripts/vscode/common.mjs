// What both integration runners share: the build check, the throw-away VS Code profile and the
// copy of the fixture workspace the suites run in.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const suiteIndex = path.join(root, 'dist', 'test', 'suite', 'index.js');
export const fixtureDir = path.join(root, 'test', 'integration', 'fixture');
export const resultsDir = path.join(root, 'test-results');

/** Environment variables the suites read (test/integration/suite/index.ts, support/runner.ts). */
export const GREP_ENV = 'BATCH_IDENTITY_TEST_GREP';
export const RUNNER_SOCKET_ENV = 'BATCH_IDENTITY_RUNNER_SOCKET';
/** `pass`, `fail` or `hang`: the suite runs only a probe with that outcome (the runner's own test). */
export const PROBE_ENV = 'BATCH_IDENTITY_RUNNER_PROBE';

/**
 * User settings of the test profile: no trust dialog, nothing that reaches the internet, no
 * welcome page or tips drawing over the editor in screenshots.
 */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

const BUILD_INPUTS = [
  'client',
  'server/src',
  'common',
  'shared',
  'test/integration/suite',
  'test/integration/support',
  'scripts/build.mjs',
  'package.json',
];
const BUILD_OUTPUTS = ['dist/extension.js', 'dist/server.js', 'dist/test/suite/index.js'];

/** The newest modification time in a file or folder tree; 0 when it does not exist. */
function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer folder
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Runs `npm run build` unless dist/ is newer than every source it is built from; true if it built. */
export function buildIfNeeded() {
  const oldestOutput = Math.min(...BUILD_OUTPUTS.map((f) => newestMtime(path.join(root, f))));
  const newestInput = Math.max(...BUILD_INPUTS.map((f) => newestMtime(path.join(root, f))));
  if (oldestOutput > 0 && oldestOutput >= newestInput) return false;
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
  return true;
}

/**
 * A temporary folder holding a fresh VS Code profile (user data with USER_SETTINGS, an empty
 * extensions folder) and a copy of the fixture workspace, which the tests change.
 */
export function makeSandbox(prefix = 'batch-identity-it-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
  fs.cpSync(fixtureDir, workspace, { recursive: true });
  return { dir, userDataDir, extensionsDir, workspace, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
