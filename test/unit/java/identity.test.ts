import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BuilderCallFact, Facts, Span, Value } from '../../../server/src/engine/facts';
import { analyze, applyFix, fixAll, squiggles } from '../../helpers/engine';

const LEGACY = 'import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n';
const NEW = 'import com.azure.compute.batch.models.*;\nimport java.util.*;\n';

function inMethod(header: string, body: string, params = ''): string {
  return `${header}\nclass Pools {\n  void run(${params}) {\n${body}\n  }\n}\n`;
}

async function factsOf(text: string): Promise<Facts> {
  const analysis = await analyze('java', text);
  analysis.release();
  return analysis.facts;
}

/** The builder calls misplaced-call judged misplaced, with the owner its fix moves them onto. */
async function misplacedCalls(text: string): Promise<(BuilderCallFact & { readonly ownerType: string })[]> {
  const analysis = await analyze('java', text);
  analysis.release();
  return analysis.findings.flatMap((finding) => {
    const intent = finding.rule === 'misplaced-call' ? finding.fixes[0]?.intent : undefined;
    return intent?.kind === 'moveMisplacedCall' ? [{ ...intent.fact, ownerType: intent.fact.ownerTypes[0] }] : [];
  });
}

/** A value as (kind, text written, hint) — what rules read. */
function v(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'enum') return `enum:${value.text}${value.canonical ? '' : '(invalid)'}`;
  if (value.kind === 'expr') return `expr:${value.text}${value.hint ? `(${value.hint})` : ''}`;
  return `${value.kind}:${value.text}`;
}

const at = (text: string, span: Span | undefined) => span && text.slice(span.start, span.end);
const only = async (rule: string, text: string) => (await squiggles('java', text)).filter((s) => s.rule === rule);

describe('java identity facts', () => {
  it('legacy auto-user identity built in place, held by the task it is given to', async () => {
    const text = inMethod(
      LEGACY,
      '    TaskAddParameter t = new TaskAddParameter()\n        .withUserIdentity(new UserIdentity()\n            .withAutoUser(new AutoUserSpecification()\n                .withElevationLevel(ElevationLevel.ADMIN)\n                .withScope(AutoUserScope.TASK)));',
    );
    const facts = await factsOf(text);
    assert.equal(facts.identities.length, 1);
    const [identity] = facts.identities;
    assert.equal(at(text, identity.nameSpan), 'UserIdentity');
    assert.equal(identity.holder?.taskKind, 'task');
    assert.equal(identity.userName, undefined);
    assert.ok(identity.autoUser && 'span' in identity.autoUser);
    assert.equal(v(identity.autoUser.elevation), 'enum:ElevationLevel.ADMIN');
    assert.equal(v(identity.autoUser.scope), 'enum:AutoUserScope.TASK');
    assert.equal(identity.confidence, 'strong');
  });

  it('named user through a constant', async () => {
    const text = `${LEGACY}\nclass Pools {\n  static final String ADMIN = "adminUser";\n  StartTask s = new StartTask().withUserIdentity(new UserIdentity().withUserName(ADMIN));\n}\n`;
    const [identity] = (await factsOf(text)).identities;
    assert.equal(v(identity.userName), 'string:"adminUser"');
    assert.equal(identity.holder?.taskKind, 'startTask');
  });

  it('built empty, filled through later calls, held in variables and passed later', async () => {
    const text = inMethod(
      LEGACY,
      '    AutoUserSpecification spec = new AutoUserSpecification();\n    spec.withElevationLevel(ElevationLevel.ADMIN);\n    spec.withScope(AutoUserScope.POOL);\n    UserIdentity id = new UserIdentity();\n    id.withAutoUser(spec);\n    job.withJobReleaseTask(new JobReleaseTask().withUserIdentity(id));',
      'JobAddParameter job',
    );
    const [identity] = (await factsOf(text)).identities;
    assert.equal(identity.holder?.taskKind, 'jobReleaseTask');
    assert.ok(identity.autoUser && 'span' in identity.autoUser);
    assert.equal(v(identity.autoUser.elevation), 'enum:ElevationLevel.ADMIN');
    assert.equal(v(identity.autoUser.scope), 'enum:AutoUserScope.POOL');
  });

  it('an auto-user specification from elsewhere is a reference', async () => {
    const text = inMethod(LEGACY, '    UserIdentity id = new UserIdentity().withAutoUser(specs.admin());', 'Specs specs');
    const [identity] = (await factsOf(text)).identities;
    assert.ok(identity.autoUser && 'reference' in identity.autoUser);
    assert.equal(v(identity.autoUser.reference), 'expr:specs.admin()');
    assert.equal(identity.holder, undefined);
  });

  it('com.azure.compute.batch setters', async () => {
    const text = inMethod(
      NEW,
      '    BatchTaskCreateContent t = new BatchTaskCreateContent("t", "x").setUserIdentity(new UserIdentity().setUsername("adminUser"));\n    UserIdentity auto = new UserIdentity().setAutoUser(new AutoUserSpecification().setScope(AutoUserScope.TASK).setElevationLevel(ElevationLevel.NON_ADMIN));',
    );
    const facts = await factsOf(text);
    assert.equal(facts.identities.length, 2);
    assert.equal(v(facts.identities[0].userName), 'string:"adminUser"');
    assert.equal(facts.identities[0].holder?.taskKind, 'task');
    const spec = facts.identities[1].autoUser;
    assert.ok(spec && 'span' in spec);
    assert.equal(v(spec.elevation), 'enum:ElevationLevel.NON_ADMIN');
    assert.equal(v(spec.scope), 'enum:AutoUserScope.TASK');
  });

  it('no identity facts without Batch in reach', async () => {
    const text = inMethod('import com.contoso.auth.UserIdentity;\n', '    UserIdentity id = new UserIdentity().withUserName("x");');
    assert.deepEqual((await factsOf(text)).identities, []);
  });
});

