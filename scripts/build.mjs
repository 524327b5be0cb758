// Bundles the extension (client), the language server and the CLI with esbuild, and copies the
// tree-sitter runtime and the language table's grammars beside them (dist/wasm), which is all they
// need at run time. `--production` minifies and drops source maps (the .vsix build).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const production = process.argv.includes('--production');
const dist = path.join(root, 'dist');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM entry points first: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  // The bundle finds the grammars in dist/wasm; the require.resolve fallback is for running from source.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

// The language table is TypeScript; tsx reads it here as the bundles do.
const { TREE_SITTER_GRAMMARS, TREE_SITTER_RUNTIME_WASM, grammarFile } = await tsImport('../common/languages.ts', import.meta.url);
export const GRAMMARS = [TREE_SITTER_RUNTIME_WASM, ...TREE_SITTER_GRAMMARS.map(grammarFile)];

// A production build starts clean: nothing from a development build (maps, test bundles) may
// end up in the .vsix.
if (production) fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'wasm'), { recursive: true });
const wasmSource = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
for (const file of GRAMMARS) fs.copyFileSync(path.join(wasmSource, file), path.join(dist, 'wasm', file));

// editorconfig parses .editorconfig files with @one-ini/wasm, which reads `${__dirname}/one_ini_bg.wasm`
// when it loads. Bundled, __dirname is dist/: the WASM goes to dist/wasm with the grammars, and
// the bundle is told so. A version that loads it otherwise fails the build here, not at run time.
export const ONE_INI_WASM = 'one_ini_bg.wasm';
const oneIni = require.resolve('@one-ini/wasm', { paths: [path.dirname(require.resolve('editorconfig'))] });
fs.copyFileSync(path.join(path.dirname(oneIni), ONE_INI_WASM), path.join(dist, 'wasm', ONE_INI_WASM));
const oneIniWasmInDist = {
  name: 'one-ini-wasm-in-dist',
  setup(build) {
    build.onLoad({ filter: /[\\/]@one-ini[\\/]wasm[\\/]one_ini\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const loads = `\`\${__dirname}/${ONE_INI_WASM}\``;
      if (!source.includes(loads)) throw new Error(`@one-ini/wasm no longer loads ${loads}: see scripts/build.mjs`);
      return { contents: source.replace(loads, `\`\${__dirname}/wasm/${ONE_INI_WASM}\``), loader: 'js' };
    });
  },
};

// dist/cli.js runs the CLI's engine from V8's code cache through node:vm, and Node 20 forgets a vm
// script's loader for `import()` when its code comes from a cache (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING).
// The only `import()`s in the bundles are tree-sitter's runtime's, of Node's own modules: they become
// requires, made at the module's top, where the runtime's own `var require` does not shadow Node's.
// A version that imports otherwise fails the build here; test/unit/cli/codeCache.test.ts parses
// through the code cache.
const TREE_SITTER_IMPORTS = ['fs/promises', 'module'];
const treeSitterWithoutImport = {
  name: 'tree-sitter-without-import',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
      let source = await fs.promises.readFile(args.path, 'utf8');
      const requires = [];
      TREE_SITTER_IMPORTS.forEach((name, i) => {
        const dynamic = `await import(${JSON.stringify(name)})`;
        if (source.split(dynamic).length !== 2) throw new Error(`tree-sitter.js no longer has one ${dynamic}: see scripts/build.mjs`);
        source = source.replace(dynamic, `await Promise.resolve(__nodeModule${i}())`);
        requires.push(`const __nodeModule${i} = () => require(${JSON.stringify(name)});`);
      });
      if (/\bimport\(/.test(source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '')))
        throw new Error('tree-sitter.js has another import(): see scripts/build.mjs');
      return { contents: `${requires.join('\n')}\n${source}`, loader: 'js' };
    });
  },
};

const builds = [
  { entryPoints: { extension: 'client/src/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/src/server.ts' }, plugins: [oneIniWasmInDist, treeSitterWithoutImport] },
  // Any other `import()` in the CLI's engine becomes a require too (see treeSitterWithoutImport).
  {
    entryPoints: { 'cli-engine': 'server/src/cli.ts' },
    plugins: [oneIniWasmInDist, treeSitterWithoutImport],
    supported: { 'dynamic-import': false },
  },
  // The `batch-identity` command: a small loader that starts cli-engine.js from V8's code cache.
  { entryPoints: { cli: 'server/src/cliLoader.ts' } },
];
const suiteDir = path.join(root, 'test/integration/suite');
if (!production && fs.existsSync(path.join(suiteDir, 'index.ts'))) {
  // The suite index (with Mocha) and each *.test.ts as its own file beside it: the index finds
  // the suites by listing dist/test/suite, as @vscode/test-electron suites do. Cleared first so a
  // deleted suite does not linger.
  fs.rmSync(path.join(dist, 'test'), { recursive: true, force: true });
  const entryPoints = { 'test/suite/index': 'test/integration/suite/index.ts' };
  for (const file of fs.readdirSync(suiteDir)) {
    if (file.endsWith('.test.ts')) entryPoints[`test/suite/${file.slice(0, -3)}`] = `test/integration/suite/${file}`;
  }
  builds.push({ entryPoints, external: ['vscode'] });
}
// The CLI's build key (its caches trust only what the same build wrote): the engine bundle's
// checksum, written into it and into the loader in place of a placeholder of the same length, so
// that no run need hash the bundle.
const BUILD_KEY_PLACEHOLDER = '@@build-key@@@';
const { checksum } = await tsImport('../server/src/cli/cache.ts', import.meta.url);
const started = Date.now();
await Promise.all(
  builds.map((b) => esbuild.build({ ...common, outdir: dist, ...b, define: { __CLI_BUILD_KEY__: JSON.stringify(BUILD_KEY_PLACEHOLDER) } })),
);
const engineBundle = path.join(dist, 'cli-engine.js');
const engineText = fs.readFileSync(engineBundle, 'utf8');
const buildKey = checksum(Buffer.from(engineText));
if (buildKey.length !== BUILD_KEY_PLACEHOLDER.length) throw new Error('the build key must keep the bundle’s length');
for (const bundle of [engineBundle, path.join(dist, 'cli.js')]) {
  const text = bundle === engineBundle ? engineText : fs.readFileSync(bundle, 'utf8');
  if (text.split(BUILD_KEY_PLACEHOLDER).length !== 2)
    throw new Error(`${path.relative(root, bundle)} must hold ${BUILD_KEY_PLACEHOLDER} once`);
  fs.writeFileSync(bundle, text.replace(BUILD_KEY_PLACEHOLDER, buildKey));
}
fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
console.log(`built dist/ in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
