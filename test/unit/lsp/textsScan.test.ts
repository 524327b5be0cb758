/**
 * What an editor shows, over stdio against dist/server.js (issue 14 items 2 and 4): diagnostics
 * that start with what tells findings apart, at most 80 characters before the detail; hovers on
 * runElevated that show this file's replacement first, then the explanation, then the links, in
 * the file's own spelling and without repeating the diagnostic the editor shows beside them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { serverForSuite } from '../../helpers/lspClient';

interface Sample {
  readonly languageId: string;
  readonly uri: string;
  /** Three runElevated: true, false, and a condition, in that order. */
  readonly text: string;
  /** The start of each message, in the file's spelling. */
  readonly starts: readonly [string, string, string];
  /** The fence of the hover's replacement block and how runElevated = true is spelled in it. */
  readonly fence: string;
  readonly setTrue: string;
  /** Spellings that must not appear in this file's hovers (another dialect's). */
  readonly foreign: readonly string[];
  /** Which of the three have a replacement in this file (a REST body cannot carry a condition). */
  readonly renders: readonly [boolean, boolean, boolean];
}

const SAMPLES: readonly Sample[] = [
  {
    languageId: 'csharp',
    uri: 'file:///scan/Tasks.cs',
    text:
      'using Microsoft.Azure.Batch;\n\nclass Tasks\n{\n    void Add(CloudTask a, CloudTask b, CloudTask c, Options options)\n    {\n' +
      '        a.RunElevated = true;\n        b.RunElevated = false;\n        c.RunElevated = options.RunElevated;\n    }\n}\n',
    starts: [
      'RunElevated = true → auto-user ElevationLevel.Admin',
      'RunElevated = false → auto-user ElevationLevel.NonAdmin',
      'RunElevated → auto-user whose elevation follows options.RunElevated',
    ],
    fence: 'csharp',
    setTrue: '`RunElevated = true`',
    foreign: ['runElevated: true', 'nonAdmin', 'nonadmin', 'NON_ADMIN'],
    renders: [true, true, true],
  },
  {
    languageId: 'java',
    uri: 'file:///scan/Tasks.java',
    text:
      'import com.microsoft.azure.batch.protocol.models.*;\n\nclass Tasks {\n    void add(TaskAddParameter a, TaskAddParameter b, TaskAddParameter c, boolean admin) {\n' +
      '        a.withRunElevated(true);\n        b.withRunElevated(false);\n        c.withRunElevated(admin);\n    }\n}\n',
    starts: [
      'withRunElevated(true) → auto-user ElevationLevel.ADMIN',
      'withRunElevated(false) → auto-user ElevationLevel.NON_ADMIN',
      'withRunElevated → auto-user whose elevation follows admin',
    ],
    fence: 'java',
    setTrue: '`withRunElevated(true)`',
    foreign: ['runElevated: true', 'nonAdmin', 'nonadmin', 'NonAdmin'],
    renders: [true, true, true],
  },
  {
    languageId: 'python',
    uri: 'file:///scan/tasks.py',
    text:
      'import azure.batch.models as batchmodels\n\n' +
      "a = batchmodels.TaskAddParameter(id='a', command_line='x', run_elevated=True)\n" +
      "b = batchmodels.TaskAddParameter(id='b', command_line='x', run_elevated=False)\n" +
      "c = batchmodels.TaskAddParameter(id='c', command_line='x', run_elevated=needs_admin)\n",
    starts: [
      'run_elevated=True → auto-user ElevationLevel.admin',
      'run_elevated=False → auto-user ElevationLevel.non_admin',
      'run_elevated → auto-user whose elevation follows needs_admin',
    ],
    fence: 'python',
    setTrue: '`run_elevated=True`',
    foreign: ['runElevated: true', 'nonAdmin', 'nonadmin', 'NonAdmin', 'NON_ADMIN'],
    renders: [true, true, true],
  },
  {
    languageId: 'json',
    uri: 'file:///scan/tasks.json',
    text:
      '{"value": [\n  {"id": "a", "commandLine": "x", "runElevated": true},\n  {"id": "b", "commandLine": "x", "runElevated": false},\n' +
      '  {"id": "c", "commandLine": "x", "runElevated": "$(elevated)"}\n]}\n',
    starts: [
      '"runElevated": true → auto-user "elevationLevel": "admin"',
      '"runElevated": false → auto-user "elevationLevel": "nonadmin"',
      '"runElevated" → auto-user whose elevation follows "$(elevated)"',
    ],
    fence: 'json',
    setTrue: '`"runElevated": true`',
    foreign: ['nonAdmin', 'NonAdmin', 'NON_ADMIN'],
    renders: [true, true, false],
  },
];

/** A diagnostic's message as text. */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
/** The part of a message before its detail in parentheses. */
const headline = (d: Diagnostic) => messageOf(d).slice(0, messageOf(d).lastIndexOf(' ('));

describe('LSP: diagnostics that scan, hovers in the right order', () => {
  const client = serverForSuite();

  for (const sample of SAMPLES) {
    describe(sample.languageId, () => {
      let diagnostics: Diagnostic[] = [];

      it('each message starts with the value and what it becomes, in the file’s spelling, within 80 characters', async () => {
        await client().open(sample.uri, sample.languageId, sample.text);
        diagnostics = (await client().diagnosticsFor(sample.uri, (p) => p.diagnostics.length === 3)).diagnostics;
        assert.deepEqual(
          diagnostics.map((d) => headline(d)),
          sample.starts,
        );
        for (const d of diagnostics) assert.ok(headline(d).length <= 80, messageOf(d));
        // The Problems panel cuts long rows: what tells the three apart is within their first 40 characters.
        assert.equal(new Set(diagnostics.map((d) => messageOf(d).slice(0, 40))).size, 3);
      });

      it('the hover shows the replacement first, then why, then links, and does not repeat the diagnostic', async () => {
        for (const [index, diagnostic] of diagnostics.entries()) {
          const hover = (await client().connection.sendRequest('textDocument/hover', {
            textDocument: { uri: sample.uri },
            position: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 1 },
          })) as Hover;
          const markdown = (hover.contents as MarkupContent).value;
          const lines = markdown.split('\n');
          let explanation = 0;
          if (sample.renders[index]) {
            assert.deepEqual(lines.slice(0, 3), ['In this file it becomes:', '', '```' + sample.fence], `hover ${index}:\n${markdown}`);
            explanation = lines.indexOf('```', 3) + 2;
            assert.ok(explanation > 4, 'the replacement block closes');
          } else {
            assert.ok(!markdown.includes('In this file it becomes:'), 'no replacement where no fix renders');
            assert.ok(!markdown.includes('Equivalent in elevation only'), 'nothing said of a fix there is not');
          }
          // The explanation follows the block (or starts the hover) and the links end it.
          assert.ok(lines[explanation].startsWith('The documented mapping: ' + sample.setTrue), lines[explanation]);
          assert.match(lines.at(-1)!, /^\[Rule run-elevated\]\(.*docs\/rules\/run-elevated\.md\) · /);
          assert.ok(!markdown.includes(headline(diagnostic)), 'the diagnostic is not repeated');
          for (const foreign of sample.foreign) assert.ok(!markdown.includes(foreign), `no ${JSON.stringify(foreign)}:\n${markdown}`);
        }
      });
    });
  }
});
