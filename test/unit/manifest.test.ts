/**
 * The extension manifest as VS Code and the marketplace read it: when the extension activates,
 * what the marketplace page shows, and the workspace capabilities the README promises.
 *
 * package.json is static JSON, so what it says about the languages is written out there; these
 * tests hold it to the language table (common/languages.ts) and print what it should say.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENT_LANGUAGE_IDS, LANGUAGE_IDS, LANGUAGE_TABLE, languageNames } from '../../common/languages';
import { COMMANDS, FIX_ALL_TITLE } from '../../common/protocol';
import { DEFAULT_SETTINGS, FIX_ALL_KIND } from '../../common/settings';
import { grammars } from '../../scripts/grammars';
import { SNIPPET_LANGUAGES } from '../../scripts/snippets';
import { SNIPPET_FILES } from '../../server/src/batch/snippets';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('extension manifest', () => {
  it("activates for the language table's VS Code language ids, and for nothing else", () => {
    assert.deepEqual(
      manifest.activationEvents,
      DOCUMENT_LANGUAGE_IDS.map((id) => `onLanguage:${id}`),
    );
  });

  it('names fix-all in the command palette as everywhere else, with no category before it', () => {
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === COMMANDS.fixAllInFile);
    assert.deepEqual(command, { command: COMMANDS.fixAllInFile, title: FIX_ALL_TITLE });
  });

  it("contributes the fix-all code-action kind for the table's languages, named as everywhere else (settings completion offers it)", () => {
    const contributed = manifest.contributes.codeActions as { languages: string[]; actions: { kind: string; title: string } }[];
    assert.equal(contributed.length, 1);
    assert.deepEqual(contributed[0].languages, DOCUMENT_LANGUAGE_IDS);
    assert.equal(contributed[0].actions.kind, FIX_ALL_KIND);
    assert.equal(contributed[0].actions.title, FIX_ALL_TITLE);
  });

  it("offers the language table's languages in batchIdentity.languages, all of them by default", () => {
    const setting = manifest.contributes.configuration.properties['batchIdentity.languages'];
    assert.deepEqual(setting.items.enum, LANGUAGE_IDS);
    assert.deepEqual(setting.default, LANGUAGE_IDS);
    assert.deepEqual(DEFAULT_SETTINGS.languages, LANGUAGE_IDS);
  });

  it("contributes each injection grammar (scripts/grammars.ts) into the language table's TextMate scopes, and nothing else", () => {
    assert.deepEqual(
      manifest.contributes.grammars,
      grammars().map((g) => ({ scopeName: g.scopeName, path: `./syntaxes/${g.file}`, injectTo: [...g.injectTo] })),
    );
    for (const g of grammars()) assert.ok(fs.existsSync(path.join(root, 'syntaxes', g.file)), g.file);
  });

  it("contributes each language's snippets to every VS Code language id of the language, and nothing else", () => {
    assert.deepEqual(
      manifest.contributes.snippets,
      SNIPPET_LANGUAGES.flatMap((language) =>
        LANGUAGE_TABLE[language].vscodeLanguageIds.map((id) => ({ language: id, path: `./snippets/${SNIPPET_FILES[language].file!}` })),
      ),
    );
  });

  it("names the language table's languages in its description", () => {
    assert.ok(manifest.description.includes(languageNames('and')), manifest.description);
  });

  it('shows a name, a one-line description, keywords and a PNG icon on the marketplace page', () => {
    assert.equal(manifest.displayName, 'Batch Identity');
    assert.match(manifest.description, /runElevated/);
    assert.match(manifest.description, /C#, Java, Python, JSON, TypeScript\/JavaScript and Markdown \(its code blocks\)/);
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
