// Installs VS Code for the offline integration tests: the npm package `code-server` (VS Code's
// server and web workbench) into the git-ignored `.cache/code-server/`, following the recipe in
// docs/testing.md. Its own install scripts download ripgrep from the internet and fail as root, so
// everything is installed with --ignore-scripts and the native parts are built here explicitly.
// Idempotent: a stamp file records what was installed; the second run returns in milliseconds.
//
//   node scripts/vscode/setup-code-server.mjs [--force]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3; the extension needs ^1.91

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const cacheDir = path.join(root, '.cache', 'code-server');
export const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerDir, 'out', 'node', 'entry.js');
const stampFile = path.join(cacheDir, 'installed.json');

/** What the native modules were built for: a different Node ABI needs a fresh install. */
const wanted = { version: CODE_SERVER_VERSION, modules: process.versions.modules, platform: process.platform, arch: process.arch };

export function isInstalled() {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return Object.entries(wanted).every(([k, v]) => stamp[k] === v) && fs.existsSync(codeServerEntry);
  } catch {
    return false;
  }
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** Every prerequisite that is missing, as the Debian package that provides it. */
function missingDebianPackages() {
  const missing = [];
  const have = (command) => which(command) !== undefined;
  if (!have('rg')) missing.push('ripgrep');
  if (!have('make') || !have('g++')) missing.push('build-essential');
  if (!have('python3')) missing.push('python3');
  if (!have('pkg-config')) missing.push('pkg-config');
  else {
    const pkgConfig = (name) => spawnSync('pkg-config', ['--exists', name]).status === 0;
    if (!pkgConfig('krb5-gssapi')) missing.push('libkrb5-dev');
    if (!pkgConfig('x11')) missing.push('libx11-dev');
    if (!pkgConfig('xkbfile')) missing.push('libxkbfile-dev');
    if (!pkgConfig('libsecret-1')) missing.push('libsecret-1-dev');
  }
  return missing;
}

/**
 * node-gyp downloads Node's headers from nodejs.org unless told where they are, and these machines
 * reach only the npm registry: point it at the headers nodesource and official builds install
 * beside the binary (`<prefix>/include/node`), or at npm_config_nodedir when set. They must be the
 * running Node's own: native modules built against other headers fail to load.
 */
function nodeHeadersEnv() {
  const configured = process.env.npm_config_nodedir;
  const dir = configured || path.resolve(path.dirname(process.execPath), '..');
  const header = path.join(dir, 'include', 'node', 'node_version.h');
  let text;
  try {
    text = fs.readFileSync(header, 'utf8');
  } catch {
    throw new Error(
      `Node's headers are not at ${header}${configured ? ' (npm_config_nodedir)' : ''}; node-gyp would download them from nodejs.org.\n` +
        `  Use a Node build that ships them (nodesource's nodejs package, the official tarball) or set npm_config_nodedir to a folder holding include/node.`,
    );
  }
  const part = (name) => text.match(new RegExp(`#define NODE_${name}_VERSION (\\d+)`))?.[1];
  const version = ['MAJOR', 'MINOR', 'PATCH'].map(part).join('.');
  if (version !== process.versions.node) {
    throw new Error(
      `The headers at ${header} are Node ${version}, but this is Node ${process.versions.node}: native modules built against them would not load.`,
    );
  }
  return { npm_config_nodedir: dir };
}

function run(title, command, args, cwd, extraEnv = {}) {
  const started = Date.now();
  process.stdout.write(`  ${title} … `);
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.log('failed');
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(
      `${title} failed (${command} ${args.join(' ')} in ${path.relative(root, cwd) || '.'}, exit ${result.status ?? result.signal})`,
    );
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function setup({ force = false } = {}) {
  if (!force && isInstalled()) {
    console.log(`code-server ${CODE_SERVER_VERSION} ready (${path.relative(root, cacheDir)}, cached)`);
    return;
  }
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `The offline VS Code needs these Debian packages: ${missing.join(' ')}\n` +
        `  install them with: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  const headers = nodeHeadersEnv();
  const started = Date.now();
  console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(root, cacheDir)} (once; a few minutes)`);
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {}
  // Another version or Node ABI: start clean rather than patch a mixed install.
  if (force || (stamp && Object.entries(wanted).some(([k, v]) => stamp[k] !== v))) fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.rmSync(stampFile, { force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(
    path.join(cacheDir, 'package.json'),
    JSON.stringify({ name: 'batch-identity-code-server', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2) +
      '\n',
  );

  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  run('npm install code-server (no scripts)', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], cacheDir, headers);
  run(
    'npm install lib/vscode (production, no scripts)',
    'npm',
    ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
    vscodeDir,
    headers,
  );

  // @vscode/ripgrep would download rg; Debian's works the same (search across files uses it).
  const rgTarget = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(rgTarget), { recursive: true });
  fs.copyFileSync(fs.realpathSync(which('rg')), rgTarget);
  fs.chmodSync(rgTarget, 0o755);

  run('build native modules of lib/vscode', 'npm', ['rebuild'], vscodeDir, { ...headers, npm_config_yes: 'true' });
  // code-server loads VS Code's modules from node_modules.asar (the packaged layout).
  const asar = path.join(vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { force: true });
  fs.symlinkSync('node_modules', asar);
  run(
    'npm install built-in extensions',
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund'],
    path.join(vscodeDir, 'extensions'),
    headers,
  );
  run('build argon2', 'npm', ['rebuild', 'argon2'], cacheDir, headers);

  fs.writeFileSync(stampFile, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2) + '\n');
  console.log(`code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  try {
    setup({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`\nsetup-code-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
