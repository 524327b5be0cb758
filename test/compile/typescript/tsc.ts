/**
 * The TypeScript compiler, in process, against the real typings of the JavaScript Batch SDKs
 * (devDependencies through npm aliases): azure-batch 0.5.3 (`azure-batch-v0`, with runElevated),
 * azure-batch 9.0.0 (`azure-batch-v9`) and @azure/batch 10.2.0. One Program per SDK generation
 * holds every file given to it, so a test file's rows cost one compilation per generation.
 * JavaScript is checked by `node --check`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';

/** The SDK generations whose typings a file is compiled against. */
export type Typings = 'azure-batch 0.5.3' | 'azure-batch 9.0.0' | '@azure/batch 10.2.0';

const ROOT = path.resolve(__dirname, '../../..');
const MODULES = path.join(ROOT, 'node_modules');

/** Where `azure-batch` resolves for each generation; @azure/batch resolves as installed. */
const AZURE_BATCH_DIR: Record<Typings, string | undefined> = {
  'azure-batch 0.5.3': 'azure-batch-v0',
  'azure-batch 9.0.0': 'azure-batch-v9',
  '@azure/batch 10.2.0': undefined,
};

function optionsFor(typings: Typings): ts.CompilerOptions {
  const dir = AZURE_BATCH_DIR[typings];
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    // The SDKs' own declarations are not what is tested (0.5.3's import modules it does not depend on).
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(MODULES, '@types')],
    baseUrl: ROOT,
    paths: dir ? { 'azure-batch': [`node_modules/${dir}`], 'azure-batch/*': [`node_modules/${dir}/*`] } : {},
  };
}

/** A file's errors, as `TS2353: message`, one a line; empty when it compiles. */
export type Errors = string;

/**
 * Compiles each text against the typings, all in one Program: the errors of each, in order. Each
 * text must be a module (an import or export) so that the texts' names do not meet.
 */
export function compile(texts: readonly string[], typings: Typings): Errors[] {
  const options = optionsFor(typings);
  const dir = path.join(ROOT, '.tsc-rows');
  const names = texts.map((_, i) => path.join(dir, `row${i}.ts`));
  const byName = new Map(names.map((name, i) => [name, texts[i]]));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => {
    const text = byName.get(path.resolve(name));
    return text !== undefined ? ts.createSourceFile(name, text, language, true) : getSourceFile(name, language, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => byName.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => byName.get(path.resolve(name)) ?? readFile(name);
  const program = ts.createProgram({ rootNames: names, options, host });
  return names.map((name) => {
    const file = program.getSourceFile(name)!;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    return diagnostics.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`).join('\n');
  });
}

/** `node --check` on a script or module: its syntax errors, empty when it parses. */
export function nodeCheck(text: string, extension = '.js'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-identity-js-'));
  try {
    const file = path.join(dir, `row${extension}`);
    fs.writeFileSync(file, text);
    const result = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    return result.status === 0 ? '' : (result.stderr || `exit ${result.status}`).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
