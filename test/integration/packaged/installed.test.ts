/// <reference types="mocha" />
/**
 * Run only against the installed .vsix (npm run test:vsix, scripts/vscode/packaged.mjs): the
 * extension VS Code loaded is the package's copy in the profile's extensions folder, its language
 * server runs from there, and the package holds nothing of the development tree.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RUN_ELEVATED, SAMPLES } from '../support/languages';
import { EXTENSION_ID, closeAllEditors, extensionApi, openCopy, serverPid, waitForFindings } from '../support/workbench';

/** Set by the runner to the profile's extensions folder, where --install-extension put the package. */
const EXTENSIONS_DIR_ENV = 'BATCH_IDENTITY_EXTENSIONS_DIR';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

suite('packaged extension', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  test('VS Code runs the installed package: its folder, its files, its language server', async function () {
    const extensionsDir = process.env[EXTENSIONS_DIR_ENV];
    if (!extensionsDir) this.skip();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const { extensionPath } = extension;
    assert.equal(path.dirname(extensionPath), fs.realpathSync(extensionsDir), 'loaded from the extensions folder');
    assert.equal(path.basename(extensionPath), `${EXTENSION_ID}-${extension.packageJSON.version}`);

    const files = filesUnder(extensionPath);
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/wasm/tree-sitter.wasm', 'package.json'])
      assert.ok(files.includes(file), `${file} is in the package`);
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map') || f.endsWith('.ts') || /^(test|client|server|node_modules)\//.test(f)),
      [],
      'no maps, sources or tests in the package',
    );

    // The server that analyses files is the package's bundle, started from the package's folder.
    const { uri } = await openCopy(SAMPLES[0].single.file, 'installed');
    await waitForFindings(uri, RUN_ELEVATED, 1);
    const serverModule = path.join(extensionPath, 'dist', 'server.js');
    const pid = serverPid(serverModule);
    assert.ok(pid, `a child of the extension host runs ${serverModule}`);
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1);
    assert.deepEqual(
      args.filter((a) => path.isAbsolute(a) && !a.startsWith(extensionPath + path.sep)),
      [],
      `every path the server was started with lies in the package: ${args.join(' ')}`,
    );
  });
});
