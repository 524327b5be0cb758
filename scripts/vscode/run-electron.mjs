// Runs the same integration suites in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (it fetches a build into .vscode-test/ on first use). On machines
// without internet use the offline runner: npm run test:integration.
//
//   node scripts/vscode/run-electron.mjs [--grep PATTERN] [--vscode-version VERSION | --vscode-executable PATH]
//
// --vscode-executable runs a VS Code already on the machine (its Electron binary, e.g.
// /usr/share/code/code) instead of downloading one.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GREP_ENV, buildIfNeeded, makeSandbox, root, suiteIndex } from './common.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    'vscode-version': { type: 'string', default: 'stable' },
    'vscode-executable': { type: 'string' },
  },
});

let sandbox;
let exitCode = 1;
try {
  buildIfNeeded();
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  let vscodeExecutablePath = options['vscode-executable'] && path.resolve(options['vscode-executable']);
  try {
    vscodeExecutablePath ??= await downloadAndUnzipVSCode({
      version: options['vscode-version'],
      cachePath: path.join(root, '.vscode-test'),
    });
  } catch (error) {
    console.error(
      `Could not download VS Code (${error instanceof Error ? error.message : error}).\n` +
        'This runner needs update.code.visualstudio.com. Without internet, run the same suites offline:\n' +
        '  npm run test:integration',
    );
    process.exit(2);
  }
  sandbox = makeSandbox('batch-identity-electron-');
  exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: suiteIndex,
    extensionTestsEnv: options.grep ? { [GREP_ENV]: options.grep } : {},
    launchArgs: [
      sandbox.workspace,
      '--user-data-dir',
      sandbox.userDataDir,
      '--extensions-dir',
      sandbox.extensionsDir,
      '--disable-workspace-trust',
      '--skip-welcome',
    ],
  });
} catch (error) {
  console.error(`run-electron: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  sandbox?.remove();
}
process.exit(exitCode);
