/**
 * Files that are not valid UTF-8 (legacy Windows-1252 sources, typical of the 2017-era .NET code
 * that still holds runElevated): the CLI reads them byte for byte as Windows-1252, reports their
 * findings with a note naming that encoding, and `--fix` writes back every byte outside the fix
 * unchanged. The files are built from raw bytes (é = E9, € = 80, ’ = 92, « » = AB BB, ü = FC), not
 * from the product's encoder, so the comparison cannot agree with a wrong table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decode, encode } from '../../../server/src/workspace/sourceFiles';
import { decodeWindows1252, encodeWindows1252 } from '../../../server/src/workspace/windows1252';
import { cli, scratchTrees } from '../../helpers/cli';

const tree = scratchTrees('bi-cp1252');

/** Bytes from ASCII text and raw byte values, in order. */
function bytes(...parts: (string | number[])[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'ascii') : Buffer.from(p))));
}

const E_ACUTE = [0xe9];
const EURO = [0x80];
const RIGHT_QUOTE = [0x92];

interface Case {
  readonly name: string;
  readonly before: Buffer;
  readonly after: Buffer;
  /** The squiggled text as the CLI reports its line and columns. */
  readonly line: number;
}

const CASES: Case[] = [
  {
    name: 'Legacy.cs',
    before: bytes(
      '// Cr',
      E_ACUTE,
      ', pour l',
      RIGHT_QUOTE,
      'ancien SDK (co',
      E_ACUTE,
      't : 5 ',
      EURO,
      ')\r\nusing Microsoft.Azure.Batch;\r\nusing Microsoft.Azure.Batch.Common;\r\n\r\nclass Render\r\n{\r\n    void Add(CloudJob job)\r\n    {\r\n        var task = new CloudTask("r',
      E_ACUTE,
      'sum',
      E_ACUTE,
      '", "render.exe --label \\"',
      EURO,
      '5\\"");\r\n        task.RunElevated = true; // l',
      RIGHT_QUOTE,
      'administrateur\r\n        job.AddTask(task);\r\n    }\r\n}\r\n',
    ),
    after: bytes(
      '// Cr',
      E_ACUTE,
      ', pour l',
      RIGHT_QUOTE,
      'ancien SDK (co',
      E_ACUTE,
      't : 5 ',
      EURO,
      ')\r\nusing Microsoft.Azure.Batch;\r\nusing Microsoft.Azure.Batch.Common;\r\n\r\nclass Render\r\n{\r\n    void Add(CloudJob job)\r\n    {\r\n        var task = new CloudTask("r',
      E_ACUTE,
      'sum',
      E_ACUTE,
      '", "render.exe --label \\"',
      EURO,
      '5\\"");\r\n        task.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin)); // l',
      RIGHT_QUOTE,
      'administrateur\r\n        job.AddTask(task);\r\n    }\r\n}\r\n',
    ),
    line: 9,
  },
  {
    name: 'Legacy.java',
    before: bytes(
      'import com.microsoft.azure.batch.protocol.models.*;\n\n/* Gr',
      [0xfc],
      [0xdf],
      'e, ',
      [0xab],
      'Kosten',
      [0xbb],
      ': 5 ',
      EURO,
      ' */\nclass Render {\n    TaskAddParameter task() {\n        return new TaskAddParameter().withId("caf',
      E_ACUTE,
      '").withRunElevated(false);\n    }\n}\n',
    ),
    after: bytes(
      'import com.microsoft.azure.batch.protocol.models.*;\n\n/* Gr',
      [0xfc],
      [0xdf],
      'e, ',
      [0xab],
      'Kosten',
      [0xbb],
      ': 5 ',
      EURO,
      ' */\nclass Render {\n    TaskAddParameter task() {\n        return new TaskAddParameter().withId("caf',
      E_ACUTE,
      '").withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));\n    }\n}\n',
    ),
    line: 5,
  },
  {
    name: 'legacy.py',
    before: bytes(
      '# -*- coding: cp1252 -*-\n# D',
      E_ACUTE,
      'j',
      [0xe0],
      ' vu ',
      RIGHT_QUOTE,
      'ici',
      RIGHT_QUOTE,
      "\nimport azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id='t', command_line='echo ",
      EURO,
      "', run_elevated=True)\n",
    ),
    after: bytes(
      '# -*- coding: cp1252 -*-\n# D',
      E_ACUTE,
      'j',
      [0xe0],
      ' vu ',
      RIGHT_QUOTE,
      'ici',
      RIGHT_QUOTE,
      "\nimport azure.batch.models as batchmodels\n\ntask = batchmodels.TaskAddParameter(id='t', command_line='echo ",
      EURO,
      "', user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n",
    ),
    line: 4,
  },
  {
    name: 'legacy.json',
    before: bytes(
      '{\n  "id": "r',
      E_ACUTE,
      'sum',
      E_ACUTE,
      '",\n  "commandLine": "echo ',
      EURO,
      ' l',
      RIGHT_QUOTE,
      'an",\n  "runElevated": true\n}\n',
    ),
    after: bytes(
      '{\n  "id": "r',
      E_ACUTE,
      'sum',
      E_ACUTE,
      '",\n  "commandLine": "echo ',
      EURO,
      ' l',
      RIGHT_QUOTE,
      'an",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    ),
    line: 3,
  },
];

describe('Windows-1252 (not valid UTF-8) through the CLI', () => {
  it('the fixtures really are not UTF-8', () => {
    for (const c of CASES) assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(c.before), c.name);
  });

  it('each file is read: its runElevated reported on the right line, with a note naming the assumed encoding', async () => {
    const root = tree(Object.fromEntries(CASES.map((c) => [c.name, c.before])));
    const { code, stdout, stderr } = await cli(['check', '--format', 'json', root]);
    assert.equal(code, 1, stderr);
    const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
    for (const c of CASES) {
      const report = reports.find((r) => path.basename(r.file) === c.name);
      assert.deepEqual(
        report?.diagnostics.map((d) => [d.code, d.range.start.line]),
        [['run-elevated', c.line]],
        c.name,
      );
      assert.match(stderr, new RegExp(`${c.name.replace('.', '\\.')}: not valid UTF-8, read as Windows-1252\\n`));
    }
  });

  it('the text a finding squiggles is read from the right bytes (columns after é, € and ’)', async () => {
    const root = tree({ 'Legacy.cs': CASES[0].before });
    const { stdout } = await cli(['check', root]);
    // Line 10, column 14 (1-based): the columns count characters, one per byte.
    assert.match(stdout, /Legacy\.cs:10:14: warning run-elevated: /);
  });

  it('--fix writes back every byte outside the fix unchanged, in all four languages; a second run changes nothing', async () => {
    const root = tree(Object.fromEntries(CASES.map((c) => [c.name, c.before])));
    const { code, stderr } = await cli(['check', '--fix', root]);
    assert.equal(code, 0, stderr);
    for (const c of CASES) {
      assert.deepEqual(fs.readFileSync(path.join(root, c.name)), c.after, c.name);
      assert.match(stderr, new RegExp(`${c.name.replace('.', '\\.')}: fixed 1 problem \\(run-elevated\\)`));
    }
    const again = await cli(['check', '--fix', root]);
    assert.equal(again.code, 0);
    for (const c of CASES) assert.deepEqual(fs.readFileSync(path.join(root, c.name)), c.after, c.name);
  });

  it('--diff: the lines in the file’s own bytes, nothing written, exit 1; patch -p1 writes exactly what --fix writes', async () => {
    const files = Object.fromEntries(CASES.map((c) => [c.name, c.before]));
    const root = tree(files);
    const { code, stdout, stdoutBytes, stderr } = await cli(['check', '--diff', '--no-cache', '.'], root);
    assert.equal(code, 1, stderr);
    for (const c of CASES) {
      assert.deepEqual(fs.readFileSync(path.join(root, c.name)), c.before, `${c.name}: --diff writes nothing`);
      assert.match(stdout, new RegExp(`^--- a/${c.name.replace('.', '\\.')}$`, 'm'));
      assert.match(stderr, new RegExp(`${c.name.replace('.', '\\.')}: its diff's lines are the file's own Windows-1252 bytes`));
    }
    // The unchanged lines around the fix hold é, € and ’ as their single Windows-1252 bytes, not UTF-8.
    for (const byte of [E_ACUTE, EURO, RIGHT_QUOTE]) assert.ok(stdoutBytes.includes(Buffer.from(byte)), `byte 0x${byte[0].toString(16)}`);
    assert.ok(!stdoutBytes.includes(Buffer.from('é')), 'no UTF-8 é in the patch');

    const fixed = tree(files);
    assert.equal((await cli(['check', '--fix', '--no-cache', '.'], fixed)).code, 0);
    const patched = tree(files);
    const patch = spawnSync('patch', ['-p1', '--batch', '--forward'], { cwd: patched, input: stdoutBytes });
    assert.equal(patch.status, 0, String(patch.stdout) + String(patch.stderr));
    for (const c of CASES) {
      assert.deepEqual(fs.readFileSync(path.join(patched, c.name)), c.after, `${c.name}: patched`);
      assert.deepEqual(fs.readFileSync(path.join(fixed, c.name)), c.after, `${c.name}: fixed`);
    }

    // JSON holds the diff as text, and names the encoding.
    const json = await cli(['check', '--diff', '--no-cache', '--format', 'json', '.'], root);
    const reports = JSON.parse(json.stdout) as { file: string; diff?: string; encoding?: string }[];
    assert.deepEqual(
      reports.map((r) => [path.basename(r.file), r.encoding, r.diff?.includes('é') || r.diff?.includes('€')]),
      CASES.map((c) => [c.name, 'windows-1252', true]).sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
    );
  });

  it('a pool account in a Windows-1252 file resolves a named user elsewhere', async () => {
    const pool = bytes(
      '{"id": "p", "displayName": "Caf',
      E_ACUTE,
      '", "vmSize": "s", "userAccounts": [{"name": "adminUser", "password": "<secret>"}]}',
    );
    const root = tree({
      'pool.json': pool,
      'task.json': '{"id": "t", "commandLine": "x", "userIdentity": {"username": "adminUser"}}',
      'ghost.json': '{"id": "g", "commandLine": "x", "userIdentity": {"username": "ghost"}}',
    });
    const { stdout } = await cli(['check', '--format', 'json', root]);
    const reports = JSON.parse(stdout) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(
      reports.flatMap((r) => r.diagnostics.filter((d) => d.code === 'unknown-user').map(() => path.basename(r.file))),
      ['ghost.json'],
    );
  });
});

