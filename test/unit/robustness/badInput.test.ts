/**
 * Bad input, clear answer, nothing lost (issue 5): each kind of bad input through the CLI (in
 * process, on temp files) and/or the language server over stdio (needs `npm run build`). Each
 * gives a message — a CLI note, a skip reason, an output-channel line — and never an exception,
 * a partial write or a hang. Timeouts only detect hangs; they assert no speed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { STATUS_NOTIFICATION, type StatusParams } from '../../../common/protocol';
import { Engine } from '../../../server/src/engine/engine';
import type { LanguageId } from '../../../server/src/engine/facts';
import { decode, encode } from '../../../server/src/workspace/sourceFiles';
import { corpus, EXTENSION, LANGUAGES } from '../../helpers/batchSources';
import { cli, scratchTrees } from '../../helpers/cli';
import { analyze, fixAll, settingsWith } from '../../helpers/engine';
import { serverForSuite } from '../../helpers/lspClient';

const HANG = { timeout: 120_000 };

const tree = scratchTrees('bi-bad-input');

const TASK = '{\n  "id": "t",\n  "commandLine": "x",\n  "runElevated": true\n}\n';
const TASK_FIXED =
  '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n';
const EXAMPLE: Record<LanguageId, string> = Object.fromEntries(LANGUAGES.map((l) => [l, corpus(l)[0]])) as Record<LanguageId, string>;

describe('bad input through the CLI', () => {
  it('a binary file is skipped with a note, not read as text, and never written', async () => {
    const binary = Buffer.concat([Buffer.from('{"commandLine": "x", "runElevated": true}'), Buffer.from([0, 0xff, 0xfe, 0x80, 0])]);
    const root = tree({ 'blob.json': binary, 'task.json': TASK });
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    assert.match(stderr, /blob\.json: skipped, the file looks binary/);
    assert.deepEqual(fs.readFileSync(path.join(root, 'blob.json')), binary);
    assert.equal(fs.readFileSync(path.join(root, 'task.json'), 'utf8'), TASK_FIXED);
  });

  it('a NUL in a text the engine gets (an editor buffer) is a skip with a reason', async () => {
    const analysis = await analyze('json', `{"commandLine": "x", "runElevated": true, "x": "\u0000"}`);
    assert.equal(analysis.skipped, 'the file looks binary');
    assert.deepEqual(analysis.findings, []);
  });

  it('a file over the size limit is skipped with a note and left alone', HANG, async () => {
    const big = `{"commandLine": "x", "runElevated": true, "pad": "${'x'.repeat(10240 * 1024)}"}`;
    const root = tree({ 'big.json': big, 'task.json': TASK });
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    assert.match(stderr, /big\.json: skipped, larger than 10240 KB/);
    assert.equal(fs.statSync(path.join(root, 'big.json')).size, big.length);
    assert.equal(fs.readFileSync(path.join(root, 'task.json'), 'utf8'), TASK_FIXED);
    const analysis = await analyze('json', TASK, { settings: settingsWith({ maxFileSizeKB: 0.01 }) });
    assert.equal(analysis.skipped, 'the file is larger than batchIdentity.maxFileSizeKB (0.01 KB)');
  });

  it('invalid UTF-8 is read as Windows-1252 with a note, and fixed byte for byte; the other files are fixed too', async () => {
    // (test/unit/cli/windows1252.test.ts has the legacy sources of all four languages.)
    const bad = Buffer.concat([
      Buffer.from('{"commandLine": "x", "runElevated": true, "name": "'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const root = tree({ 'bad.json': bad, 'task.json': TASK });
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    assert.match(stderr, /bad\.json: not valid UTF-8, read as Windows-1252/);
    assert.deepEqual(
      fs.readFileSync(path.join(root, 'bad.json')),
      Buffer.concat([
        Buffer.from('{"commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "admin"}}, "name": "'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
    );
    assert.equal(fs.readFileSync(path.join(root, 'task.json'), 'utf8'), TASK_FIXED);
  });

  for (const encoding of ['utf8bom', 'utf16le', 'utf16be'] as const) {
    it(`--fix keeps the encoding: ${encoding}, all four languages`, async () => {
      const files = Object.fromEntries(LANGUAGES.map((l) => [`example${EXTENSION[l]}`, encode(EXAMPLE[l], encoding)]));
      const root = tree(files);
      const { stderr } = await cli(['check', '--fix', root]);
      for (const language of LANGUAGES) {
        const name = `example${EXTENSION[language]}`;
        assert.match(stderr, new RegExp(`${name.replace('.', '\\.')}: fixed \\d+ problems?`));
        const source = decode(fs.readFileSync(path.join(root, name)));
        assert.equal(source.encoding, encoding, name);
        assert.equal(source.text, await fixAll(language, EXAMPLE[language]), name);
      }
    });
  }

  it('CRLF, mixed line endings and tabs: fixed lines keep the file style, the others stay byte for byte', async () => {
    const cases: { name: string; text: string; fixed: string }[] = [
      {
        name: 'crlf.cs',
        text: 'using Microsoft.Azure.Batch;\r\n\r\nclass C\r\n{\r\n\tvoid M(CloudTask t)\r\n\t{\r\n\t\tt.RunElevated = true;\r\n\t}\r\n}\r\n',
        fixed:
          'using Microsoft.Azure.Batch;\r\nusing Microsoft.Azure.Batch.Common;\r\n\r\nclass C\r\n{\r\n\tvoid M(CloudTask t)\r\n\t{\r\n\t\tt.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\r\n\t}\r\n}\r\n',
      },
      {
        // The first line break decides what added lines end with; the others are left as they are.
        name: 'mixed.cs',
        text: 'using Microsoft.Azure.Batch;\r\n\nclass C\n{\n\tvoid M(CloudTask t)\r\n\t{\n\t\tt.RunElevated = true;\n\t}\n}\n',
        fixed:
          'using Microsoft.Azure.Batch;\r\nusing Microsoft.Azure.Batch.Common;\r\n\nclass C\n{\n\tvoid M(CloudTask t)\r\n\t{\n\t\tt.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));\n\t}\n}\n',
      },
      {
        name: 'Tabs.java',
        text: 'import com.microsoft.azure.batch.protocol.models.TaskAddParameter;\r\n\r\nclass C {\r\n\tTaskAddParameter t() {\r\n\t\treturn new TaskAddParameter()\r\n\t\t\t\t.withId("x")\r\n\t\t\t\t.withRunElevated(true);\r\n\t}\r\n}\r\n',
        fixed:
          'import com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\r\nimport com.microsoft.azure.batch.protocol.models.ElevationLevel;\r\nimport com.microsoft.azure.batch.protocol.models.TaskAddParameter;\r\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\r\n\r\nclass C {\r\n\tTaskAddParameter t() {\r\n\t\treturn new TaskAddParameter()\r\n\t\t\t\t.withId("x")\r\n\t\t\t\t.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));\r\n\t}\r\n}\r\n',
      },
      {
        name: 'tabs.py',
        text: 'from azure.batch.models import (\r\n\tTaskAddParameter,\r\n)\r\n\r\ndef f():\r\n\treturn TaskAddParameter(\r\n\t\tid="t",\r\n\t\trun_elevated=True)\r\n',
        fixed:
          'from azure.batch.models import (\r\n\tTaskAddParameter,\r\n\tUserIdentity,\r\n\tAutoUserSpecification,\r\n\tElevationLevel,\r\n)\r\n\r\ndef f():\r\n\treturn TaskAddParameter(\r\n\t\tid="t",\r\n\t\tuser_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)))\r\n',
      },
      {
        name: 'mixed.json',
        text: '{\r\n\t"id": "t",\n\t"commandLine": "x",\r\n\t"userIdentity": {"autoUser": {}},\n\t"runElevated": false\r\n}\r\n',
        fixed: '{\r\n\t"id": "t",\n\t"commandLine": "x",\r\n\t"userIdentity": {"autoUser": {}}\n}\r\n',
      },
    ];
    const root = tree(Object.fromEntries(cases.map((c) => [c.name, c.text])));
    const { code } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    for (const c of cases) assert.equal(fs.readFileSync(path.join(root, c.name), 'utf8'), c.fixed, c.name);
  });

  it('JSON nested 100,000 levels deep is skipped with a reason', HANG, async () => {
    const deep = `{"commandLine": "x", "runElevated": true, "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const root = tree({ 'deep.json': deep });
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0);
    assert.match(stderr, /deep\.json: skipped, the file is nested too deeply to parse/);
    assert.equal(fs.readFileSync(path.join(root, 'deep.json'), 'utf8'), deep);
  });

  it('C#, Java and Python expressions nested 100,000 deep: analysed or skipped with a reason, never an error', HANG, async () => {
    const n = 100_000;
    const nested = (open: string, inner: string, close: string) => open.repeat(n) + inner + close.repeat(n);
    const files: Record<string, string> = {
      'Parens.cs': `using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = ${nested('(', 'true', ')')}; } }\n`,
      'Not.cs': `using Microsoft.Azure.Batch;\nclass C { void M(CloudTask t) { t.RunElevated = ${nested('!', 'true', '')}; } }\n`,
      'Calls.java': `import com.microsoft.azure.batch.protocol.models.*;\nclass C { void m(TaskAddParameter t) { t.withRunElevated(${nested('f(', 'true', ')')}); } }\n`,
      'Sum.java': `import com.microsoft.azure.batch.protocol.models.*;\nclass C { void m(TaskAddParameter t, int a) { t.withRunElevated(${Array(n).fill('a').join(' + ')} > 0); } }\n`,
      'parens.py': `import azure.batch.models as batchmodels\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=${nested('(', 'True', ')')})\n`,
      'lists.py': `import azure.batch.models as batchmodels\nx = ${nested('[', '', ']')}\nt = batchmodels.TaskAddParameter(id='t', command_line='x', run_elevated=not ${nested('not ', 'True', '')})\n`,
    };
    const root = tree(files);
    const { code, stderr, stdout } = await cli(['check', '--format', 'json', root]);
    assert.doesNotMatch(stderr, /internal error|Error:/);
    assert.notEqual(code, 2, stderr);
    const reported = new Map(
      (JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[]).map((r) => [
        path.basename(r.file),
        r.diagnostics.map((d) => d.code),
      ]),
    );
    for (const name of Object.keys(files)) {
      const skipped = new RegExp(`${name.replace('.', '\\.')}: skipped, the file is nested too deeply to analyse`).test(stderr);
      assert.ok(skipped || reported.get(name)?.includes('run-elevated'), `${name}: neither a finding nor a skip note\n${stderr}`);
    }
  });

  it('a 50,000-task collection is checked and fixed in full', HANG, async () => {
    const tasks = Array.from(
      { length: 50_000 },
      (_, i) => `    {"id": "t${i}", "commandLine": "cmd /c run ${i}", "runElevated": ${i % 2 === 0}}`,
    );
    const root = tree({ 'tasks.json': `{\n  "value": [\n${tasks.join(',\n')}\n  ]\n}\n` });
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /tasks\.json: fixed 50000 problems \(run-elevated\)/);
    const fixed = fs.readFileSync(path.join(root, 'tasks.json'), 'utf8');
    assert.equal(fixed.split('"userIdentity": {"autoUser": {"elevationLevel": "admin"}}').length - 1, 25_000);
    assert.equal(fixed.split('"userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}').length - 1, 25_000);
    assert.ok(!fixed.includes('runElevated'));
  });

  describe('a file changed, deleted or unwritable while --fix runs: nothing written, a note', () => {
    /** Runs `hook` on the file between the CLI's read and its write: right after fix-all computed the new text. */
    async function cliWithRace(args: string[], hook: (file: string) => void) {
      const fixAllOf = Engine.prototype.fixAll;
      Engine.prototype.fixAll = async function (this: Engine, ...call: Parameters<Engine['fixAll']>) {
        const result = await fixAllOf.apply(this, call);
        hook(call[0].uri);
        return result;
      };
      try {
        return await cli(args);
      } finally {
        Engine.prototype.fixAll = fixAllOf;
      }
    }
    const onlyFiles = (root: string) => fs.readdirSync(root).sort();

    it('changed on disk: the new content is kept', async () => {
      const root = tree({ 'a.json': TASK, 'b.json': TASK });
      const edited = TASK.replace('"x"', '"edited meanwhile"');
      const { code, stderr } = await cliWithRace(['check', '--fix', root], (file) => {
        if (file.endsWith('a.json')) fs.writeFileSync(file, edited);
      });
      assert.equal(code, 2);
      assert.match(stderr, /a\.json: it changed on disk while being fixed; nothing written/);
      assert.equal(fs.readFileSync(path.join(root, 'a.json'), 'utf8'), edited);
      assert.equal(fs.readFileSync(path.join(root, 'b.json'), 'utf8'), TASK_FIXED);
      assert.deepEqual(onlyFiles(root), ['a.json', 'b.json'], 'no temp file left');
    });

    it('deleted: it stays deleted', async () => {
      const root = tree({ 'a.json': TASK, 'b.json': TASK });
      const { code, stderr } = await cliWithRace(['check', '--fix', root], (file) => {
        if (file.endsWith('a.json')) fs.rmSync(file);
      });
      assert.equal(code, 2);
      assert.match(stderr, /a\.json: it was deleted while being fixed; nothing written/);
      assert.deepEqual(onlyFiles(root), ['b.json']);
      assert.equal(fs.readFileSync(path.join(root, 'b.json'), 'utf8'), TASK_FIXED);
    });

    it('the write fails: the file is as it was', async () => {
      const root = tree({ 'a.json': TASK });
      // The temporary file's name is taken (by a directory): writing the new content fails.
      const temp = path.join(root, `.a.json.batch-identity-${process.pid}.tmp`);
      fs.mkdirSync(temp);
      const { code, stderr } = await cli(['check', '--fix', root]);
      assert.equal(code, 2);
      assert.match(stderr, /a\.json: /);
      assert.equal(fs.readFileSync(path.join(root, 'a.json'), 'utf8'), TASK);
    });
  });
});

