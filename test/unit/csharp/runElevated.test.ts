/**
 * C# run-elevated: every form and every shape of evidence found, every trap silent (issue 7),
 * and the exact text after each fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, IDENTITY_DECIDES, settingsWith, squiggles } from '../../helpers/engine';

const rule = 'run-elevated';
const found = async (text: string) => (await squiggles('csharp', text)).filter((s) => s.rule === rule);

/** A method body in a class, under the given usings. */
function inMethod(body: string, usings = 'using Microsoft.Azure.Batch;'): string {
  return `${usings}\n\nclass Program\n{\n    void Run(CloudPool pool, CloudJob job, object o)\n    {\n${body}\n    }\n}\n`;
}

describe('csharp run-elevated: found', () => {
  const cases: { name: string; text: string; severity?: string; count?: number }[] = [
    { name: 'assignment on a declared CloudTask', text: inMethod('CloudTask task = new CloudTask("a", "b");\ntask.RunElevated = true;') },
    { name: 'object initializer of CloudTask', text: inMethod('var task = new CloudTask("a", "b") { RunElevated = true };') },
    {
      name: 'initializers of the four other task types',
      text: inMethod(
        'var s = new StartTask { RunElevated = true };\nvar m = new JobManagerTask("m", "x") { RunElevated = true };\n' +
          'var p = new JobPreparationTask { RunElevated = false };\nvar r = new JobReleaseTask { RunElevated = false };',
      ),
      count: 4,
    },
    { name: 'a task held in a member: pool.StartTask', text: inMethod('pool.StartTask.RunElevated = true;') },
    { name: 'nested initializer with new', text: inMethod('var p = new CloudPool { StartTask = new StartTask { RunElevated = true } };') },
    { name: 'nested initializer without new', text: inMethod('var p = new CloudPool { StartTask = { RunElevated = true } };') },
    { name: 'target-typed new with a declared type', text: inMethod('StartTask s = new() { CommandLine = "x", RunElevated = true };') },
    {
      name: 'a task of the oldest SDK reached through its interface',
      text: 'using Microsoft.Azure.Batch;\nclass C { void M(IStartTask s) { s.RunElevated = true; } }',
    },
    {
      name: 'foreach over a List<CloudTask>',
      text: inMethod('var tasks = new List<CloudTask>();\nforeach (var t in tasks) t.RunElevated = true;'),
    },
    { name: 'lambda parameter with a Batch type', text: inMethod('tasks.ForEach((CloudTask t) => t.RunElevated = true);') },
    { name: 'pattern variable', text: inMethod('if (o is CloudTask t) t.RunElevated = true;') },
    { name: 'cast', text: inMethod('((CloudTask)o).RunElevated = true;') },
    {
      name: 'field of the class',
      text: 'using Microsoft.Azure.Batch;\nclass C\n{\n    private StartTask start;\n    void M() { start.RunElevated = true; }\n}',
    },
    {
      name: 'fully qualified, no using',
      text: 'class C { void M() { var t = new Microsoft.Azure.Batch.CloudTask("a", "b"); t.RunElevated = true; } }',
    },
    {
      name: 'global:: qualified',
      text: 'class C { global::Microsoft.Azure.Batch.StartTask S = new global::Microsoft.Azure.Batch.StartTask { RunElevated = true }; }',
    },
    {
      name: 'protocol model fully qualified',
      text: 'class C { object T = new Microsoft.Azure.Batch.Protocol.Models.TaskAddParameter { RunElevated = true }; }',
    },
    {
      name: 'using alias of a type',
      text: 'using BatchTask = Microsoft.Azure.Batch.CloudTask;\nclass C { void M(BatchTask t) { t.RunElevated = false; } }',
    },
    {
      name: 'using alias of a namespace',
      text: 'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object S = new Models.StartTask { RunElevated = true }; }',
    },
    {
      name: 'using inside a namespace block',
      text: 'namespace N\n{\n    using Microsoft.Azure.Batch;\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}',
    },
    {
      name: 'file-scoped namespace',
      text: 'using Microsoft.Azure.Batch;\nnamespace N;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }',
    },
    { name: 'global using', text: 'global using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }' },
    {
      name: 'inside a sample namespace under Microsoft.Azure.Batch',
      text: 'namespace Microsoft.Azure.Batch.Samples.HelloWorld\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}',
    },
    {
      name: 'a Batch task beside a view model of the same file',
      text:
        inMethod('var vm = new TaskViewModel();\nCloudTask t = new CloudTask("a", "b");\nt.RunElevated = vm.RunElevated;') +
        'class TaskViewModel { public bool RunElevated { get; set; } }\n',
    },
    {
      name: 'a class of the file deriving from a Batch task',
      text: 'using Microsoft.Azure.Batch;\nclass MyStart : StartTask { }\nclass C { void M(MyStart s) { s.RunElevated = true; } }',
    },
    { name: 'a read as a value', text: inMethod('CloudTask t = null;\nbool elevated = t.RunElevated;') },
    { name: 'a null-conditional read', text: inMethod('CloudTask t = null;\nvar elevated = t?.RunElevated;') },
    { name: 'a compound assignment is a read too', text: inMethod('CloudTask t = null;\nt.RunElevated |= true;') },
    {
      name: 'unknown receiver with a Batch namespace in reach: weak',
      text: inMethod('GetTask().RunElevated = true;'),
      severity: 'information',
    },
    {
      name: 'var of an unknown call with a Batch namespace in reach: weak',
      text: inMethod('var t = Load();\nt.RunElevated = true;'),
      severity: 'information',
    },
    { name: 'target-typed new of unknown target: weak', text: inMethod('Add(new() { RunElevated = true });'), severity: 'information' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await found(c.text);
      assert.equal(result.length, c.count ?? 1, JSON.stringify(result));
      for (const s of result) {
        assert.equal(s.text, 'RunElevated');
        assert.equal(s.severity, c.severity ?? 'warning');
      }
    });
  }

  it('a read is found without a fix', async () => {
    const analysis = await analyze('csharp', inMethod('CloudTask t = null;\nif (t.RunElevated == true) { }'));
    assert.equal(analysis.facts.runElevated[0].form, 'read');
    assert.deepEqual(
      analysis.findings.map((f) => f.fixes.length),
      [0],
    );
  });
});

