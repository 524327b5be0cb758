// Runs the integration suites in a real VS Code with no internet: code-server (VS Code's server
// and web workbench, installed by setup-code-server.mjs) on a free loopback port, opened by
// Debian's Chromium through playwright-core with an extensionTestsPath payload, exactly like a
// desktop extension-test run. The suites' lines come back over a Unix socket, which the suites
// also use to ask for screenshots and page checks; the exit code comes from the workbench.
// Always cleans up: browser, code-server's process group, temporary folders.
// With --vsix it tests a packaged extension instead of this tree: see packaged.mjs.
//
//   node scripts/vscode/run-integration.mjs [--vsix FILE] [--grep PATTERN] [--timeout SECONDS] [--results DIR] [--verbose] [--keep]
//
// Ends with the line `N passed, N failed`; exits 0 only when the run completed with no failure.
// Screenshots and logs go to test-results/ (or --results DIR). test/unit/runner/ tests this contract.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { GREP_ENV, RUNNER_SOCKET_ENV, buildIfNeeded, makeSandbox, resultsDir, root, suiteIndex } from './common.mjs';
import { EXTENSIONS_DIR_ENV, buildRunnerExtension, environmentWithoutRepo, installExtensions, repoReferences } from './packaged.mjs';
import { codeServerDir, codeServerEntry, setup } from './setup-code-server.mjs';

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    verbose: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    vsix: { type: 'string' },
    results: { type: 'string' },
  },
});
/** The packaged extension under test (--vsix), or undefined for the development tree. */
const packaged = options.vsix ? path.resolve(options.vsix) : undefined;
const timeoutMs = Number(options.timeout) * 1000;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// A packaged run keeps its own results, so it never overwrites the development run's.
const results = options.results ? path.resolve(options.results) : resultsDir;
const screenshotsDir = path.join(results, ...(packaged ? ['vsix'] : []), 'screenshots');
const logsDir = path.join(results, ...(packaged ? ['vsix'] : []), 'integration');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// Everything to undo, newest first; run once on every way out.
const cleanups = [];
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
// Ends the wait for the workbench's exit code (set once the page is open).
let endRun = (_outcome) => {};
let interruptedExitCode;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.once(signal, () => {
    interruptedExitCode = code;
    endRun({ error: `interrupted (${signal})` });
    void cleanup().then(() => process.exit(code));
  });
}

// Nothing may skip the cleanup: not a closed output pipe (`| head`), not an error thrown in a
// callback. Such a run ends as a failure, after cleaning up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    console.error(`\nrun-integration: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    endRun({ error: 'the runner failed' });
    void cleanup().then(() => process.exit(1));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when code-server answers on /healthz; rejects if it exits first or takes too long. */
async function waitUntilServing(port, child, deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `code-server exited with ${child.exitCode ?? child.signalCode} before serving; see ${path.relative(root, logsDir)}/code-server.log`,
      );
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval, not a wait for an outcome
  }
  throw new Error(`code-server did not answer on port ${port} within ${deadlineMs / 1000} s`);
}

async function startCodeServer(sandbox, configFile, socketPath) {
  const log = fs.openSync(path.join(logsDir, 'code-server.log'), 'w');
  cleanups.push(() => fs.closeSync(log));
  const runnerEnv = { [RUNNER_SOCKET_ENV]: socketPath, [GREP_ENV]: options.grep ?? '' };
  // A packaged run gives VS Code no path into this repository, not even through the environment.
  const env = packaged
    ? { ...environmentWithoutRepo(), ...runnerEnv, [EXTENSIONS_DIR_ENV]: sandbox.extensionsDir }
    : { ...process.env, ...runnerEnv };
  // The port is free when picked; if someone takes it before code-server binds, try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        codeServerEntry,
        '--config',
        configFile,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        sandbox.userDataDir,
        '--extensions-dir',
        sandbox.extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        sandbox.workspace,
      ],
      {
        cwd: sandbox.dir,
        // Its own process group: the extension host and the language server go with it.
        detached: true,
        stdio: ['ignore', log, log],
        env,
      },
    );
    const stop = killGroup(child);
    cleanups.push(stop);
    try {
      await waitUntilServing(port, child);
      return { port, child };
    } catch (error) {
      await stop();
      if (attempt >= 3) throw error;
    }
  }
}

