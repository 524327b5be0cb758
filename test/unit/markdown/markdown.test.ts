/**
 * Markdown documents: the findings of their code blocks, and what fix-all makes of them. Rows of
 * a document → its exact findings (rule, severity, squiggled text) and, when it changes, the
 * document after fix-all (checked to be stable under a second fix-all). Fragments — statements
 * without a class, JSON members without braces, code whose imports are elsewhere — are read when
 * the document says it is about Batch (front matter, prose, another block's imports), and not
 * otherwise; prose, tables and inline code are never read.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { analyze, fixAll, squiggles, type Squiggle } from '../../helpers/engine';

interface Row {
  readonly name: string;
  readonly text: string;
  readonly findings: readonly (readonly [rule: string, severity: string, squiggled: string])[];
  /** The document after fix-all; absent: unchanged. */
  readonly fixed?: string;
}

const md = (...lines: string[]) => lines.join('\n') + '\n';
const simple = (s: readonly Squiggle[]) => s.map((x) => [x.rule, x.severity, x.text] as const);

function table(title: string, rows: readonly Row[]): void {
  describe(title, () => {
    for (const row of rows) {
      it(row.name, async () => {
        assert.deepEqual(simple(await squiggles('markdown', row.text)), row.findings);
        const once = await fixAll('markdown', row.text);
        assert.equal(once, row.fixed ?? row.text);
        assert.equal(await fixAll('markdown', once), once, 'fix-all twice = once');
      });
    }
  });
}

const TASK_FRAGMENT = md('```csharp', 'CloudTask render = new CloudTask("render", "render.exe");', 'render.RunElevated = true;', '```');
const TASK_FIXED = TASK_FRAGMENT.replace(
  'render.RunElevated = true;',
  'render.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
);

table('markdown: a fragment is Batch code when the document says so', [
  { name: 'nothing says so: silent', text: md('# Render', '', TASK_FRAGMENT), findings: [] },
  {
    name: 'the prose names Azure Batch',
    text: md('# Render on Azure Batch', '', TASK_FRAGMENT),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md('# Render on Azure Batch', '', TASK_FIXED),
  },
  {
    name: 'front matter `services: batch`',
    text: md('---', 'title: Render', 'services: batch', '---', '', TASK_FRAGMENT),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md('---', 'title: Render', 'services: batch', '---', '', TASK_FIXED),
  },
  {
    name: 'front matter `ms.service: azure-batch`, among other services',
    text: md('---', 'ms.service: "azure-batch"', 'services: [storage, batch]', '---', TASK_FRAGMENT),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md('---', 'ms.service: "azure-batch"', 'services: [storage, batch]', '---', TASK_FIXED),
  },
  {
    name: 'front matter of another service, and Azure Batch AI (another service) in prose: silent',
    text: md('---', 'services: storage', 'ms.service: azure-storage', '---', 'Train on Azure Batch AI.', '', TASK_FRAGMENT),
    findings: [],
  },
  {
    name: 'another block imports Batch: its imports are the fragment’s, and an import a fix needs goes into that block',
    text: md('```cs', 'using Microsoft.Azure.Batch;', '```', '', TASK_FRAGMENT),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md('```cs', 'using Microsoft.Azure.Batch;', 'using Microsoft.Azure.Batch.Common;', '```', '', TASK_FIXED),
  },
  {
    name: 'an untyped receiver: weak evidence, one step down',
    text: md('Azure Batch:', '', '```csharp', 'task.RunElevated = false;', '```'),
    findings: [['run-elevated', 'information', 'RunElevated']],
    fixed: md(
      'Azure Batch:',
      '',
      '```csharp',
      'task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));',
      '```',
    ),
  },
  {
    name: 'a block importing Batch itself is a file of its own: other blocks’ imports are not added to it',
    text: md(
      'Azure Batch',
      '',
      '```cs',
      'using Contoso.Render;',
      '```',
      '',
      '```cs',
      'using Microsoft.Azure.Batch;',
      '',
      'new Job().RunElevated = true;',
      '```',
    ),
    findings: [],
  },
  {
    name: 'a block importing only other things still gets the page’s Batch imports before its own',
    text: md(
      'Azure Batch',
      '',
      '```python',
      'import os',
      '',
      "t = batchmodels.TaskAddParameter(id='t', command_line=os.environ['CMD'], run_elevated=True)",
      '```',
    ),
    findings: [['run-elevated', 'warning', 'run_elevated']],
    fixed: md(
      'Azure Batch',
      '',
      '```python',
      'import os',
      '',
      "t = batchmodels.TaskAddParameter(id='t', command_line=os.environ['CMD'], user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))",
      '```',
    ),
  },
  {
    name: 'a Java file with its package is a file of its own',
    text: md(
      'Azure Batch',
      '',
      '```java',
      'package contoso.render;',
      '',
      'class Jobs { void run(TaskAddParameter t) { t.withRunElevated(true); } }',
      '```',
    ),
    findings: [],
  },
]);

