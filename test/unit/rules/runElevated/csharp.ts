/**
 * run-elevated in C#: every form and every shape of evidence found, every trap silent (issue 7),
 * and the exact text after each fix.
 */
import { csArm, csMgmt, UNCHANGED } from '../table';
import { expectIn, type RunElevatedCase } from './expect';

const { ADMIN, AGREES, DIFFERS, NON_ADMIN, READ, replaced, sameCondition, UNKNOWN_VALUE } = expectIn('csharp');

/** A method body in a class, under the given usings. */
function inMethod(body: string, usings = 'using Microsoft.Azure.Batch;'): string {
  return `${usings}\n\nclass Program\n{\n    void Run(CloudPool pool, CloudJob job, object o)\n    {\n${body}\n    }\n}\n`;
}

/** Around the statements of a method that already sets user identities (the rows beside an identity). */
const head =
  'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task, StartTask s)\n    {\n';
const tail = '    }\n}\n';

export const CSHARP: RunElevatedCase[] = [
  // found -----------------------------------------------------------------------------------------
  {
    name: 'assignment on a declared CloudTask',
    language: 'csharp',
    text: inMethod('CloudTask task = new CloudTask("a", "b");\ntask.RunElevated = true;'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'object initializer of CloudTask',
    language: 'csharp',
    text: inMethod('var task = new CloudTask("a", "b") { RunElevated = true };'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'initializers of the four other task types',
    language: 'csharp',
    text: inMethod(
      'var s = new StartTask { RunElevated = true };\nvar m = new JobManagerTask("m", "x") { RunElevated = true };\n' +
        'var p = new JobPreparationTask { RunElevated = false };\nvar r = new JobReleaseTask { RunElevated = false };',
    ),
    found: [
      ['warning', 'RunElevated', ...ADMIN],
      ['warning', 'RunElevated', ...ADMIN],
      ['warning', 'RunElevated', ...NON_ADMIN],
      ['warning', 'RunElevated', ...NON_ADMIN],
    ],
  },
  {
    name: 'a task held in a member: pool.StartTask',
    language: 'csharp',
    text: inMethod('pool.StartTask.RunElevated = true;'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'nested initializer with new',
    language: 'csharp',
    text: inMethod('var p = new CloudPool { StartTask = new StartTask { RunElevated = true } };'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'nested initializer without new',
    language: 'csharp',
    text: inMethod('var p = new CloudPool { StartTask = { RunElevated = true } };'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'target-typed new with a declared type',
    language: 'csharp',
    text: inMethod('StartTask s = new() { CommandLine = "x", RunElevated = true };'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'a task of the oldest SDK reached through its interface',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass C { void M(IStartTask s) { s.RunElevated = true; } }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'foreach over a List<CloudTask>',
    language: 'csharp',
    text: inMethod('var tasks = new List<CloudTask>();\nforeach (var t in tasks) t.RunElevated = true;'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'lambda parameter with a Batch type',
    language: 'csharp',
    text: inMethod('tasks.ForEach((CloudTask t) => t.RunElevated = true);'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'pattern variable',
    language: 'csharp',
    text: inMethod('if (o is CloudTask t) t.RunElevated = true;'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'cast',
    language: 'csharp',
    text: inMethod('((CloudTask)o).RunElevated = true;'),
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'field of the class',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass C\n{\n    private StartTask start;\n    void M() { start.RunElevated = true; }\n}',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'fully qualified, no using',
    language: 'csharp',
    text: 'class C { void M() { var t = new Microsoft.Azure.Batch.CloudTask("a", "b"); t.RunElevated = true; } }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'global:: qualified',
    language: 'csharp',
    text: 'class C { global::Microsoft.Azure.Batch.StartTask S = new global::Microsoft.Azure.Batch.StartTask { RunElevated = true }; }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'protocol model fully qualified',
    language: 'csharp',
    text: 'class C { object T = new Microsoft.Azure.Batch.Protocol.Models.TaskAddParameter { RunElevated = true }; }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'using alias of a type',
    language: 'csharp',
    text: 'using BatchTask = Microsoft.Azure.Batch.CloudTask;\nclass C { void M(BatchTask t) { t.RunElevated = false; } }',
    found: [['warning', 'RunElevated', ...NON_ADMIN]],
  },
  {
    name: 'using alias of a namespace',
    language: 'csharp',
    text: 'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object S = new Models.StartTask { RunElevated = true }; }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'using inside a namespace block',
    language: 'csharp',
    text: 'namespace N\n{\n    using Microsoft.Azure.Batch;\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'file-scoped namespace',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nnamespace N;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'global using',
    language: 'csharp',
    text: 'global using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'inside a sample namespace under Microsoft.Azure.Batch',
    language: 'csharp',
    text: 'namespace Microsoft.Azure.Batch.Samples.HelloWorld\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'a Batch task beside a view model of the same file',
    language: 'csharp',
    text:
      inMethod('var vm = new TaskViewModel();\nCloudTask t = new CloudTask("a", "b");\nt.RunElevated = vm.RunElevated;') +
      'class TaskViewModel { public bool RunElevated { get; set; } }\n',
    found: [['warning', 'RunElevated', ...sameCondition('vm.RunElevated')]],
  },
  {
    name: 'a class of the file deriving from a Batch task',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass MyStart : StartTask { }\nclass C { void M(MyStart s) { s.RunElevated = true; } }',
    found: [['warning', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'a read as a value',
    language: 'csharp',
    text: inMethod('CloudTask t = null;\nbool elevated = t.RunElevated;'),
    found: [['warning', 'RunElevated', ...READ]],
  },
  {
    name: 'a null-conditional read',
    language: 'csharp',
    text: inMethod('CloudTask t = null;\nvar elevated = t?.RunElevated;'),
    found: [['warning', 'RunElevated', ...READ]],
  },
  {
    name: 'a compound assignment is a read too',
    language: 'csharp',
    text: inMethod('CloudTask t = null;\nt.RunElevated |= true;'),
    found: [['warning', 'RunElevated', ...READ]],
  },
  {
    name: 'unknown receiver with a Batch namespace in reach: weak',
    language: 'csharp',
    text: inMethod('GetTask().RunElevated = true;'),
    found: [['information', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'var of an unknown call with a Batch namespace in reach: weak',
    language: 'csharp',
    text: inMethod('var t = Load();\nt.RunElevated = true;'),
    found: [['information', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'target-typed new of unknown target: weak',
    language: 'csharp',
    text: inMethod('Add(new() { RunElevated = true });'),
    found: [['information', 'RunElevated', ...ADMIN]],
  },
  {
    name: 'a read is found without a fix',
    language: 'csharp',
    text: inMethod('CloudTask t = null;\nif (t.RunElevated == true) { }'),
    found: [['warning', 'RunElevated', ...READ]],
    alone: true,
  },
  // silent ----------------------------------------------------------------------------------------
  {
    name: 'comments',
    language: 'csharp',
    text: inMethod('// task.RunElevated = true;\n/* RunElevated = true */\n/// <see cref="RunElevated"/>'),
    found: [],
  },
  {
    name: 'strings of every kind',
    language: 'csharp',
    text: inMethod('var a = "task.RunElevated = true";\nvar b = @"RunElevated";\nvar c = $"{a}.RunElevated";\nvar d = """RunElevated""";'),
    found: [],
  },
  {
    name: 'identifiers that contain the word',
    language: 'csharp',
    text: inMethod('CloudTask t = null;\nbool myRunElevatedFlag = true;\nt.RunElevatedX = true;\nRunElevated2 = 1;'),
    found: [],
  },
  {
    name: 'a view model with its own RunElevated',
    language: 'csharp',
    text:
      'using Microsoft.Azure.Batch;\n\npublic class TaskViewModel\n{\n    public bool RunElevated { get; set; }\n    public void Toggle() { RunElevated = !RunElevated; this.RunElevated = true; }\n}\n\n' +
      'class C\n{\n    void M()\n    {\n        var vm = new TaskViewModel { RunElevated = true };\n        vm.RunElevated = false;\n        TaskViewModel other = new() { RunElevated = true };\n        bool b = vm.RunElevated;\n    }\n}\n',
    found: [],
  },
  {
    name: "the file's own type named like a Batch task",
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass CloudTask { public bool RunElevated; }\nclass C { void M() { var t = new CloudTask { RunElevated = true }; t.RunElevated = false; } }',
    found: [],
  },
  {
    name: "the SDK's own generated model declaring the property",
    language: 'csharp',
    text:
      'namespace Microsoft.Azure.Batch\n{\n    using Models = Microsoft.Azure.Batch.Protocol.Models;\n\n    public partial class CloudTask\n    {\n        public bool? RunElevated { get; set; }\n\n' +
      '        internal Models.TaskAddParameter GetTransportObject(Models.CloudTask protocolObject)\n        {\n            this.RunElevated = protocolObject.RunElevated;\n' +
      '            return new Models.TaskAddParameter { RunElevated = this.RunElevated };\n        }\n    }\n}\n',
    found: [],
  },
  {
    name: "the protocol layer's own generated model",
    language: 'csharp',
    text: 'namespace Microsoft.Azure.Batch.Protocol.Models\n{\n    public partial class TaskAddParameter\n    {\n        public bool? RunElevated { get; set; }\n        public void Validate() { if (RunElevated == true) { } }\n    }\n}\n',
    found: [],
  },
  {
    name: 'no Batch namespace in reach',
    language: 'csharp',
    text: 'class C { void M() { CloudTask task = new CloudTask("a", "b"); task.RunElevated = true; var s = new StartTask { RunElevated = true }; } }',
    found: [],
  },
  {
    name: 'unknown receiver, no Batch namespace in reach',
    language: 'csharp',
    text: 'using System;\nclass C { void M(dynamic settings) { settings.RunElevated = true; Load().RunElevated = true; } }',
    found: [],
  },
  {
    name: 'a non-Batch type declared elsewhere, Batch in reach',
    language: 'csharp',
    text: inMethod('TaskSettings s = Load();\ns.RunElevated = true;\nvar x = new TaskSettings { RunElevated = true };'),
    found: [],
  },
  {
    name: "another library's type, fully qualified",
    language: 'csharp',
    text: inMethod('var t = new Contoso.Tasks.CloudTask { RunElevated = true };'),
    found: [],
  },
  {
    name: 'Azure.ResourceManager.Batch: the pool start task never had RunElevated (ARM never did)',
    language: 'csharp',
    text: csArm(
      'pool.StartTask = new BatchAccountPoolStartTask { CommandLine = "setup.sh", RunElevated = true };\npool.StartTask.RunElevated = false;',
    ),
    found: [],
    seen: 0,
    sdk: { fails: /BatchAccountPoolStartTask' does not contain a definition for `RunElevated'/ },
  },
  {
    name: 'Azure.ResourceManager.Batch: a target-typed start task; an object of unknown type where only ARM is in reach',
    language: 'csharp',
    text: csArm(
      'pool.StartTask = new() { CommandLine = "setup.sh", RunElevated = true };\nvar settings = Load();\nsettings.RunElevated = true;',
    ),
    found: [],
    seen: 0,
  },
  {
    name: 'Microsoft.Azure.Management.Batch: the management StartTask never had RunElevated',
    language: 'csharp',
    text: csMgmt(
      'pool.StartTask = new StartTask(commandLine: "setup.sh") { RunElevated = true };\npool.StartTask.RunElevated = true;\nvar start = new StartTask();\nstart.RunElevated = false;',
    ),
    found: [],
    seen: 0,
    sdk: { fails: /StartTask' does not contain a definition for `RunElevated'/ },
  },
  {
    name: 'Microsoft.Azure.Management.Batch beside the data plane: the data-plane task is still reported',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Mgmt = Microsoft.Azure.Management.Batch.Models;\n\nclass C\n{\n    void M(CloudTask task, Mgmt.Pool pool)\n    {\n        task.RunElevated = true;\n        pool.StartTask.RunElevated = true;\n    }\n}\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    seen: 1,
  },
  {
    name: 'another service (Batch AI)',
    language: 'csharp',
    text: 'using Microsoft.Azure.Management.BatchAI;\nclass C { void M() { var t = Load(); t.RunElevated = true; } }',
    found: [],
  },
  {
    name: 'anonymous objects and named arguments',
    language: 'csharp',
    text: inMethod('var a = new { RunElevated = true };\nRun(RunElevated: true);'),
    found: [],
  },
  {
    name: 'a record with-expression',
    language: 'csharp',
    text: inMethod('var b = settings with { RunElevated = true };'),
    found: [],
  },
  {
    name: 'methods, locals and parameters named RunElevated',
    language: 'csharp',
    text:
      'using Microsoft.Azure.Batch;\nclass Runner\n{\n    public void RunElevated(string command) { }\n    void M(bool RunElevated, object runner)\n    {\n' +
      '        RunElevated = false;\n        var runElevated = new Runner();\n        runElevated.RunElevated("setup.cmd");\n        Load().RunElevated("x");\n    }\n}\n',
    found: [],
  },
  {
    name: 'attribute arguments',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\n[Job(RunElevated = true)]\nclass C { }',
    found: [],
  },
  // fix -------------------------------------------------------------------------------------------
  {
    name: 'true → Admin, adding the enums using after the SDK using',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudTask task)\n    {\n' +
        '        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n    }\n}\n',
    },
  },
  {
    name: 'false → NonAdmin, using already there, comments kept',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated /* was */ = false; // old\n } }',
    found: [['warning', 'RunElevated', ...NON_ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity /* was */ = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)); // old\n } }',
    },
  },
  {
    name: 'a non-literal value becomes the condition',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, Options o) { t.RunElevated = o.Admin && !o.Safe; } }',
    found: [['warning', 'RunElevated', ...sameCondition('o.Admin && !o.Safe')]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, Options o) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: o.Admin && !o.Safe ? ElevationLevel.Admin : ElevationLevel.NonAdmin)); } }',
    },
  },
  {
    name: 'a conditional value is parenthesised',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool a, bool b, bool c) { t.RunElevated = a ? b : c; } }',
    found: [['warning', 'RunElevated', ...sameCondition('a ? b : c')]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool a, bool b, bool c) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: (a ? b : c) ? ElevationLevel.Admin : ElevationLevel.NonAdmin)); } }',
    },
  },
  {
    name: 'initializer member, multi-line, trailing comma and comment kept',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    StartTask S = new StartTask\n    {\n        CommandLine = "setup.cmd",\n        // the installer needs admin\n        RunElevated = true, // legacy\n        WaitForSuccess = true,\n    };\n}\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text:
        'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    StartTask S = new StartTask\n    {\n        CommandLine = "setup.cmd",\n        // the installer needs admin\n' +
        '        UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)), // legacy\n        WaitForSuccess = true,\n    };\n}\n',
    },
  },
  {
    name: 'CRLF kept; a holder written qualified, without usings, gets qualified names',
    language: 'csharp',
    text: 'using System;\r\n\r\nclass C\r\n{\r\n    void M(Microsoft.Azure.Batch.CloudTask t, System.Collections.Generic.List<int> l) { }\r\n    void N(Microsoft.Azure.Batch.JobReleaseTask r)\r\n    {\r\n        r.RunElevated = true;\r\n    }\r\n}\r\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text:
        'using System;\r\n\r\nclass C\r\n{\r\n    void M(Microsoft.Azure.Batch.CloudTask t, System.Collections.Generic.List<int> l) { }\r\n    void N(Microsoft.Azure.Batch.JobReleaseTask r)\r\n    {\r\n' +
        '        r.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin));\r\n    }\r\n}\r\n',
    },
  },
  {
    name: 'CRLF and tabs in a namespace block with its own usings',
    language: 'csharp',
    text: 'namespace Contoso\r\n{\r\n\tusing System;\r\n\tusing Microsoft.Azure.Batch;\r\n\r\n\tclass C\r\n\t{\r\n\t\tvoid M(CloudTask t)\r\n\t\t{\r\n\t\t\tt.RunElevated = true;\r\n\t\t}\r\n\t}\r\n}\r\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text:
        'namespace Contoso\r\n{\r\n\tusing System;\r\n\tusing Microsoft.Azure.Batch;\r\n\tusing Microsoft.Azure.Batch.Common;\r\n\r\n\tclass C\r\n\t{\r\n\t\tvoid M(CloudTask t)\r\n\t\t{\r\n' +
        '\t\t\tt.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\r\n\t\t}\r\n\t}\r\n}\r\n',
    },
  },
  {
    name: 'a type alias only: both usings added before it',
    language: 'csharp',
    text: 'using BatchTask = Microsoft.Azure.Batch.CloudTask;\n\nclass C { void M(BatchTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing BatchTask = Microsoft.Azure.Batch.CloudTask;\n\nclass C { void M(BatchTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'no usings at all: above the comment attached to the first declaration',
    language: 'csharp',
    text: '// Hello sample\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch.Common;\n\n// Hello sample\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n}\n',
    },
  },
  {
    name: 'System-first usings: the Batch ones after the last System one',
    language: 'csharp',
    text: 'using System;\nusing System.Linq;\nusing Contoso;\nusing Microsoft.Azure.Batch;\nusing Newtonsoft.Json;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using System;\nusing System.Linq;\nusing Contoso;\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing Newtonsoft.Json;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'plainly sorted usings: inserted at its place',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Newtonsoft.Json;\nusing System;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nusing Newtonsoft.Json;\nusing System;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'unsorted usings: appended after the last',
    language: 'csharp',
    text: 'using Zeta;\nusing Microsoft.Azure.Batch;\nusing Alpha;\nusing Helper = Contoso.Helper;\n\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Zeta;\nusing Microsoft.Azure.Batch;\nusing Alpha;\nusing Microsoft.Azure.Batch.Common;\nusing Helper = Contoso.Helper;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'file-scoped namespace with usings after it',
    language: 'csharp',
    text: 'namespace Contoso;\n\nusing Microsoft.Azure.Batch;\n\nclass C { void M(CloudTask t) { t.RunElevated = false; } }\n',
    found: [['warning', 'RunElevated', ...NON_ADMIN]],
    quickFix: {
      text: 'namespace Contoso;\n\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)); } }\n',
    },
  },
  {
    name: 'a sample namespace under Microsoft.Azure.Batch needs only the enums using, placed above a header-less namespace',
    language: 'csharp',
    text: '// Copyright (c) Contoso.\n\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.RunElevated = true; } }\n}\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: '// Copyright (c) Contoso.\n\nusing Microsoft.Azure.Batch.Common;\n\nnamespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n}\n',
    },
  },
  {
    name: 'protocol models through a namespace alias: initializer style in that alias',
    language: 'csharp',
    text: 'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object T = new Models.TaskAddParameter { Id = "t", RunElevated = true }; }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object T = new Models.TaskAddParameter { Id = "t", UserIdentity = new Models.UserIdentity { AutoUser = new Models.AutoUserSpecification { ElevationLevel = Models.ElevationLevel.Admin } } }; }\n',
    },
  },
  {
    name: 'Azure.Compute.Batch: initializer style, no new using',
    language: 'csharp',
    text: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { RunElevated = false }; }\n',
    found: [['warning', 'RunElevated', ...NON_ADMIN]],
    quickFix: {
      text: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { ElevationLevel = ElevationLevel.NonAdmin } } }; }\n',
    },
  },
  {
    name: 'legacy and protocol models both imported: names qualified',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Protocol.Models;\nclass C { void M(Microsoft.Azure.Batch.CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Protocol.Models;\nclass C { void M(Microsoft.Azure.Batch.CloudTask t) { t.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'the file declares its own ElevationLevel: names qualified',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nenum ElevationLevel { Low, High }\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nenum ElevationLevel { Low, High }\nclass C { void M(CloudTask t) { t.UserIdentity = new Microsoft.Azure.Batch.UserIdentity(new Microsoft.Azure.Batch.AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'the body of an if: replaced in place',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool x) { if (x) t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t, bool x) { if (x) t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); } }\n',
    },
  },
  {
    name: 'second fix: explicit task scope',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      fix: 1,
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin, scope: AutoUserScope.Task)); } }\n',
    },
  },
  {
    name: 'second fix in the initializer style: Scope first',
    language: 'csharp',
    text: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { RunElevated = true }; }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    quickFix: {
      fix: 1,
      text: 'using Azure.Compute.Batch;\nclass C { object T = new BatchTaskCreateContent("t", "x") { UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.Admin } } }; }\n',
    },
  },
  {
    name: 'batchIdentity.fix.scope = pool writes pool scope in the preferred fix',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.RunElevated = false; } }\n',
    found: [['warning', 'RunElevated', ...replaced('nonAdmin', 'pool')]],
    settings: { fix: { scope: 'pool' } },
    quickFix: {
      text: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\nclass C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin, scope: AutoUserScope.Pool)); } }\n',
    },
  },
  {
    name: 'an assignment used as a value gets no fix',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { var x = t.RunElevated = true; } }\n',
    found: [['warning', 'RunElevated', ...ADMIN]],
    fixed: null,
  },
  {
    name: 'a null value gets no fix',
    language: 'csharp',
    text: 'using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = null; } }\n',
    found: [['warning', 'RunElevated', ...UNKNOWN_VALUE]],
    fixed: null,
  },
  {
    name: 'fix-all rewrites every runElevated, adds the usings once, and is idempotent',
    language: 'csharp',
    text:
      'using System;\nusing Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(CloudPool pool, CloudTask a, CloudTask b, bool flag)\n    {\n' +
      '        a.RunElevated = true;\n        b.RunElevated = flag;\n        pool.StartTask = new StartTask { CommandLine = "x", RunElevated = false };\n    }\n}\n',
    found: [
      ['warning', 'RunElevated', ...ADMIN],
      ['warning', 'RunElevated', ...sameCondition('flag')],
      ['warning', 'RunElevated', ...NON_ADMIN],
    ],
    fixed:
      'using System;\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\nclass C\n{\n    void M(CloudPool pool, CloudTask a, CloudTask b, bool flag)\n    {\n' +
      '        a.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n' +
      '        b.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: flag ? ElevationLevel.Admin : ElevationLevel.NonAdmin));\n' +
      '        pool.StartTask = new StartTask { CommandLine = "x", UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin)) };\n    }\n}\n',
  },
  {
    name: 'fix-all never touches reads and weak findings it cannot write',
    language: 'csharp',
    text: 'class C { void M(Microsoft.Azure.Batch.CloudTask t) { bool e = t.RunElevated; } }\n',
    found: [['warning', 'RunElevated', ...READ]],
    fixed: null,
  },

  // beside an existing user identity -------------------------------------------------------------
  {
    name: 'agreeing statement: the fix removes the whole line',
    language: 'csharp',
    text: `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n        task.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    quickFix: {
      text: `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n${tail}`,
    },
  },
  {
    name: 'agreeing through a variable assigned later, trailing comment kept',
    language: 'csharp',
    text:
      `${head}        var identity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.NonAdmin));\n` +
      `        task.UserIdentity = identity;\n        task.RunElevated = false; // legacy\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    quickFix: {
      text: `${head}        var identity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Task, ElevationLevel.NonAdmin));\n        task.UserIdentity = identity;\n        // legacy\n${tail}`,
    },
  },
  {
    name: 'agreeing initializer member in the middle: its comma goes with it',
    language: 'csharp',
    text: `${head}        s = new StartTask\n        {\n            RunElevated = true,\n            UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)),\n        };\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    quickFix: {
      text: `${head}        s = new StartTask\n        {\n            UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)),\n        };\n${tail}`,
    },
  },
  {
    name: 'agreeing last initializer member: the comma before it goes',
    language: 'csharp',
    text: `${head}        s = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)), RunElevated = true };\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    quickFix: {
      text: `${head}        s = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)) };\n${tail}`,
    },
  },
  {
    name: 'agreeing on a member path across statements',
    language: 'csharp',
    text:
      `${head}        var job = new CloudJob();\n        job.JobManagerTask = new JobManagerTask("m", "x") { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) };\n` +
      `        job.JobManagerTask.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    fixed: `${head}        var job = new CloudJob();\n        job.JobManagerTask = new JobManagerTask("m", "x") { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) };\n${tail}`,
  },
  {
    name: 'disagreeing: the removal is offered, not applied on save; fix-all leaves it',
    language: 'csharp',
    text: `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));\n        task.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'an identity the file cannot see into (a call): no second identity is written',
    language: 'csharp',
    text: `${head}        task.UserIdentity = Identities.ForInstaller();\n        task.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'a named user: no fix',
    language: 'csharp',
    text: `${head}        task.UserIdentity = new UserIdentity("admin");\n        task.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...DIFFERS]],
    fixed: UNCHANGED,
  },
  {
    name: 'an if-body statement is not removed (that would change the if)',
    language: 'csharp',
    text: `${head}        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n        if (task != null) task.RunElevated = true;\n${tail}`,
    found: [['warning', 'RunElevated', ...AGREES]],
    fixed: null,
  },
];
