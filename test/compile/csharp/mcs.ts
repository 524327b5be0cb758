/**
 * Compiles C# sources against the stub SDKs in ./stubs (Microsoft.Azure.Batch ≥ 6.0 and
 * Azure.Compute.Batch, neither with RunElevated) with the real `mcs`, and runs them with `mono`
 * when asked, so a test can read which identity each task was given.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const STUBS_DIR = path.join(__dirname, 'stubs');

let available: boolean | undefined;

export function mcsAvailable(): boolean {
  available ??= spawnSync('mcs', ['--version'], { encoding: 'utf8' }).status === 0;
  return available;
}

/** Why a compile test is skipped, or false when mcs is there. */
export function skipWithoutMcs(): string | false {
  return mcsAvailable() ? false : 'mcs is not installed (Debian: mono-mcs); the C# compile check is skipped';
}

export interface CompileResult {
  readonly ok: boolean;
  /** mcs's messages, with the paths of the written sources. */
  readonly output: string;
  /** What the program printed, when it was run. */
  readonly stdout?: string;
}

/**
 * Compiles `sources` (file name → text) with the stubs in one mcs run. With `main` (a class with
 * `static void Main()`), builds an executable and runs it with mono.
 */
export function compileCSharp(sources: Readonly<Record<string, string>>, main?: string): CompileResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-mcs-'));
  try {
    const written: string[] = [];
    for (const [name, text] of Object.entries(sources)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      written.push(file);
    }
    const stubs = fs
      .readdirSync(STUBS_DIR)
      .filter((f) => f.endsWith('.cs'))
      .map((f) => path.join(STUBS_DIR, f));
    const out = path.join(dir, main ? 'program.exe' : 'library.dll');
    const target = main ? ['-target:exe', `-main:${main}`] : ['-target:library'];
    const compiled = spawnSync('mcs', ['-langversion:latest', '-nowarn:168,219', ...target, `-out:${out}`, ...stubs, ...written], {
      encoding: 'utf8',
    });
    const output = `${compiled.stdout ?? ''}${compiled.stderr ?? ''}`;
    if (compiled.status !== 0 || !main) return { ok: compiled.status === 0, output };
    const ran = spawnSync('mono', [out], { encoding: 'utf8' });
    return { ok: ran.status === 0, output: output + (ran.stderr ?? ''), stdout: ran.stdout ?? '' };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