table('markdown: fragments in each language', [
  {
    name: 'Java statements, no class: the synthetic import writes no imports into the fix',
    text: md(
      'Azure Batch',
      '',
      '```java',
      'TaskAddParameter encode = new TaskAddParameter().withId("encode").withRunElevated(false);',
      '```',
    ),
    findings: [['run-elevated', 'warning', 'withRunElevated']],
    fixed: md(
      'Azure Batch',
      '',
      '```java',
      'TaskAddParameter encode = new TaskAddParameter().withId("encode").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));',
      '```',
    ),
  },
  {
    name: 'Java: ElevationLevel.NONADMIN',
    text: md(
      '---',
      'services: batch',
      '---',
      '```java',
      'accounts.add(new UserAccount().withName(name).withPassword(secret).withElevationLevel(ElevationLevel.NONADMIN));',
      '```',
    ),
    findings: [['unknown-enum-member', 'error', 'NONADMIN']],
    fixed: md(
      '---',
      'services: batch',
      '---',
      '```java',
      'accounts.add(new UserAccount().withName(name).withPassword(secret).withElevationLevel(ElevationLevel.NON_ADMIN));',
      '```',
    ),
  },
  {
    name: 'Java: withScope on the UserIdentity, moved onto the specification',
    text: md(
      'Azure Batch',
      '',
      '```java',
      'task.withUserIdentity(new UserIdentity()',
      '    .withAutoUser(new AutoUserSpecification()',
      '        .withElevationLevel(ElevationLevel.ADMIN))',
      '        .withScope(AutoUserScope.TASK));',
      '```',
    ),
    findings: [['misplaced-call', 'error', 'withScope']],
    fixed: md(
      'Azure Batch',
      '',
      '```java',
      'task.withUserIdentity(new UserIdentity()',
      '    .withAutoUser(new AutoUserSpecification()',
      '        .withElevationLevel(ElevationLevel.ADMIN)',
      '        .withScope(AutoUserScope.TASK)));',
      '```',
    ),
  },
  {
    name: 'Python: the samples’ batchmodels alias, the module’s own names and batch.models, each fix in its call’s style',
    text: md(
      'Azure Batch',
      '',
      '```python',
      "a = batchmodels.TaskAddParameter(id='a', command_line='x', run_elevated=True)",
      "b = TaskAddParameter(id='b', command_line='x', run_elevated=False)",
      "c = batch.models.TaskAddParameter(id='c', command_line='x', run_elevated=True)",
      '```',
    ),
    findings: [
      ['run-elevated', 'warning', 'run_elevated'],
      ['run-elevated', 'warning', 'run_elevated'],
      ['run-elevated', 'warning', 'run_elevated'],
    ],
    fixed: md(
      'Azure Batch',
      '',
      '```python',
      "a = batchmodels.TaskAddParameter(id='a', command_line='x', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))",
      "b = TaskAddParameter(id='b', command_line='x', user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin)))",
      "c = batch.models.TaskAddParameter(id='c', command_line='x', user_identity=batch.models.UserIdentity(auto_user=batch.models.AutoUserSpecification(elevation_level=batch.models.ElevationLevel.admin)))",
      '```',
    ),
  },
  {
    name: 'Python: ElevationLevel.nonadmin',
    text: md(
      'Azure Batch',
      '',
      '```py',
      "user = batchmodels.UserAccount(name='render', password=secret, elevation_level=batchmodels.ElevationLevel.nonadmin)",
      '```',
    ),
    findings: [['unknown-enum-member', 'error', 'nonadmin']],
    fixed: md(
      'Azure Batch',
      '',
      '```py',
      "user = batchmodels.UserAccount(name='render', password=secret, elevation_level=batchmodels.ElevationLevel.non_admin)",
      '```',
    ),
  },
  {
    name: 'JSON members without their braces',
    text: md('Azure Batch', '', '```json', '"id": "render",', '"commandLine": "render.exe",', '"runElevated": true', '```'),
    findings: [['run-elevated', 'warning', '"runElevated"']],
    fixed: md(
      'Azure Batch',
      '',
      '```json',
      '"id": "render",',
      '"commandLine": "render.exe",',
      '"userIdentity": {"autoUser": {"elevationLevel": "admin"}}',
      '```',
    ),
  },
  {
    name: 'TypeScript: a client call on a Batch page, the models imported by the page',
    text: md(
      'Azure Batch',
      '',
      '```ts',
      "await client.task.add(jobId, { id: 'render', commandLine: 'render.exe', runElevated: true });",
      '```',
    ),
    findings: [['run-elevated', 'warning', 'runElevated']],
    fixed: md(
      'Azure Batch',
      '',
      '```ts',
      "await client.task.add(jobId, { id: 'render', commandLine: 'render.exe', userIdentity: { autoUser: { elevationLevel: 'admin' } } });",
      '```',
    ),
  },
  {
    name: 'JavaScript: properties without their object, a require of its own',
    text: md(
      '```js',
      "const batch = require('azure-batch');",
      'client.task.add(jobId, {',
      "  commandLine: 'render.exe',",
      '  runElevated: false,',
      '});',
      '```',
    ),
    findings: [['run-elevated', 'warning', 'runElevated']],
    fixed: md(
      '```js',
      "const batch = require('azure-batch');",
      'client.task.add(jobId, {',
      "  commandLine: 'render.exe',",
      "  userIdentity: { autoUser: { elevationLevel: 'nonAdmin' } },",
      '});',
      '```',
    ),
  },
  {
    name: 'JSON: a REST body needs no evidence beyond its shape',
    text: md('```json', '{"id": "render", "commandLine": "render.exe", "runElevated": false}', '```'),
    findings: [['run-elevated', 'warning', '"runElevated"']],
    fixed: md(
      '```json',
      '{"id": "render", "commandLine": "render.exe", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}',
      '```',
    ),
  },
  {
    name: 'C#: an initializer member without its `;` (the draft page’s shape), NONADMIN',
    text: md(
      'Azure Batch',
      '',
      '```csharp',
      'UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NONADMIN))',
      '```',
    ),
    findings: [['unknown-enum-member', 'error', 'NONADMIN']],
    fixed: md(
      'Azure Batch',
      '',
      '```csharp',
      'UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin))',
      '```',
    ),
  },
  {
    name: 'C#: a GUID as the SSH key and a literal password in a pool fragment',
    text: md(
      'Azure Batch',
      '',
      '```csharp',
      'pool.UserAccounts = new List<UserAccount>',
      '{',
      '    new UserAccount(',
      '        name: "render",',
      '        password: "render-2019",',
      '        linuxUserConfiguration: new LinuxUserConfiguration(uid: 1000, gid: 1000, sshPrivateKey: new Guid().ToString())),',
      '};',
      '```',
    ),
    findings: [
      ['hardcoded-password', 'warning', '"render-2019"'],
      ['ssh-key-placeholder', 'warning', 'new Guid().ToString()'],
    ],
  },
]);

