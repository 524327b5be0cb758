/**
 * run-elevated in Java: both data-plane generations (legacy fluent `withX`, com.azure.compute.batch
 * bean-style `setX`) and the two management SDKs (which never had runElevated), every shape of
 * evidence found, every trap silent, and the exact text after each fix, imports included.
 */
import { UNCHANGED } from '../table';
import { expectIn, type RunElevatedCase } from './expect';

const { ADMIN, AGREES, DIFFERS, NON_ADMIN, replaced, sameCondition, UNKNOWN_VALUE } = expectIn('java');

export const LEGACY = 'import com.microsoft.azure.batch.protocol.models.*;\n';
/** The management SDKs: com.azure.resourcemanager.batch and com.microsoft.azure.management.batch. */
const MGMT = 'import com.azure.resourcemanager.batch.BatchManager;\nimport com.azure.resourcemanager.batch.models.*;\n';
const MGMT_LEGACY = 'import com.microsoft.azure.management.batch.*;\n';

/** A class around `body` (the statements of one method), after `header` (package, imports). */
export function inMethod(header: string, body: string, params = ''): string {
  return `${header}\nclass Jobs {\n  void run(${params}) {\n${body}\n  }\n}\n`;
}

export const JAVA: RunElevatedCase[] = [
  // found -----------------------------------------------------------------------------------------
  {
    name: 'builder chain on one line',
    language: 'java',
    text: inMethod(LEGACY, '    TaskAddParameter t = new TaskAddParameter().withId("t").withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'chain split over lines, comments between calls',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        /* elevated */\n        .withRunElevated(true)\n        .withCommandLine("x");',
    ),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'statement on a variable of a Batch type',
    language: 'java',
    text: inMethod(LEGACY, '    task.withRunElevated(true);', 'CloudTask task'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'setRunElevated of the oldest SDK, as a statement',
    language: 'java',
    text: inMethod(LEGACY, '    task.setRunElevated(false);', 'CloudTask task'),
    found: [['warning', 'setRunElevated', ...NON_ADMIN]],
  },
  {
    name: 'start task built inside a pool',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    PoolAddParameter p = new PoolAddParameter().withStartTask(new StartTask().withCommandLine("x").withRunElevated(true));',
    ),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'job manager, preparation and release tasks',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    JobAddParameter j = new JobAddParameter()\n        .withJobManagerTask(new JobManagerTask().withRunElevated(true))\n        .withJobPreparationTask(new JobPreparationTask().withRunElevated(true))\n        .withJobReleaseTask(new JobReleaseTask().withRunElevated(false));',
    ),
    found: [
      ['warning', 'withRunElevated', ...ADMIN],
      ['warning', 'withRunElevated', ...ADMIN],
      ['warning', 'withRunElevated', ...NON_ADMIN],
    ],
  },
  {
    name: 'var with a Batch initializer',
    language: 'java',
    text: inMethod(LEGACY, '    var t = new StartTask();\n    t.withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'a field, through this',
    language: 'java',
    text: `${LEGACY}class Jobs {\n  private final CloudTask task = new CloudTask();\n  void run() {\n    this.task.withRunElevated(true);\n  }\n}\n`,
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'fully qualified type, no import',
    language: 'java',
    text: inMethod('', '    Object t = new com.microsoft.azure.batch.protocol.models.TaskAddParameter().withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'single-type import',
    language: 'java',
    text: inMethod(
      'import com.microsoft.azure.batch.protocol.models.CloudTask;\n',
      '    new CloudTask().withId("a").withRunElevated(true);',
    ),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'a task read from its job (legacy getter)',
    language: 'java',
    text: inMethod(LEGACY, '    job.jobManagerTask().withRunElevated(true);', 'JobAddParameter job'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'a cast to a task type',
    language: 'java',
    text: inMethod(LEGACY, '    ((CloudTask) o).withRunElevated(true);', 'Object o'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'unqualified call in a subclass of a Batch task',
    language: 'java',
    text: `${LEGACY}class ElevatedTask extends CloudTask {\n  ElevatedTask() {\n    setRunElevated(true);\n  }\n}\n`,
    found: [['warning', 'setRunElevated', ...ADMIN]],
  },
  {
    name: 'double-brace initialisation (an anonymous subclass)',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask() {{\n      setRunElevated(true);\n    }};'),
    found: [['warning', 'setRunElevated', ...ADMIN]],
  },
  {
    name: "the documentation's shorthand CloudTask.withRunElevated(true)",
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask.withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
  },
  {
    name: 'com.azure.compute.batch file',
    language: 'java',
    text: inMethod(
      'import com.azure.compute.batch.models.BatchTaskCreateContent;\n',
      '    new BatchTaskCreateContent("t", "x").setRunElevated(true);',
    ),
    found: [['warning', 'setRunElevated', ...ADMIN]],
  },
  {
    name: 'unknown receiver, unmistakable shape (boolean beside a command line): weak',
    language: 'java',
    text: inMethod(LEGACY, '    factory.create().withCommandLine("x").withRunElevated(true);', 'Object factory'),
    found: [['information', 'withRunElevated', ...ADMIN]],
  },
  // silent ----------------------------------------------------------------------------------------
  {
    name: 'comments',
    language: 'java',
    text: inMethod(LEGACY, '    // task.withRunElevated(true);\n    /* task.setRunElevated(true); */', 'CloudTask task'),
    found: [],
  },
  {
    name: 'strings',
    language: 'java',
    text: inMethod(LEGACY, '    String s = "task.withRunElevated(true)";', 'CloudTask task'),
    found: [],
  },
  {
    name: 'longer identifiers',
    language: 'java',
    text: inMethod(LEGACY, '    task.withRunElevatedFlag(true);\n    task.mySetRunElevated(true);', 'CloudTask task'),
    found: [],
  },
  {
    name: "a method declaration named like the property (the SDK's own model)",
    language: 'java',
    text: `package com.microsoft.azure.batch.protocol.models;\n\npublic class TaskAddParameter {\n  private Boolean runElevated;\n  public TaskAddParameter withRunElevated(Boolean runElevated) {\n    this.runElevated = runElevated;\n    return this;\n  }\n  public void setRunElevated(Boolean runElevated) { this.runElevated = runElevated; }\n}\n`,
    found: [],
  },
  {
    name: 'no Batch import',
    language: 'java',
    text: inMethod(
      'import java.util.List;\n',
      '    TaskAddParameter t = new TaskAddParameter().withCommandLine("x").withRunElevated(true);',
    ),
    found: [],
  },
  {
    name: 'Azure Batch AI (another service with its own withRunElevated)',
    language: 'java',
    text: inMethod(
      'import com.microsoft.azure.management.batchai.*;\n',
      '    SetupTask setup = new SetupTask().withCommandLine("x").withRunElevated(true);\n    cluster.define("c").withSetupTask(setup).withRunElevated(true);',
      'Object cluster',
    ),
    found: [],
  },
  {
    name: 'Batch AI beside Batch: an unknown receiver is not Batch',
    language: 'java',
    text: inMethod(
      `${LEGACY}import com.microsoft.azure.management.batchai.SetupTask;\n`,
      '    new SetupTask().withCommandLine("x").withRunElevated(true);\n    make().withCommandLine("x").withRunElevated(true);',
    ),
    found: [],
  },
  {
    name: 'a class of the file with a Batch name',
    language: 'java',
    text: `${LEGACY}class TaskAddParameter {\n  TaskAddParameter withRunElevated(boolean b) { return this; }\n}\nclass Jobs {\n  void run() {\n    new TaskAddParameter().withRunElevated(true);\n  }\n}\n`,
    found: [],
  },
  {
    name: 'a receiver of a project type',
    language: 'java',
    text: inMethod(LEGACY, '    task.withCommandLine("x").withRunElevated(true);', 'ShellTask task'),
    found: [],
  },
  {
    name: 'a Batch name imported from another package',
    language: 'java',
    text: inMethod(`${LEGACY}import com.contoso.scheduling.StartTask;\n`, '    new StartTask().withRunElevated(true);'),
    found: [],
  },
  {
    name: 'unqualified call in a project class or an anonymous class of a project type',
    language: 'java',
    text: `${LEGACY}class Settings {\n  void run() {\n    setRunElevated(true);\n    new Options() {{ setRunElevated(true); }};\n  }\n}\n`,
    found: [],
  },
  {
    name: 'unknown receiver without a command line',
    language: 'java',
    text: inMethod(LEGACY, '    settings().withRunElevated(true);'),
    found: [],
  },
  {
    name: 'unknown receiver with a non-literal value',
    language: 'java',
    text: inMethod(LEGACY, '    make().withCommandLine("x").withRunElevated(flag);', 'boolean flag'),
    found: [],
  },
  {
    name: 'a method reference',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    java.util.function.BiFunction<TaskAddParameter, Boolean, TaskAddParameter> f = TaskAddParameter::withRunElevated;',
    ),
    found: [],
  },
  {
    name: 'not one argument',
    language: 'java',
    text: inMethod(LEGACY, '    task.withRunElevated();\n    task.withRunElevated(true, false);', 'CloudTask task'),
    found: [],
  },
  // fix -------------------------------------------------------------------------------------------
  {
    name: 'true → ADMIN; imports added at their sorted places',
    language: 'java',
    text: 'package com.contoso;\n\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\nimport java.util.List;\n\nclass Jobs {\n  TaskAddParameter t = new TaskAddParameter().withId("t").withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: 'package com.contoso;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport java.util.List;\n\nclass Jobs {\n  TaskAddParameter t = new TaskAddParameter().withId("t").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  },
  {
    name: 'false → NON_ADMIN (not NONADMIN); a wildcard import covers the classes',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(false);'),
    found: [['warning', 'withRunElevated', ...NON_ADMIN]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));',
      ),
    },
  },
  {
    name: 'a condition → e ? ADMIN : NON_ADMIN',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(config.isAdmin());', 'Config config'),
    found: [['warning', 'withRunElevated', ...sameCondition('config.isAdmin()')]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(config.isAdmin() ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));',
        'Config config',
      ),
    },
  },
  {
    name: 'a conditional expression is parenthesised',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(a ? b : c);', 'boolean a, boolean b, boolean c'),
    found: [['warning', 'withRunElevated', ...sameCondition('a ? b : c')]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel((a ? b : c) ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));',
        'boolean a, boolean b, boolean c',
      ),
    },
  },
  {
    name: 'a multi-line chain keeps its layout and comments',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        // needs admin\n        .withRunElevated(true) // legacy\n        .withCommandLine("x");',
    ),
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    TaskAddParameter t = new TaskAddParameter()\n        .withId("t") // id\n        // needs admin\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN))) // legacy\n        .withCommandLine("x");',
      ),
    },
  },
  {
    name: 'setRunElevated statement → withUserIdentity',
    language: 'java',
    text: inMethod(LEGACY, '    task.setRunElevated(true);', 'CloudTask task'),
    found: [['warning', 'setRunElevated', ...ADMIN]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    task.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
        'CloudTask task',
      ),
    },
  },
  {
    name: 'CRLF line endings kept, imports included',
    language: 'java',
    text: 'package p;\r\n\r\nimport com.microsoft.azure.batch.protocol.models.StartTask;\r\n\r\nclass Jobs {\r\n  StartTask s = new StartTask()\r\n      .withRunElevated(true);\r\n}\r\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: 'package p;\r\n\r\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\r\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\r\nimport com.microsoft.azure.batch.protocol.models.StartTask;\r\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\r\n\r\nclass Jobs {\r\n  StartTask s = new StartTask()\r\n      .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\r\n}\r\n',
    },
  },
  {
    name: 'only the missing imports; an unsorted group gets them after its Batch imports',
    language: 'java',
    text: 'import java.util.List;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport java.util.Map;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: 'import java.util.List;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport java.util.Map;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  },
  {
    name: 'imports in groups: the Batch group gets them',
    language: 'java',
    text: 'import java.util.List;\n\nimport com.microsoft.azure.batch.protocol.models.JobManagerTask;\n\nimport static java.util.Objects.requireNonNull;\n\nclass Jobs {\n  JobManagerTask t = new JobManagerTask().withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: 'import java.util.List;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.JobManagerTask;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nimport static java.util.Objects.requireNonNull;\n\nclass Jobs {\n  JobManagerTask t = new JobManagerTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  },
  {
    name: 'fully qualified, no imports at all: imports after the package line',
    language: 'java',
    text: 'package p;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: 'package p;\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  },
  {
    name: 'no package, no imports: imports at the top, below the header comment',
    language: 'java',
    text: '// Copyright Contoso\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withRunElevated(false);\n}\n',
    found: [['warning', 'withRunElevated', ...NON_ADMIN]],
    quickFix: {
      text: '// Copyright Contoso\n\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  Object t = new com.microsoft.azure.batch.protocol.models.CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n}\n',
    },
  },
  {
    name: 'second fix: explicit task scope',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      fix: 1,
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK)));',
      ),
    },
  },
  {
    name: 'second fix adds the AutoUserScope import',
    language: 'java',
    text: 'import com.microsoft.azure.batch.protocol.models.CloudTask;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    quickFix: {
      fix: 1,
      text: 'import com.microsoft.azure.batch.protocol.models.AutoUserScope;\nimport com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK)));\n}\n',
    },
  },
  {
    name: 'batchIdentity.fix.scope = pool writes pool scope in the preferred fix',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(true);'),
    found: [['warning', 'withRunElevated', ...replaced('admin', 'pool')]],
    settings: { fix: { scope: 'pool' } },
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.POOL)));',
      ),
    },
  },
  {
    name: 'com.azure.compute.batch: bean-style setters and its own package',
    language: 'java',
    text: 'import com.azure.compute.batch.models.BatchTaskCreateContent;\n\nclass Jobs {\n  BatchTaskCreateContent t = new BatchTaskCreateContent("t", "x").setRunElevated(true);\n}\n',
    found: [['warning', 'setRunElevated', ...ADMIN]],
    quickFix: {
      text: 'import com.azure.compute.batch.models.AutoUserSpecification;\nimport com.azure.compute.batch.models.BatchTaskCreateContent;\nimport com.azure.compute.batch.models.ElevationLevel;\nimport com.azure.compute.batch.models.UserIdentity;\n\nclass Jobs {\n  BatchTaskCreateContent t = new BatchTaskCreateContent("t", "x").setUserIdentity(new UserIdentity().setAutoUser(new AutoUserSpecification().setElevationLevel(ElevationLevel.ADMIN)));\n}\n',
    },
  },
  {
    name: 'fix-all: every runElevated, imports added once, idempotent',
    language: 'java',
    text: 'import com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.StartTask;\n\nclass Jobs {\n  void run(CloudTask a, StartTask b, boolean c) {\n    a.withRunElevated(true);\n    b.withRunElevated(false);\n    a.setRunElevated(c);\n  }\n}\n',
    found: [
      ['warning', 'withRunElevated', ...ADMIN],
      ['warning', 'withRunElevated', ...NON_ADMIN],
      ['warning', 'setRunElevated', ...sameCondition('c')],
    ],
    fixed:
      'import com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.StartTask;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n\nclass Jobs {\n  void run(CloudTask a, StartTask b, boolean c) {\n    a.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\n    b.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n    a.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(c ? ElevationLevel.ADMIN : ElevationLevel.NON_ADMIN)));\n  }\n}\n',
  },
  {
    name: 'weak findings are fixed too, in the generation the file imports',
    language: 'java',
    text: inMethod(LEGACY, '    make().withCommandLine("x").withRunElevated(true);'),
    found: [['information', 'withRunElevated', ...ADMIN]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    make().withCommandLine("x").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      ),
    },
  },
  {
    name: 'no fix when an import would clash with another class of the same name',
    language: 'java',
    text: 'import com.contoso.security.UserIdentity;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\n\nclass Jobs {\n  CloudTask t = new CloudTask().withRunElevated(true);\n}\n',
    found: [['warning', 'withRunElevated', ...ADMIN]],
    fixed: null,
  },
  {
    name: 'no fix when the file imports both generations and the type does not say which',
    language: 'java',
    text: inMethod(`${LEGACY}import com.azure.compute.batch.models.*;\n`, '    make().withCommandLine("x").withRunElevated(true);'),
    found: [['information', 'withRunElevated', ...ADMIN]],
    fixed: null,
  },
  {
    name: 'a null value gets no fix',
    language: 'java',
    text: inMethod(LEGACY, '    CloudTask t = new CloudTask().withRunElevated(null);'),
    found: [['warning', 'withRunElevated', ...UNKNOWN_VALUE]],
    fixed: null,
  },

  // beside an existing user identity -------------------------------------------------------------
  {
    name: 'agreeing, same chain: the fix removes the call and its line',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))\n        .withRunElevated(true)\n        .withCommandLine("x");',
    ),
    found: [['warning', 'withRunElevated', ...AGREES]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)))\n        .withCommandLine("x");',
      ),
    },
  },
  {
    name: 'agreeing, last call of the chain: the semicolon stays',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()))\n        .withRunElevated(false);',
    ),
    found: [['warning', 'withRunElevated', ...AGREES]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask()\n        .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification()));',
      ),
    },
  },
  {
    name: 'agreeing, same variable, identity held in a variable: the statement goes',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));\n    task.withUserIdentity(admin);\n    task.setRunElevated(true); // old\n    task.withCommandLine("x");',
      'CloudTask task',
    ),
    found: [['warning', 'setRunElevated', ...AGREES]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    UserIdentity admin = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));\n    task.withUserIdentity(admin);\n    task.setRunElevated(true); // old\n    task.withCommandLine("x");',
        'CloudTask task',
      ).replace('    task.setRunElevated(true); // old\n', '    // old\n'),
    },
  },
  {
    name: 'agreeing, on one line: only the call goes',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withRunElevated(true).withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
    ),
    found: [['warning', 'withRunElevated', ...AGREES]],
    quickFix: {
      text: inMethod(
        LEGACY,
        '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      ),
    },
  },
  {
    name: 'disagreeing: the removal is offered, not applied on save; fix-all leaves it',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN))).withRunElevated(true);',
    ),
    found: [['warning', 'withRunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'an identity from elsewhere (a method call): it decides; the removal is offered, not applied on save',
    language: 'java',
    text: inMethod(
      LEGACY,
      '    CloudTask t = new CloudTask().withUserIdentity(identities.admin()).withRunElevated(true);',
      'Identities identities',
    ),
    found: [['warning', 'withRunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },

  // the management SDKs (they never had runElevated: such code does not compile) ----------------
  {
    name: 'com.azure.resourcemanager.batch: a pool start task, written in its own package (a wildcard import covers it)',
    language: 'java',
    text: inMethod(
      MGMT,
      '    StartTask setup = new StartTask().withCommandLine("setup.sh").withRunElevated(true);',
      'BatchManager manager',
    ),
    found: [['warning', 'withRunElevated', ...ADMIN]],
    fixed: inMethod(
      MGMT,
      '    StartTask setup = new StartTask().withCommandLine("setup.sh").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
      'BatchManager manager',
    ),
  },
  {
    name: 'com.microsoft.azure.management.batch: single-type imports added from its package',
    language: 'java',
    text: 'import com.microsoft.azure.management.batch.StartTask;\n\nclass Pools {\n  StartTask setup = new StartTask().withCommandLine("setup.cmd").withRunElevated(false);\n}\n',
    found: [['warning', 'withRunElevated', ...NON_ADMIN]],
    quickFix: {
      text: 'import com.microsoft.azure.management.batch.AutoUserSpecification;\nimport com.microsoft.azure.management.batch.ElevationLevel;\nimport com.microsoft.azure.management.batch.StartTask;\nimport com.microsoft.azure.management.batch.UserIdentity;\n\nclass Pools {\n  StartTask setup = new StartTask().withCommandLine("setup.cmd").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n}\n',
    },
  },
  {
    name: 'com.azure.resourcemanager.batch: an identity given as a variable decides; the removal is offered, not applied on save',
    language: 'java',
    text: inMethod(
      MGMT,
      '    startTask.withUserIdentity(identity);\n    startTask.withRunElevated(true);',
      'StartTask startTask, UserIdentity identity',
    ),
    found: [['warning', 'withRunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'com.microsoft.azure.management.batch: an identity completed later through the getter agrees: the fix removes runElevated',
    language: 'java',
    text: inMethod(
      MGMT_LEGACY,
      '    startTask.withUserIdentity(new UserIdentity());\n    startTask.userIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));\n    startTask.withRunElevated(true);',
      'StartTask startTask',
    ),
    found: [['warning', 'withRunElevated', ...AGREES]],
    quickFix: {
      text: inMethod(
        MGMT_LEGACY,
        '    startTask.withUserIdentity(new UserIdentity());\n    startTask.userIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN));',
        'StartTask startTask',
      ),
    },
  },
  {
    name: 'com.azure.resourcemanager.batch: a pool definition stage, no command line: not a task',
    language: 'java',
    text: inMethod(MGMT, '    manager.pools().define("render").withRunElevated(true);', 'BatchManager manager'),
    found: [],
    seen: 0,
  },
  {
    name: 'com.microsoft.azure.management.batch: a pool’s update definition stage, no command line: not a task',
    language: 'java',
    text: inMethod(
      MGMT_LEGACY,
      '    account.update().defineNewPool("render").withRunElevated(true).attach().apply();',
      'BatchAccount account',
    ),
    found: [],
    seen: 0,
  },
];
