/**
 * C# `global using` directives in one file (GlobalUsings.cs), or MSBuild `<Using Include>` items
 * in a project file, serve every file of the project: a file that names Batch types without
 * usings of its own is Batch code when the workspace imports Batch globally — in the engine, the
 * CLI and the server.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { Engine } from '../../../server/src/engine/engine';
import { isProjectFile, usingsOfProjectFile } from '../../../server/src/workspace/msbuild';
import { cli, scratchTrees } from '../../helpers/cli';
import { serverForTest } from '../../helpers/lspClient';

const engine = new Engine();
const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const tree = scratchTrees('bi-global-usings');

const GLOBAL_USINGS = [
  'global using System;',
  'global using Microsoft.Azure.Batch;',
  'global using static System.Math;',
  'global using BatchCommon = Microsoft.Azure.Batch.Common;',
  '// global using Microsoft.Azure.Batch.Protocol.Models;',
  '',
].join('\n');

/** Batch code without usings of its own: it relies on GlobalUsings.cs. */
const TASKS = [
  'class Tasks',
  '{',
  '    void Configure(CloudTask task)',
  '    {',
  '        task.RunElevated = true;',
  '    }',
  '}',
  '',
].join('\n');
const ADMIN = 'task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));';

const POOL = [
  'using System.Collections.Generic;',
  '',
  'class Pools',
  '{',
  '    void Configure(CloudPool pool, string secret)',
  '    {',
  '        pool.UserAccounts = new List<UserAccount> { new UserAccount("opsUser", secret) };',
  '    }',
  '}',
  '',
].join('\n');

/** An SDK-style project importing Batch and its enums for all its files, saved with a BOM as Visual Studio does. */
const PROJECT = [
  '\uFEFF<Project Sdk="Microsoft.NET.Sdk">',
  '  <ItemGroup>',
  '    <PackageReference Include="Microsoft.Azure.Batch" Version="16.2.0" />',
  '    <Using Include="Microsoft.Azure.Batch" />',
  '    <Using Include="Microsoft.Azure.Batch.Common" />',
  '  </ItemGroup>',
  '</Project>',
  '',
].join('\n');

const analyze = (text: string, workspaceImports?: string[]) =>
  engine.analyze({ uri: 'file:///ws/Tasks.cs', languageId: 'csharp', text }, { workspaceImports });

describe('C# global usings: the engine', () => {
  it('a file’s project imports are its plain `global using` targets, read from the tree', async () => {
    assert.deepEqual(await engine.projectImportsOf({ uri: 'file:///ws/GlobalUsings.cs', languageId: 'csharp', text: GLOBAL_USINGS }), [
      'System',
      'Microsoft.Azure.Batch',
    ]);
    assert.deepEqual(
      await engine.projectImportsOf({
        uri: 'file:///ws/A.cs',
        languageId: 'csharp',
        text: 'using Microsoft.Azure.Batch;\nclass A { string s = "global using X;"; }\n',
      }),
      [],
    );
    assert.deepEqual(await engine.projectImportsOf({ uri: 'file:///ws/a.py', languageId: 'python', text: 'global using' }), []);
    // An analysis reports them too, also for a file with no identity word (which is not analysed).
    const analysis = await engine.analyze({ uri: 'file:///ws/GlobalUsings.cs', languageId: 'csharp', text: GLOBAL_USINGS });
    assert.equal(analysis.prefiltered, true);
    assert.deepEqual(analysis.projectImports, ['System', 'Microsoft.Azure.Batch']);
  });

  it('Batch code without usings is found only when the project imports Batch', async () => {
    assert.deepEqual((await analyze(TASKS)).findings, [], 'no evidence of Batch: silent, as before');
    assert.deepEqual((await analyze(TASKS, ['System'])).findings, []);
    const found = (await analyze(TASKS, ['Microsoft.Azure.Batch'])).findings;
    assert.deepEqual(
      found.map((f) => `${f.rule} ${f.severity}`),
      ['run-elevated warning'],
    );
  });

  it('the fix adds only the usings the project does not import, and twice equals once', async () => {
    const withoutCommon = await engine.fixAll(
      { uri: 'file:///ws/Tasks.cs', languageId: 'csharp', text: TASKS },
      { workspaceImports: ['Microsoft.Azure.Batch'] },
    );
    assert.equal(withoutCommon.text, `using Microsoft.Azure.Batch.Common;\n\n${TASKS.replace('task.RunElevated = true;', ADMIN)}`);
    const withCommon = await engine.fixAll(
      { uri: 'file:///ws/Tasks.cs', languageId: 'csharp', text: TASKS },
      { workspaceImports: ['Microsoft.Azure.Batch', 'Microsoft.Azure.Batch.Common'] },
    );
    assert.equal(withCommon.text, TASKS.replace('task.RunElevated = true;', ADMIN));
    const again = await engine.fixAll(
      { uri: 'file:///ws/Tasks.cs', languageId: 'csharp', text: withCommon.text },
      { workspaceImports: ['Microsoft.Azure.Batch', 'Microsoft.Azure.Batch.Common'] },
    );
    assert.equal(again.changed, false);
    // The statement is the one written for a file with the usings of its own (whose fixes compile: csharp/compile.test.ts).
    const explicit = await engine.fixAll({
      uri: 'file:///ws/Tasks.cs',
      languageId: 'csharp',
      text: `using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\n${TASKS}`,
    });
    assert.ok(explicit.text.includes(ADMIN));
  });
});