describe('bad input through the language server (stdio)', () => {
  const client = serverForSuite();
  const published = (): PublishDiagnosticsParams[] => client().published;

  const logLines = () =>
    client()
      .notifications.filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
  const statuses = (uri: string) =>
    client()
      .notifications.filter((n) => n.method === STATUS_NOTIFICATION && (n.params as StatusParams).uri === uri)
      .map((n) => n.params as StatusParams);
  /** Every notification the server sent before this one was handled: a round trip orders them. */
  const settle = async () => {
    const uri = `file:///bad-input/barrier${published().length}.json`;
    await client().open(uri, 'json', TASK);
    await client().diagnosticsFor(uri, (p) => p.diagnostics.length === 1);
    await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  };

  it('binary text and oversized documents: no diagnostics, a "Skipped" line in the output', HANG, async () => {
    const binary = 'file:///bad-input/blob.json';
    await client().open(binary, 'json', '{"commandLine": "x", "runElevated": true, "x": "\u0000"}');
    assert.deepEqual((await client().diagnosticsFor(binary)).diagnostics, []);
    client().settings = { maxFileSizeKB: 1 };
    const big = 'file:///bad-input/big.json';
    await client().open(big, 'json', `{"commandLine": "x", "runElevated": true, "pad": "${'x'.repeat(2048)}"}`);
    assert.deepEqual((await client().diagnosticsFor(big)).diagnostics, []);
    client().settings = {};
    await settle();
    assert.ok(logLines().includes(`Skipped ${binary}: the file looks binary.`), logLines().join('\n'));
    assert.ok(logLines().includes(`Skipped ${big}: the file is larger than batchIdentity.maxFileSizeKB (1 KB).`), logLines().join('\n'));
    assert.deepEqual(
      statuses(big).map((s) => [s.state, s.reason]),
      [['skipped', 'the file is larger than batchIdentity.maxFileSizeKB (1 KB)']],
    );
  });

  it('JSON nested 100,000 levels: no diagnostics, a "Skipped" line', HANG, async () => {
    const uri = 'file:///bad-input/deep.json';
    await client().open(uri, 'json', `{"commandLine": "x", "runElevated": true, "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    assert.deepEqual((await client().diagnosticsFor(uri)).diagnostics, []);
    await settle();
    assert.ok(logLines().includes(`Skipped ${uri}: the file is nested too deeply to parse.`), logLines().join('\n'));
  });

  it('a document closed while its analysis waits: nothing published for it after the close', HANG, async () => {
    const uri = 'file:///bad-input/Closed.cs';
    // Hold the server's settings request for the document: its analysis is under way, waiting.
    let asked!: () => void;
    const askedPromise = new Promise<void>((resolve) => (asked = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    client().connection.onRequest('workspace/configuration', async (params: { items: { scopeUri?: string }[] }) => {
      if (params.items.some((i) => i.scopeUri === uri)) {
        asked();
        await answered;
      }
      return params.items.map(() => client().settings);
    });
    await client().open(uri, 'csharp', EXAMPLE.csharp);
    await askedPromise;
    await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closedAt = published().length;
    answer();
    await settle();
    const after = published()
      .slice(closedAt)
      .filter((p) => p.uri === uri);
    assert.ok(
      after.every((p) => p.diagnostics.length === 0),
      JSON.stringify(after),
    );
    assert.ok(
      published()
        .filter((p) => p.uri === uri)
        .every((p) => p.diagnostics.length === 0),
    );
    assert.deepEqual(statuses(uri), []);
  });

  it('closed while it parses (the first Python file: its grammar loads meanwhile): still nothing after the close', HANG, async () => {
    const uri = 'file:///bad-input/closed_while_parsing.py';
    await client().open(uri, 'python', EXAMPLE.python);
    await client().connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closedAt = published().length;
    await settle();
    assert.ok(
      published()
        .slice(closedAt)
        .filter((p) => p.uri === uri)
        .every((p) => p.diagnostics.length === 0),
    );
  });

  it(
    '1,000 didChange in a burst: the server answers meanwhile, and publishes for the last version, never a stale one after a newer',
    HANG,
    async () => {
      const uri = 'file:///bad-input/Burst.java';
      const text = EXAMPLE.java;
      await client().open(uri, 'java', text);
      const at = text.indexOf('public final class');
      const line = text.slice(0, at).split('\n').length - 1;
      // Type a comment of 500 characters at the start of a line, then delete it character by character.
      const sends: Promise<void>[] = [];
      for (let i = 0; i < 1000; i++) {
        const typing = i < 500;
        const character = typing ? i : 999 - i;
        const range = typing
          ? { start: { line, character }, end: { line, character } }
          : { start: { line, character }, end: { line, character: character + 1 } };
        const change = typing ? (i < 2 ? '/' : 'x') : '';
        sends.push(
          client().connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: i + 2 },
            contentChanges: [{ range, text: change }],
          }),
        );
      }
      const hover = client().connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      await Promise.all(sends);
      await hover;
      const last = await client().diagnosticsFor(uri, (p) => p.version === 1001);
      const versions = published()
        .filter((p) => p.uri === uri)
        .map((p) => p.version ?? 0);
      assert.deepEqual(
        versions,
        [...versions].sort((a, b) => a - b),
        'versions only go up',
      );
      assert.equal(new Set(versions).size, versions.length, 'each version at most once');
      const fresh = await analyze('java', text);
      fresh.release();
      assert.deepEqual(
        last.diagnostics.map((d) => d.code),
        fresh.findings.map((f) => f.rule),
      );
    },
  );
});
