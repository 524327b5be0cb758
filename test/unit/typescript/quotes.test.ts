/**
 * TypeScript/JavaScript files choose their string quote, and everything that quotes a value there
 * follows the one reading of it the adapter makes (`RunElevatedFact.quote`, `EnumRefFact.quote`):
 * the fix writes the identity's values in it, and the run-elevated message and fix titles, the
 * runElevated hover's mapping, the member hovers and the unknown-enum-member message and fix title
 * quote values the same way — in single quotes in a file of single quotes, in double quotes in a
 * file of double quotes, and, in a file of both, as the object at hand writes its strings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotedString } from '../../../server/src/batch/sdks';
import { applyEdits } from '../../../server/src/engine/edits';
import { hoverAt } from '../../../server/src/hover/hover';
import { analyze } from '../../helpers/engine';

const REMOVED = '(removed in Batch service version 2017-01-01.4.0).';

interface Case {
  readonly name: string;
  readonly file: string;
  /** A pool with a start task whose runElevated the fix rewrites, an account of login mode interactive, and a task whose scope is misspelt `Task`. */
  readonly text: string;
  /** The quote every value this file gets quoted is in. */
  readonly q: "'" | '"';
}

/** The same Batch code in a quote, as the first string of each object writes it. */
const source = (q: string, importQuote = q) =>
  `import { BatchServiceModels } from ${importQuote}@azure/batch${importQuote};\n\n` +
  'export const pool: BatchServiceModels.PoolAddParameter = {\n' +
  `  id: ${q}p${q},\n  vmSize: ${q}standard_d2s_v3${q},\n` +
  `  userAccounts: [{ name: ${q}win${q}, password: process.env.PW!, windowsUserConfiguration: { loginMode: ${q}interactive${q} } }],\n` +
  `  startTask: { commandLine: ${q}setup.cmd${q}, runElevated: true },\n};\n` +
  `export const task: BatchServiceModels.TaskAddParameter = { id: ${q}t${q}, commandLine: ${q}x${q}, userIdentity: { autoUser: { scope: ${q}Task${q}, elevationLevel: ${q}admin${q} } } };\n`;

/** The JavaScript of the same code: CommonJS, the objects untyped but passed to the client. */
const javascript = (q: string) =>
  `const { BatchServiceClient } = require(${q}@azure/batch${q});\n\n` +
  'async function setUp(client, jobId) {\n' +
  `  await client.pool.add({\n    id: ${q}p${q},\n    vmSize: ${q}standard_d2s_v3${q},\n` +
  `    userAccounts: [{ name: ${q}win${q}, password: process.env.PW, windowsUserConfiguration: { loginMode: ${q}interactive${q} } }],\n` +
  `    startTask: { commandLine: ${q}setup.cmd${q}, runElevated: true },\n  });\n` +
  `  await client.task.add(jobId, { id: ${q}t${q}, commandLine: ${q}x${q}, userIdentity: { autoUser: { scope: ${q}Task${q}, elevationLevel: ${q}admin${q} } } });\n}\n\n` +
  'module.exports = { BatchServiceClient, setUp };\n';

const CASES: Case[] = [
  { name: 'TypeScript in single quotes', file: 'pool.ts', text: source("'"), q: "'" },
  { name: 'TypeScript in double quotes', file: 'pool.ts', text: source('"'), q: '"' },
  { name: 'JavaScript in single quotes', file: 'pool.js', text: javascript("'"), q: "'" },
  { name: 'JavaScript in double quotes', file: 'pool.js', text: javascript('"'), q: '"' },
  // The import says double, the objects single: each object's own strings decide, for the fix and the texts alike.
  { name: 'TypeScript importing in double quotes, its objects in single', file: 'pool.ts', text: source("'", '"'), q: "'" },
];

async function hoverOver(text: string, file: string, needle: string): Promise<string[]> {
  const analysis = await analyze('typescript', text, { file });
  try {
    const at = text.indexOf(needle);
    assert.ok(at >= 0, needle);
    const hover = hoverAt(analysis, at + 1);
    assert.ok(hover, `a hover over ${needle}`);
    return hover.markdown.split('\n');
  } finally {
    analysis.release();
  }
}

describe('TypeScript/JavaScript: messages and hovers quote values as the fix writes them', () => {
  for (const { name, file, text, q } of CASES) {
    const quoted = (value: string) => `${q}${value}${q}`;
    it(`${name}: run-elevated's message, fix titles and fix`, async () => {
      const analysis = await analyze('typescript', text, { file });
      analysis.release();
      const [finding] = analysis.findings.filter((f) => f.rule === 'run-elevated');
      assert.equal(finding.message, `runElevated: true → auto-user elevationLevel: ${quoted('admin')} ${REMOVED}`);
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        [
          `Replace runElevated with auto-user elevationLevel: ${quoted('admin')}`,
          `Replace runElevated with auto-user elevationLevel: ${quoted('admin')}, scope: ${quoted('task')} (on Windows, the default scope before 2019-08-01.10.0)`,
        ],
      );
      const fixed = applyEdits(text, analysis.edits(finding.fixes[0]) ?? []);
      assert.ok(fixed.includes(`userIdentity: { autoUser: { elevationLevel: ${quoted('admin')} } }`), fixed);
    });

    it(`${name}: unknown-enum-member's message and fix title`, async () => {
      const analysis = await analyze('typescript', text, { file });
      analysis.release();
      const [finding] = analysis.findings.filter((f) => f.rule === 'unknown-enum-member');
      assert.equal(finding.message, `scope: ${quoted('Task')}: @azure/batch's typings spell it ${quoted('task')}.`);
      assert.deepEqual(
        finding.fixes.map((f) => f.title),
        [`Change to ${quoted('task')}`],
      );
    });

    it(`${name}: the hovers`, async () => {
      const mapping =
        `The documented mapping: \`runElevated: true\` → an auto-user with \`elevationLevel: ${quoted('admin')}\`; ` +
        `\`runElevated: false\` → \`elevationLevel: ${quoted('nonadmin')}\`, the default.`;
      assert.ok((await hoverOver(text, file, 'runElevated')).includes(mapping));
      assert.match((await hoverOver(text, file, quoted('admin')))[0], new RegExp(`^\\*\\*elevationLevel: ${quoted('admin')}\\*\\* — `));
      // A value of no member: every member, each in the file's quote.
      const members = await hoverOver(text, file, quoted('Task'));
      assert.deepEqual(
        members.filter((line) => line.startsWith('**')).map((line) => line.slice(0, line.indexOf('** — ') + 2)),
        [`**scope: ${quoted('task')}**`, `**scope: ${quoted('pool')}**`],
      );
      assert.ok(
        (await hoverOver(text, file, 'windowsUserConfiguration')).some((line) =>
          line.startsWith(`**loginMode: ${quoted('interactive')}** — `),
        ),
      );
    });
  }
});

describe('quotedString: a JavaScript string literal in either quote', () => {
  it('escapes the quote it is in, and leaves the other bare', () => {
    assert.equal(quotedString('admin', "'"), "'admin'");
    assert.equal(quotedString('admin'), '"admin"');
    assert.equal(quotedString(`it's "x" \\ y`, "'"), `'it\\'s "x" \\\\ y'`);
    assert.equal(quotedString(`it's "x" \\ y`, '"'), `"it's \\"x\\" \\\\ y"`);
    // Each reads back as the value it was made from.
    for (const quote of ["'", '"'] as const) assert.equal(new Function(`return ${quotedString(`a'b"c\\d\n`, quote)};`)(), `a'b"c\\d\n`);
  });
});