describe('MSBuild Using items', () => {
  it('Include adds namespaces (several with ;), Alias and Static bring no namespace, Remove takes one out; names are case-insensitive', () => {
    const project = `<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup Condition="'$(Configuration)' == 'Release'">
    <Using Include="Microsoft.Azure.Batch" />
    <using include="Contoso.Jobs; Contoso.Pools" />
    <Using Include="Microsoft.Azure.Batch.Common" Alias="Common" />
    <Using Include="System.Math" Static="true" />
    <Using Remove="Contoso.Pools" />
  </ItemGroup>
</Project>`;
    assert.deepEqual(usingsOfProjectFile(project), ['Microsoft.Azure.Batch', 'Contoso.Jobs']);
  });

  it('malformed XML imports nothing; only project files are read', () => {
    assert.deepEqual(usingsOfProjectFile('<Project><ItemGroup><Using Include="Microsoft.Azure.Batch" /></ItemGroup'), []);
    assert.deepEqual(usingsOfProjectFile('<Project><Using Include="A" /><Using Include="B"></Project>'), []);
    assert.deepEqual(
      [
        'App.csproj',
        'app.CSPROJ',
        'Directory.Build.props',
        'Directory.Build.targets',
        'App.vbproj',
        'build.props',
        'App.csproj.user',
      ].filter(isProjectFile),
      ['App.csproj', 'app.CSPROJ', 'Directory.Build.props', 'Directory.Build.targets'],
    );
  });
});

