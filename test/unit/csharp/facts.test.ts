/**
 * C# identity facts: user identities (legacy constructors, positional and named; the new SDK's
 * initializers; built empty and filled later; held in variables), user accounts with their pool,
 * enum members, and the values the rules read. Plus the identity rules on C# input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AutoUserFact, Facts, IdentityFact, Value } from '../../../server/src/engine/facts';
import { analyze, applyFix, squiggles } from '../../helpers/engine';

async function factsOf(text: string): Promise<Facts> {
  return (await analyze('csharp', text)).facts;
}

const LEGACY = 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n';
const NEW = 'using Azure.Compute.Batch;\n';

function inMethod(body: string, usings = LEGACY): string {
  return `${usings}\nclass Program\n{\n    void Run(CloudPool pool, CloudPool other, CloudTask task, string name, string key)\n    {\n${body}\n    }\n}\n`;
}

/** A value as (kind, what it says) for compact assertions. */
function brief(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  switch (value.kind) {
    case 'bool':
    case 'number':
      return `${value.kind}:${value.value}`;
    case 'string':
      return `string:${JSON.stringify(value.value)}`;
    case 'null':
      return 'null';
    case 'enum':
      return `enum:${value.enum}.${value.member}${value.canonical ? `=${value.canonical}` : ''}`;
    case 'expr':
      return `expr:${value.text}${value.hint ? `(${value.hint})` : ''}`;
  }
}

function autoUserOf(identity: IdentityFact): { scope?: string; elevation?: string; reference?: string } | undefined {
  const auto = identity.autoUser;
  if (!auto) return undefined;
  if ('reference' in auto) return { reference: brief(auto.reference) };
  const fact = auto as AutoUserFact;
  return { ...(fact.scope && { scope: brief(fact.scope) }), ...(fact.elevation && { elevation: brief(fact.elevation) }) };
}

