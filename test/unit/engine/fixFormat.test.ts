/**
 * Issue 14, "fixes formatted like the file": with the project's format (AnalyzeOptions.format, as
 * workspace/format.ts reads it from pyproject.toml, setup.cfg, .editorconfig…), a Python fix that
 * makes its line longer than the line length is wrapped as black wraps it (python/wrap.ts), an
 * import it extends goes into parentheses one name per line, and a JSON user identity written into
 * an object whose members stand on their own lines is written one member per line in the file's
 * indentation (with or without an .editorconfig; inline into an object written on one line). Each row's
 * exact text, fix-all twice equals once, no line over the limit; the Python outputs run in the
 * real Azure SDK for Python and the JSON bodies are read by it (test/compile/python/sdkRows.ts).
 * Without a format, the same Python inputs are fixed on one line, as before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { autoUser, pythonSdkRows, task, type PythonSdkExpectation } from '../../compile/python/sdkRows';
import type { FileFormat } from '../../../server/src/engine/language';
import type { LanguageId } from '../../../server/src/engine/facts';
import { applyFix, fixAll } from '../../helpers/engine';
import { declareRowChecks } from '../../helpers/rowChecks';
import { armTemplate, armTemplateValue, batchPoolResource, deployment } from '../rules/table';

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

const DROPPED_JSON = { drops: 'runElevated', identities: 'none' } as const;
/** The body at `at` of the fixed document, read by `model` of azure-batch (`batch`) or azure-mgmt-batch (`mgmt`). */
const BODY_AT = (sdk: 'batch' | 'mgmt', model: string, at: (string | number)[], ...userIdentities: unknown[]): PythonSdkExpectation => ({
  reads: [{ sdk, model, at, userIdentities }],
  input: DROPPED_JSON,
});
const NO_CONFIG: FileFormat = {};

/** A nested deployment's Batch pool whose start task has `startTask`, pretty-printed by JSON.stringify with two spaces. */
const nestedArmPool = (startTask: Record<string, unknown>) =>
  armTemplate({}, [deployment({ template: armTemplateValue({}, [batchPoolResource({ vmSize: 'standard_d2s_v3', startTask })]) })]);

