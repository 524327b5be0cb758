import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../../server/src/engine/engine';
import { hoverAt, wrappable } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { analyze } from '../../helpers/engine';

/** The hover at the first occurrence of `needle` (offset inside it). */
async function hover(text: string, needle: string, workspace?: AccountIndex, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `no '${needle}' in the text`);
  const analysis = await analyze('json', text, { workspace });
  return hoverAt(analysis, at + 1, workspace)?.markdown;
}

const engine = new Engine();

describe('hovers (JSON; the same code serves all four languages)', () => {
  it("runElevated: this file's exact replacement first, then why", async () => {
    const md = await hover('{"id": "t", "commandLine": "x", "runElevated": true}', '"runElevated"');
    assert.ok(md);
    assert.ok(md.startsWith('In this file it becomes:\n\n```json\n"userIdentity": {"autoUser": {"elevationLevel": "admin"}}\n```\n'), md);
    assert.match(md, /service version 2017-01-01\.4\.0 or later are documented to fail/);
    assert.match(md, /docs\/rules\/run-elevated\.md/);
  });

  it('elevation members: what each grants, NonAdmin the default', async () => {
    const text = '{"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}';
    assert.match((await hover(text, '"admin"'))!, /elevated access and operates with full Administrator permissions/);
    const nonAdmin = await hover(text.replace('"admin"', '"nonadmin"'), '"nonadmin"');
    assert.match(nonAdmin!, /\*\*"elevationLevel": "nonadmin"\*\* — a standard account without elevated access\. The default\./);
  });

  it('scope members: task isolation; pool sharing and the default history', async () => {
    const text = '{"commandLine": "x", "userIdentity": {"autoUser": {"scope": "pool"}}}';
    const pool = await hover(text, '"pool"');
    assert.match(pool!, /every pool-scope task of the same elevation shares it/);
    assert.match(pool!, /the two accounts cannot share data with each other/);
    assert.match(
      pool!,
      /\*\*pool\*\* since service version 2019-08-01\.10\.0; before that it was task on Windows nodes and pool on Linux nodes/,
    );
    const task = await hover(text.replace('"pool"', '"task"'), '"task"');
    assert.match(task!, /on Windows nodes, an auto-user account created for this task alone/);
    assert.match(task!, /a task with admin elevation can reach other task directories/);
  });

  it('an auto-user identity: the effective identity line, defaults named', async () => {
    const text = '{"startTask": {"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}, "vmSize": "s"}';
    const md = await hover(text, '"userIdentity"');
    assert.match(md!, /The start task runs as:/);
    assert.match(md!, /\*\*auto-user · admin · pool scope \(default\)\*\*/);
    assert.match(md!, /start-task and job-preparation directories/);
    assert.match(md!, /multi-instance/);
    assert.match(md!, /with admin elevation it can also reach other task directories/);
  });

  it('a named identity resolves through the workspace index', async () => {
    const index = new AccountIndex();
    index.update('file:///ws/pool.json', [{ name: 'adminUser', uri: 'file:///ws/pool.json', line: 41, elevation: 'admin', uid: 12345 }]);
    const md = await hover('{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}', '"userIdentity"', index);
    // A link to the account's name line, in the line fragment VS Code's link opener reads.
    assert.match(
      md!,
      /\*\*named user `adminUser` · admin · Linux uid 12345 · defined in \[ws\/pool\.json:42\]\(file:\/\/\/ws\/pool\.json#L42\)\*\*/,
    );
    const unknown = await hover('{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}', '"userIdentity"', index);
    assert.match(unknown!, /named user `ghost` · not defined on any pool in this workspace/);
  });

  it('a user name says which account it resolves to (a link to its definition), also beside an auto-user set wrongly', async () => {
    const index = new AccountIndex();
    index.update('file:///ws/pool.json', [
      { name: 'adminUser', uri: 'file:///ws/pool.json', line: 41, elevation: 'admin', uid: 12345, gid: 100, linux: true },
      { name: 'winUser', uri: 'file:///ws/pool.json', line: 50, windows: true, loginMode: 'batch' },
    ]);
    const conflicting = '{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser", "autoUser": {"scope": "task"}}}';
    // The identity explains the conflict; the name itself, the account.
    assert.match((await hover(conflicting, '"userIdentity"', index))!, /Rule identity-conflict/);
    const md = (await hover(conflicting, '"adminUser"', index))!;
    assert.match(md, /^\*\*Named user `adminUser`\*\*/);
    assert.match(md, /Resolves to the pool user account defined in \[ws\/pool\.json:42\]\(file:\/\/\/ws\/pool\.json#L42\):/);
    assert.match(md, /\*\*admin · Linux uid\/gid 12345\/100\*\*/);
    const windows = (await hover('{"id": "t", "commandLine": "x", "userIdentity": {"username": "winUser"}}', '"winUser"', index))!;
    assert.match(windows, /\*\*non-admin \(default\) · Windows login mode batch\*\*/);
    const ghost = (await hover('{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}', '"ghost"', index))!;
    assert.match(ghost, /Not defined on any pool in this workspace\./);
  });

  it('"defined in": relative to the task file when near, else the file name; escaped URIs read as paths', async () => {
    const text = '{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}';
    const definedIn = async (poolUri: string, taskUri: string) => {
      const index = new AccountIndex();
      index.update(poolUri, [{ name: 'adminUser', uri: poolUri, line: 0, elevation: 'admin' }]);
      const analysis = await engine.analyze({ uri: taskUri, languageId: 'json', text }, { workspace: index });
      return /defined in \[(.+):1\]\(.+#L1\)\*\*/.exec(hoverAt(analysis, text.indexOf('"userIdentity"') + 1, index)!.markdown)?.[1];
    };
    assert.equal(await definedIn('file:///repo/jobs/pool.json', 'file:///repo/jobs/task.json'), 'pool.json');
    assert.equal(await definedIn('file:///repo/my%20pools/pool%231.json', 'file:///repo/jobs/task.json'), '../my pools/pool#1.json');
    assert.equal(await definedIn('file:///elsewhere/a/b/c/pool.json', 'file:///repo/jobs/task.json'), 'pool.json');
    assert.equal(await definedIn('file:///repo/pool.json', 'untitled:Untitled-1'), 'pool.json');
  });

  it('"defined in" links to the line of the account\'s "name", not of its opening brace (issue 14 item 8)', async () => {
    const pool =
      '{\n  "id": "render-pool",\n  "vmSize": "s",\n  "userAccounts": [\n    {\n      "name": "adminUser",\n      "elevationLevel": "admin"\n    }\n  ]\n}\n';
    const poolUri = 'file:///repo/pools/render_pool%20(copy).json';
    const poolAnalysis = await engine.analyze({ uri: poolUri, languageId: 'json', text: pool });
    poolAnalysis.release();
    const index = new AccountIndex();
    index.update(poolUri, accountsIn(poolUri, pool, poolAnalysis.facts));
    const nameLine = pool.split('\n').findIndex((l) => l.includes('"name"'));
    assert.deepEqual(
      index.lookup('adminUser').map((a) => a.line),
      [nameLine],
    );
    const md = await hover('{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}', '"userIdentity"', index);
    // Link text escaped for Markdown, the URI's parentheses escaped so the link ends where it should.
    assert.ok(
      md!.includes(
        `defined in [repo/pools/render\\_pool (copy).json:${nameLine + 1}](file:///repo/pools/render_pool%20%28copy%29.json#L${nameLine + 1})**`,
      ),
      md,
    );
  });

  it('user accounts and their Linux/Windows settings never show the password or key', async () => {
    const secret = 'Sup3rSecret!';
    const key = 'KEYMATERIAL'.repeat(20);
    const text = `{"id": "p", "vmSize": "s", "userAccounts": [{"name": "mpi", "password": "${secret}", "elevationLevel": "admin", "linuxUserConfiguration": {"uid": 1001, "gid": 1002, "sshPrivateKey": "${key}"}, "windowsUserConfiguration": {"loginMode": "interactive"}}]}`;
    const account = await hover(text, '"name"');
    assert.match(account!, /name `mpi` · admin · password set · Linux uid\/gid 1001\/1002 · SSH private key set/);
    const linux = await hover(text, '"linuxUserConfiguration"');
    assert.match(linux!, /"must be specified together or not at all"/);
    assert.match(linux!, /uid 1001, gid 1002/);
    assert.match(linux!, /key-based SSH between the pool's nodes/);
    const windows = await hover(text, '"windowsUserConfiguration"');
    assert.match(windows!, /UAC is enabled/);
    for (const md of [account, linux, windows]) {
      assert.ok(!md!.includes(secret) && !md!.includes('KEYMATERIAL'));
    }
  });

  it('a replacement too long to wrap at spaces is broken after its parentheses, never inside a string, meaning the same', () => {
    const python =
      'user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin))';
    assert.equal(
      wrappable(python),
      'user_identity=batchmodels.UserIdentity(\n    auto_user=batchmodels.AutoUserSpecification(\n        elevation_level=batchmodels.ElevationLevel.admin))',
    );
    // Short runs: as written (the hover wraps at spaces).
    const csharp = 'UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin))';
    assert.equal(wrappable(csharp), csharp);
    // A parenthesis inside a string literal (an ARM expression) is text, not code.
    const arm = `"elevationLevel":"[if(parameters('elevatedTaskOnTheRenderPool'),'Admin','NonAdmin')]",${'"x":1,'.repeat(3)}`;
    assert.equal(wrappable(arm), arm);
    const quoted = `f(x='a(b)${'c'.repeat(60)}',y=g())`;
    assert.equal(wrappable(quoted), `f(\n    x='a(b)${'c'.repeat(60)}',y=g())`);
    for (const code of [python, quoted]) assert.equal(wrappable(code).replace(/\s/g, ''), code.replace(/\s/g, ''));
  });

  it('nothing to say outside identity code', async () => {
    assert.equal(await hover('{"id": "t", "commandLine": "x", "runElevated": true}', '"commandLine"'), undefined);
  });
});
