import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/hover/hover';
import { analyze, applyFix, fixAll, fixesOf, IDENTITY_DECIDES, settingsWith, squiggles } from '../../helpers/engine';

const rule = 'run-elevated';
const LEGACY = 'import com.microsoft.azure.batch.protocol.models.*;\n';
const found = async (text: string) => (await squiggles('java', text)).filter((s) => s.rule === rule);

/** A class around `body` (the statements of one method), after `header` (package, imports). */
function inMethod(header: string, body: string, params = ''): string {
  return `${header}\nclass Jobs {\n  void run(${params}) {\n${body}\n  }\n}\n`;
}

describe('java run-elevated: found', () => {
  const cases: { name: string; text: string; severity?: string; count?: number; squiggle?: string }[] = [
    {
      name: 'builder chain on one line',
      text: inMethod(LEGACY, '    TaskAddParameter t = new TaskAddParameter().withId("t").withRunElevated(true);'),
    },
    {
      name: 'chain split over lines, comments between calls',
      text: inMethod(
        LEGACY,
        '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        /* elevated */\n        .withRunElevated(true)\n        .withCommandLine("x");',
      ),
    },
    { name: 'statement on a variable of a Batch type', text: inMethod(LEGACY, '    task.withRunElevated(true);', 'CloudTask task') },
    {
      name: 'setRunElevated of the oldest SDK, as a statement',
      text: inMethod(LEGACY, '    task.setRunElevated(false);', 'CloudTask task'),
      squiggle: 'setRunElevated',
    },
    {
      name: 'start task built inside a pool',
      text: inMethod(
        LEGACY,
        '    PoolAddParameter p = new PoolAddParameter().withStartTask(new StartTask().withCommandLine("x").withRunElevated(true));',
      ),
    },
    {
      name: 'job manager, preparation and release tasks',
      text: inMethod(
        LEGACY,
        '    JobAddParameter j = new JobAddParameter()\n        .withJobManagerTask(new JobManagerTask().withRunElevated(true))\n        .withJobPreparationTask(new JobPreparationTask().withRunElevated(true))\n        .withJobReleaseTask(new JobReleaseTask().withRunElevated(false));',
      ),
      count: 3,
    },
    { name: 'var with a Batch initializer', text: inMethod(LEGACY, '    var t = new StartTask();\n    t.withRunElevated(true);') },
    {
      name: 'a field, through this',
      text: `${LEGACY}class Jobs {\n  private final CloudTask task = new CloudTask();\n  void run() {\n    this.task.withRunElevated(true);\n  }\n}\n`,
    },
    {
      name: 'fully qualified type, no import',
      text: inMethod('', '    Object t = new com.microsoft.azure.batch.protocol.models.TaskAddParameter().withRunElevated(true);'),
    },
    {
      name: 'single-type import',
      text: inMethod(
        'import com.microsoft.azure.batch.protocol.models.CloudTask;\n',
        '    new CloudTask().withId("a").withRunElevated(true);',
      ),
    },
    {
      name: 'a task read from its job (legacy getter)',
      text: inMethod(LEGACY, '    job.jobManagerTask().withRunElevated(true);', 'JobAddParameter job'),
    },
    { name: 'a cast to a task type', text: inMethod(LEGACY, '    ((CloudTask) o).withRunElevated(true);', 'Object o') },
    {
      name: 'unqualified call in a subclass of a Batch task',
      text: `${LEGACY}class ElevatedTask extends CloudTask {\n  ElevatedTask() {\n    setRunElevated(true);\n  }\n}\n`,
      squiggle: 'setRunElevated',
    },
    {
      name: 'double-brace initialisation (an anonymous subclass)',
      text: inMethod(LEGACY, '    CloudTask t = new CloudTask() {{\n      setRunElevated(true);\n    }};'),
      squiggle: 'setRunElevated',
    },
    {
      name: "the documentation's shorthand CloudTask.withRunElevated(true)",
      text: inMethod(LEGACY, '    CloudTask.withRunElevated(true);'),
    },
    {
      name: 'com.azure.compute.batch file',
      text: inMethod(
        'import com.azure.compute.batch.models.BatchTaskCreateContent;\n',
        '    new BatchTaskCreateContent("t", "x").setRunElevated(true);',
      ),
      squiggle: 'setRunElevated',
    },
    {
      name: 'unknown receiver, unmistakable shape (boolean beside a command line): weak',
      text: inMethod(LEGACY, '    factory.create().withCommandLine("x").withRunElevated(true);', 'Object factory'),
      severity: 'information',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await found(c.text);
      assert.equal(result.length, c.count ?? 1, JSON.stringify(result));
      for (const s of result) {
        if (!c.count) assert.equal(s.text, c.squiggle ?? 'withRunElevated');
        assert.equal(s.severity, c.severity ?? 'warning');
      }
    });
  }

  it('facts: form call, the replaced span, the holder with its task kind', async () => {
    const text = inMethod(LEGACY, '    StartTask s = new StartTask().withRunElevated(flag);', 'boolean flag');
    const analysis = await analyze('java', text);
    analysis.release();
    const [fact] = analysis.facts.runElevated;
    assert.equal(fact.form, 'call');
    assert.equal(text.slice(fact.span.start, fact.span.end), 'withRunElevated(flag)');
    assert.equal(fact.value?.kind, 'expr');
    assert.equal(fact.holder.taskKind, 'startTask');
    assert.equal(fact.holder.typeName, 'StartTask');
    assert.equal(fact.confidence, 'strong');
  });
});

