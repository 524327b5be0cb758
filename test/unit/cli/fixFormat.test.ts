/**
 * `check --fix` writes fixes in the format the project's configuration asks for (issue 14): a
 * Python file under a pyproject.toml with `line-length = 79` gets no line longer than 79, an
 * import it extends in parentheses, and a pretty-printed JSON body gets its user identity one
 * member per line (with an .editorconfig or without) — in process, and through the bundled dist/cli.js, whose
 * .editorconfig parser loads its WASM from dist/wasm (scripts/build.mjs).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cli, scratchTrees } from '../../helpers/cli';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const tree = scratchTrees('bi-fix-format');

const TASKS_PY =
  'from azure.batch.models import TaskAddParameter\n\n\n' +
  'def make():\n    return TaskAddParameter(id="t1", command_line="cmd /c echo", run_elevated=True)\n';
const TASKS_PY_FIXED =
  'from azure.batch.models import (\n    TaskAddParameter,\n    UserIdentity,\n    AutoUserSpecification,\n    ElevationLevel,\n)\n\n\n' +
  'def make():\n' +
  '    return TaskAddParameter(\n' +
  '        id="t1",\n' +
  '        command_line="cmd /c echo",\n' +
  '        user_identity=UserIdentity(\n' +
  '            auto_user=AutoUserSpecification(\n' +
  '                elevation_level=ElevationLevel.admin\n' +
  '            )\n' +
  '        ),\n' +
  '    )\n';
const TASK_JSON = '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n  "runElevated": true\n}\n';
const TASK_JSON_FIXED =
  '{\n  "id": "task1",\n  "commandLine": "cmd /c echo",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n';

/** A repository with black's line length and an .editorconfig. */
function repository(): string {
  const root = tree({
    'pyproject.toml': '[project]\nname = "jobs"\n\n[tool.black]\nline-length = 79\n',
    '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 4\n\n[*.json]\nindent_size = 2\n',
    'jobs/tasks.py': TASKS_PY,
    'jobs/task.json': TASK_JSON,
  });
  fs.mkdirSync(path.join(root, '.git'));
  return root;
}

const longest = (text: string) => Math.max(...text.split('\n').map((line) => line.length));

describe('check --fix in the format of the project', () => {
  it('in process: Python wrapped at 79, its import in parentheses; JSON one member per line', async () => {
    const root = repository();
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0, stderr);
    const py = fs.readFileSync(path.join(root, 'jobs/tasks.py'), 'utf8');
    assert.equal(py, TASKS_PY_FIXED);
    assert.ok(longest(py) <= 79);
    assert.equal(fs.readFileSync(path.join(root, 'jobs/task.json'), 'utf8'), TASK_JSON_FIXED);
    // Twice is once.
    assert.equal((await cli(['check', '--fix', root])).code, 0);
    assert.equal(fs.readFileSync(path.join(root, 'jobs/tasks.py'), 'utf8'), TASKS_PY_FIXED);
  });

  it('without the configuration the Python file is fixed on one line, as before; the JSON body is still written as it is laid out', async () => {
    const root = tree({ 'jobs/tasks.py': TASKS_PY, 'jobs/task.json': TASK_JSON });
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.editorconfig'), 'root = true\n');
    assert.equal((await cli(['check', '--fix', root])).code, 0);
    const py = fs.readFileSync(path.join(root, 'jobs/tasks.py'), 'utf8');
    assert.ok(py.includes('run_elevated') === false && longest(py) > 79, py);
    assert.equal(fs.readFileSync(path.join(root, 'jobs/task.json'), 'utf8'), TASK_JSON_FIXED);
  });

  it('the bundled CLI reads .editorconfig and pyproject.toml alike', () => {
    const root = repository();
    const result = spawnSync(process.execPath, [CLI, 'check', '--fix', root], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'jobs/tasks.py'), 'utf8'), TASKS_PY_FIXED);
    assert.equal(fs.readFileSync(path.join(root, 'jobs/task.json'), 'utf8'), TASK_JSON_FIXED);
  });
});
