/**
 * Issue 14, "fixes formatted like the file": with the project's format (AnalyzeOptions.format, as
 * workspace/format.ts reads it from pyproject.toml, setup.cfg, .editorconfig…), a Python fix that
 * makes its line longer than the line length is wrapped as black wraps it (python/wrap.ts), an
 * import it extends goes into parentheses one name per line, and a JSON user identity written into
 * a pretty-printed object is written one member per line in the file's indentation. Each row's
 * exact text, fix-all twice equals once, no line over the limit; the Python outputs run in the
 * real Azure SDK for Python and the JSON bodies are read by it (test/compile/python/sdkRows.ts).
 * Without a format, the same inputs are fixed on one line, as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import type { FileFormat } from '../../../server/src/engine/language';
import type { LanguageId } from '../../../server/src/engine/facts';
import { applyFix, fixAll } from '../../helpers/engine';
import { declareRowChecks } from '../../helpers/rowChecks';

const rule = 'run-elevated';

interface Row {
  readonly name: string;
  readonly language: LanguageId;
  readonly format: FileFormat;
  readonly text: string;
  /** The text after the preferred fix (and after fix-all: one finding per row). */
  readonly fixed: string;
  readonly sdk: PythonSdkExpectation;
}

const realSdk = pythonSdkRows();
const DROPPED = { drops: 'run_elevated', identities: 'none' } as const;
const builds = (...tasks: ReturnType<typeof task>[]): PythonSdkExpectation => ({ runs: [{ tasks }], input: DROPPED });
const BLACK_79: FileFormat = { maxLineLength: 79 };
const BM = 'import azure.batch.models as batchmodels\n';

const maxWidth = (text: string) => Math.max(...text.split(/\r?\n/).map((line) => [...line].length));

function rows(list: readonly Row[]): void {
  for (const row of list) {
    it(row.name, async () => {
      const options = { format: row.format };
      assert.equal(await applyFix(row.language, row.text, rule, options), row.fixed);
      const all = await fixAll(row.language, row.text, options);
      assert.equal(all, row.fixed);
      assert.equal(await fixAll(row.language, all, options), all, 'fix-all twice differs from once');
      if (row.format.maxLineLength !== undefined && row.language === 'python')
        assert.ok(maxWidth(all) <= row.format.maxLineLength, `a line is longer than ${row.format.maxLineLength}:\n${all}`);
    });
    declareRowChecks(realSdk, { name: row.name, language: row.language, input: row.text, output: row.fixed, expect: row.sdk });
  }
}