describe('java run-elevated: silent', () => {
  const cases: { name: string; text: string }[] = [
    {
      name: 'comments',
      text: inMethod(LEGACY, '    // task.withRunElevated(true);\n    /* task.setRunElevated(true); */', 'CloudTask task'),
    },
    { name: 'strings', text: inMethod(LEGACY, '    String s = "task.withRunElevated(true)";', 'CloudTask task') },
    {
      name: 'longer identifiers',
      text: inMethod(LEGACY, '    task.withRunElevatedFlag(true);\n    task.mySetRunElevated(true);', 'CloudTask task'),
    },
    {
      name: "a method declaration named like the property (the SDK's own model)",
      text: `package com.microsoft.azure.batch.protocol.models;\n\npublic class TaskAddParameter {\n  private Boolean runElevated;\n  public TaskAddParameter withRunElevated(Boolean runElevated) {\n    this.runElevated = runElevated;\n    return this;\n  }\n  public void setRunElevated(Boolean runElevated) { this.runElevated = runElevated; }\n}\n`,
    },
    {
      name: 'no Batch import',
      text: inMethod(
        'import java.util.List;\n',
        '    TaskAddParameter t = new TaskAddParameter().withCommandLine("x").withRunElevated(true);',
      ),
    },
    {
      name: 'Azure Batch AI (another service with its own withRunElevated)',
      text: inMethod(
        'import com.microsoft.azure.management.batchai.*;\n',
        '    SetupTask setup = new SetupTask().withCommandLine("x").withRunElevated(true);\n    cluster.define("c").withSetupTask(setup).withRunElevated(true);',
        'Object cluster',
      ),
    },
    {
      name: 'Batch AI beside Batch: an unknown receiver is not Batch',
      text: inMethod(
        `${LEGACY}import com.microsoft.azure.management.batchai.SetupTask;\n`,
        '    new SetupTask().withCommandLine("x").withRunElevated(true);\n    make().withCommandLine("x").withRunElevated(true);',
      ),
    },
    {
      name: 'a class of the file with a Batch name',
      text: `${LEGACY}class TaskAddParameter {\n  TaskAddParameter withRunElevated(boolean b) { return this; }\n}\nclass Jobs {\n  void run() {\n    new TaskAddParameter().withRunElevated(true);\n  }\n}\n`,
    },
    {
      name: 'a receiver of a project type',
      text: inMethod(LEGACY, '    task.withCommandLine("x").withRunElevated(true);', 'ShellTask task'),
    },
    {
      name: 'a Batch name imported from another package',
      text: inMethod(`${LEGACY}import com.contoso.scheduling.StartTask;\n`, '    new StartTask().withRunElevated(true);'),
    },
    {
      name: 'unqualified call in a project class or an anonymous class of a project type',
      text: `${LEGACY}class Settings {\n  void run() {\n    setRunElevated(true);\n    new Options() {{ setRunElevated(true); }};\n  }\n}\n`,
    },
    { name: 'unknown receiver without a command line', text: inMethod(LEGACY, '    settings().withRunElevated(true);') },
    {
      name: 'unknown receiver with a non-literal value',
      text: inMethod(LEGACY, '    make().withCommandLine("x").withRunElevated(flag);', 'boolean flag'),
    },
    {
      name: 'a method reference',
      text: inMethod(
        LEGACY,
        '    java.util.function.BiFunction<TaskAddParameter, Boolean, TaskAddParameter> f = TaskAddParameter::withRunElevated;',
      ),
    },
    {
      name: 'not one argument',
      text: inMethod(LEGACY, '    task.withRunElevated();\n    task.withRunElevated(true, false);', 'CloudTask task'),
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.deepEqual(await found(c.text), []);
    });
  }
});

