/**
 * The offline integration runner's own contract (scripts/vscode/run-integration.mjs): the closing
 * line `N passed, N failed`, exit 0 only without failures, and no process or temporary folder
 * left behind, also when interrupted. A probe replaces the suites (BATCH_IDENTITY_RUNNER_PROBE),
 * so the outcome is known; everything else is the real run: code-server, Chromium, the workbench.
 * Needs what the integration tests need (Chromium; code-server is installed on first use).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scratchTrees } from '../../helpers/cli';

const REPO = path.resolve(__dirname, '../../..');
const RUNNER = path.join(REPO, 'scripts/vscode/run-integration.mjs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const skip = !fs.existsSync(CHROMIUM) && `needs Chromium at ${CHROMIUM} (sudo apt-get install -y chromium)`;
const results = scratchTrees('bi-runner-results');
/** The probes' own temporary folder: their sandboxes are counted there, apart from other runs on the machine. */
const probeTmp = results({});
/** Generous: the first run may install code-server; only a hang should reach it. */
const HANG = { timeout: 600_000 };

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** A separate pipe: its lines interleave with stdout's in no fixed order. */
  stderr: string;
  /** The run's mark in the environment, which every process it starts inherits. */
  mark: string;
}

/** Runs the runner with a probe; `interruptWhen` sends SIGINT once stdout matches it. */
function runProbe(probe: 'pass' | 'fail' | 'hang', interruptWhen?: RegExp): Promise<Run> {
  const mark = randomUUID();
  const child = spawn(process.execPath, [RUNNER, '--results', results({})], {
    cwd: REPO,
    env: { ...process.env, TMPDIR: probeTmp, BATCH_IDENTITY_RUNNER_PROBE: probe, BATCH_IDENTITY_RUNNER_CONTRACT_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let interrupted = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (interruptWhen && !interrupted && interruptWhen.test(stdout)) {
      interrupted = true;
      child.kill('SIGINT');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, mark })));
}

/** Processes still alive that carry the run's mark (code-server, the extension host, the language server, Chromium). */
function survivors(mark: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark)) continue;
      found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ').slice(0, 160)}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

const sandboxes = () => new Set(fs.readdirSync(probeTmp).filter((name) => name.startsWith('batch-identity-it-')));
const lastLine = (stdout: string) => stdout.trimEnd().split('\n').pop();

describe('offline integration runner', { skip: skip || (process.platform !== 'linux' && 'reads /proc') }, () => {
  it('a passing run: closing line "1 passed, 0 failed", exit 0, nothing left behind', HANG, async () => {
    const before = sandboxes();
    const run = await runProbe('pass');
    assert.equal(lastLine(run.stdout), '1 passed, 0 failed', run.stdout + run.stderr);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(survivors(run.mark), []);
    assert.deepEqual(
      [...sandboxes()].filter((s) => !before.has(s)),
      [],
      'the sandbox folder is removed',
    );
  });

  it('a failing test: closing line "1 passed, 1 failed", exit 1, the failure shown, nothing left behind', HANG, async () => {
    const before = sandboxes();
    const run = await runProbe('fail');
    assert.match(run.stdout, /✗ runner probe › fails on purpose\n\s+Error: the probe fails on purpose/);
    assert.equal(lastLine(run.stdout), '1 passed, 1 failed', run.stdout + run.stderr);
    assert.equal(run.code, 1);
    assert.deepEqual(survivors(run.mark), []);
    assert.deepEqual(
      [...sandboxes()].filter((s) => !before.has(s)),
      [],
    );
  });

  it('interrupted mid-run (Ctrl-C): exit 130, the unfinished run counted as a failure, every process stopped', HANG, async () => {
    const before = sandboxes();
    const run = await runProbe('hang', /✓ passes/);
    assert.match(run.stderr, /integration run failed: interrupted \(SIGINT\)/);
    assert.equal(lastLine(run.stdout), '1 passed, 1 failed', run.stdout + run.stderr);
    assert.equal(run.code, 130);
    assert.deepEqual(survivors(run.mark), []);
    assert.deepEqual(
      [...sandboxes()].filter((s) => !before.has(s)),
      [],
    );
  });
});