describe('csharp run-elevated: silent', () => {
  const cases: { name: string; text: string }[] = [
    { name: 'comments', text: inMethod('// task.RunElevated = true;\n/* RunElevated = true */\n/// <see cref="RunElevated"/>') },
    {
      name: 'strings of every kind',
      text: inMethod(
        'var a = "task.RunElevated = true";\nvar b = @"RunElevated";\nvar c = $"{a}.RunElevated";\nvar d = """RunElevated""";',
      ),
    },
    {
      name: 'identifiers that contain the word',
      text: inMethod('CloudTask t = null;\nbool myRunElevatedFlag = true;\nt.RunElevatedX = true;\nRunElevated2 = 1;'),
    },
    {
      name: 'a view model with its own RunElevated',
      text:
        'using Microsoft.Azure.Batch;\n\npublic class TaskViewModel\n{\n    public bool RunElevated { get; set; }\n    public void Toggle() { RunElevated = !RunElevated; this.RunElevated = true; }\n}\n\n' +
        'class C\n{\n    void M()\n    {\n        var vm = new TaskViewModel { RunElevated = true };\n        vm.RunElevated = false;\n        TaskViewModel other = new() { RunElevated = true };\n        bool b = vm.RunElevated;\n    }\n}\n',
    },
    {
      name: "the file's own type named like a Batch task",
      text: 'using Microsoft.Azure.Batch;\nclass CloudTask { public bool RunElevated; }\nclass C { void M() { var t = new CloudTask { RunElevated = true }; t.RunElevated = false; } }',
    },
    {
      name: "the SDK's own generated model declaring the property",
      text:
        'namespace Microsoft.Azure.Batch\n{\n    using Models = Microsoft.Azure.Batch.Protocol.Models;\n\n    public partial class CloudTask\n    {\n        public bool? RunElevated { get; set; }\n\n' +
        '        internal Models.TaskAddParameter GetTransportObject(Models.CloudTask protocolObject)\n        {\n            this.RunElevated = protocolObject.RunElevated;\n' +
        '            return new Models.TaskAddParameter { RunElevated = this.RunElevated };\n        }\n    }\n}\n',
    },
    {
      name: "the protocol layer's own generated model",
      text: 'namespace Microsoft.Azure.Batch.Protocol.Models\n{\n    public partial class TaskAddParameter\n    {\n        public bool? RunElevated { get; set; }\n        public void Validate() { if (RunElevated == true) { } }\n    }\n}\n',
    },
    {
      name: 'no Batch namespace in reach',
      text: 'class C { void M() { CloudTask task = new CloudTask("a", "b"); task.RunElevated = true; var s = new StartTask { RunElevated = true }; } }',
    },
    {
      name: 'unknown receiver, no Batch namespace in reach',
      text: 'using System;\nclass C { void M(dynamic settings) { settings.RunElevated = true; Load().RunElevated = true; } }',
    },
    {
      name: 'a non-Batch type declared elsewhere, Batch in reach',
      text: inMethod('TaskSettings s = Load();\ns.RunElevated = true;\nvar x = new TaskSettings { RunElevated = true };'),
    },
    { name: "another library's type, fully qualified", text: inMethod('var t = new Contoso.Tasks.CloudTask { RunElevated = true };') },
    {
      name: 'another service (Batch AI)',
      text: 'using Microsoft.Azure.Management.BatchAI;\nclass C { void M() { var t = Load(); t.RunElevated = true; } }',
    },
    { name: 'anonymous objects and named arguments', text: inMethod('var a = new { RunElevated = true };\nRun(RunElevated: true);') },
    { name: 'a record with-expression', text: inMethod('var b = settings with { RunElevated = true };') },
    {
      name: 'methods, locals and parameters named RunElevated',
      text:
        'using Microsoft.Azure.Batch;\nclass Runner\n{\n    public void RunElevated(string command) { }\n    void M(bool RunElevated, object runner)\n    {\n' +
        '        RunElevated = false;\n        var runElevated = new Runner();\n        runElevated.RunElevated("setup.cmd");\n        Load().RunElevated("x");\n    }\n}\n',
    },
    { name: 'attribute arguments', text: 'using Microsoft.Azure.Batch;\n[Job(RunElevated = true)]\nclass C { }' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      assert.deepEqual(await found(c.text), []);
    });
  }
});