describe('java run-elevated: fix', () => {
  const cases: { name: string; before: string; after: string; fixIndex?: number; scope?: 'task' | 'pool' }[] = [
    {
      name: 'true → ADMIN; imports added at their sorted places',
      before:
        'package com.contoso;\n\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\nimport java.util.List;\n\nclass Jobs {\n  TaskAddParameter t = new TaskAddParameter().withId("t").withRunElevated(true);\n}\n',
      after:
        'package com.contoso;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport java.util.List;\n\nclass Jobs {\n  TaskAddParameter t = new TaskAddParameter().withId("t").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
    {
      name: 'false → NON_ADMIN (not NONADMIN); a wildcard import covers the classes',
      before: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(false);'),
      after: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));',
      ),
    },
    {
      name: 'a condition → e ? ADMIN : NON_ADMIN',
      before: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(config.isAdmin());', 'Config config'),
      after: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(config.isAdmin() ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));',
        'Config config',
      ),
    },
    {
      name: 'a conditional expression is parenthesised',
      before: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(a ? b : c);', 'boolean a, boolean b, boolean c'),
      after: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel((a ? b : c) ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));',
        'boolean a, boolean b, boolean c',
      ),
    },
    {
      name: 'a multi-line chain keeps its layout and comments',
      before: inMethod(
        LEGACY,
        '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        // needs admin\n        .withRunElevated(true) // legacy\n        .withCommandLine("x");',
      ),
      after: inMethod(
        LEGACY,
        '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        // needs admin\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN))) // legacy\n        .withCommandLine("x");',
      ),
    },
    {
      name: 'setRunElevated statement → withUserIdentity',
      before: inMethod(LEGACY, '    task.setRunElevated(true);', 'CloudTask task'),
      after: inMethod(
        LEGACY,
        '    task.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
        'CloudTask task',
      ),
    },
    {
      name: 'CRLF line endings kept, imports included',
      before:
        'package p;\r\n\r\nimport com.microsoft.azure.batch.protocol.models.StartTask;\r\n\r\nclass Jobs {\r\n  StartTask s = new StartTask()\r\n      .withRunElevated(true);\r\n}\r\n',
      after:
        'package p;\r\n\r\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\r\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\r\nimport com.microsoft.azure.batch.protocol.models.StartTask;\r\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\r\n\r\nclass Jobs {\r\n  StartTask s = new StartTask()\r\n      .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\r\n}\r\n',
    },
    {
      name: 'only the missing imports; an unsorted group gets them after its Batch imports',
      before:
        'import java.util.List;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport java.util.Map;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n',
      after:
        'import java.util.List;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport java.util.Map;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
    {
      name: 'imports in groups: the Batch group gets them',
      before:
        'import java.util.List;\n\nimport com.microsoft.azure.batch.protocol.models.JobManagerTask;\n\nimport static java.util.Objects.requireNonNull;\n\nclass Jobs {\n  JobManagerTask t = new JobManagerTask().withRunElevated(true);\n}\n',
      after:
        'import java.util.List;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.JobManagerTask;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nimport static java.util.Objects.requireNonNull;\n\nclass Jobs {\n  JobManagerTask t = new JobManagerTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
    {
      name: 'fully qualified, no imports at all: imports after the package line',
      before:
        'package p;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withRunElevated(true);\n}\n',
      after:
        'package p;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
    {
      name: 'no package, no imports: imports at the top, below the header comment',
      before:
        '// Copyright Contoso\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withRunElevated(false);\n}\n',
      after:
        '// Copyright Contoso\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n}\n',
    },
    {
      name: 'second fix: explicit task scope',
      before: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(true);'),
      after: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK)));',
      ),
      fixIndex: 1,
    },
    {
      name: 'second fix adds the AutoUserScope import',
      before:
        'import com.microsoft.azure.batch.protocol.models.CloudTask;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n',
      after:
        'import com.microsoft.azure.batch.protocol.models.AutoUserScope;\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK)));\n}\n',
      fixIndex: 1,
    },
    {
      name: 'batchIdentity.fix.scope = pool writes pool scope in the preferred fix',
      before: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(true);'),
      after: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.POOL)));',
      ),
      scope: 'pool',
    },
    {
      name: 'com.azure.compute.batch: bean-style setters and its own package',
      before:
        'import com.azure.compute.batch.models.BatchTaskCreateContent;\n\nclass Jobs {\n  BatchTaskCreateContent t = new BatchTaskCreateContent("t", "x").setRunElevated(true);\n}\n',
      after:
        'import com.azure.compute.batch.models.AutoUserSpecification;\nimport com.azure.compute.batch.models.BatchTaskCreateContent;\nimport com.azure.compute.batch.models.ElevationLevel;\nimport com.azure.compute.batch.models.UserIdentity;\n\nclass Jobs {\n  BatchTaskCreateContent t = new BatchTaskCreateContent("t", "x").setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const settings = settingsWith({ fix: { scope: c.scope ?? 'omit' } });
      assert.equal(await applyFix('java', c.before, rule, { fixIndex: c.fixIndex, settings }), c.after);
    });
  }

  it('fix-all: every runElevated, imports added once, idempotent', async () => {
    const before =
      'import com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.StartTask;\n\nclass Jobs {\n  void run(CloudTask a, StartTask b, boolean c) {\n    a.withRunElevated(true);\n    b.withRunElevated(false);\n    a.setRunElevated(c);\n  }\n}\n';
    const once = await fixAll('java', before);
    assert.equal(
      once,
      'import com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.StartTask;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  void run(CloudTask a, StartTask b, boolean c) {\n    a.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n    b.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n    a.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(c ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));\n  }\n}\n',
    );
    assert.equal(await fixAll('java', once), once);
  });

  it('weak findings are fixed too, in the generation the file imports', async () => {
    const before = inMethod(LEGACY, '    make().withCommandLine("x").withRunElevated(true);');
    assert.equal(
      await applyFix('java', before, rule),
      inMethod(
        LEGACY,
        '    make().withCommandLine("x").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      ),
    );
  });

  it('no fix when an import would clash with another class of the same name', async () => {
    const before =
      'import com.contoso.security.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n';
    assert.equal(await applyFix('java', before, rule), undefined);
    assert.equal(await fixAll('java', before), before);
  });

  it('no fix when the file imports both generations and the type does not say which', async () => {
    const before = inMethod(
      `${LEGACY}import com.azure.compute.batch.models.*;\n`,
      '    make().withCommandLine("x").withRunElevated(true);',
    );
    assert.equal(await applyFix('java', before, rule), undefined);
  });

  it('a null value gets no fix', async () => {
    assert.equal(await applyFix('java', inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(null);'), rule), undefined);
  });
});

describe('java run-elevated beside an existing user identity', () => {
  it('agreeing, same chain: the fix removes the call and its line', async () => {
    const before = inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))\n        .withRunElevated(true)\n        .withCommandLine("x");',
    );
    assert.equal(
      await applyFix('java', before, rule),
      inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))\n        .withCommandLine("x");',
      ),
    );
  });

  it('agreeing, last call of the chain: the semicolon stays', async () => {
    const before = inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()))\n        .withRunElevated(false);',
    );
    assert.equal(
      await applyFix('java', before, rule),
      inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()));',
      ),
    );
  });

  it('agreeing, same variable, identity held in a variable: the statement goes', async () => {
    const before = inMethod(
      LEGACY,
      '    UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));\n    task.withUserIdentity(admin);\n    task.setRunElevated(true); // old\n    task.withCommandLine("x");',
      'CloudTask task',
    );
    assert.equal(
      await applyFix('java', before, rule),
      inMethod(
        LEGACY,
        '    UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));\n    task.withUserIdentity(admin);\n    task.setRunElevated(true); // old\n    task.withCommandLine("x");',
        'CloudTask task',
      ).replace('    task.setRunElevated(true); // old\n', '    // old\n'),
    );
  });

  it('agreeing, on one line: only the call goes', async () => {
    const before = inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withRunElevated(true).withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
    );
    assert.equal(
      await applyFix('java', before, rule),
      inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      ),
    );
  });

  it('disagreeing: the message says why; removal in the menu only, fix-all leaves it', async () => {
    const before = inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN))).withRunElevated(true);',
    );
    const analysis = await analyze('java', before);
    analysis.release();
    const finding = analysis.findings.find((f) => f.rule === rule);
    assert.match(finding?.message ?? '', /also sets a user identity/);
    assert.deepEqual(await fixesOf('java', before, rule), IDENTITY_DECIDES);
    assert.equal(await applyFix('java', before, rule), before.replace('.withRunElevated(true);', ';'));
    assert.equal(await fixAll('java', before), before);
  });

  it('an identity from elsewhere (a method call): the replacement is not offered, removal in the menu only', async () => {
    const before = inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withUserIdentity(identities.admin()).withRunElevated(true);',
      'Identities identities',
    );
    const analysis = await analyze('java', before);
    analysis.release();
    assert.match(analysis.findings.find((f) => f.rule === rule)?.message ?? '', /also sets a user identity/);
    assert.deepEqual(await fixesOf('java', before, rule), IDENTITY_DECIDES);
    assert.equal(await fixAll('java', before), before);
  });
});

describe('java in the editor: suppressions and hovers', () => {
  it('a line comment directive silences the next line only', async () => {
    const text = inMethod(
      LEGACY,
      '    // batch-identity-disable-next-line run-elevated\n    a.withRunElevated(true);\n    b.withRunElevated(true);',
      'CloudTask a, CloudTask b',
    );
    const result = await found(text);
    assert.equal(result.length, 1);
    const analysis = await analyze('java', text);
    analysis.release();
    assert.equal(text.slice(0, analysis.findings[0].span.start).split('\n').length, 7);
  });

  it("the hover shows this file's replacement in Java", async () => {
    const text = inMethod(LEGACY, '    a.withRunElevated(true);', 'CloudTask a');
    const analysis = await analyze('java', text);
    const md = hoverAt(analysis, text.indexOf('withRunElevated') + 3)?.markdown;
    analysis.release();
    assert.match(
      md ?? '',
      /```java\nwithUserIdentity\(new UserIdentity\(\)\.withAutoUser\(new AutoUserSpecification\(\)\.withElevationLevel\(ElevationLevel\.ADMIN\)\)\)\n```/,
    );
  });
});