table('markdown: only code blocks are read', [
  {
    name: 'prose, inline code, a table, HTML, an indented code block and a shell block say nothing',
    text: md(
      '# Azure Batch',
      '',
      'Set `task.RunElevated = true;` and `"runElevated": true` — or `ElevationLevel.NONADMIN`.',
      '',
      '| Before | After |',
      '| --- | --- |',
      '| `CloudTask.RunElevated = true;` | `run_elevated=True` |',
      '',
      '<pre><code>task.RunElevated = true;</code></pre>',
      '',
      '    CloudTask t = new CloudTask("a", "b");',
      '    t.RunElevated = true;',
      '',
      '```sh',
      'az batch task create --json-file \'{"runElevated": true}\'',
      '```',
    ),
    findings: [],
  },
  {
    name: 'a Markdown sample is about Markdown: the code blocks it shows are not read',
    text: md('Azure Batch', '', '````markdown', '```cs', 'CloudTask t = new CloudTask("a", "b");', 't.RunElevated = true;', '```', '````'),
    findings: [],
  },
]);

table('markdown: blocks in lists, quotes and indented fences, and CRLF', [
  {
    name: 'a numbered list: the fix stays in the item’s indentation',
    text: md(
      'Azure Batch',
      '',
      '1. Add the task:',
      '',
      '   ```cs',
      '   CloudTask t = new CloudTask("a", "b");',
      '   t.RunElevated = true;',
      '   ```',
    ),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md(
      'Azure Batch',
      '',
      '1. Add the task:',
      '',
      '   ```cs',
      '   CloudTask t = new CloudTask("a", "b");',
      '   t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
      '   ```',
    ),
  },
  {
    name: 'a quote holding Python: the fix keeps the quote marks',
    text: md('Azure Batch', '', '> ```python', '> t = batchmodels.TaskAddParameter(', ">     id='t',", '>     run_elevated=True)', '> ```'),
    findings: [['run-elevated', 'warning', 'run_elevated']],
    fixed: md(
      'Azure Batch',
      '',
      '> ```python',
      '> t = batchmodels.TaskAddParameter(',
      ">     id='t',",
      '>     user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))',
      '> ```',
    ),
  },
  {
    name: 'a list in a quote, JSON',
    text: md(
      'Azure Batch',
      '',
      '> - The body:',
      '>',
      '>   ```jsonc',
      '>   {"id": "t", "commandLine": "x", "runElevated": true}',
      '>   ```',
    ),
    findings: [['run-elevated', 'warning', '"runElevated"']],
    fixed: md(
      'Azure Batch',
      '',
      '> - The body:',
      '>',
      '>   ```jsonc',
      '>   {"id": "t", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}}',
      '>   ```',
    ),
  },
  {
    name: 'an indented fence and ~~~: the fence’s indentation is kept',
    text: md('Azure Batch', '', '  ~~~cs', '  CloudTask t = new CloudTask("a", "b");', '  t.RunElevated = false;', '  ~~~'),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: md(
      'Azure Batch',
      '',
      '  ~~~cs',
      '  CloudTask t = new CloudTask("a", "b");',
      '  t.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));',
      '  ~~~',
    ),
  },
  {
    name: 'CRLF, with an import added to the importing block in a list item',
    text: ['- Imports:', '', '  ```cs', '  using Microsoft.Azure.Batch;', '  ```', '', TASK_FRAGMENT.trimEnd(), '']
      .join('\r\n')
      .replace(/\n(?<!\r\n)/g, '\r\n'),
    findings: [['run-elevated', 'warning', 'RunElevated']],
    fixed: [
      '- Imports:',
      '',
      '  ```cs',
      '  using Microsoft.Azure.Batch;',
      '  using Microsoft.Azure.Batch.Common;',
      '  ```',
      '',
      TASK_FIXED.trimEnd(),
      '',
    ]
      .join('\r\n')
      .replace(/\n(?<!\r\n)/g, '\r\n'),
  },
]);

