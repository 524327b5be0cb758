/**
 * Named users as symbols and "runs as", per language, from the facts alone: where a file defines
 * and names an account (what definition, references and rename work on), and what each task runs
 * as (the inlay hints and the outline).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageId } from '../../../server/src/engine/facts';
import { runsAsHintLabel, runsAsLabel, tasksRunAs } from '../../../server/src/navigation/runsAs';
import { literalContent, userNameSites, unwritableName } from '../../../server/src/navigation/userNames';
import { AccountIndex, definedAccounts, namedUserReferences } from '../../../server/src/workspace/accountIndex';
import { analyze } from '../../helpers/engine';

/**
 * Each sample defines the account `adminUser` (admin) and builds four tasks: one with no identity,
 * one run as adminUser, one as an admin task-scope auto-user, one given an identity from a parameter.
 */
const SAMPLES: Record<Exclude<LanguageId, 'json' | 'markdown'>, string> = {
  csharp: `using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

class Setup
{
    void Run(CloudPool pool, UserIdentity shared)
    {
        pool.UserAccounts = new List<UserAccount> { new UserAccount("adminUser", "pw", ElevationLevel.Admin) };
        var plain = new CloudTask("plain", "cmd /c a");
        var named = new CloudTask("named", "cmd /c b") { UserIdentity = new UserIdentity("adminUser") };
        var auto = new CloudTask("auto", "cmd /c c") { UserIdentity = new UserIdentity(new AutoUserSpecification(scope: AutoUserScope.Task, elevationLevel: ElevationLevel.Admin)) };
        var other = new CloudTask("other", "cmd /c d") { UserIdentity = shared };
    }
}
`,
  java: `import com.microsoft.azure.batch.protocol.models.*;
import java.util.Arrays;

class Setup {
    void run(PoolAddParameter pool, UserIdentity shared) {
        pool.withUserAccounts(Arrays.asList(new UserAccount().withName("adminUser").withPassword("pw").withElevationLevel(ElevationLevel.ADMIN)));
        TaskAddParameter plain = new TaskAddParameter().withId("plain").withCommandLine("a");
        TaskAddParameter named = new TaskAddParameter().withId("named").withCommandLine("b").withUserIdentity(new UserIdentity().withUserName("adminUser"));
        TaskAddParameter auto = new TaskAddParameter().withId("auto").withCommandLine("c").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withScope(AutoUserScope.TASK).withElevationLevel(ElevationLevel.ADMIN)));
        TaskAddParameter other = new TaskAddParameter().withId("other").withCommandLine("d").withUserIdentity(shared);
    }
}
`,
  python: `import azure.batch.models as batchmodels


def run(pool, shared):
    pool.user_accounts = [batchmodels.UserAccount(name='adminUser', password='pw', elevation_level=batchmodels.ElevationLevel.admin)]
    plain = batchmodels.TaskAddParameter(id='plain', command_line='a')
    named = batchmodels.TaskAddParameter(id='named', command_line='b', user_identity=batchmodels.UserIdentity(user_name='adminUser'))
    auto = batchmodels.TaskAddParameter(id='auto', command_line='c', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(scope=batchmodels.AutoUserScope.task, elevation_level=batchmodels.ElevationLevel.admin)))
    other = batchmodels.TaskAddParameter(id='other', command_line='d', user_identity=shared)
`,
  typescript: `import { BatchServiceClient, BatchServiceModels } from '@azure/batch';

export async function run(client: BatchServiceClient, shared: BatchServiceModels.UserIdentity): Promise<void> {
  await client.pool.add({ id: 'p', vmSize: 's', userAccounts: [{ name: 'adminUser', password: 'pw', elevationLevel: 'admin' }] });
  const plain: BatchServiceModels.TaskAddParameter = { id: 'plain', commandLine: 'a' };
  const named = { id: 'named', commandLine: 'b', userIdentity: { userName: 'adminUser' } };
  await client.task.addCollection('job', [plain, named]);
  await client.task.add('job', { id: 'auto', commandLine: 'c', userIdentity: { autoUser: { scope: 'task', elevationLevel: 'admin' } } });
  const other = { id: 'other', commandLine: 'd', userIdentity: shared };
  await client.task.add('job', other);
}
`,
};
/** Where each language's "runs as" hint anchors: the task's type name, or in TypeScript its variable (else its opening brace). */
const TASK_NAMES: Record<keyof typeof SAMPLES, RegExp> = {
  csharp: /^CloudTask$/,
  java: /^TaskAddParameter$/,
  python: /^TaskAddParameter$/,
  typescript: /^(plain|named|other|\{)$/,
};

const EXPECTED_RUNS_AS = ['auto-user · non-admin (default)', 'adminUser · admin', 'task auto-user · admin', 'set elsewhere'];

async function runsAs(language: LanguageId, text: string, index?: AccountIndex) {
  const analysis = await analyze(language, text, { tasks: true });
  analysis.release();
  const workspace = index ?? new AccountIndex();
  if (!index) workspace.update(analysis.uri, definedAccounts(analysis.uri, text, analysis.facts));
  return {
    analysis,
    labels: tasksRunAs(analysis.facts, workspace).map(({ runsAs }) => {
      const { user, text: rest } = runsAsLabel(runsAs);
      return (user ?? '') + rest;
    }),
    /** The inlay hints' shorter labels. */
    hintLabels: tasksRunAs(analysis.facts, workspace).map(({ runsAs }) => {
      const { user, text: rest } = runsAsHintLabel(runsAs);
      return (user ?? '') + rest;
    }),
  };
}

describe('"runs as" of every task a file builds, defaults included', () => {
  for (const [language, text] of Object.entries(SAMPLES)) {
    it(language, async () => {
      const { analysis, labels } = await runsAs(language as LanguageId, text);
      assert.deepEqual(labels, EXPECTED_RUNS_AS);
      // Each hint anchors at the task's type name (TypeScript: its variable or brace).
      for (const task of analysis.facts.tasks)
        assert.match(text.slice(task.nameSpan.start, task.nameSpan.end), TASK_NAMES[language as keyof typeof SAMPLES]);
    });
  }

  it('json: a pool with its start task, and a task collection naming its account', async () => {
    const pool =
      '{\n  "id": "p",\n  "vmSize": "s",\n  "userAccounts": [{ "name": "adminUser", "elevationLevel": "admin" }],\n  "startTask": { "commandLine": "a" }\n}\n';
    const defined = await runsAs('json', pool);
    assert.deepEqual(defined.labels, ['auto-user · non-admin (default)']);
    const index = new AccountIndex();
    index.update('file:///pool.json', definedAccounts('file:///pool.json', pool, defined.analysis.facts));
    const tasks =
      '{ "value": [\n' +
      '  { "id": "named", "commandLine": "b", "userIdentity": { "username": "adminUser" } },\n' +
      '  { "id": "auto", "commandLine": "c", "userIdentity": { "autoUser": { "scope": "task", "elevationLevel": "admin" } } },\n' +
      '  { "id": "pool-admin", "commandLine": "c", "userIdentity": { "autoUser": { "elevationLevel": "admin" } } },\n' +
      '  { "id": "task-default", "commandLine": "c", "userIdentity": { "autoUser": { "scope": "task" } } },\n' +
      '  { "id": "ghost", "commandLine": "d", "userIdentity": { "username": "ghost" } }\n' +
      '] }\n';
    const found = await runsAs('json', tasks, index);
    assert.deepEqual(found.labels, [
      'adminUser · admin',
      'task auto-user · admin',
      'pool auto-user (default scope) · admin',
      'task auto-user · non-admin (default)',
      'ghost · not defined on any pool in this workspace',
    ]);
    // A hint names an auto-user by scope and elevation alone (its tooltip says which are defaults), so
    // that the common ones fit in what VS Code shows of a hint (43 characters with `runs as: `).
    assert.deepEqual(found.hintLabels, [
      'adminUser · admin',
      'task auto-user · admin',
      'pool auto-user · admin',
      'task auto-user · non-admin',
      'ghost · not defined on any pool in this workspace',
    ]);
    for (const label of found.hintLabels.slice(0, 4)) assert.ok(`runs as: ${label}`.length <= 43, label);
  });

  it('typescript: a start task and a job manager task by their kinds, keyed by the property that holds them; look-alikes are no tasks', async () => {
    const text = `import { BatchServiceClient } from '@azure/batch';

export async function run(client: BatchServiceClient, runner: { run(o: object): void }): Promise<void> {
  await client.pool.add({ id: 'p', vmSize: 's', startTask: { commandLine: 'setup', userIdentity: { autoUser: { elevationLevel: 'admin' } } } });
  await client.job.add({ id: 'j', poolInfo: { poolId: 'p' }, jobManagerTask: { id: 'm', commandLine: 'manage' } });
  runner.run({ id: 'mine', commandLine: 'not a task' });
}
`;
    const { analysis, labels } = await runsAs('typescript', text);
    assert.deepEqual(labels, ['pool auto-user (default scope) · admin', 'auto-user · non-admin (default)']);
    assert.deepEqual(
      analysis.facts.tasks.map((t) => [t.holder.taskKind, text.slice(t.nameSpan.start, t.nameSpan.end)]),
      [
        ['startTask', 'startTask'],
        ['jobManagerTask', 'jobManagerTask'],
      ],
    );
  });

  it('an identity the service rejects (both a named user and an auto-user) gets no "runs as"', async () => {
    const text = '{ "value": [{ "id": "x", "commandLine": "b", "userIdentity": { "username": "u", "autoUser": { "scope": "task" } } }] }';
    assert.deepEqual((await runsAs('json', text)).labels, []);
  });

  it('a task that sets runElevated and no identity gets no "runs as": the run-elevated diagnostic speaks for it', async () => {
    const text = '{ "value": [{ "id": "x", "commandLine": "b", "runElevated": true }, { "id": "y", "commandLine": "c" }] }';
    assert.deepEqual((await runsAs('json', text)).labels, ['auto-user · non-admin (default)']);
  });

  it('a file that only builds tasks is parsed for them when asked, and only then', async () => {
    const text = 'import azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id="t", command_line="a")\n';
    assert.deepEqual((await runsAs('python', text)).labels, ['auto-user · non-admin (default)']);
    const unasked = await analyze('python', text);
    assert.equal(unasked.facts.tasks.length, 0);
  });
});

describe('account names and named users as sites', () => {
  for (const [language, text] of Object.entries(SAMPLES)) {
    it(`${language}: the definition and the reference, each the name between its quotes`, async () => {
      const analysis = await analyze(language as LanguageId, text);
      analysis.release();
      const sites = userNameSites(analysis.facts);
      assert.deepEqual(
        sites.map((s) => [s.role, s.name, s.nameSpan && text.slice(s.nameSpan.start, s.nameSpan.end)]),
        [
          ['definition', 'adminUser', 'adminUser'],
          ['reference', 'adminUser', 'adminUser'],
        ],
      );
      const [reference] = namedUserReferences(analysis.uri, text, analysis.facts);
      const line = text.split('\n')[reference.range.start.line];
      assert.equal(line.slice(reference.range.start.character, reference.range.end.character), 'adminUser');
      const [account] = definedAccounts(analysis.uri, text, analysis.facts);
      const accountLine = text.split('\n')[account.range!.start.line];
      assert.equal(accountLine.slice(account.range!.start.character, account.range!.end.character), 'adminUser');
    });
  }

  it('a name built at run time is a site without a name; one written with escapes has no span to rename', async () => {
    const text = `using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t, string who) { t.UserIdentity = new UserIdentity(who); var u = new UserIdentity(@"a""b"); } }\n`;
    const analysis = await analyze('csharp', text);
    analysis.release();
    const sites = userNameSites(analysis.facts);
    assert.deepEqual(
      sites.map((s) => [text.slice(s.span.start, s.span.end), s.name, s.nameSpan]),
      [
        ['who', undefined, undefined],
        ['@"a""b"', 'a"b', undefined],
      ],
    );
  });

  it('literal content: quotes and prefixes, escapes refused', () => {
    const at = (text: string, value: string) => literalContent({ kind: 'string', value, text, span: { start: 10, end: 10 + text.length } });
    assert.deepEqual(at('"abc"', 'abc'), { start: 11, end: 14 });
    assert.deepEqual(at("r'abc'", 'abc'), { start: 12, end: 15 });
    assert.equal(at('"a\\u0062"', 'ab'), undefined);
    assert.equal(at("'''abc'''", 'abc'), undefined);
  });

  it('a new name that every language writes alike', () => {
    assert.equal(unwritableName('batchUser2'), undefined);
    assert.ok(unwritableName(''));
    assert.ok(unwritableName('a"b'));
    assert.ok(unwritableName('a\\b'));
  });
});
