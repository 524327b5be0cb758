/**
 * The injection grammars, run by the engine VS Code itself uses (vscode-textmate + oniguruma)
 * over the real host grammars of the four languages (tm-grammars, the grammars VS Code ships).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import manifest from '../../../package.json';
import { ENUM_MEMBER, grammars, render, SYNTAXES_DIR } from '../../../scripts/grammars';

const HOSTS: Record<string, string> = {
  'source.cs': 'csharp.json',
  'source.java': 'java.json',
  'source.python': 'python.json',
  'source.json': 'json.json',
  'source.json.comments': 'jsonc.json',
  'source.ts': 'typescript.json',
  'source.tsx': 'tsx.json',
  'source.js': 'javascript.json',
  'source.js.jsx': 'jsx.json',
};
const root = path.resolve(__dirname, '../../..');

let registry: Registry;
before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const contributed = manifest.contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
  registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      const own = contributed.find((g) => g.scopeName === scopeName);
      const file = own ? path.join(root, own.path) : HOSTS[scopeName] && require.resolve(`tm-grammars/grammars/${HOSTS[scopeName]}`);
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo.includes(scopeName)).map((g) => g.scopeName),
  });
});

/** Each token of a line with its scopes. */
async function tokens(scope: string, line: string): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = (await registry.loadGrammar(scope)) as IGrammar;
  const { tokens: list } = grammar.tokenizeLine(line, INITIAL);
  return list.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

async function scoped(scope: string, line: string, name: string): Promise<string[]> {
  return (await tokens(scope, line)).filter((t) => t.scopes.some((s) => s.split(' ').includes(name) || s === name)).map((t) => t.text);
}

/** Tokens any grammar (ours or the host's) scopes as deprecated: themes strike them through. */
async function deprecatedTokens(scope: string, line: string): Promise<string[]> {
  return (await tokens(scope, line)).filter((t) => t.scopes.some((s) => /\bdeprecated\b/.test(s))).map((t) => t.text);
}

describe('injection grammars', () => {
  it('are what the model generates (run `npm run generate:grammars` after changing it)', () => {
    for (const grammar of grammars()) {
      assert.equal(fs.readFileSync(path.join(SYNTAXES_DIR, grammar.file), 'utf8'), render(grammar), grammar.file);
      const contributed = (manifest.contributes.grammars as { scopeName: string; injectTo: string[]; path: string }[]).find((g) => g.scopeName === grammar.scopeName);
      assert.deepEqual(contributed, { scopeName: grammar.scopeName, path: `./syntaxes/${grammar.file}`, injectTo: [...grammar.injectTo] });
    }
  });

  // No runElevated is coloured deprecated by a grammar, Batch's or a look-alike (issue 14 item 7):
  // the analysis tells them apart, and its diagnostic's Deprecated tag strikes Batch's through.
  const cases: { scope: string; line: string; deprecated: string[]; members?: string[] }[] = [
    { scope: 'source.cs', line: '    task.RunElevated = true;', deprecated: [] },
    { scope: 'source.cs', line: '    RunElevated = true,', deprecated: [] },
    { scope: 'source.cs', line: '    // task.RunElevated = true;', deprecated: [] },
    { scope: 'source.cs', line: '    var s = "task.RunElevated = true";', deprecated: [] },
    { scope: 'source.cs', line: '    if (RunElevated == other) {}', deprecated: [] },
    { scope: 'source.cs', line: '    var e = ElevationLevel.NonAdmin; var s = AutoUserScope.Pool;', deprecated: [], members: ['NonAdmin', 'Pool'] },
    { scope: 'source.java', line: '        .withRunElevated(true)', deprecated: [] },
    { scope: 'source.java', line: '    task.setRunElevated(false);', deprecated: [] },
    { scope: 'source.java', line: '    public Task withRunElevated(Boolean b) {', deprecated: [] },
    { scope: 'source.java', line: '    // .withRunElevated(true)', deprecated: [] },
    { scope: 'source.java', line: '    x(ElevationLevel.NON_ADMIN, LoginMode.BATCH);', deprecated: [], members: ['NON_ADMIN', 'BATCH'] },
    { scope: 'source.python', line: '    task = m.TaskAddParameter(id="t", run_elevated=True)', deprecated: [] },
    { scope: 'source.python', line: '    task.run_elevated = False', deprecated: [] },
    { scope: 'source.python', line: '    # run_elevated=True', deprecated: [] },
    { scope: 'source.python', line: '    print("run_elevated=True")', deprecated: [] },
    { scope: 'source.python', line: '    if run_elevated == x: pass', deprecated: [] },
    { scope: 'source.python', line: '    e = m.ElevationLevel.non_admin; s = models.AutoUserScope.TASK', deprecated: [], members: ['non_admin', 'TASK'] },
    { scope: 'source.json', line: '  "runElevated": true,', deprecated: [] },
    { scope: 'source.json', line: '  "commandLine": "runElevated",', deprecated: [] },
    { scope: 'source.json', line: '  "autoUser": {"scope": "pool", "elevationLevel": "admin"}', deprecated: [], members: ['"pool"', '"admin"'] },
    { scope: 'source.json.comments', line: '  "runElevated": true, // "runElevated": true', deprecated: [] },
    { scope: 'source.json.comments', line: '  "elevationLevel": "Admin", "loginMode": "interactive"', deprecated: [], members: ['"Admin"', '"interactive"'] },
    { scope: 'source.ts', line: "  const t = { commandLine: 'x', runElevated: true };", deprecated: [] },
    { scope: 'source.ts', line: '  if (task.runElevated) return; // runElevated: true', deprecated: [] },
    { scope: 'source.ts', line: "  const note = 'runElevated: true';", deprecated: [] },
    { scope: 'source.tsx', line: "  autoUser: { scope: 'task', elevationLevel: 'nonadmin' },", deprecated: [], members: ["'task'", "'nonadmin'"] },
    { scope: 'source.js', line: '  client.task.add(jobId, { commandLine: "x", runElevated: false });', deprecated: [] },
    { scope: 'source.js.jsx', line: "  userAccounts: [{ name: 'a', elevationLevel: 'nonAdmin' }],", deprecated: [], members: ["'nonAdmin'"] },
  ];
  for (const c of cases) {
    it(`${c.scope}: ${c.line.trim()}`, async () => {
      assert.deepEqual(await deprecatedTokens(c.scope, c.line), c.deprecated);
      if (c.members) assert.deepEqual(await scoped(c.scope, c.line, ENUM_MEMBER), c.members);
    });
  }
});