table('markdown: each block is a sample of its own', [
  {
    name: 'two blocks defining the same accounts on their own pools: no duplicate',
    text: md(
      'Azure Batch',
      '',
      '```cs',
      'pool.UserAccounts = new List<UserAccount> { new UserAccount("render", secret) };',
      '```',
      '',
      '```cs',
      'pool.UserAccounts = new List<UserAccount> { new UserAccount("render", secret) };',
      '```',
    ),
    findings: [],
  },
  {
    name: 'one block defining it twice on one pool: duplicate',
    text: md(
      'Azure Batch',
      '',
      '```cs',
      'pool.UserAccounts = new List<UserAccount> { new UserAccount("render", secret), new UserAccount("render", other) };',
      '```',
    ),
    findings: [['duplicate-user', 'warning', '"render"']],
  },
  {
    name: 'a task declared in one block and elevated in the next: the next does not know its type (weak)',
    text: md('Azure Batch', '', '```cs', 'CloudTask t = new CloudTask("a", "b");', '```', '', '```cs', 't.RunElevated = true;', '```'),
    findings: [['run-elevated', 'information', 'RunElevated']],
    fixed: md(
      'Azure Batch',
      '',
      '```cs',
      'CloudTask t = new CloudTask("a", "b");',
      '```',
      '',
      '```cs',
      't.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
      '```',
    ),
  },
]);