describe("JSON: a user identity in an object written one member per line is written so, in the file's indentation", () => {
  rows([
    {
      name: 'no .editorconfig: a two-space body, its own step',
      language: 'json',
      format: NO_CONFIG,
      text: '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n  "runElevated": true\n}\n',
      fixed:
        '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'no .editorconfig: a four-space pool, the start task one level down',
      language: 'json',
      format: NO_CONFIG,
      text:
        '{\n    "id": "pool1",\n    "vmSize": "standard_d2s_v3",\n    "startTask": {\n' +
        '        "commandLine": "cmd /c setup.cmd",\n        "runElevated": true\n    }\n}\n',
      fixed:
        '{\n    "id": "pool1",\n    "vmSize": "standard_d2s_v3",\n    "startTask": {\n' +
        '        "commandLine": "cmd /c setup.cmd",\n' +
        '        "userIdentity": {\n            "autoUser": {\n                "elevationLevel": "admin"\n            }\n        }\n' +
        '    }\n}\n',
      sdk: BODY_AT('batch', 'StartTask', ['startTask'], autoUser('admin')),
    },
    {
      name: 'no .editorconfig: tabs stay tabs',
      language: 'json',
      format: NO_CONFIG,
      text: '{\n\t"id": "task2",\n\t"commandLine": "cmd",\n\t"runElevated": false\n}\n',
      fixed:
        '{\n\t"id": "task2",\n\t"commandLine": "cmd",\n' +
        '\t"userIdentity": {\n\t\t"autoUser": {\n\t\t\t"elevationLevel": "nonadmin"\n\t\t}\n\t}\n}\n',
      sdk: REST_TASK(autoUser('nonadmin')),
    },
    {
      name: 'no .editorconfig: CRLF line endings, a property not last (the comma after it stays)',
      language: 'json',
      format: NO_CONFIG,
      text: '{\r\n  "id": "task3",\r\n  "runElevated": true,\r\n  "commandLine": "cmd"\r\n}\r\n',
      fixed:
        '{\r\n  "id": "task3",\r\n' +
        '  "userIdentity": {\r\n    "autoUser": {\r\n      "elevationLevel": "admin"\r\n    }\r\n  },\r\n' +
        '  "commandLine": "cmd"\r\n}\r\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'a one-line task in a pretty-printed collection stays inline',
      language: 'json',
      format: NO_CONFIG,
      text: '{\n  "value": [\n    {"id": "a", "commandLine": "x", "runElevated": true},\n    {"id": "b", "commandLine": "y"}\n  ]\n}\n',
      fixed:
        '{\n  "value": [\n    {"id": "a", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}},\n' +
        '    {"id": "b", "commandLine": "y"}\n  ]\n}\n',
      sdk: BODY_AT('batch', 'TaskAddCollectionParameter', [], autoUser('admin'), undefined),
    },
    {
      name: "another member after it on its line: inline, that line is not one member's",
      language: 'json',
      format: NO_CONFIG,
      text: '{\n  "id": "task5",\n  "runElevated": true, "commandLine": "cmd"\n}\n',
      fixed: '{\n  "id": "task5",\n  "userIdentity": {"autoUser": {"elevationLevel": "admin"}}, "commandLine": "cmd"\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'JSONC: a comment after runElevated stays after the identity',
      language: 'json',
      format: NO_CONFIG,
      text: '// a task\n{\n  "id": "task6", // the id\n  "commandLine": "cmd",\n  "runElevated": true // needs the installer\n}\n',
      fixed:
        '// a task\n{\n  "id": "task6", // the id\n  "commandLine": "cmd",\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  } // needs the installer\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'JSONC: a trailing comma and a comment after it stay',
      language: 'json',
      format: NO_CONFIG,
      text: '{\n  "id": "task7",\n  "commandLine": "cmd",\n  "runElevated": false, // was elevated once\n}\n',
      fixed:
        '{\n  "id": "task7",\n  "commandLine": "cmd",\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "nonadmin"\n    }\n  }, // was elevated once\n}\n',
      sdk: REST_TASK(autoUser('nonadmin')),
    },
    {
      name: "ARM: a start task in a nested deployment's pool, in ARM casing, at its depth",
      language: 'json',
      format: NO_CONFIG,
      text: nestedArmPool({ commandLine: 'setup.sh', runElevated: true }),
      // JSON.stringify(…, null, 2) writes the identity exactly as the fix must.
      fixed: nestedArmPool({ commandLine: 'setup.sh', userIdentity: { autoUser: { elevationLevel: 'Admin' } } }),
      sdk: BODY_AT(
        'mgmt',
        'StartTask',
        ['resources', 0, 'properties', 'template', 'resources', 0, 'properties', 'startTask'],
        autoUser('Admin'),
      ),
    },
    {
      name: "members not indented beyond their object: the step of the file's other objects",
      language: 'json',
      format: NO_CONFIG,
      text: '{\n"id": "task8",\n"commandLine": "cmd",\n"constraints": {\n    "maxTaskRetryCount": 2\n},\n"runElevated": true\n}\n',
      fixed:
        '{\n"id": "task8",\n"commandLine": "cmd",\n"constraints": {\n    "maxTaskRetryCount": 2\n},\n' +
        '"userIdentity": {\n    "autoUser": {\n        "elevationLevel": "admin"\n    }\n}\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: 'a file without any indentation and no .editorconfig: inline, nothing says how deep',
      language: 'json',
      format: NO_CONFIG,
      text: '{\n"id": "task9",\n"commandLine": "cmd",\n"runElevated": true\n}\n',
      fixed: '{\n"id": "task9",\n"commandLine": "cmd",\n"userIdentity": {"autoUser": {"elevationLevel": "admin"}}\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "with .editorconfig: the file's own step (two spaces) before .editorconfig's (four)",
      language: 'json',
      format: { indentUnit: '    ' },
      text: '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n  "runElevated": true\n}\n',
      fixed:
        '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n' +
        '  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "with .editorconfig: the file's line breaks (CRLF) before .editorconfig's end_of_line",
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
      name: 'with .editorconfig: a compact object stays inline',
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{"id": "task3", "commandLine": "cmd", "runElevated": true}\n',
      fixed: '{"id": "task3", "commandLine": "cmd", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "with .editorconfig: the file's own step, however odd (one space), before .editorconfig's",
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{"id": "task4", "commandLine": "cmd",\n "runElevated": true}\n',
      fixed: '{"id": "task4", "commandLine": "cmd",\n "userIdentity": {\n  "autoUser": {\n   "elevationLevel": "admin"\n  }\n }}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "with .editorconfig: members one per line but not indented, nothing else indented: .editorconfig's step",
      language: 'json',
      format: { indentUnit: '  ' },
      text: '{\n"id": "task5",\n"commandLine": "cmd",\n"runElevated": true\n}\n',
      fixed:
        '{\n"id": "task5",\n"commandLine": "cmd",\n' + '"userIdentity": {\n  "autoUser": {\n    "elevationLevel": "admin"\n  }\n}\n}\n',
      sdk: REST_TASK(autoUser('admin')),
    },
    {
      name: "Markdown: a JSON block in a list item, the identity indented as the block, the fence's indentation kept",
      language: 'markdown',
      format: NO_CONFIG,
      text:
        '# Add a Batch task\n\n- The REST body for `POST /jobs/{jobId}/tasks`:\n\n' +
        '  ```json\n  {\n    "id": "task10",\n    "commandLine": "cmd /c echo",\n    "runElevated": true\n  }\n  ```\n',
      fixed:
        '# Add a Batch task\n\n- The REST body for `POST /jobs/{jobId}/tasks`:\n\n' +
        '  ```json\n  {\n    "id": "task10",\n    "commandLine": "cmd /c echo",\n' +
        '    "userIdentity": {\n      "autoUser": {\n        "elevationLevel": "admin"\n      }\n    }\n  }\n  ```\n',
      sdk: { notRunHere: 'a Markdown document: its block is the JSON rows above' },
    },
  ]);

  it('several findings in one pretty-printed collection: each object as it is written, fix-all twice is once', async () => {
    const text =
      '{\n  "value": [\n    {\n      "id": "a",\n      "commandLine": "x",\n      "runElevated": true\n    },\n' +
      '    {"id": "b", "commandLine": "y", "runElevated": false},\n' +
      '    {\n      "id": "c",\n      "runElevated": false,\n      "commandLine": "z"\n    }\n  ]\n}\n';
    const once = await fixAll('json', text);
    assert.equal(
      once,
      '{\n  "value": [\n    {\n      "id": "a",\n      "commandLine": "x",\n' +
        '      "userIdentity": {\n        "autoUser": {\n          "elevationLevel": "admin"\n        }\n      }\n    },\n' +
        '    {"id": "b", "commandLine": "y", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}},\n' +
        '    {\n      "id": "c",\n' +
        '      "userIdentity": {\n        "autoUser": {\n          "elevationLevel": "nonadmin"\n        }\n      },\n' +
        '      "commandLine": "z"\n    }\n  ]\n}\n',
    );
    assert.equal(await fixAll('json', once), once, 'fix-all twice differs from once');
  });

  it('a pretty-printed document fixed is what JSON.stringify writes of the fixed value, at two and four spaces and with tabs', async () => {
    const body = (identity: Record<string, unknown>) => ({
      id: 'job1',
      poolInfo: { poolId: 'pool1' },
      jobManagerTask: { id: 'manager', commandLine: 'cmd /c manage', ...identity, constraints: { maxTaskRetryCount: 1 } },
      jobPreparationTask: { commandLine: 'cmd /c prepare', ...identity },
    });
    const before = body({ runElevated: true });
    const after = body({ userIdentity: { autoUser: { elevationLevel: 'admin' } } });
    for (const indent of [2, 4, '\t']) {
      const text = JSON.stringify(before, null, indent) + '\n';
      assert.equal(await fixAll('json', text), JSON.stringify(after, null, indent) + '\n', `indentation ${JSON.stringify(indent)}`);
    }
  });
});