describe('C# global usings: the CLI', () => {
  const files = {
    'src/GlobalUsings.cs': GLOBAL_USINGS,
    'src/Tasks.cs': TASKS,
    'src/Pools.cs': POOL,
    'jobs/task.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "opsUser"}}\n',
    'jobs/ghost.json': '{"id": "g", "commandLine": "x", "userIdentity": {"username": "ghost"}}\n',
  };

  it('finds Batch code typed through another file’s global using, and resolves its pools’ accounts', async () => {
    const root = tree(files);
    const { code, stdout } = await cli(['check', '--format', 'json', root]);
    assert.equal(code, 1);
    const reported = (JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[]).map((r) => [
      path.relative(root, r.file),
      r.diagnostics.map((d) => d.code),
    ]);
    // opsUser is defined in Pools.cs, which is Batch code through the global using too.
    assert.deepEqual(reported, [
      ['jobs/ghost.json', ['unknown-user']],
      ['src/Tasks.cs', ['run-elevated']],
    ]);

    const fixed = await cli(['check', '--fix', root]);
    assert.match(fixed.stderr, /Tasks\.cs: fixed 1 problem \(run-elevated\)/);
    assert.equal(
      fs.readFileSync(path.join(root, 'src/Tasks.cs'), 'utf8'),
      `using Microsoft.Azure.Batch.Common;\n\n${TASKS.replace('task.RunElevated = true;', ADMIN)}`,
    );
    assert.equal(fs.readFileSync(path.join(root, 'src/GlobalUsings.cs'), 'utf8'), GLOBAL_USINGS, 'the global usings file is only read');
  });

  it(
    'worker threads pool the shares’ global usings before anything is analysed: the same output',
    { skip: !fs.existsSync(CLI) && 'needs npm run build' },
    () => {
      const many: Record<string, string> = { ...files };
      for (let i = 0; i < 6; i++) many[`src/more/Task${i}.cs`] = TASKS.replace('class Tasks', `class Task${i}`);
      const root = tree(many);
      const run = (jobs: number) =>
        spawnSync(process.execPath, [CLI, 'check', '--no-cache', '--jobs', String(jobs), '--format', 'json', root], { encoding: 'utf8' });
      const one = run(1);
      const three = run(3);
      assert.equal(one.status, 1, one.stderr);
      assert.equal(three.stdout, one.stdout);
      assert.equal(three.status, one.status);
      assert.equal((JSON.parse(three.stdout) as unknown[]).length, 8, 'ghost.json, Tasks.cs and the six others');
    },
  );

  it('a project file’s Using items count like global using directives (a BOM, XML comments and all)', async () => {
    const root = tree({ 'src/App.csproj': PROJECT, 'src/Tasks.cs': TASKS });
    const { code, stdout, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(stderr, /Tasks\.cs: fixed 1 problem \(run-elevated\)/);
    assert.doesNotMatch(stderr, /App\.csproj/, 'a project file is read silently');
    // The project imports Microsoft.Azure.Batch.Common too: no using is added.
    assert.equal(fs.readFileSync(path.join(root, 'src/Tasks.cs'), 'utf8'), TASKS.replace('task.RunElevated = true;', ADMIN));
    assert.equal(fs.readFileSync(path.join(root, 'src/App.csproj'), 'utf8'), PROJECT);
  });

  it('without the global usings file the same code is not Batch code', async () => {
    const root = tree(Object.fromEntries(Object.entries(files).filter(([name]) => !name.endsWith('GlobalUsings.cs'))));
    const { code, stdout } = await cli(['check', '--format', 'json', root]);
    assert.equal(code, 0, stdout);
    assert.deepEqual(JSON.parse(stdout), []);
  });
});

describe('C# global usings: the server', () => {
  it('a global using on disk, then typed and removed in a buffer, decides what an open file is', { timeout: 30_000 }, async (t) => {
    const root = tree({ 'GlobalUsings.cs': GLOBAL_USINGS, 'Tasks.cs': TASKS });
    const uri = (name: string) => pathToFileURL(path.join(root, name)).toString();
    const client = await serverForTest(t, undefined, undefined, {
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    });
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    const runElevated = (n: number) => (p: { diagnostics: { code?: string | number }[] }) =>
      p.diagnostics.filter((d) => d.code === 'run-elevated').length === n;
    await client.open(uri('Tasks.cs'), 'csharp', TASKS);
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(1));

    // The user opens GlobalUsings.cs and deletes the Batch line: Tasks.cs is no longer Batch code.
    await client.open(uri('GlobalUsings.cs'), 'csharp', GLOBAL_USINGS);
    client.reset(uri('Tasks.cs'));
    const line = GLOBAL_USINGS.split('\n').indexOf('global using Microsoft.Azure.Batch;');
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('GlobalUsings.cs'), version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    });
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(0));

    // Closed without saving: the file on disk speaks again.
    client.reset(uri('Tasks.cs'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('GlobalUsings.cs') } });
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(1));

    // Deleted on disk: gone for good.
    fs.rmSync(path.join(root, 'GlobalUsings.cs'));
    client.reset(uri('Tasks.cs'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('GlobalUsings.cs'), type: 3 }] });
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(0));

    // A project file created with Using items brings it back; its items removed, gone again.
    fs.writeFileSync(path.join(root, 'App.csproj'), PROJECT);
    client.reset(uri('Tasks.cs'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('App.csproj'), type: 1 }] });
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(1));
    fs.writeFileSync(path.join(root, 'App.csproj'), PROJECT.replace(/ *<Using [^\n]*\n/g, ''));
    client.reset(uri('Tasks.cs'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('App.csproj'), type: 2 }] });
    await client.diagnosticsFor(uri('Tasks.cs'), runElevated(0));
  });

  it('a buffer closed unsaved takes both its global usings and its accounts with it', { timeout: 30_000 }, async (t) => {
    const root = tree({
      'pool.json': '{"id": "p", "vmSize": "s", "userAccounts": [{"name": "opsUser", "password": "[parameters(\'pw\')]"}]}\n',
      'task.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "ghost"}}\n',
    });
    const uri = (name: string) => pathToFileURL(path.join(root, name)).toString();
    const client = await serverForTest(t, undefined, undefined, {
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
    });
    await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
    const unknownUsers = (n: number) => (p: { diagnostics: { code?: string | number }[] }) =>
      p.diagnostics.filter((d) => d.code === 'unknown-user').length === n;
    await client.open(uri('task.json'), 'json', fs.readFileSync(path.join(root, 'task.json'), 'utf8'));
    await client.diagnosticsFor(uri('task.json'), unknownUsers(1));
    // A new file, never saved: Batch code through its own global using, defining ghost.
    const extra = `global using Microsoft.Azure.Batch;\n${POOL.replace('opsUser', 'ghost')}`;
    await client.open(uri('Extra.cs'), 'csharp', extra);
    await client.diagnosticsFor(uri('task.json'), unknownUsers(0));
    client.reset(uri('task.json'));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('Extra.cs') } });
    await client.diagnosticsFor(uri('task.json'), unknownUsers(1));
  });

  it(
    'a global using typed in a buffer makes unopened C# pools count: their accounts resolve named users',
    { timeout: 30_000 },
    async (t) => {
      const root = tree({
        'Pools.cs': POOL,
        'task.json':
          '{"value": [\n  {"id": "a", "commandLine": "x", "userIdentity": {"username": "opsUser"}},\n  {"id": "b", "commandLine": "x", "userIdentity": {"username": "ghost"}}\n]}\n',
      });
      const uri = (name: string) => pathToFileURL(path.join(root, name)).toString();
      const client = await serverForTest(t, undefined, undefined, {
        workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
      });
      await client.notification<{ message: string }>('window/logMessage', (p) => p.message.startsWith('Workspace scan:'));
      const unknownUsers = (p: { diagnostics: { code?: string | number; severity?: number }[] }) =>
        p.diagnostics.filter((d) => d.code === 'unknown-user' && d.severity === 2).length;
      await client.open(uri('task.json'), 'json', fs.readFileSync(path.join(root, 'task.json'), 'utf8'));
      // Pools.cs is not Batch code without a global using: no pools known, no warning.
      assert.equal(unknownUsers(await client.diagnosticsFor(uri('task.json'))), 0);
      // A new, unsaved GlobalUsings.cs: once typing pauses, Pools.cs is read again as Batch code.
      await client.open(uri('GlobalUsings.cs'), 'csharp', GLOBAL_USINGS);
      const published = await client.diagnosticsFor(uri('task.json'), (p) => unknownUsers(p) === 1);
      const line = published.diagnostics.find((d) => d.code === 'unknown-user')!.range.start.line;
      assert.equal(line, 2, 'ghost is unknown; opsUser, defined in Pools.cs, resolves');
    },
  );
});
