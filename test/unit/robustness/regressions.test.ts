/**
 * Inputs the property tests found, minimised, each pinned to the exact answer the fix gives. The
 * timeouts only detect hangs; they are no speed assertions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edits';
import { suppressionEdit } from '../../../server/src/engine/suppressions';
import { analyze, applyFix, fixAll, squiggles } from '../../helpers/engine';

const HANG = { timeout: 20_000 };

describe('robustness regressions', () => {
  it('C#: a file that is all syntax error (its root is an ERROR node) does not loop in name resolution', HANG, async () => {
    assert.deepEqual(await squiggles('csharp', 'c.RunElevated=f n'), []);
  });

  it('C#: a MISSING identifier (empty name) does not loop in the search for its uses', HANG, async () => {
    assert.deepEqual(await squiggles('csharp', 'using Microsoft.Azure.Batch;namespace e{i=new UserIdentity;'), [
      { rule: 'identity-conflict', severity: 'warning', text: 'UserIdentity' },
    ]);
  });

  it('Java: no import is added from a broken import declaration (it would land inside the class)', async () => {
    const text =
      'import com.microsoft.azure.batch.protocol.models.//StartTask;\n\npublic final class Submitter {\n    void run(JobAddParameter job) {\n' +
      '        job.withJobManagerTask(new JobManagerTask().withCommandLine("x").withRunElevated(true));\n    }\n}\n';
    assert.equal(await applyFix('java', text, 'run-elevated'), undefined);
  });

  it('Python: no name is added to a from-import with syntax errors', async () => {
    const text =
      "from azure.batch.models import (\n    TaskAddParameter,{\n    StartTask,\n)\n\nt = TaskAddParameter(id='t', command_line='x', run_elevated=False)\n";
    assert.equal(await applyFix('python', text, 'run-elevated'), undefined);
  });

  it('C#, Java, Python: no fix in a file whose lines end with a lone CR (imports landed at the end of the file)', async () => {
    const cs =
      'using System;\rusing Microsoft.Azure.Batch;\r\rclass C\r{\r    void M(CloudTask t)\r    {\r        t.RunElevated = true;\r    }\r}\r';
    const java =
      'package a;\rimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\r\rclass C {\r  void m() {\r    new TaskAddParameter().withId("x").withCommandLine("y").withRunElevated(true);\r  }\r}\r';
    const py =
      'from azure.batch.models import (\r    TaskAddParameter,\r)\r\rt = TaskAddParameter(id="t", command_line="x", run_elevated=True)\r';
    for (const [language, text] of [
      ['csharp', cs],
      ['java', java],
      ['python', py],
    ] as const) {
      assert.deepEqual(
        (await squiggles(language, text)).map((s) => s.rule),
        ['run-elevated'],
        language,
      );
      assert.equal(await fixAll(language, text), text, language);
    }
    // CRLF is a line break the renderers know.
    assert.notEqual(await fixAll('csharp', cs.replace(/\r/g, '\r\n')), cs.replace(/\r/g, '\r\n'));
  });

  it('C#: a using added after a using that shares its line with code goes right after it, not into the class', async () => {
    const text = 'using Microsoft.Azure.Batch; class C {\n    void M(CloudTask t) { t.RunElevated = true; }\n}\n';
    assert.equal(
      await fixAll('csharp', text),
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common; class C {\n    void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); }\n}\n',
    );
  });

  it('Java: imports added after an import or package that shares its line with code go right after it, not into the class', async () => {
    const call = 'new TaskAddParameter().withId("x").withCommandLine("y")';
    const fixed = `${call}.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))`;
    const pkg = 'com.microsoft.azure.batch.protocol.models';
    assert.equal(
      await fixAll('java', `import ${pkg}.TaskAddParameter; class C {\n  void m() { ${call}.withRunElevated(true); }\n}\n`),
      `import ${pkg}.AutoUserSpecification;\nimport ${pkg}.ElevationLevel;\nimport ${pkg}.TaskAddParameter;\nimport ${pkg}.UserIdentity; class C {\n  void m() { ${fixed}; }\n}\n`,
    );
    assert.equal(
      await fixAll('java', `package a; class C {\n  void m(${pkg}.TaskAddParameter t) { t.withRunElevated(true); }\n}\n`),
      `package a;\n\nimport ${pkg}.AutoUserSpecification;\nimport ${pkg}.ElevationLevel;\nimport ${pkg}.UserIdentity;\n class C {\n  void m(${pkg}.TaskAddParameter t) { t.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN))); }\n}\n`,
    );
  });

  it('Java: a misplaced call with syntax errors is not moved (its errors would move with it)', async () => {
    const text =
      'import com.microsoft.azure.batch.protocol.models.*;\nclass C {\n  void run() {\n' +
      '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).{withScope(AutoUserScope.TASK);\n  }\n}\n';
    assert.deepEqual(
      (await squiggles('java', text)).map((s) => s.text),
      ['withScope'],
    );
    assert.equal(await applyFix('java', text, 'misplaced-call'), undefined);
  });

  it('Java: a MISSING identifier (empty name) does not loop in the search for its uses', HANG, async () => {
    assert.deepEqual(await squiggles('java', '{@y d=new UserIdentity()}'), []);
  });

  it('C#: no using is placed from a using directive with syntax errors', async () => {
    const text = 'using Microsoft.Azure.Batch "x"\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n';
    assert.deepEqual(
      (await squiggles('csharp', text)).map((s) => s.rule),
      ['run-elevated'],
    );
    assert.equal(await applyFix('csharp', text, 'run-elevated'), undefined);
  });

  it('C#: an assignment with syntax errors in it is neither rewritten nor removed (its value was garbage)', async () => {
    const text =
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n' +
      'class C { void M(CloudTask t) { t.RunElevated = vm.RunElev\nclass TaskViewModel { public bool RunElevated { get; set; } } } }\n';
    assert.deepEqual(
      (await squiggles('csharp', text)).map((s) => s.rule),
      ['run-elevated'],
    );
    assert.equal(await fixAll('csharp', text), text);
  });

  it('Python: a MISSING identifier (empty name) does not loop in the word search', HANG, async () => {
    const text = 'import azure.batch as batch batch.UserAccount(linux_user_configuration=,u(d="")),\n]';
    assert.deepEqual(await squiggles('python', text), []);
  });

  it('C#, Python: no fix inside a statement with syntax errors (the fix carried them along or added new ones)', async () => {
    const cs =
      'using Microsoft.Azure.Batch;\nclass C\n{\n    void Run(bool flag)\n    {\n' +
      '        var p = Microsoft.Azure.Batch.Protocol.Models.TaskAddParameter { Id = "p", RunElevated = !flag };\n        var ok = new CloudTask("a", "b") { RunElevated = true };\n    }\n}\n';
    const fixed = cs
      .replace(
        '{ RunElevated = true }',
        '{ UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) }',
      )
      .replace('using Microsoft.Azure.Batch;\n', 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n');
    assert.deepEqual(
      (await squiggles('csharp', cs)).map((s) => s.rule),
      ['run-elevated', 'run-elevated'],
    );
    assert.equal(await fixAll('csharp', cs), fixed, 'the statement without errors is still fixed');
    const py =
      "from azure.batch.models import TaskAddParameter\nt = TaskAddParameter(id='t', command_line='x', run_elevated=i[ndex == 0)\n";
    assert.deepEqual(
      (await squiggles('python', py)).map((s) => s.rule),
      ['run-elevated'],
    );
    assert.equal(await fixAll('python', py), py);
  });

  it('C#, Java: an expression nested deeper than the stack allows is a skip with a reason, not an exception', HANG, async () => {
    const n = 100_000;
    const cs = `using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = ${'!'.repeat(n)}true; } }\n`;
    const java = `import com.microsoft.azure.batch.protocol.models.*;\nclass C { void m(TaskAddParameter t) { t.withRunElevated(${'f('.repeat(n)}true${')'.repeat(n)}); } }\n`;
    for (const [language, text] of [
      ['csharp', cs],
      ['java', java],
    ] as const) {
      const analysis = await analyze(language, text);
      analysis.release();
      assert.equal(analysis.skipped, 'the file is nested too deeply to analyse', language);
      assert.deepEqual(analysis.findings, []);
      assert.equal(await fixAll(language, text), text);
    }
  });

  it('Python: a tuple, yield or parenthesized walrus value is parenthesized as the condition of the conditional elevation', async () => {
    const header = 'import azure.batch.models as batchmodels\ndef elevate(task: batchmodels.TaskAddParameter):\n';
    const level = (condition: string) =>
      `task.user_identity = batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin if ${condition} else batchmodels.ElevationLevel.non_admin))`;
    for (const [value, condition] of [
      ['T,rue', '(T,rue)'],
      ['yield y', '(yield y)'],
      ['(a := b)', '(a := b)'],
      ['*a, b', '(*a, b)'],
      ['not a', 'not a'],
    ]) {
      assert.equal(await fixAll('python', `${header}    task.run_elevated = ${value}\n`), `${header}    ${level(condition)}\n`, value);
    }
  });
  it("Java: no runElevated rewrite beside a broken statement (the parser read part of the rewrite into the neighbour's error)", async () => {
    const text =
      'package cases.statements;\npackage cases.statements;\n\nimport com.microsoft.azure.batch.protocol.models.*;\n\nclass Case {\n' +
      '    p"rivate final CloudTask field = new CloudTask();{\n\n    void run(CloudTask task, JobAddParameter job, Object o) {\n' +
      '        task.setRunElevated(true);\n        task.withRunElevated(Boolean.FALSE);\n        this.field.withRunElevated(true);\n' +
      '        job.jobManagerTask().withRunElevated(true);\n        ((CloudTask) o).withRunElevated(false);\n        var start = new StartTask();\n' +
      '        start.withRunElevated(true);\n    }\n}\n';
    // The parser reads the lines around `this.field…` as errors: that one is reported, not rewritten.
    assert.deepEqual(
      (await squiggles('java', text)).map((s) => s.rule),
      ['run-elevated'],
    );
    assert.equal(await applyFix('java', text, 'run-elevated'), undefined);
    assert.equal(await fixAll('java', text), text);
  });

  it("JSON: no removal from an object with syntax errors (recovery put the start task's runElevated into the pool, whose comma went)", async () => {
    const text =
      '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n  "resources": [\n    {\n' +
      '      "type": "Microsoft.Batch/batchAccounts/pools",\n      "name": "pool",\n      "properties": {\n        "vmSize": "standard_d2s_v3",{\n' +
      '        "startTask": {"commandLine": "cmd /c run.cmd", "userIdentity": {"autoUser": {"scope": "task", "elevationLevel": "Admin"}}, "runElevated": true},\n        "userAccounts": []\n      }\n    }\n  ]\n}\n';
    assert.ok((await squiggles('json', text)).some((s) => s.rule === 'run-elevated'));
    assert.equal(
      await fixAll('json', text),
      text.replace('"scope": "task"', '"scope": "Task"'),
      'only the enum value, one string for another, is fixed',
    );
  });

  it('C#: a qualifier with a syntax error in it is not copied into the fix (`Microsoft{.Azure.Batch.UserIdentity`)', async () => {
    const text =
      'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Protocol.Models;\nclass C { void M(Microsoft{.Azure.Batch.CloudTask t) { t.RunElevated = true; } }\n';
    const fixed = await applyFix('csharp', text, 'run-elevated');
    assert.ok(
      fixed?.includes('t.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification('),
      fixed,
    );
    assert.equal(fixed!.split('{.').length, 2, "the input's own error stays, no copy of it");
  });
  it('C#, Java, Python: a released analysis still finds its suppression comments (the server builds quick fixes from one; the freed tree threw)', async () => {
    const cases = [
      [
        'csharp',
        'using Microsoft.Azure.Batch;\nclass C\n{\n    void M(CloudTask t)\n    {\n        // batch-identity-disable-next-line hardcoded-password\n        t.RunElevated = true;\n    }\n}\n',
        '//',
      ],
      [
        'java',
        'import com.microsoft.azure.batch.protocol.models.*;\nclass C {\n    void m(TaskAddParameter t) {\n        // batch-identity-disable-next-line hardcoded-password\n        t.withRunElevated(true);\n    }\n}\n',
        '//',
      ],
      [
        'python',
        "import azure.batch.models as batchmodels\n# batch-identity-disable-next-line hardcoded-password\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=True)\n",
        '#',
      ],
    ] as const;
    for (const [language, text, comment] of cases) {
      const analysis = await analyze(language, text);
      analysis.release();
      const [finding] = analysis.findings;
      const edit = suppressionEdit(text, analysis.file!, comment, finding.rule, finding.span.start, 'line');
      assert.ok(edit, language);
      // The existing directive of the line above is extended, not a second one added.
      assert.equal(applyEdits(text, [edit]), text.replace('hardcoded-password', 'hardcoded-password, run-elevated'), language);
    }
  });
});