describe('csharp facts: user identities', () => {
  const cases: {
    name: string;
    text: string;
    userName?: string;
    autoUser?: ReturnType<typeof autoUserOf>;
    taskKind?: string;
    holderOf?: string;
  }[] = [
    {
      name: 'legacy named user, assigned to a task',
      text: inMethod('task.UserIdentity = new UserIdentity("adminUser");'),
      userName: 'string:"adminUser"',
      taskKind: 'task',
    },
    {
      name: 'legacy auto-user, positional: scope then elevation',
      text: inMethod('task.UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin));'),
      autoUser: { scope: 'enum:AutoUserScope.Pool=pool', elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'task',
    },
    {
      name: 'legacy auto-user, named arguments in any order',
      text: inMethod(
        'var s = new StartTask { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin, scope: AutoUserScope.Task)) };',
      ),
      autoUser: { scope: 'enum:AutoUserScope.Task=task', elevation: 'enum:ElevationLevel.NonAdmin=nonAdmin' },
      taskKind: 'startTask',
    },
    {
      name: 'legacy auto-user with only the elevation',
      text: inMethod(
        'var m = new JobManagerTask("m", "x") { UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)) };',
      ),
      autoUser: { elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'jobManagerTask',
    },
    {
      name: 'a specification held in a variable, passed by name',
      text: inMethod(
        'var spec = new AutoUserSpecification(scope: AutoUserScope.Task);\nvar p = new JobPreparationTask { UserIdentity = new UserIdentity(autoUserSpecification: spec) };',
      ),
      autoUser: { scope: 'enum:AutoUserScope.Task=task' },
      taskKind: 'jobPreparationTask',
    },
    {
      name: 'named user from a parameter, by name',
      text: inMethod('var r = new JobReleaseTask { UserIdentity = new UserIdentity(userName: name) };'),
      userName: 'expr:name',
      taskKind: 'jobReleaseTask',
    },
    {
      name: 'an identity in a variable, assigned to a task later',
      text: inMethod(
        'var identity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\nvar s = new StartTask();\ns.UserIdentity = identity;',
      ),
      autoUser: { elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'startTask',
      holderOf: 's',
    },
    {
      name: 'Common.ElevationLevel inside a sample namespace',
      text: 'namespace Microsoft.Azure.Batch.Samples.Hello\n{\n    class C { void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: Common.ElevationLevel.Admin)); } }\n}\n',
      autoUser: { elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'task',
    },
    {
      name: 'Azure.Compute.Batch initializers',
      text: `${NEW}class C { object T = new BatchTaskCreateContent("t", "x") { UserIdentity = new UserIdentity { AutoUser = new AutoUserSpecification { Scope = AutoUserScope.Task, ElevationLevel = ElevationLevel.Admin } } }; }`,
      autoUser: { scope: 'enum:AutoUserScope.Task=task', elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'task',
    },
    {
      name: 'Azure.Compute.Batch named user (Username)',
      text: `${NEW}class C { UserIdentity Named = new UserIdentity { Username = "adminUser" }; }`,
      userName: 'string:"adminUser"',
    },
    {
      name: 'built empty and filled through later statements',
      text: inMethod(
        'var id = new UserIdentity();\nid.AutoUser = new AutoUserSpecification();\nid.AutoUser.ElevationLevel = ElevationLevel.Admin;\nid.Username = "";\nvar t = new BatchTaskCreateContent("t", "x");\nt.UserIdentity = id;',
        NEW,
      ),
      userName: 'string:""',
      autoUser: { elevation: 'enum:ElevationLevel.Admin=admin' },
      taskKind: 'task',
    },
    {
      name: 'target-typed identity and specification',
      text: `${NEW}class C { UserIdentity Id = new() { AutoUser = new() { Scope = AutoUserScope.Pool } }; }`,
      autoUser: { scope: 'enum:AutoUserScope.Pool=pool' },
    },
    {
      name: 'a protocol model task taking the identity as a named argument',
      text: 'using Models = Microsoft.Azure.Batch.Protocol.Models;\nclass C { object S = new Models.StartTask(commandLine: "x", userIdentity: new Models.UserIdentity("adminUser")); }',
      userName: 'string:"adminUser"',
      taskKind: 'startTask',
    },
    {
      name: 'management models: (userName, autoUser) positional',
      text: 'using Microsoft.Azure.Management.Batch.Models;\nclass C { object I = new UserIdentity(null, new AutoUserSpecification(AutoUserScope.Pool, ElevationLevel.Admin)); }',
      userName: 'null',
      autoUser: { scope: 'enum:AutoUserScope.Pool=pool', elevation: 'enum:ElevationLevel.Admin=admin' },
    },
    {
      name: 'an identity the file cannot see into',
      text: inMethod('task.UserIdentity = Identities.ForInstaller();'),
      autoUser: { reference: 'expr:Identities.ForInstaller()' },
      taskKind: 'task',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const facts = await factsOf(c.text);
      assert.equal(facts.identities.length, 1, JSON.stringify(facts.identities.map((i) => c.text.slice(i.span.start, i.span.end))));
      const identity = facts.identities[0];
      assert.equal(brief(identity.userName), c.userName);
      assert.deepEqual(autoUserOf(identity), c.autoUser);
      assert.equal(identity.holder?.taskKind, c.taskKind);
      assert.equal(identity.confidence, 'strong');
    });
  }

  it('the holder key is the one runElevated on the same task has', async () => {
    const facts = await factsOf(
      inMethod(
        'var identity = new UserIdentity("u");\nCloudTask t = new CloudTask("a", "b");\nt.UserIdentity = identity;\nt.RunElevated = true;',
      ),
    );
    assert.equal(facts.identities[0].holder?.key, facts.runElevated[0].holder.key);
  });

  it('an initializer identity and a later runElevated on the same variable share a key', async () => {
    const facts = await factsOf(inMethod('var s = new StartTask { UserIdentity = new UserIdentity("u") };\ns.RunElevated = true;'));
    assert.equal(facts.identities[0].holder?.key, facts.runElevated[0].holder.key);
  });

  it('two tasks have two keys', async () => {
    const facts = await factsOf(inMethod('CloudTask a = null, b = null;\na.UserIdentity = new UserIdentity("u");\nb.RunElevated = true;'));
    assert.notEqual(facts.identities[0].holder?.key, facts.runElevated[0].holder.key);
  });

  it('spans: the construction, and the type name for hovers', async () => {
    const text = inMethod('task.UserIdentity = new Microsoft.Azure.Batch.UserIdentity("u");');
    const identity = (await factsOf(text)).identities[0];
    assert.equal(text.slice(identity.span.start, identity.span.end), 'new Microsoft.Azure.Batch.UserIdentity("u")');
    assert.equal(text.slice(identity.nameSpan.start, identity.nameSpan.end), 'UserIdentity');
  });

  const silent: { name: string; text: string }[] = [
    {
      name: "the file's own UserIdentity type",
      text: 'using Microsoft.Azure.Batch;\nclass UserIdentity { public UserIdentity(string n) { } }\nclass C { object I = new UserIdentity("u"); }',
    },
    { name: 'no Batch namespace in reach', text: 'using Contoso.Security;\nclass C { object I = new UserIdentity("u"); }' },
    { name: 'a comment and a string', text: `${LEGACY}// new UserIdentity("u")\nclass C { string S = "new UserIdentity(\\"u\\")"; }` },
    { name: 'null assigned', text: inMethod('task.UserIdentity = null;') },
  ];
  for (const c of silent) {
    it(`silent: ${c.name}`, async () => {
      assert.deepEqual((await factsOf(c.text)).identities, []);
    });
  }
});

describe('csharp facts: user accounts', () => {
  it('legacy positional and named, Linux and Windows settings, values and hints', async () => {
    const text = inMethod(
      'pool.UserAccounts = new List<UserAccount>\n{\n' +
        '    new UserAccount("admin", Environment.GetEnvironmentVariable("ADMIN_PASSWORD"), ElevationLevel.Admin),\n' +
        '    new UserAccount(name: "mpi", password: "P@ssw0rd!", linuxUserConfiguration: new LinuxUserConfiguration(uid: 1001, gid: 1001, sshPrivateKey: new Guid().ToString())),\n' +
        '    new UserAccount("win", configuration["WinPassword"], ElevationLevel.NonAdmin, windowsUserConfiguration: new WindowsUserConfiguration(LoginMode.Batch)),\n' +
        '};',
    );
    const accounts = (await factsOf(text)).accounts;
    assert.deepEqual(
      accounts.map((a) => [brief(a.name), brief(a.password), brief(a.elevation)]),
      [
        ['string:"admin"', 'expr:Environment.GetEnvironmentVariable("ADMIN_PASSWORD")(secret)', 'enum:ElevationLevel.Admin=admin'],
        ['string:"mpi"', 'string:"P@ssw0rd!"', undefined],
        ['string:"win"', 'expr:configuration["WinPassword"](secret)', 'enum:ElevationLevel.NonAdmin=nonAdmin'],
      ],
    );
    const linux = accounts[1].linux;
    assert.deepEqual(
      [brief(linux?.uid), brief(linux?.gid), brief(linux?.sshPrivateKey)],
      ['number:1001', 'number:1001', 'expr:new Guid().ToString()(guid)'],
    );
    assert.equal(text.slice(linux!.nameSpan.start, linux!.nameSpan.end), 'LinuxUserConfiguration');
    assert.equal(brief(accounts[2].windows?.loginMode), 'enum:LoginMode.Batch=batch');
    assert.equal(new Set(accounts.map((a) => a.pool?.key)).size, 1);
  });

  it('accounts of one pool share a key however they are added; another pool has another', async () => {
    const text = inMethod(
      'var users = new List<UserAccount> { new UserAccount("a", key) };\nusers.Add(new UserAccount("b", key));\npool.UserAccounts = users;\n' +
        'pool.UserAccounts.Add(new UserAccount("c", key));\nvar d = new UserAccount("d", key);\npool.UserAccounts.Add(d);\n' +
        'other.UserAccounts = new[] { new UserAccount("x", key) };\nvar spec = new PoolSpecification { UserAccounts = { new UserAccount("e", key) } };\n' +
        'var p3 = new CloudPool { UserAccounts = new List<UserAccount> { new UserAccount("f", key) } };\np3.UserAccounts.Add(new UserAccount("g", key));',
    );
    const keys = new Map((await factsOf(text)).accounts.map((a) => [(a.name as { value: string }).value, a.pool?.key]));
    assert.equal(keys.size, 8);
    assert.equal(new Set([keys.get('a'), keys.get('b'), keys.get('c'), keys.get('d')]).size, 1);
    assert.equal(keys.get('f'), keys.get('g'));
    const pools = new Set([keys.get('a'), keys.get('x'), keys.get('e'), keys.get('f')]);
    assert.equal(pools.size, 4);
    assert.ok(![...pools].includes(undefined));
  });

  it('Azure.Compute.Batch: constructor plus initializer, target-typed settings', async () => {
    const text = `${NEW}class C\n{\n    UserAccount User = new UserAccount("adminUser", "x")\n    {\n        ElevationLevel = ElevationLevel.Admin,\n        LinuxUserConfiguration = new() { Uid = 1000, Gid = 1000, SshPrivateKey = "" },\n        WindowsUserConfiguration = new WindowsUserConfiguration { LoginMode = LoginMode.Interactive },\n    };\n}\n`;
    const [account] = (await factsOf(text)).accounts;
    assert.equal(brief(account.elevation), 'enum:ElevationLevel.Admin=admin');
    assert.deepEqual(
      [brief(account.linux?.uid), brief(account.linux?.gid), brief(account.linux?.sshPrivateKey)],
      ['number:1000', 'number:1000', 'string:""'],
    );
    assert.equal(brief(account.windows?.loginMode), 'enum:LoginMode.Interactive=interactive');
  });

  it('set through later statements and variables; constants resolved to where they are written', async () => {
    const text = inMethod(
      'const string Password = "hunter2";\nvar linux = new LinuxUserConfiguration(1000);\nvar account = new UserAccount("n", Password);\naccount.ElevationLevel = ElevationLevel.Admin;\naccount.LinuxUserConfiguration = linux;\nlinux.Gid = 1001;',
    );
    const [account] = (await factsOf(text)).accounts;
    assert.equal(brief(account.password), 'string:"hunter2"');
    assert.equal(text.slice(account.password!.span.start, account.password!.span.end), '"hunter2"');
    assert.equal(brief(account.elevation), 'enum:ElevationLevel.Admin=admin');
    assert.deepEqual([brief(account.linux?.uid), brief(account.linux?.gid)], ['number:1000', 'number:1001']);
  });

  it('a local reassigned later is not taken for its first value; secrets through variables keep their hint', async () => {
    const text = inMethod(
      'var pw = "first";\npw = Read();\nvar secret = await client.GetSecretAsync("pw");\nvar a = new UserAccount("a", pw);\nvar b = new UserAccount("b", secret.Value.Value);\nvar c = new UserAccount("c", secret);',
    );
    assert.deepEqual(
      (await factsOf(text)).accounts.map((a) => brief(a.password)),
      ['expr:pw', 'expr:secret.Value.Value', 'expr:secret(secret)'],
    );
  });

  it('target-typed accounts in a typed list', async () => {
    const accounts = (
      await factsOf(inMethod('pool.UserAccounts = new List<UserAccount> { new("a", key), new("b", key, ElevationLevel.Admin) };'))
    ).accounts;
    assert.deepEqual(
      accounts.map((a) => brief(a.name)),
      ['string:"a"', 'string:"b"'],
    );
  });

  it("silent: the file's own UserAccount, and no Batch namespace in reach", async () => {
    assert.deepEqual(
      (
        await factsOf(
          `${LEGACY}class UserAccount { public UserAccount(string a, string b) { } }\nclass C { object A = new UserAccount("a", "b"); }`,
        )
      ).accounts,
      [],
    );
    assert.deepEqual((await factsOf('using Contoso.Identity;\nclass C { object A = new UserAccount("a", "b"); }')).accounts, []);
  });
});

describe('csharp facts: enum members', () => {
  it('every member access of the three enums, with canonical members only when valid', async () => {
    const text = inMethod(
      'var a = ElevationLevel.Admin;\nvar b = AutoUserScope.Task;\nvar c = LoginMode.Interactive;\nvar d = ElevationLevel.NONADMIN;\nvar e = Microsoft.Azure.Batch.Common.AutoUserScope.Pool;',
    );
    const refs = (await factsOf(text)).enumRefs;
    assert.deepEqual(
      refs.map((r) => brief(r.value)),
      [
        'enum:ElevationLevel.Admin=admin',
        'enum:ElevationLevel.NONADMIN',
        'enum:AutoUserScope.Task=task',
        'enum:AutoUserScope.Pool=pool',
        'enum:LoginMode.Interactive=interactive',
      ],
    );
    assert.deepEqual(refs[1].valid, { nonAdmin: 'NonAdmin', admin: 'Admin' });
    assert.equal(text.slice(refs[1].value.memberSpan.start, refs[1].value.memberSpan.end), 'NONADMIN');
  });

  it('qualified through a namespace alias and Common.', async () => {
    const text =
      'using Models = Microsoft.Azure.Batch.Protocol.Models;\nnamespace Microsoft.Azure.Batch.Samples\n{\n    class C { object A = Models.ElevationLevel.Admin; object B = Common.LoginMode.Batch; }\n}\n';
    assert.deepEqual(
      (await factsOf(text)).enumRefs.map((r) => brief(r.value)),
      ['enum:ElevationLevel.Admin=admin', 'enum:LoginMode.Batch=batch'],
    );
  });

  const silent: { name: string; text: string }[] = [
    { name: "the file's own enum", text: `${LEGACY}enum ElevationLevel { Low, High }\nclass C { object A = ElevationLevel.High; }` },
    { name: 'no Batch namespace in reach', text: 'class C { object A = ElevationLevel.Admin; }' },
    {
      name: 'a property named like the enum',
      text: inMethod('var account = new UserAccount("a", key);\nvar s = account.ElevationLevel.ToString();'),
    },
    { name: 'a call on the type', text: inMethod('var e = ElevationLevel.Parse("admin");') },
    {
      name: 'a type name, not a member access',
      text: inMethod('ElevationLevel? level = null;\nMicrosoft.Azure.Batch.Common.ElevationLevel other = default;'),
    },
  ];
  for (const c of silent) {
    it(`silent: ${c.name}`, async () => {
      assert.deepEqual((await factsOf(c.text)).enumRefs, []);
    });
  }
});

describe('csharp facts: values', () => {
  it('constant strings of every kind are strings; an interpolation with holes is an expression', async () => {
    const body = [
      'var a = new UserIdentity(@"ad""min");',
      'var b = new UserIdentity($"admin");',
      'var c = new UserIdentity($"{name}-admin");',
      'var d = new UserIdentity("ad" + "min");',
      'var e = new UserIdentity("""raw""");',
      String.raw`var f = new UserIdentity("tab\there");`,
    ].join('\n');
    assert.deepEqual(
      (await factsOf(inMethod(body))).identities.map((i) => brief(i.userName)),
      ['string:"ad\\"min"', 'string:"admin"', 'expr:$"{name}-admin"', 'string:"admin"', 'string:"raw"', 'string:"tab\\there"'],
    );
  });

  it('management and data-plane identities side by side', async () => {
    const text =
      'using Microsoft.Azure.Batch;\nusing Mgmt = Microsoft.Azure.Management.Batch.Models;\n\nclass C\n{\n' +
      '    object A = new Mgmt.UserIdentity(autoUser: new Mgmt.AutoUserSpecification(elevationLevel: Mgmt.ElevationLevel.Admin));\n' +
      '    void M(CloudTask t) { t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: Microsoft.Azure.Batch.Common.ElevationLevel.NonAdmin)); }\n}\n';
    const facts = await factsOf(text);
    assert.deepEqual(facts.identities.map(autoUserOf), [
      { elevation: 'enum:ElevationLevel.Admin=admin' },
      { elevation: 'enum:ElevationLevel.NonAdmin=nonAdmin' },
    ]);
    assert.deepEqual(
      facts.identities.map((i) => i.holder?.taskKind),
      [undefined, 'task'],
    );
    assert.equal(facts.enumRefs.length, 2);
  });
});

describe('csharp identity rules on C# facts', () => {
  it('unknown-enum-member: wrong-case members get the C# spelling', async () => {
    const text = inMethod('var a = ElevationLevel.NONADMIN;\nvar b = AutoUserScope.task;');
    assert.deepEqual(
      (await squiggles('csharp', text)).filter((s) => s.rule === 'unknown-enum-member').map((s) => s.text),
      ['NONADMIN', 'task'],
    );
    const fixed = await applyFix('csharp', text, 'unknown-enum-member');
    assert.ok(fixed?.includes('var a = ElevationLevel.NonAdmin;\nvar b = AutoUserScope.task;'));
  });

  it('identity-conflict: an empty user name beside an auto-user, and an identity with neither', async () => {
    const text = inMethod(
      'var a = new UserIdentity { Username = "", AutoUser = new AutoUserSpecification() };\nvar b = new UserIdentity();',
      NEW,
    );
    assert.deepEqual(
      (await squiggles('csharp', text)).filter((s) => s.rule === 'identity-conflict').map((s) => [s.text, s.severity]),
      [
        ['UserIdentity', 'warning'],
        ['UserIdentity', 'warning'],
      ],
    );
  });

  it('hardcoded-password, ssh-key-placeholder (the doc sample G17), linux-uid-gid, duplicate-user', async () => {
    const text = inMethod(
      'pool.UserAccounts = new List<UserAccount>\n{\n    new UserAccount("admin", "P@ssw0rd!", ElevationLevel.Admin, new LinuxUserConfiguration(uid: 1000, sshPrivateKey: new Guid().ToString())),\n' +
        '    new UserAccount("admin", Environment.GetEnvironmentVariable("P")),\n};',
    );
    const found = (await squiggles('csharp', text)).filter((s) => s.rule !== 'run-elevated').map((s) => [s.rule, s.text]);
    assert.deepEqual(found, [
      ['hardcoded-password', '"P@ssw0rd!"'],
      ['linux-uid-gid', '1000'],
      ['ssh-key-placeholder', 'new Guid().ToString()'],
      ['duplicate-user', '"admin"'],
    ]);
  });
});