describe('markdown: the document is its own workspace', () => {
  const DOC = md(
    'Azure Batch',
    '',
    '```cs',
    'pool.UserAccounts = new List<UserAccount> { new UserAccount("render", secret) };',
    '```',
    '',
    '```cs',
    'CloudTask a = new CloudTask("a", "x") { UserIdentity = new UserIdentity("render") };',
    'CloudTask b = new CloudTask("b", "x") { UserIdentity = new UserIdentity("deploy") };',
    '```',
  );

  it('a named user resolves among the page’s accounts, not the workspace’s', async () => {
    const workspace = new AccountIndex();
    workspace.update('file:///ws/Pool.cs', [{ name: 'deploy', uri: 'file:///ws/Pool.cs', line: 3 }]);
    assert.deepEqual(simple(await squiggles('markdown', DOC, { workspace })), [['unknown-user', 'warning', '"deploy"']]);
  });

  it('the hover on a named user says where the page defines it, not where the workspace does', async () => {
    const workspace = new AccountIndex();
    workspace.update('file:///ws/Pool.cs', [{ name: 'render', uri: 'file:///ws/Pool.cs', line: 3 }]);
    const analysis = await analyze('markdown', DOC, { workspace });
    analysis.release();
    const at = (needle: string) => hoverAt(analysis, DOC.indexOf(needle) + 1, workspace)!.markdown.split('\n');
    assert.ok(
      at('UserIdentity("render")').includes(
        '**named user `render` · non-admin (default) · defined in [test.markdown:4](file:///test.markdown#L4)**',
      ),
    );
    assert.ok(at('UserIdentity("deploy")').includes('**named user `deploy` · not defined on any pool in this workspace**'));
  });

  it('its accounts are not the workspace’s', async () => {
    const analysis = await analyze('markdown', DOC);
    analysis.release();
    assert.equal(analysis.facts.accounts.length, 1);
    assert.equal(analysis.facts.standalone, true);
    assert.deepEqual(accountsIn('file:///ws/README.md', DOC, analysis.facts), []);
  });
});

describe('markdown: the README’s example is what the engine does', () => {
  it('the first ````markdown block has one run-elevated, and fix-all gives the second block in place', async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const [before, after] = [...readme.matchAll(/````markdown\n([\s\S]*?)````/g)].map((m) => m[1]);
    assert.deepEqual(simple(await squiggles('markdown', before)), [['run-elevated', 'warning', 'RunElevated']]);
    const fixed = await fixAll('markdown', before);
    assert.ok(fixed.endsWith(after), fixed);
    assert.equal(fixed.replace(after, ''), before.slice(0, before.indexOf('   ```cs')));
  });
});
