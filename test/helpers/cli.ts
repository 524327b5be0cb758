/** The CLI in process, and scratch file trees for it: what the CLI tests and the bad-input tests share. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/main';

export interface CliResult {
  code: number;
  /** stdout as UTF-8 text. */
  stdout: string;
  /** stdout's bytes as written (`--diff` writes a Windows-1252 file's lines in its own bytes). */
  stdoutBytes: Buffer;
  stderr: string;
}

/** The working directory of the CLI in process: a scratch folder, so its default cache is not the checkout's node_modules. */
let workingDirectory: string | undefined;

/**
 * Runs `batch-identity <args>` in this process and captures what it prints. Its working directory
 * (where the default cache goes, what `--diff`'s paths are relative to) is `cwd`, else a scratch
 * folder of the test file.
 */
export async function cli(args: string[], cwd?: string): Promise<CliResult> {
  if (!cwd && !workingDirectory) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-cli-cwd-'));
    after(() => fs.rmSync(made, { recursive: true, force: true }));
    workingDirectory = made;
  }
  const written: Buffer[] = [];
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => written.push(Buffer.from(t + '\n')),
    stdoutBytes: (bytes) => written.push(Buffer.from(bytes)),
    stderr: (t) => (stderr += t + '\n'),
    version: '0.0.0-test',
    cwd: cwd ?? workingDirectory,
  });
  const stdoutBytes = Buffer.concat(written);
  return { code, stdout: stdoutBytes.toString('utf8'), stdoutBytes, stderr };
}

/**
 * Returns a maker of file trees under one scratch folder, removed when the test file ends.
 * Each call writes `files` (relative path → content) into a fresh folder and returns its path.
 */
export function scratchTrees(prefix: string): (files: Record<string, string | Buffer>) => string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));
  let made = 0;
  return (files) => {
    const root = path.join(scratch, `tree${made++}`);
    fs.mkdirSync(root);
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), content);
    }
    return root;
  };
}

/**
 * Every file of a tree by its path relative to `root` (with `/`), its bytes as latin1 text: equal
 * snapshots are equal bytes, whatever the encoding.
 */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full).toString('latin1');
    }
  };
  walk(root);
  return files;
}