describe('Python: a line the fix makes too long is wrapped as black wraps it', () => {
  rows([
    {
      name: 'a call on one line: one argument per line, the magic trailing comma, nested calls split at their last bracket',
      language: 'python',
      format: BLACK_79,
      text: `${BM}t = batchmodels.TaskAddParameter(id='t1', command_line='cmd /c echo', run_elevated=True)\n`,
      fixed:
        `${BM}t = batchmodels.TaskAddParameter(\n` +
        `    id='t1',\n` +
        `    command_line='cmd /c echo',\n` +
        `    user_identity=batchmodels.UserIdentity(\n` +
        `        auto_user=batchmodels.AutoUserSpecification(\n` +
        `            elevation_level=batchmodels.ElevationLevel.admin\n` +
        `        )\n` +
        `    ),\n` +
        `)\n`,
      sdk: builds(task('TaskAddParameter', 't1', autoUser('admin'))),
    },
    {
      name: 'a kept condition is split before if and else, in the call of the call, in a function',
      language: 'python',
      format: BLACK_79,
      text:
        `${BM}\n\ndef add(tasks, needs_admin):\n` +
        `    tasks.append(batchmodels.TaskAddParameter(id='t2', command_line='cmd', run_elevated=needs_admin))\n`,
      fixed:
        `${BM}\n\ndef add(tasks, needs_admin):\n` +
        `    tasks.append(\n` +
        `        batchmodels.TaskAddParameter(\n` +
        `            id='t2',\n` +
        `            command_line='cmd',\n` +
        `            user_identity=batchmodels.UserIdentity(\n` +
        `                auto_user=batchmodels.AutoUserSpecification(\n` +
        `                    elevation_level=batchmodels.ElevationLevel.admin\n` +
        `                    if needs_admin\n` +
        `                    else batchmodels.ElevationLevel.non_admin\n` +
        `                )\n` +
        `            ),\n` +
        `        )\n` +
        `    )\n`,
      sdk: {
        runs: [
          { then: 'ts = []\nadd(ts, True)', tasks: [task('TaskAddParameter', 't2', autoUser('admin'))] },
          { then: 'ts = []\nadd(ts, False)', tasks: [task('TaskAddParameter', 't2', autoUser('nonadmin'))] },
        ],
        input: DROPPED,
      },
    },
    {
      name: 'an argument on its own line of a call already split: only its line is wrapped',
      language: 'python',
      format: BLACK_79,
      text: `${BM}t = batchmodels.TaskAddParameter(\n    id='t3',\n    command_line='cmd',\n    run_elevated=True,\n)\n`,
      fixed:
        `${BM}t = batchmodels.TaskAddParameter(\n    id='t3',\n    command_line='cmd',\n` +
        `    user_identity=batchmodels.UserIdentity(\n` +
        `        auto_user=batchmodels.AutoUserSpecification(\n` +
        `            elevation_level=batchmodels.ElevationLevel.admin\n` +
        `        )\n` +
        `    ),\n)\n`,
      sdk: builds(task('TaskAddParameter', 't3', autoUser('admin'))),
    },
    {
      name: 'arguments black put on one line of their own: split at their commas, the last one gets the magic trailing comma',
      language: 'python',
      format: BLACK_79,
      text:
        `${BM}\n\ndef render(frame):\n    return batchmodels.TaskAddParameter(\n` +
        `        id=f"render-{frame}", command_line="render.sh", run_elevated=True\n    )\n`,
      fixed:
        `${BM}\n\ndef render(frame):\n    return batchmodels.TaskAddParameter(\n` +
        `        id=f"render-{frame}",\n` +
        `        command_line="render.sh",\n` +
        `        user_identity=batchmodels.UserIdentity(\n` +
        `            auto_user=batchmodels.AutoUserSpecification(\n` +
        `                elevation_level=batchmodels.ElevationLevel.admin\n` +
        `            )\n` +
        `        ),\n` +
        `    )\n`,
      sdk: { runs: [{ then: 'render(7)', tasks: [task('TaskAddParameter', 'render-7', autoUser('admin'))] }], input: DROPPED },
    },
    {
      name: 'an attribute assignment with a comment after it: the comment stays at the end of the statement',
      language: 'python',
      format: BLACK_79,
      text: `${BM}t = batchmodels.TaskAddParameter(id='t4', command_line='cmd')\nt.run_elevated = True  # setup needs admin\n`,
      fixed:
        `${BM}t = batchmodels.TaskAddParameter(id='t4', command_line='cmd')\n` +
        `t.user_identity = batchmodels.UserIdentity(\n` +
        `    auto_user=batchmodels.AutoUserSpecification(\n` +
        `        elevation_level=batchmodels.ElevationLevel.admin\n` +
        `    )\n` +
        `)  # setup needs admin\n`,
      sdk: { runs: [{ tasks: [task('TaskAddParameter', 't4', autoUser('admin'))] }] },
    },
    {
      name: 'an import the fix extends past the limit: parentheses, one name per line, trailing comma',
      language: 'python',
      format: BLACK_79,
      text: `from azure.batch.models import TaskAddParameter\n\nt = TaskAddParameter(id='t5', command_line='cmd', run_elevated=False)\n`,
      fixed:
        `from azure.batch.models import (\n    TaskAddParameter,\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel,\n)\n\n` +
        `t = TaskAddParameter(\n` +
        `    id='t5',\n` +
        `    command_line='cmd',\n` +
        `    user_identity=UserIdentity(\n` +
        `        auto_user=AutoUserSpecification(\n` +
        `            elevation_level=ElevationLevel.non_admin\n` +
        `        )\n` +
        `    ),\n` +
        `)\n`,
      sdk: builds(task('TaskAddParameter', 't5', autoUser('nonadmin'))),
    },
    {
      name: "the hanging indent is the file's own indentation step (two spaces)",
      language: 'python',
      format: BLACK_79,
      text: `${BM}\n\ndef make():\n  return batchmodels.TaskAddParameter(id='t6', command_line='cmd', run_elevated=True)\n`,
      fixed:
        `${BM}\n\ndef make():\n  return batchmodels.TaskAddParameter(\n` +
        `    id='t6',\n` +
        `    command_line='cmd',\n` +
        `    user_identity=batchmodels.UserIdentity(\n` +
        `      auto_user=batchmodels.AutoUserSpecification(\n` +
        `        elevation_level=batchmodels.ElevationLevel.admin\n` +
        `      )\n` +
        `    ),\n` +
        `  )\n`,
      sdk: { runs: [{ then: 'make()', tasks: [task('TaskAddParameter', 't6', autoUser('admin'))] }], input: DROPPED },
    },
    {
      name: '.editorconfig indentation where the file shows none (no block), CRLF kept',
      language: 'python',
      format: { maxLineLength: 79, indentUnit: '  ' },
      text: `${BM.replace('\n', '\r\n')}t = batchmodels.TaskAddParameter(id='t7', command_line='cmd /c echo', run_elevated=True)\r\n`,
      fixed:
        `${BM.replace('\n', '\r\n')}t = batchmodels.TaskAddParameter(\r\n` +
        `  id='t7',\r\n` +
        `  command_line='cmd /c echo',\r\n` +
        `  user_identity=batchmodels.UserIdentity(\r\n` +
        `    auto_user=batchmodels.AutoUserSpecification(\r\n` +
        `      elevation_level=batchmodels.ElevationLevel.admin\r\n` +
        `    )\r\n` +
        `  ),\r\n` +
        `)\r\n`,
      sdk: builds(task('TaskAddParameter', 't7', autoUser('admin'))),
    },
    {
      name: 'a longer limit the line fits: written on one line, as without a format',
      language: 'python',
      format: { maxLineLength: 200 },
      text: `${BM}t = batchmodels.TaskAddParameter(id='t8', command_line='cmd', run_elevated=True)\n`,
      fixed:
        `${BM}t = batchmodels.TaskAddParameter(id='t8', command_line='cmd', ` +
        `user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n`,
      sdk: builds(task('TaskAddParameter', 't8', autoUser('admin'))),
    },
  ]);

  it('a line shared with another statement is not laid out: the replacement is written on it, as without a format', async () => {
    const text = `${BM}x = 1; t = batchmodels.TaskAddParameter(id='t9', command_line='cmd', run_elevated=True)\n`;
    assert.equal(await fixAll('python', text, { format: BLACK_79 }), await fixAll('python', text));
  });

  it('without a format the line is written as before, however long', async () => {
    const text = `${BM}t = batchmodels.TaskAddParameter(id='t1', command_line='cmd /c echo', run_elevated=True)\n`;
    assert.equal(
      await fixAll('python', text),
      `${BM}t = batchmodels.TaskAddParameter(id='t1', command_line='cmd /c echo', ` +
        `user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n`,
    );
  });
});