describe('java account facts', () => {
  it("the documentation's pool sample: two accounts on one list, enum refs (NONADMIN invalid)", async () => {
    const text = inMethod(
      LEGACY,
      '    List<UserAccount> userList = new ArrayList<>();\n' +
        '    userList.add(new UserAccount().withName(adminUserAccountName).withPassword(adminPassword).withElevationLevel(ElevationLevel.ADMIN));\n' +
        '    userList.add(new UserAccount().withName(nonAdminUserAccountName).withPassword(nonAdminPassword).withElevationLevel(ElevationLevel.NONADMIN));\n' +
        '    PoolAddParameter addParameter = new PoolAddParameter().withId(poolId).withUserAccounts(userList);',
      'String adminUserAccountName, String adminPassword, String nonAdminUserAccountName, String nonAdminPassword, String poolId',
    );
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.accounts.map((a) => [v(a.name), v(a.password), v(a.elevation)]),
      [
        ['expr:adminUserAccountName(reference)', 'expr:adminPassword(reference)', 'enum:ElevationLevel.ADMIN'],
        ['expr:nonAdminUserAccountName(reference)', 'expr:nonAdminPassword(reference)', 'enum:ElevationLevel.NONADMIN(invalid)'],
      ],
    );
    assert.ok(facts.accounts[0].pool);
    assert.equal(facts.accounts[0].pool?.key, facts.accounts[1].pool?.key);
    assert.deepEqual(
      facts.enumRefs.map((r) => [r.value.enum, r.value.member, r.value.canonical ?? null, at(text, r.value.memberSpan)]),
      [
        ['ElevationLevel', 'ADMIN', 'admin', 'ADMIN'],
        ['ElevationLevel', 'NONADMIN', null, 'NONADMIN'],
      ],
    );
    assert.deepEqual(facts.enumRefs[1].valid, { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' });
  });

  it('Linux and Windows settings, secrets and GUIDs, Arrays.asList grouping, variables', async () => {
    const text = inMethod(
      LEGACY,
      '    UserAccount mpi = new UserAccount()\n        .withName("mpi")\n        .withPassword(System.getenv("MPI_PASSWORD"))\n        .withElevationLevel(ElevationLevel.ADMIN)\n' +
        '        .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withGid(1001).withSshPrivateKey(UUID.randomUUID().toString()));\n' +
        '    UserAccount win = new UserAccount().withName("win").withPassword(vault.getSecret("win").getValue())\n        .withWindowsUserConfiguration(new WindowsUserConfiguration().withLoginMode(LoginMode.BATCH));\n' +
        '    pool.withUserAccounts(Arrays.asList(mpi, win));\n    other.withUserAccounts(Collections.singletonList(new UserAccount().withName("x").withPassword("p")));',
      'PoolAddParameter pool, PoolAddParameter other, SecretClient vault',
    );
    const facts = await factsOf(text);
    const [mpi, win, x] = facts.accounts;
    assert.equal(v(mpi.password), 'expr:System.getenv("MPI_PASSWORD")(secret)');
    assert.deepEqual(
      [v(mpi.linux?.uid), v(mpi.linux?.gid), v(mpi.linux?.sshPrivateKey)],
      ['number:1001', 'number:1001', 'expr:UUID.randomUUID().toString()(guid)'],
    );
    assert.equal(at(text, mpi.linux?.nameSpan), 'LinuxUserConfiguration');
    assert.equal(v(win.password), 'expr:vault.getSecret("win").getValue()(secret)');
    assert.equal(v(win.windows?.loginMode), 'enum:LoginMode.BATCH');
    assert.equal(mpi.pool?.key, win.pool?.key);
    assert.notEqual(x.pool?.key, mpi.pool?.key);
    assert.equal(v(x.password), 'string:"p"');
  });

  it('com.azure.compute.batch: name and password through the constructor', async () => {
    const text = inMethod(
      NEW,
      '    UserAccount a = new UserAccount("adminUser", secret).setElevationLevel(ElevationLevel.ADMIN);',
      'String secret',
    );
    const [account] = (await factsOf(text)).accounts;
    assert.deepEqual(
      [v(account.name), v(account.password), v(account.elevation)],
      ['string:"adminUser"', 'expr:secret(reference)', 'enum:ElevationLevel.ADMIN'],
    );
  });

  it('SDK v1.0.0 kept the SSH key on the account', async () => {
    const text = inMethod(LEGACY, '    UserAccount a = new UserAccount().withName("a").withPassword(p).withSshPrivateKey("");', 'String p');
    const [account] = (await factsOf(text)).accounts;
    assert.equal(v(account.linux?.sshPrivateKey), 'string:""');
  });
});

describe('java enum refs', () => {
  it('fully qualified members; mgmt-only and non-Batch enums are not ours', async () => {
    const text = inMethod(
      'import com.contoso.ElevationLevel;\n',
      '    Object a = com.microsoft.azure.batch.protocol.models.AutoUserScope.POOL;\n    Object b = ElevationLevel.NONADMIN;',
    );
    const facts = await factsOf(text);
    assert.deepEqual(
      facts.enumRefs.map((r) => [r.value.enum, r.value.member, r.value.canonical]),
      [['AutoUserScope', 'POOL', 'pool']],
    );
  });
});

describe('java misplaced calls', () => {
  const SEED_BODY =
    'taskToAdd.withId(taskId)\n        .withUserIdentity(new UserIdentity()\n            .withAutoUser(new AutoUserSpecification()\n                .withElevationLevel(ElevationLevel.ADMIN))\n                .withScope(AutoUserScope.TASK));\n        .withCommandLine("cmd /c echo hello");';

  it("the documentation's sample: withScope lands on UserIdentity (unbalanced statement and all)", async () => {
    const text = inMethod(LEGACY, SEED_BODY, 'TaskAddParameter taskToAdd, String taskId');
    assert.deepEqual(
      (await misplacedCalls(text)).map((m) => [at(text, m.span), at(text, m.nameSpan), m.method, m.receiverType, m.ownerType]),
      [['.withScope(AutoUserScope.TASK)', 'withScope', 'withScope', 'UserIdentity', 'AutoUserSpecification']],
    );
    assert.deepEqual(await only('misplaced-call', text), [{ rule: 'misplaced-call', severity: 'error', text: 'withScope' }]);
  });

  it('the fix moves the call into the AutoUserSpecification, on its own line', async () => {
    const text = inMethod(LEGACY, SEED_BODY, 'TaskAddParameter taskToAdd, String taskId');
    assert.equal(
      await applyFix('java', text, 'misplaced-call'),
      inMethod(
        LEGACY,
        'taskToAdd.withId(taskId)\n        .withUserIdentity(new UserIdentity()\n            .withAutoUser(new AutoUserSpecification()\n                .withElevationLevel(ElevationLevel.ADMIN)\n                .withScope(AutoUserScope.TASK)));\n        .withCommandLine("cmd /c echo hello");',
        'TaskAddParameter taskToAdd, String taskId',
      ),
    );
  });

  it('inline chains get an inline move; CRLF kept for own-line moves', async () => {
    const inline = inMethod(
      LEGACY,
      '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).withScope(AutoUserScope.TASK);',
    );
    assert.equal(
      await applyFix('java', inline, 'misplaced-call'),
      inMethod(
        LEGACY,
        '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN).withScope(AutoUserScope.TASK));',
      ),
    );
    const crlf = inMethod(
      LEGACY,
      '    UserIdentity id = new UserIdentity()\n        .withAutoUser(new AutoUserSpecification()\n            .withElevationLevel(ElevationLevel.ADMIN))\n        .withScope(AutoUserScope.POOL);',
    ).replace(/\n/g, '\r\n');
    assert.equal(
      await applyFix('java', crlf, 'misplaced-call'),
      inMethod(
        LEGACY,
        '    UserIdentity id = new UserIdentity()\n        .withAutoUser(new AutoUserSpecification()\n            .withElevationLevel(ElevationLevel.ADMIN)\n            .withScope(AutoUserScope.POOL));',
      ).replace(/\n/g, '\r\n'),
    );
  });

  it('other wrong objects: a Linux setting on the account, a user name on the specification', async () => {
    const text = inMethod(
      LEGACY,
      '    UserAccount a = new UserAccount().withName("a").withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(5)).withGid(5);\n    AutoUserSpecification s = new AutoUserSpecification().withUserName("x");',
    );
    assert.deepEqual(
      (await misplacedCalls(text)).map((m) => [m.method, m.receiverType, m.ownerType]),
      [
        ['withGid', 'UserAccount', 'LinuxUserConfiguration'],
        ['withUserName', 'AutoUserSpecification', 'UserIdentity'],
      ],
    );
    assert.equal(await applyFix('java', text, 'misplaced-call'), text.replace('.withUid(5)).withGid(5);', '.withUid(5).withGid(5));'));
    // No in-place UserIdentity to move withUserName into: no edit.
    assert.equal(await applyFix('java', text, 'misplaced-call', { findingIndex: 1 }), undefined);
  });

  it('a follow-up statement on a variable is found; its shape is not clear enough to move', async () => {
    const text = inMethod(LEGACY, '    id.withScope(AutoUserScope.TASK);', 'UserIdentity id');
    assert.deepEqual(await only('misplaced-call', text), [{ rule: 'misplaced-call', severity: 'error', text: 'withScope' }]);
    assert.equal(await applyFix('java', text, 'misplaced-call'), undefined);
  });

  it('no move when the target already has the call, or a comment is in the way', async () => {
    const twice = inMethod(
      LEGACY,
      '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.POOL)).withScope(AutoUserScope.TASK);',
    );
    assert.equal(await applyFix('java', twice, 'misplaced-call'), undefined);
    const comment = inMethod(
      LEGACY,
      '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification()) // why\n        .withScope(AutoUserScope.TASK);',
    );
    assert.equal(await applyFix('java', comment, 'misplaced-call'), undefined);
  });

  it('right calls, the new generation, and non-Batch look-alikes are quiet', async () => {
    const right = inMethod(
      LEGACY,
      '    UserIdentity id = new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.TASK)).withUserName("x");',
    );
    assert.deepEqual(await misplacedCalls(right), []);
    // Seen and judged fine: the adapter reports every builder call with the classes that have it.
    assert.deepEqual(
      (await factsOf(right)).builderCalls.map((m) => [m.method, m.receiverType, m.ownerTypes]),
      [
        ['withAutoUser', 'UserIdentity', ['UserIdentity']],
        ['withScope', 'AutoUserSpecification', ['AutoUserSpecification']],
        ['withUserName', 'UserIdentity', ['UserIdentity']],
      ],
    );
    const bean = inMethod(
      NEW,
      '    UserIdentity id = new UserIdentity().setAutoUser(new AutoUserSpecification()).setScope(AutoUserScope.TASK);',
    );
    assert.deepEqual(
      (await misplacedCalls(bean)).map((m) => [m.method, m.ownerType]),
      [['setScope', 'AutoUserSpecification']],
    );
    const foreign = inMethod(
      'import com.contoso.UserIdentity;\n',
      '    UserIdentity id = new UserIdentity().withAutoUser(null).withScope(1);',
    );
    assert.deepEqual(await misplacedCalls(foreign), []);
    assert.deepEqual((await factsOf(foreign)).builderCalls, [], 'another library’s classes are not looked at');
  });
});

describe('java identity rules', () => {
  it('unknown-enum-member: NONADMIN → NON_ADMIN, fix-all idempotent', async () => {
    const text = inMethod(
      LEGACY,
      '    UserAccount a = new UserAccount().withName("a").withPassword(p).withElevationLevel(ElevationLevel.NONADMIN);',
      'String p',
    );
    assert.deepEqual(await only('unknown-enum-member', text), [{ rule: 'unknown-enum-member', severity: 'error', text: 'NONADMIN' }]);
    const fixed = await fixAll('java', text);
    assert.equal(fixed, text.replace('NONADMIN', 'NON_ADMIN'));
    assert.equal(await fixAll('java', fixed), fixed);
  });

  it("the migration table's sample with a missing parenthesis still yields its facts", async () => {
    const text = inMethod(
      LEGACY,
      '    CloudTask.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NONADMIN));',
    );
    assert.deepEqual(await only('unknown-enum-member', text), [{ rule: 'unknown-enum-member', severity: 'error', text: 'NONADMIN' }]);
    const [identity] = (await factsOf(text)).identities;
    assert.equal(identity.holder?.taskKind, 'task');
  });

  it('identity-conflict: user name and auto-user both set (empty name counts)', async () => {
    const text = inMethod(LEGACY, '    UserIdentity id = new UserIdentity().withUserName("").withAutoUser(new AutoUserSpecification());');
    assert.deepEqual(await only('identity-conflict', text), [{ rule: 'identity-conflict', severity: 'warning', text: 'UserIdentity' }]);
    assert.equal((await only('identity-conflict', inMethod(LEGACY, '    UserIdentity id = new UserIdentity();'))).length, 1);
  });

  it('linux-uid-gid, ssh-key-placeholder, hardcoded-password', async () => {
    const text = inMethod(
      LEGACY,
      '    UserAccount a = new UserAccount().withName("a").withPassword("Pa55word!")\n        .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1001).withSshPrivateKey(new UUID(0, 0).toString()));',
    );
    assert.deepEqual(
      (await squiggles('java', text)).map((s) => [s.rule, s.text]),
      [
        ['hardcoded-password', '"Pa55word!"'],
        ['linux-uid-gid', '1001'],
        ['ssh-key-placeholder', 'new UUID(0, 0).toString()'],
      ],
    );
  });

  it('duplicate-user on one list; unknown-user for a name no pool defines', async () => {
    const text = inMethod(
      LEGACY,
      '    List<UserAccount> users = new ArrayList<>();\n    users.add(new UserAccount().withName("admin").withPassword(p));\n    users.add(new UserAccount().withName("admin").withPassword(p));\n    StartTask s = new StartTask().withUserIdentity(new UserIdentity().withUserName("nobody"));',
      'String p',
    );
    assert.deepEqual(
      (await squiggles('java', text)).map((s) => [s.rule, s.text]),
      [
        ['duplicate-user', '"admin"'],
        ['unknown-user', '"nobody"'],
      ],
    );
  });
});
