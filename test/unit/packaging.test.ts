/**
 * The .vsix that `npm run package` builds (issue 6): it holds what runs and what the marketplace
 * shows, everything the manifest points at, nothing of the development tree, and stays small.
 * It reads the package that is there; `npm test` builds it first (so does CI through npm test).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules';
import { inflateRawSync } from 'node:zlib';

const root = path.resolve(__dirname, '..', '..');
const vsixPath = path.join(root, 'batch-identity.vsix');
const MAX_BYTES = 5 * 1024 * 1024;

interface ZipEntry {
  readonly name: string;
  read(): Buffer;
}

/** The entries of a zip file, from its central directory (a .vsix is a plain zip, no zip64). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'a zip file');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let at = zip.readUInt32LE(endOfDirectory + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      read: () => {
        const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const data = zip.subarray(start, start + compressedSize);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Why the package cannot be checked now, or undefined when it can. */
function notCheckable(): string | undefined {
  if (!fs.existsSync(vsixPath)) return 'batch-identity.vsix is not built: run `npm run package` (npm test does)';
  const built = fs.statSync(vsixPath).mtimeMs;
  const packagedDocs = ['docs/severity.md', ...fs.readdirSync(path.join(root, 'docs/rules')).map((f) => `docs/rules/${f}`)];
  const stale = ['package.json', '.vscodeignore', ...packagedDocs].filter((f) => fs.statSync(path.join(root, f)).mtimeMs > built);
  return stale.length > 0 ? `batch-identity.vsix is older than ${stale.join(' and ')}: run \`npm run package\`` : undefined;
}

describe('the packaged extension (batch-identity.vsix)', { skip: notCheckable() }, () => {
  const zip = fs.existsSync(vsixPath) ? fs.readFileSync(vsixPath) : Buffer.alloc(0);
  const entries = () => zipEntries(zip);
  const files = () =>
    entries()
      .map((e) => e.name)
      .filter((n) => n.startsWith('extension/'))
      .map((n) => n.slice('extension/'.length))
      .sort();
  const manifest = () =>
    JSON.parse(
      entries()
        .find((e) => e.name === 'extension/package.json')!
        .read()
        .toString('utf8'),
    );

  it(`is at most ${MAX_BYTES / 1024 / 1024} MB`, () => {
    assert.ok(zip.length <= MAX_BYTES, `${(zip.length / 1024 / 1024).toFixed(2)} MB`);
  });

  it('holds the bundles, the tree-sitter runtime and the three grammars, the .editorconfig parser, snippets, syntaxes, the rule pages and the marketplace files', () => {
    const list = files();
    const expected = [
      'package.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'images/icon.png',
      'dist/extension.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/cli-engine.js',
      'dist/wasm/tree-sitter.wasm',
      'dist/wasm/tree-sitter-c-sharp.wasm',
      'dist/wasm/tree-sitter-java.wasm',
      'dist/wasm/tree-sitter-python.wasm',
      'dist/wasm/tree-sitter-typescript.wasm',
      'dist/wasm/tree-sitter-tsx.wasm',
      'dist/wasm/tree-sitter-javascript.wasm',
      // editorconfig's INI parser (scripts/build.mjs)
      'dist/wasm/one_ini_bg.wasm',
      // JSON has no static snippets: the server offers JSON bodies where they fit (completion).
      ...['csharp', 'java', 'python', 'typescript'].map((l) => `snippets/${l}.json`),
      ...['csharp', 'java', 'python', 'json', 'typescript'].map((l) => `syntaxes/${l}.injection.tmLanguage.json`),
      // Opened offline in the Markdown preview (issue 14 item 8), with the severity policy they link.
      ...RULES.map((r) => `docs/rules/${r.id}.md`),
      'docs/severity.md',
    ].sort();
    assert.deepEqual(list, expected);
  });

  it('holds the rule pages as they are in docs/, and every relative link in them leads to a packaged file', () => {
    const list = new Set(files());
    const pages = [...list].filter((f) => f.startsWith('docs/'));
    for (const page of pages) {
      const text = entries()
        .find((e) => e.name === `extension/${page}`)!
        .read()
        .toString('utf8');
      assert.equal(text, fs.readFileSync(path.join(root, page), 'utf8'), `${page} is packaged as written`);
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)|^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? m[2]);
      const relative = targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
      assert.ok(page === 'docs/severity.md' || relative.includes('../severity.md'), `${page} links the severity policy`);
      for (const target of relative) {
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), target.split('#')[0]));
        assert.ok(list.has(file), `${page} links ${target}, which is not in the package`);
      }
    }
  });

  it('holds every file the manifest points at', () => {
    const json = manifest();
    const list = new Set(files());
    const referenced = [
      json.main,
      json.icon,
      ...Object.values(json.bin ?? {}),
      ...(json.contributes.grammars ?? []).map((g: { path: string }) => g.path),
      ...(json.contributes.snippets ?? []).map((s: { path: string }) => s.path),
    ].map((p: string) => path.posix.normalize(p));
    assert.ok(json.contributes.snippets?.length > 0 && json.contributes.grammars?.length > 0, 'snippets and grammars are contributed');
    assert.deepEqual(
      referenced.filter((p) => !list.has(p)),
      [],
    );
  });

  it('holds nothing of the development tree: no tests, sources, maps or node_modules', () => {
    const unwanted = files().filter(
      (f) =>
        /(^|\/)(test|node_modules|client|server|common|scripts|bench|examples)\//.test(f) ||
        (f.startsWith('docs/') && !/^docs\/(rules\/[a-z-]+|severity)\.md$/.test(f)) ||
        /\.(map|ts|tsx|mjs)$/.test(f) ||
        f.startsWith('.'),
    );
    assert.deepEqual(unwanted, []);
    // Development bundles carry a source map link; the production ones do not.
    for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/cli-engine.js']) {
      const text = entries()
        .find((e) => e.name === `extension/${bundle}`)!
        .read()
        .toString('utf8');
      assert.ok(!text.includes('sourceMappingURL'), `${bundle} is a production bundle`);
    }
  });

  it('keeps the marketplace fields', () => {
    const json = manifest();
    assert.equal(json.name, 'batch-identity');
    assert.equal(json.publisher, 'batch-identity');
    assert.match(json.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(json.categories, ['Linters', 'Programming Languages', 'Snippets']);
    assert.ok(
      json.engines.vscode && json.icon && json.license && json.repository && json.galleryBanner,
      'engines, icon, license, repository, banner',
    );
  });
});
