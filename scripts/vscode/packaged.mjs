// What `npm run test:vsix` adds to the offline runner: the suites that prove a packaged extension
// works, bundled into a small test-runner extension of their own, and both .vsix files installed
// into the sandbox's profile with code-server --install-extension. VS Code then loads the
// extension from its extensions folder exactly as for a user: no extensionDevelopmentPath, no path
// into this repository. The test runner starts the suites when VS Code has started, and only when
// the offline runner's socket is in its environment.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { createVSIX } from '@vscode/vsce';
import { RUNNER_SOCKET_ENV, root } from './common.mjs';
import { codeServerEntry } from './setup-code-server.mjs';

/** Suites of test/integration/suite that run against the package, besides packaged/*.test.ts. */
export const PACKAGED_SUITES = ['diagnostics', 'quickFix', 'hover', 'outputAndDocs', 'completion', 'navigation', 'colouring'];
export const EXTENSIONS_DIR_ENV = 'BATCH_IDENTITY_EXTENSIONS_DIR';

/** Builds the test-runner extension in `dir` and packs it; returns the .vsix path. */
export async function buildRunnerExtension(dir) {
  const entryPoints = { 'suite/index': 'test/integration/suite/index.ts' };
  for (const name of PACKAGED_SUITES) entryPoints[`suite/${name}.test`] = `test/integration/suite/${name}.test.ts`;
  for (const file of fs.readdirSync(path.join(root, 'test/integration/packaged'))) {
    if (file.endsWith('.test.ts')) entryPoints[`suite/${file.slice(0, -3)}`] = `test/integration/packaged/${file}`;
  }
  await esbuild.build({
    entryPoints,
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    absWorkingDir: root,
    logLevel: 'warning',
    // Mocha's parallel mode (unused) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `// Runs the bundled suites once VS Code has started, when the offline runner is listening.\n` +
      `exports.activate = function () {\n` +
      `  if (!process.env[${JSON.stringify(RUNNER_SOCKET_ENV)}]) return;\n` +
      `  // The result goes to the runner (RESULT line); a failed run rejects after reporting.\n` +
      `  require('./suite/index.js').run().catch(function () {});\n` +
      `};\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'batch-identity-test-runner',
        displayName: 'Batch Identity test runner',
        description: 'Runs the Batch Identity integration suites against the installed extension.',
        publisher: 'batch-identity-tests',
        version: '0.0.0',
        engines: { vscode: '^1.91.0' },
        main: './extension.js',
        activationEvents: ['onStartupFinished'],
      },
      null,
      2,
    ) + '\n',
  );
  const packagePath = `${dir}.vsix`;
  // vsce prints the file tree and size notes of a package that is never published: keep them out
  // of the run's output (its errors still throw).
  const quiet = ['log', 'info', 'warn'].map((method) => [method, console[method]]);
  for (const [method] of quiet) console[method] = () => {};
  try {
    await createVSIX({ cwd: dir, packagePath, dependencies: false, skipLicense: true, allowMissingRepository: true });
  } finally {
    for (const [method, original] of quiet) console[method] = original;
  }
  return packagePath;
}

/** The environment without anything that points into this repository (npm's variables, PATH entries). */
export function environmentWithoutRepo(env = process.env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (key === 'PATH')
      clean.PATH = value
        .split(path.delimiter)
        .filter((p) => !p.startsWith(root))
        .join(path.delimiter);
    else if (!value.includes(root)) clean[key] = value;
  }
  return clean;
}

/** code-server --install-extension for each .vsix, into the sandbox's profile. */
export function installExtensions(sandbox, configFile, vsixFiles) {
  const args = [codeServerEntry, '--config', configFile, '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir];
  for (const file of vsixFiles) args.push('--install-extension', file);
  const result = spawnSync(process.execPath, args, { cwd: sandbox.dir, env: environmentWithoutRepo(), encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const installed = (output.match(/was successfully installed/g) ?? []).length;
  if (result.status !== 0 || installed !== vsixFiles.length) {
    throw new Error(`code-server --install-extension failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
}

/**
 * Every mention of this repository in the processes of code-server's group (command lines,
 * working folders, environments), apart from VS Code's own installation in the git-ignored cache:
 * for a packaged run there must be none. Linux only (reads /proc); undefined elsewhere.
 */
export function repoReferences(groupId, codeServerDir) {
  if (!fs.existsSync('/proc/self/stat')) return undefined;
  const allowed = codeServerDir + path.sep;
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const processGroup = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (processGroup !== groupId) continue;
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const texts = [...command.map((a) => ['argument', a]), ['working folder', fs.readlinkSync(`/proc/${entry}/cwd`)]];
      for (const variable of fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').filter(Boolean))
        texts.push(['environment', variable]);
      for (const [kind, text] of texts) {
        if (text.split(allowed).join('').includes(root))
          found.push(`${entry} (${path.basename(command[1] ?? command[0] ?? '?')}) ${kind}: ${text}`);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
