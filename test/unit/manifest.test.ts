/**
 * The extension manifest as VS Code and the marketplace read it: when the extension activates,
 * what the marketplace page shows, and the workspace capabilities the README promises.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it('activates for csharp, java, python, json and jsonc, and for nothing else', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), [
      'onLanguage:csharp',
      'onLanguage:java',
      'onLanguage:json',
      'onLanguage:jsonc',
      'onLanguage:python',
    ]);
  });

  it('shows a name, a one-line description, keywords and a PNG icon on the marketplace page', () => {
    assert.equal(manifest.displayName, 'Batch Identity');
    assert.match(manifest.description, /runElevated/);
    assert.match(manifest.description, /C#, Java, Python and JSON/);
    assert.ok(manifest.keywords.includes('azure batch') && manifest.keywords.includes('runElevated'), manifest.keywords.join(', '));
    const icon = fs.readFileSync(path.join(root, manifest.icon));
    assert.deepEqual([...icon.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.deepEqual(manifest.categories, ['Linters', 'Programming Languages', 'Snippets']);
  });

  it('runs in untrusted workspaces (it only reads files) and says what is limited in virtual ones', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description, /workspace index .* needs files on disk/);
  });

  it('names the CLI and the client bundle that the build produces', () => {
    assert.deepEqual(manifest.bin, { 'batch-identity': './dist/cli.js' });
    assert.equal(manifest.main, './dist/extension.js');
  });
});
