/**
 * Compiles Java sources against the stub SDKs in ./stubs (the legacy com.microsoft.azure.batch
 * models ≥ 1.0 and com.azure.compute.batch, and the management SDKs com.azure.resourcemanager.batch
 * and com.microsoft.azure.management.batch, written from their documented API; none with
 * runElevated) with the real `javac`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const STUBS_DIR = path.join(__dirname, 'stubs');

let available: boolean | undefined;

export function javacAvailable(): boolean {
  available ??= spawnSync('javac', ['-version'], { encoding: 'utf8' }).status === 0;
  return available;
}

/** Why a compile test is skipped, or false when javac is there. */
export function skipWithoutJavac(): string | false {
  return javacAvailable() ? false : 'javac is not installed (Debian: openjdk-17-jdk-headless); the Java compile check is skipped';
}

function javaFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...javaFiles(full));
    else if (entry.name.endsWith('.java')) files.push(full);
  }
  return files;
}

export interface CompileResult {
  readonly ok: boolean;
  /** javac's messages, with the paths of the written sources. */
  readonly output: string;
}

/**
 * Compiles `sources` (relative path → text; a public class must live in its own `Name.java`)
 * together with the stubs, in one javac run.
 */
export function compileJava(sources: Readonly<Record<string, string>>): CompileResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-javac-'));
  try {
    const written: string[] = [];
    for (const [name, text] of Object.entries(sources)) {
      const file = path.join(dir, 'src', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      written.push(file);
    }
    const result = spawnSync(
      'javac',
      ['-nowarn', '-encoding', 'UTF-8', '-d', path.join(dir, 'classes'), ...javaFiles(STUBS_DIR), ...written],
      { encoding: 'utf8' },
    );
    return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
