/**
 * Tree-sitter, loaded lazily: the runtime on the first C#/Java/Python file, each grammar on the
 * first file of its language. Trees are kept by the caller and reparsed incrementally.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, type Edit, type Node, type Tree } from '@vscode/tree-sitter-wasm';
import { grammarFile, TREE_SITTER_RUNTIME_WASM as RUNTIME_WASM, type GrammarName } from '../../../common/languages';

export type { Edit, GrammarName, Node, Tree };

/**
 * Where the .wasm files are: beside the bundle (`dist/wasm`, what the .vsix ships), else in the
 * package (a checkout running from source).
 */
function wasmDirectory(): string {
  const bundled = path.join(__dirname, 'wasm');
  if (fs.existsSync(path.join(bundled, RUNTIME_WASM))) return bundled;
  return path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
}

let runtime: Promise<void> | undefined;
const parsers = new Map<GrammarName, Promise<Parser>>();
let beforeFirstCompile: (() => void) | undefined;

/**
 * Runs `hook` once, right before the first WebAssembly is compiled (the runtime's), in this thread:
 * where the CLI sets V8's WebAssembly flags without loading the `v8` module on runs that parse nothing.
 */
export function beforeWasmCompile(hook: () => void): void {
  beforeFirstCompile = hook;
}

/** Starts loading the runtime (not any grammar) so that the first file's parse waits less. */
export function warmRuntime(): void {
  initRuntime().catch(() => undefined);
}

function initRuntime(): Promise<void> {
  if (!runtime) {
    beforeFirstCompile?.();
    beforeFirstCompile = undefined;
    runtime = Parser.init({ locateFile: (file: string) => path.join(wasmDirectory(), file) });
  }
  return runtime;
}

/** One parser per grammar, created on first use. Parsing is synchronous, so sharing is safe. */
export function parserFor(grammar: GrammarName): Promise<Parser> {
  let parser = parsers.get(grammar);
  if (!parser) {
    parser = (async () => {
      await initRuntime();
      const language = await Language.load(path.join(wasmDirectory(), grammarFile(grammar)));
      const p = new Parser();
      p.setLanguage(language);
      return p;
    })();
    parsers.set(grammar, parser);
    // A failed load must not poison later attempts.
    parser.catch(() => parsers.delete(grammar));
  }
  return parser;
}

/** Grammars loaded so far (the output channel and the bench report it). */
export function loadedGrammars(): GrammarName[] {
  return [...parsers.keys()];
}