/** SIGTERM to the process group, SIGKILL if it is still there after three seconds. */
function killGroup(child) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const signal = (s) => {
      try {
        process.kill(-child.pid, s);
      } catch {
        // the group is gone
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // what the leader left behind
  };
}

/**
 * The part of the page that shows every visible element matching `targets` (all of them, e.g.
 * every line of an editor and its hover), with a small margin, inside `within` when given and
 * inside the viewport: screenshots of what matters, small enough for a README.
 */
async function clipAround(page, { targets, within, margin = 8 }) {
  const boxes = [];
  for (const { selector, text } of targets) {
    for (const element of await page.locator(selector, text ? { hasText: text } : {}).all()) {
      const box = (await element.isVisible()) ? await element.boundingBox() : null;
      if (box && box.width > 0 && box.height > 0) boxes.push(box);
    }
  }
  if (boxes.length === 0) throw new Error(`nothing visible to clip around: ${targets.map((t) => t.selector).join(', ')}`);
  const viewport = page.viewportSize();
  let bounds = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  if (within) {
    const box = await page.locator(within).first().boundingBox();
    if (box) bounds = { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
  }
  const left = Math.max(bounds.left, Math.min(...boxes.map((b) => b.x)) - margin);
  const top = Math.max(bounds.top, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(bounds.right, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(bounds.bottom, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * Where an element is and what of `part` (a text inside it) a person can see: the element's box,
 * its scroll and client sizes, its text, and for `part` the box of that text and the visible area
 * around it — the viewport cut by every ancestor that clips its overflow. Text cut off by a
 * Problems row's ellipsis or scrolled out of a hover lies outside that area.
 */
async function measure(locator, part) {
  return locator.evaluate((element, wanted) => {
    // Runs in the page: its document and window are the element's.
    const page = element.ownerDocument;
    const view = page.defaultView;
    const box = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const result = {
      box: box(element.getBoundingClientRect()),
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      scrollHeight: element.scrollHeight,
      clientHeight: element.clientHeight,
      text: element.innerText,
    };
    if (!wanted) return result;
    const nodes = [];
    let text = '';
    const walker = page.createTreeWalker(element, view.NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, start: text.length });
      text += walker.currentNode.data;
    }
    // Line breaks of the rendering are not in the text nodes of a wrapped block: compare without white space.
    const squeeze = (s) => s.replace(/\s+/g, '');
    const squeezedAt = [];
    let squeezed = '';
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      squeezedAt.push(i);
      squeezed += text[i];
    }
    const found = squeezed.indexOf(squeeze(wanted));
    if (found < 0) return { ...result, part: null };
    const from = squeezedAt[found];
    const to = squeezedAt[found + squeeze(wanted).length - 1] + 1;
    const locate = (offset) => {
      const hit = nodes.findLast((n) => n.start <= offset);
      return [hit.node, Math.min(offset - hit.start, hit.node.data.length)];
    };
    const range = page.createRange();
    range.setStart(...locate(from));
    range.setEnd(...locate(to));
    let visible = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
    for (let a = range.commonAncestorContainer.parentElement; a; a = a.parentElement) {
      const style = view.getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      visible = {
        left: Math.max(visible.left, r.left),
        top: Math.max(visible.top, r.top),
        right: Math.min(visible.right, r.right),
        bottom: Math.min(visible.bottom, r.bottom),
      };
    }
    return { ...result, part: box(range.getBoundingClientRect()), visible };
  }, part ?? null);
}

/** Serves the suites' requests (support/runner.ts): JSON lines, one reply per request. */
function startChannel(socketPath, handlers) {
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        if (message.type === 'log') {
          handlers.log(message.line);
          continue;
        }
        Promise.resolve()
          .then(() => handlers.request(message))
          .then(
            (reply) => ({ ok: true, ...reply }),
            (error) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
          )
          .then((reply) => socket.writable && socket.write(JSON.stringify({ id: message.id, ...reply }) + '\n'));
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      cleanups.push(() => new Promise((r) => server.close(() => r())));
      resolve(server);
    });
  });
}