describe('csharp run-elevated: fix', () => {
  const cases: { name: string; before: string; after: string; fixIndex?: number; scope?: 'task' | 'pool' }[] = [
    {
      name: 'true → Admin, adding the enums using after the SDK using',
      before: 'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n' +
        '        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n    }\n}\n',
    },
    {
      name: 'false → NonAdmin, using already there, comments kept',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated /* was */ = false; // old\n } }',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity /* was */ = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)); // old\n } }',
    },
    {
      name: 'a non-literal value becomes the condition',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, Options o) { t.RunElevated = o.Admin && !o.Safe; } }',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, Options o) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: o.Admin && !o.Safe ? ElevationLevel.Admin : ElevationLevel.NonAdmin)); } }',
    },
    {
      name: 'a conditional value is parenthesised',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool a, bool b, bool c) { t.RunElevated = a ? b : c; } }',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool a, bool b, bool c) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: (a ? b : c) ? ElevationLevel.Admin : ElevationLevel.NonAdmin)); } }',
    },
    {
      name: 'initializer member, multi-line, trailing comma and comment kept',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    StartTask S = new StartTask\n    {\n        CommandLine = "setup.cmd",\n        // the installer needs admin\n        RunElevated = true, // legacy\n        WaitForSuccess = true,\n    };\n}\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    StartTask S = new StartTask\n    {\n        CommandLine = "setup.cmd",\n        // the installer needs admin\n' +
        '        UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)), // legacy\n        WaitForSuccess = true,\n    };\n}\n',
    },
    {
      name: 'CRLF kept; a holder written qualified, without usings, gets qualified names',
      before:
        'using System;\r\n\r\nclass C\r\n{\r\n    void M(Microsoft.Azure.Batch.CloudTask t, System.Collections.Generic.List<int> l) { }\r\n    void N(Microsoft.Azure.Batch.JobReleaseTask r)\r\n    {\r\n        r.RunElevated = true;\r\n    }\r\n}\r\n',
      after:
        'using System;\r\n\r\nclass C\r\n{\r\n    void M(Microsoft.Azure.Batch.CloudTask t, System.Collections.Generic.List<int> l) { }\r\n    void N(Microsoft.Azure.Batch.JobReleaseTask r)\r\n    {\r\n' +
        '        r.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin));\r\n    }\r\n}\r\n',
    },
    {
      name: 'CRLF and tabs in a namespace block with its own usings',
      before:
        'namespace Contoso\r\n{\r\n\tusing System;\r\n\tusing Microsoft.Azure.Batch;\r\n\r\n\tclass C\r\n\t{\r\n\t\tvoid M(CloudTask t)\r\n\t\t{\r\n\t\t\tt.RunElevated = true;\r\n\t\t}\r\n\t}\r\n}\r\n',
      after:
        'namespace Contoso\r\n{\r\n\tusing System;\r\n\tusing Microsoft.Azure.Batch;\r\n\tusing Microsoft.Azure.Batch.Common;\r\n\r\n\tclass C\r\n\t{\r\n\t\tvoid M(CloudTask t)\r\n\t\t{\r\n' +
        '\t\t\tt.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\r\n\t\t}\r\n\t}\r\n}\r\n',
    },
    {
      name: 'a type alias only: both usings added before it',
      before: 'using BatchTask = Microsoft.Azure.Batch.CloudTask;\n\nclass C { void M(BatchTask t) { t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing BatchTask = Microsoft.Azure.Batch.CloudTask;\n\nclass C { void M(BatchTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'no usings at all: above the comment attached to the first declaration',
      before:
        '// Hello sample\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}\n',
      after:
        'using Microsoft.Azure.Batch.Common;\n\n// Hello sample\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n}\n',
    },
    {
      name: 'System-first usings: the Batch ones after the last System one',
      before:
        'using System;\nusing System.Linq;\nusing Contoso;\nusing Microsoft.Azure.Batch;\nusing Newtonsoft.Json;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using System;\nusing System.Linq;\nusing Contoso;\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing Newtonsoft.Json;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'plainly sorted usings: inserted at its place',
      before:
        'using Microsoft.Azure.Batch;\nusing Newtonsoft.Json;\nusing System;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing Newtonsoft.Json;\nusing System;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'unsorted usings: appended after the last',
      before:
        'using Zeta;\nusing Microsoft.Azure.Batch;\nusing Alpha;\nusing Helper = Contoso.Helper;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using Zeta;\nusing Microsoft.Azure.Batch;\nusing Alpha;\nusing Microsoft.Azure.Batch.Common;\nusing Helper = Contoso.Helper;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'file-scoped namespace with usings after it',
      before: 'namespace Contoso;\n\nusing Microsoft.Azure.Batch;\n\nclass C { void M(CloudTask t) { t.RunElevated = false; } }\n',
      after:
        'namespace Contoso;\n\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)); } }\n',
    },
    {
      name: 'a sample namespace under Microsoft.Azure.Batch needs only the enums using, placed above a header-less namespace',
      before:
        '// Copyright (c) Contoso.\n\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}\n',
      after:
        '// Copyright (c) Contoso.\n\nusing Microsoft.Azure.Batch.Common;\n\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n}\n',
    },
    {
      name: 'protocol models through a namespace alias: initializer style in that alias',
      before:
        'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object T = new Models.TaskAddParameter { Id = "t", RunElevated = true }; }\n',
      after:
        'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object T = new Models.TaskAddParameter { Id = "t", UserIdentity = new Models.UserIdentity { AutoUser = new Models.AutoUserSpecification { ElevationLevel = Models.ElevationLevel.Admin } } }; }\n',
    },
    {
      name: 'Azure.Compute.Batch: initializer style, no new using',
      before: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { RunElevated = false }; }\n',
      after:
        'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } } }; }\n',
    },
    {
      name: 'legacy and protocol models both imported: names qualified',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Protocol.Models;\nclass C { void M(Microsoft.Azure.Batch.CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Protocol.Models;\nclass C { void M(Microsoft.Azure.Batch.CloudTask t) { t.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'the file declares its own ElevationLevel: names qualified',
      before:
        'using Microsoft.Azure.Batch;\nenum ElevationLevel { Low, High }\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nenum ElevationLevel { Low, High }\nclass C { void M(CloudTask t) { t.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'the body of an if: replaced in place',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool x) { if (x) t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool x) { if (x) t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
    {
      name: 'second fix: explicit task scope',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin, scope: AutoUserScope.Task)); } }\n',
      fixIndex: 1,
    },
    {
      name: 'second fix in the initializer style: Scope first',
      before: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { RunElevated = true }; }\n',
      after:
        'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.Admin } } }; }\n',
      fixIndex: 1,
    },
    {
      name: 'batchIdentity.fix.scope = pool writes pool scope in the preferred fix',
      before:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated = false; } }\n',
      after:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin, scope: AutoUserScope.Pool)); } }\n',
      scope: 'pool',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const settings = settingsWith({ fix: { scope: c.scope ?? 'omit' } });
      assert.equal(await applyFix('csharp', c.before, rule, { fixIndex: c.fixIndex, settings }), c.after);
    });
  }

  it('an assignment used as a value gets no fix', async () => {
    const text = 'using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { var x = t.RunElevated = true; } }\n';
    assert.equal((await found(text)).length, 1);
    assert.equal(await applyFix('csharp', text, rule), undefined);
  });

  it('a null value gets no fix', async () => {
    assert.equal(
      await applyFix('csharp', 'using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = null; } }\n', rule),
      undefined,
    );
  });

  it('fix-all rewrites every runElevated, adds the usings once, and is idempotent', async () => {
    const before =
      'using System;\nusing Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudPool pool, CloudTask a, CloudTask b, bool flag)\n    {\n' +
      '        a.RunElevated = true;\n        b.RunElevated = flag;\n        pool.StartTask = new StartTask { CommandLine = "x", RunElevated = false };\n    }\n}\n';
    const once = await fixAll('csharp', before);
    assert.equal(
      once,
      'using System;\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudPool pool, CloudTask a, CloudTask b, bool flag)\n    {\n' +
        '        a.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n' +
        '        b.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: flag ? ElevationLevel.Admin : ElevationLevel.NonAdmin));\n' +
        '        pool.StartTask = new StartTask { CommandLine = "x", UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)) };\n    }\n}\n',
    );
    assert.equal(await fixAll('csharp', once), once);
  });

  it('fix-all never touches reads and weak findings it cannot write', async () => {
    const before = 'class C { void M(Microsoft.Azure.Batch.CloudTask t) { bool e = t.RunElevated; } }\n';
    assert.equal(await fixAll('csharp', before), before);
  });
});

