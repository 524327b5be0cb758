// `npm start`: build, then open VS Code with the extension loaded on examples/ — the desktop `code`
// when it is installed, otherwise code-server (the offline VS Code the tests use) on a loopback
// port, with the URL printed. Ctrl+C stops it.
//
// `--smoke` (used by the tests): start code-server, open the URL in headless Chromium, wait until
// the extension has reported findings for an example file, print the URL's title, stop.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { buildIfNeeded, root, USER_SETTINGS } from './vscode/common.mjs';
import { codeServerEntry, setup } from './vscode/setup-code-server.mjs';

const smoke = process.argv.includes('--smoke');
const examples = path.join(root, 'examples');

function desktopCode() {
  if (smoke || process.env.BATCH_IDENTITY_NO_DESKTOP) return undefined;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(port, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see .cache/start/code-server.log`);
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on port ${port}`);
}

async function codeServer() {
  setup();
  const state = path.join(root, '.cache', 'start');
  const userDataDir = path.join(state, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  // The user's own changes in this profile are kept between runs; only missing keys are added.
  const settings = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  fs.writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, 'files.autoSave': 'afterDelay', ...settings }, null, 2));
  const config = path.join(state, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\n');
  const port = Number(process.env.PORT) || (await freePort());
  const log = fs.openSync(path.join(state, 'code-server.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      config,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      path.join(state, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      examples,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {}
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    stop();
    process.exit(143);
  });
  process.on('exit', stop);
  await waitUntilServing(port, child);
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${root}`],
    ['skipWelcome', 'true'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return { url, child, stop };
}

async function smokeTest(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    // Open an example and wait for the extension's language status to report its problems.
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.keyboard.type('legacy-tasks.json');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'legacy-tasks.json' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    // The problems counter in the status bar and the squiggles in the editor.
    try {
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    } finally {
      fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: path.join(root, 'test-results', 'npm-start.png') });
    }
    console.log('smoke: the extension reported findings for examples/legacy-tasks.json');
  } finally {
    await browser.close();
  }
}

// Builds unless dist/ is newer than its sources (then it starts at once).
buildIfNeeded();
const code = desktopCode();
if (code) {
  console.log(`Opening VS Code on examples/ with the extension from ${root}`);
  const result = spawnSync(code, [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
  process.exit(result.status ?? 0);
}
const { url, stop } = await codeServer();
if (smoke) {
  try {
    await smokeTest(url);
  } finally {
    stop();
  }
  process.exit(0);
}
console.log(`\nVS Code (code-server) with Batch Identity on examples/:\n\n  ${url}\n\nOpen it in a browser; Ctrl+C stops it.`);