async function main() {
  fs.mkdirSync(logsDir, { recursive: true });
  fs.rmSync(screenshotsDir, { recursive: true, force: true });
  fs.mkdirSync(screenshotsDir, { recursive: true });
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  if (packaged && !fs.existsSync(packaged))
    throw new Error(`${path.relative(root, packaged)} does not exist: build it with npm run package`);
  setup();
  if (!packaged) {
    if (buildIfNeeded()) console.log(`built (${elapsed()})`);
    if (!fs.existsSync(suiteIndex)) throw new Error(`${path.relative(root, suiteIndex)} is missing after the build`);
  }

  const sandbox = makeSandbox();
  cleanups.push(() => {
    // The workbench's and the extension's own logs, for a failed run.
    const logs = path.join(sandbox.userDataDir, 'logs');
    fs.rmSync(path.join(logsDir, 'vscode-logs'), { recursive: true, force: true });
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(logsDir, 'vscode-logs'), { recursive: true });
    if (options.keep) console.log(`kept ${sandbox.dir}`);
    else sandbox.remove();
  });

  const counts = { passed: 0, failed: 0, pending: 0, reported: false };
  const workbenchLog = fs.createWriteStream(path.join(logsDir, 'workbench.log'));
  cleanups.push(() => new Promise((r) => workbenchLog.end(r)));
  let outcomeKnown = false; // what the suite says while being torn down is not part of the run
  const suiteLine = (line) => {
    if (outcomeKnown) return;
    const result = /^RESULT passed=(\d+) failed=(\d+) pending=(\d+)$/.exec(line);
    if (result) {
      Object.assign(counts, { passed: +result[1], failed: +result[2], pending: +result[3], reported: true });
      // The installed test runner has no workbench hook to report an exit code: its summary is the end.
      if (packaged) endRun({ code: counts.failed > 0 ? 1 : 0 });
      return;
    }
    // Counted as they come too, for a run cut short before its summary.
    if (/^\s*✓ /.test(line)) counts.passed++;
    if (/^\s*✗ /.test(line)) counts.failed++;
    console.log(line);
  };

  let page;
  const socketPath = path.join(sandbox.dir, 'runner.sock');
  await startChannel(socketPath, {
    log: suiteLine,
    request: async (request) => {
      if (!page) throw new Error('no page yet');
      const locate = ({ selector, text }) => page.locator(selector, text ? { hasText: text } : {}).first();
      switch (request.type) {
        case 'expectVisible': {
          await locate(request.target).waitFor({ state: 'visible', timeout: request.timeoutMs ?? 10_000 });
          return {};
        }
        case 'screenshot': {
          if (request.waitFor) await locate(request.waitFor).waitFor({ state: 'visible', timeout: 10_000 });
          const file = path.join(screenshotsDir, `${request.name.replace(/[^\w.-]+/g, '-')}.png`);
          await page.screenshot({ path: file, clip: request.clipTo ? await clipAround(page, request.clipTo) : undefined });
          return { path: file };
        }
        case 'press':
          await page.keyboard.press(request.key);
          return {};
        case 'type':
          await page.keyboard.type(request.text);
          return {};
        case 'click':
          await locate(request.target).click({ timeout: request.timeoutMs ?? 10_000 });
          return {};
        case 'measure': {
          const element = locate(request.target);
          await element.waitFor({ state: 'visible', timeout: request.timeoutMs ?? 10_000 });
          return { measured: await measure(element, request.part) };
        }
        case 'count': {
          // How many elements match and are visible now (no wait): for what must not be shown, asked once
          // the suite has seen the page render what it waits for.
          const all = await page.locator(request.target.selector, request.target.text ? { hasText: request.target.text } : {}).all();
          let count = 0;
          for (const element of all) if (await element.isVisible()) count++;
          return { count };
        }
        case 'viewport':
          // VS Code lays the workbench out again on the window's resize event; the suite waits for what it needs.
          await page.setViewportSize({ width: request.width, height: request.height });
          return {};
        default:
          throw new Error(`unknown request ${request.type}`);
      }
    },
  });

  const configFile = path.join(sandbox.dir, 'code-server.yaml'); // else it writes ~/.config/code-server
  fs.writeFileSync(configFile, 'auth: none\n');
  if (packaged) {
    const runnerVsix = await buildRunnerExtension(path.join(sandbox.dir, 'test-runner'));
    installExtensions(sandbox, configFile, [packaged, runnerVsix]);
    console.log(`installed ${path.relative(root, packaged)} and the test runner (${elapsed()})`);
  }

  const { port, child: codeServer } = await startCodeServer(sandbox, configFile, socketPath);
  console.log(`code-server on 127.0.0.1:${port} (${elapsed()})`);

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  cleanups.push(() => browser.close());
  // Tall enough that a hover shows whole (VS Code caps it at a quarter of the editor's height, at
  // least 250 px); screenshots clip to what they show.
  page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });

  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  endRun = finish;
  await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    workbenchLog.write(`[${type}] ${text}\n`);
    // Under a runner the suite writes to the socket; without one its lines arrive here.
    if (/^RESULT passed=/.test(text)) suiteLine(text);
    if (options.verbose) console.log(`  [workbench ${type}] ${text}`);
  });
  page.on('crash', () => finish({ error: 'the page crashed' }));
  codeServer.once('exit', (code, signal) =>
    finish({ error: `code-server exited (${code ?? signal}); see ${path.relative(root, logsDir)}/code-server.log` }),
  );
  browser.on('disconnected', () => finish({ error: 'the browser went away' }));
  const timer = setTimeout(() => finish({ error: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);
  cleanups.push(() => clearTimeout(timer));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // The development tree is loaded as an extension under development with Mocha as its tests; a
  // package is already installed, and its test runner starts by itself.
  const payload = packaged
    ? [['skipWelcome', 'true']]
    : [
        ['extensionDevelopmentPath', remote(root)],
        ['extensionTestsPath', remote(suiteIndex)],
        ['skipWelcome', 'true'],
      ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  console.log(`workbench opened (${elapsed()})`);

  const outcome = await finished;
  outcomeKnown = true;
  // While the extension and its server still run: nothing of theirs may point into this repository.
  const references = packaged ? repoReferences(codeServer.pid, codeServerDir) : [];
  if (references === undefined) console.log('(the check for paths into the repository needs /proc; skipped)');
  else if (references.length > 0) {
    console.error(`the packaged extension's processes point into the repository:\n  ${references.join('\n  ')}`);
    counts.failed++;
  }
  if (outcome.error) console.error(`integration run failed: ${outcome.error}`);
  else if (!counts.reported)
    console.error(
      `integration run failed: the suite exited with ${outcome.code} without reporting results; see ${path.relative(root, logsDir)}/`,
    );
  const completed = !outcome.error && counts.reported;
  const ok = completed && outcome.code === 0 && counts.failed === 0;
  // A run that did not complete counts as one failure, so the line never reads "0 failed" for a broken run.
  const failed = counts.failed + (completed ? 0 : 1);
  if (!ok) console.log(`logs: ${path.relative(root, logsDir)}/ (code-server.log, workbench.log, vscode-logs/)`);
  console.log(`(${elapsed()}${counts.pending ? `, ${counts.pending} skipped` : ''})`);
  console.log(`${counts.passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`\nrun-integration: ${error instanceof Error ? error.message : String(error)}`);
  console.log(`0 passed, 1 failed`);
} finally {
  await cleanup();
}
process.exit(interruptedExitCode ?? exitCode);