describe('the Windows-1252 codec', () => {
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

  it('every byte is one character and back: 256 distinct characters, the same bytes again', () => {
    const text = decodeWindows1252(everyByte);
    assert.equal(text.length, 256);
    assert.equal(new Set(text).size, 256);
    const encoded = encodeWindows1252(text);
    assert.ok('bytes' in encoded);
    assert.deepEqual(encoded.bytes, everyByte);
  });

  it('the characters of the standard (WHATWG index-windows-1252): € ‚ ’ “ — ™ Ÿ, Latin-1 above 0x9F, C1 controls for the unassigned', () => {
    const text = decodeWindows1252(everyByte);
    const at = (byte: number) => text.charCodeAt(byte);
    assert.deepEqual(
      [0x80, 0x82, 0x92, 0x93, 0x97, 0x99, 0x9f, 0xa0, 0xe9, 0xff, 0x81, 0x8d, 0x8f, 0x90, 0x9d].map(at),
      [0x20ac, 0x201a, 0x2019, 0x201c, 0x2014, 0x2122, 0x0178, 0x00a0, 0x00e9, 0x00ff, 0x81, 0x8d, 0x8f, 0x90, 0x9d],
    );
    for (let byte = 0; byte < 0x80; byte++) assert.equal(at(byte), byte);
  });

  it('a character Windows-1252 has no byte for is named, and encode refuses to write it', () => {
    assert.deepEqual(encodeWindows1252('ok ✓'), { unencodable: '✓' });
    assert.throws(() => encode('caf\u00e9 \u{1f600}', 'windows1252'), /holds '\u{1f600}', which Windows-1252 cannot; nothing written/u);
  });

  it('decode: valid UTF-8 stays UTF-8; invalid UTF-8, with or without a BOM, is Windows-1252 and encodes back to the same bytes', () => {
    assert.equal(decode(Buffer.from('caf\u00e9', 'utf8')).encoding, 'utf8');
    for (const raw of [bytes('caf', E_ACUTE), bytes([0xef, 0xbb, 0xbf], 'caf', E_ACUTE), everyByte]) {
      const source = decode(raw);
      assert.equal(source.encoding, 'windows1252');
      assert.deepEqual(encode(source.text, source.encoding), raw);
    }
  });
});