const REST_TASK = (userIdentity: unknown): PythonSdkExpectation => ({
  reads: [{ sdk: 'batch', model: 'TaskAddParameter', userIdentities: [userIdentity] }],
  input: { drops: 'runElevated', identities: 'none' },
});

describe('JSON: a user identity in a pretty-printed object is written one member per line', () => {
  rows([
    {
      name: "two-space body: the file's indentation",
      language: 'json',
      format: { indentUnit: '    ' },
      text: '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n  "runElevated": true\n}\n',
      fixed:
        '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'tabs, CRLF, a property not last: the comma after it stays',
      language: 'json',
      format: { endOfLine: '\n' },
      text: '{\r\n\t"id": "task2",\r\n\t"runElevated": false,\r\n\t"commandLine": "cmd"\r\n}\r\n',
      fixed:
        '{\r\n\t"id": "task2",\r\n' +
        '\t"userIdentity": {\r\n\t\t"autoUser": {\r\n\t\t\t"elevationLevel": "nonadmin"\r\n\t\t}\r\n\t},\r\n' +
        '\t"commandLine": "cmd"\r\n}\r\n',
      sdk: REST_TASK(autoUser('nonadmin')),
    },
    {
      name: 'a compact object stays inline',
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{"id": "task3", "commandLine": "cmd", "runElevated": true}\n',
      fixed: '{"id": "task3", "commandLine": "cmd", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "the file's own step, however odd (one space), before .editorconfig's",
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{"id": "task4", "commandLine": "cmd",\n "runElevated": true}\n',
      fixed: '{"id": "task4", "commandLine": "cmd",\n "userIdentity": {\n  "autoUser": {\n   "elevationLevel": "admin"\n  }\n }}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "members one per line but not indented: .editorconfig's step",
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{\n"id": "task5",\n"commandLine": "cmd",\n"runElevated": true\n}\n',
      fixed:
        '{\n"id": "task5",\n"commandLine": "cmd",\n' + '"userIdentity": {\n  "autoUser": {\n    "elevationLevel": "admin"\n  }\n}\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
  ]);

  it('without a format (no .editorconfig) a pretty-printed body gets the identity inline, as before', async () => {
    const text = '{\n  "id": "task1",\n  "commandLine": "cmd",\n  "runElevated": true\n}\n';
    assert.equal(
      await fixAll('json', text),
      '{\n  "id": "task1",\n  "commandLine": "cmd",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}\n}\n',
    );
  });
});