describe('csharp run-elevated beside an existing user identity', () => {
  const head =
    'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task, StartTask s)\n    {\n';
  const tail = '    }\n}\n';

  it('agreeing statement: the fix removes the whole line', async () => {
    const before = `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n        task.RunElevated = true;\n${tail}`;
    const findings = (await analyze('csharp', before)).findings.filter((f) => f.rule === rule);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /already sets a user identity/);
    assert.equal(
      await applyFix('csharp', before, rule),
      `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n${tail}`,
    );
  });

  it('agreeing through a variable assigned later, trailing comment kept', async () => {
    const before =
      `${head}        var identity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.NonAdmin));\n` +
      `        task.UserIdentity = identity;\n        task.RunElevated = false; // legacy\n${tail}`;
    assert.equal(
      await applyFix('csharp', before, rule),
      `${head}        var identity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.NonAdmin));\n        task.UserIdentity = identity;\n        // legacy\n${tail}`,
    );
  });

  it('agreeing initializer member in the middle: its comma goes with it', async () => {
    const before = `${head}        s = new StartTask\n        {\n            RunElevated = true,\n            UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)),\n        };\n${tail}`;
    assert.equal(
      await applyFix('csharp', before, rule),
      `${head}        s = new StartTask\n        {\n            UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)),\n        };\n${tail}`,
    );
  });

  it('agreeing last initializer member: the comma before it goes', async () => {
    const before = `${head}        s = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)), RunElevated = true };\n${tail}`;
    assert.equal(
      await applyFix('csharp', before, rule),
      `${head}        s = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)) };\n${tail}`,
    );
  });

  it('agreeing on a member path across statements', async () => {
    const before =
      `${head}        var job = new CloudJob();\n        job.JobManagerTask = new JobManagerTask("m", "x") { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) };\n` +
      `        job.JobManagerTask.RunElevated = true;\n${tail}`;
    assert.equal(
      await fixAll('csharp', before),
      `${head}        var job = new CloudJob();\n        job.JobManagerTask = new JobManagerTask("m", "x") { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) };\n${tail}`,
    );
  });

  it('disagreeing: the message says why; removal in the menu only, fix-all leaves it', async () => {
    const before = `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));\n        task.RunElevated = true;\n${tail}`;
    const findings = (await analyze('csharp', before)).findings.filter((f) => f.rule === rule);
    assert.match(findings[0].message, /also sets a user identity/);
    assert.deepEqual(await fixesOf('csharp', before, rule), IDENTITY_DECIDES);
    assert.equal(await applyFix('csharp', before, rule), before.replace('        task.RunElevated = true;\n', ''));
    assert.equal(await fixAll('csharp', before), before);
  });

  it('an identity the file cannot see into (a call): no second identity is written, removal in the menu only', async () => {
    const before = `${head}        task.UserIdentity = Identities.ForInstaller();\n        task.RunElevated = true;\n${tail}`;
    assert.deepEqual(await fixesOf('csharp', before, rule), IDENTITY_DECIDES);
    assert.equal(await applyFix('csharp', before, rule), before.replace('        task.RunElevated = true;\n', ''));
    assert.equal(await fixAll('csharp', before), before);
  });

  it('a named user: no replacement, removal in the menu only', async () => {
    const before = `${head}        task.UserIdentity = new UserIdentity("admin");\n        task.RunElevated = true;\n${tail}`;
    assert.deepEqual(await fixesOf('csharp', before, rule), IDENTITY_DECIDES);
    assert.equal(await fixAll('csharp', before), before);
  });

  it('an if-body statement is not removed (that would change the if)', async () => {
    const before = `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n        if (task != null) task.RunElevated = true;\n${tail}`;
    assert.equal(await applyFix('csharp', before, rule), undefined);
  });
});
