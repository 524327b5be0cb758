/**
 * The integration tests' entry point in the extension host (`extensionTestsPath`), the same for
 * both runners: @vscode/test-electron (scripts/vscode/run-electron.mjs) and the offline runner
 * (scripts/vscode/run-integration.mjs). It runs every `*.test.js` bundled beside it with Mocha
 * (tdd interface: suite/test) and writes one line per test, then the parseable summary
 *   RESULT passed=N failed=N pending=N
 * to the offline runner when there is one, else to the console.
 * BATCH_IDENTITY_TEST_GREP selects tests by title (Mocha's grep). BATCH_IDENTITY_RUNNER_PROBE
 * replaces the suites with a probe of known outcome, for the offline runner's own test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { runner } from '../support/runner';

export const GREP_ENV = 'BATCH_IDENTITY_TEST_GREP';
export const PROBE_ENV = 'BATCH_IDENTITY_RUNNER_PROBE';

/** `pass`: one test that passes; `fail`: and one that fails; `hang`: and one that never ends. */
function addProbe(mocha: Mocha, probe: string): void {
  const suite = Mocha.Suite.create(mocha.suite, 'runner probe');
  suite.addTest(new Mocha.Test('passes', () => undefined));
  if (probe === 'fail') {
    suite.addTest(
      new Mocha.Test('fails on purpose', () => {
        throw new Error('the probe fails on purpose');
      }),
    );
  }
  if (probe === 'hang') {
    const hang = new Mocha.Test('never ends', () => new Promise<void>(() => undefined));
    hang.timeout(0);
    suite.addTest(hang);
  }
}

async function log(line: string): Promise<void> {
  if (runner.available) await runner.log(line);
  else console.log(line);
}

function titleOf(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // node:assert puts the diff in the message; of the stack, keep the tests' frames only.
  return (error.stack ?? error.message)
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) || line.includes('.test.js:'))
    .join('\n')
    .replace(/^/gm, '      ');
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: Mocha.reporters.Base });
  const grep = process.env[GREP_ENV];
  if (grep) mocha.grep(grep);
  const probe = process.env[PROBE_ENV];
  const files = probe
    ? []
    : fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js'))
        .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  if (probe) addProbe(mocha, probe);

  const counts = { passed: 0, failed: 0, pending: 0 };
  // Lines go out in order, each after the previous one.
  let written = Promise.resolve();
  const write = (line: string) => (written = written.then(() => log(line)));
  write(`Running ${files.length} suite file(s) in VS Code ${vscode.version}${grep ? `, grep ${JSON.stringify(grep)}` : ''}`);

  await new Promise<void>((resolve) => {
    const mochaRunner = mocha.run(() => resolve());
    mochaRunner.on('suite', (suite) => {
      if (suite.title) write(`${'  '.repeat(suite.titlePath().length - 1)}${suite.title}`);
    });
    mochaRunner.on('pass', (test) => {
      counts.passed++;
      write(`${'  '.repeat(test.titlePath().length - 1)}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    mochaRunner.on('pending', (test) => {
      counts.pending++;
      write(`${'  '.repeat(test.titlePath().length - 1)}- ${test.title} (skipped)`);
    });
    mochaRunner.on('fail', (test, error) => {
      counts.failed++;
      write(`${'  '.repeat(Math.max(test.titlePath().length - 1, 1))}✗ ${titleOf(test)}\n${errorText(error)}`);
    });
  });
  write(`RESULT passed=${counts.passed} failed=${counts.failed} pending=${counts.pending}`);
  await written;
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}
