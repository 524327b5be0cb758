/**
 * Every snippet body, expanded with its defaults and with every choice at its last option, in the
 * least surrounding code it needs: C# compiles with mcs against the Microsoft.Azure.Batch stubs and,
 * run with mono, gives its tasks and pool the identities and accounts it means; Java compiles with
 * javac against the legacy com.microsoft.azure.batch stubs; Python runs with python3 against the
 * stub azure.batch.models (which rejects unknown keywords and members). A wrong enum member in
 * each language fails the same check.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CSHARP, JSON_DIALECTS } from '../../../server/src/batch/sdks';
import { SECRET_VARIABLES, SNIPPETS } from '../../../server/src/batch/snippets';
import { compileCSharp, skipWithoutMcs } from '../../compile/csharp/mcs';
import { compileJava, skipWithoutJavac } from '../../compile/java/javac';
import { EXPECTED, VARIANTS, type Expected, type Variant } from './expected';
import { hostCSharp, hostJava, hostPython, type Hosted } from './hosts';

const ROOT = path.resolve(__dirname, '../../..');
const PYTHON_STUBS = path.join(ROOT, 'test/compile/python/stubs');
const PYTHON_RUNNER = path.join(ROOT, 'test/compile/python/run_models.py');

const CASES = SNIPPETS.flatMap((snippet) => VARIANTS.map((variant) => ({ snippet, variant, expected: EXPECTED[snippet.prefix](variant) })));

/** `CloudTask:Admin:Task` / `StartTask:user:adminUser`, as the stub's IdentityLog writes them. */
function csharpIdentityLog(expected: Expected): string {
  const type = { task: 'CloudTask', startTask: 'StartTask' } as Record<string, string>;
  return expected.identities
    .map((i) =>
      i.user !== undefined
        ? `${type[i.task]}:user:${i.user}`
        : `${type[i.task]}:${CSHARP.enums.ElevationLevel[i.elevation!]}:${CSHARP.enums.AutoUserScope[i.scope!]}`,
    )
    .join(',');
}

function csharpAccounts(expected: Expected): string {
  return expected.accounts
    .map((a) => {
      let line = `${a.name}:${CSHARP.enums.ElevationLevel[a.elevation]}`;
      if (a.uid !== undefined) line += `:${a.uid}:${a.gid}`;
      if (a.loginMode) line += `:${CSHARP.enums.LoginMode[a.loginMode]}`;
      return line;
    })
    .join(',');
}

describe('C# snippets compile with mcs and run with mono', { skip: skipWithoutMcs() }, () => {
  it('all of them, with the identities and accounts they mean', () => {
    const sources: Record<string, string> = {};
    const calls: string[] = [];
    const expectedLines: string[] = [];
    for (const { snippet, variant, expected } of CASES) {
      const hosted = hostCSharp(snippet, { choice: variant });
      sources[`${hosted.name}.cs`] = hosted.text;
      calls.push(
        `            IdentityLog.Lines.Clear();`,
        `            pool = new CloudPool();`,
        `            ${hosted.name}.Host.Run(${snippet.target === 'pool' ? 'pool' : ''});`,
        `            Console.WriteLine("${hosted.name}|" + string.Join(",", IdentityLog.Lines) + "|" + Accounts(pool));`,
      );
      expectedLines.push(`${hosted.name}|${csharpIdentityLog(expected)}|${csharpAccounts(expected)}`);
    }
    sources['SnippetProgram.cs'] = `using System;
using System.Collections.Generic;
using Microsoft.Azure.Batch;

public static class SnippetProgram
{
    static string Accounts(CloudPool pool)
    {
        var lines = new List<string>();
        foreach (var a in pool.UserAccounts ?? new List<UserAccount>())
        {
            var line = a.Name + ":" + a.ElevationLevel;
            if (a.LinuxUserConfiguration != null) line += ":" + a.LinuxUserConfiguration.Uid + ":" + a.LinuxUserConfiguration.Gid;
            if (a.WindowsUserConfiguration != null) line += ":" + a.WindowsUserConfiguration.LoginMode;
            lines.Add(line);
        }
        return string.Join(",", lines);
    }

    public static void Main()
    {
        CloudPool pool;
${calls.join('\n')}
    }
}
`;
    const result = compileCSharp(sources, 'SnippetProgram');
    assert.ok(result.ok, result.output);
    assert.deepEqual(result.stdout?.trim().split('\n'), expectedLines);
  });

  it('a wrong enum member fails the same check', () => {
    const hosted = hostCSharp(SNIPPETS[0]);
    const broken = hosted.text.replace('ElevationLevel.Admin', 'ElevationLevel.Administrator');
    assert.notEqual(broken, hosted.text);
    const result = compileCSharp({ [`${hosted.name}.cs`]: broken });
    assert.equal(result.ok, false);
    assert.match(result.output, /Administrator/);
  });
});

describe('Java snippets compile with javac', { skip: skipWithoutJavac() }, () => {
  it('all of them', () => {
    const sources: Record<string, string> = {};
    for (const { snippet, variant } of CASES) {
      const hosted = hostJava(snippet, { choice: variant });
      sources[`${hosted.name}.java`] = hosted.text;
    }
    const result = compileJava(sources);
    assert.ok(result.ok, result.output);
  });

  it('a wrong enum member fails the same check', () => {
    const hosted = hostJava(SNIPPETS.find((s) => s.prefix === 'batch-autouser-pool')!);
    const broken = hosted.text.replace('ElevationLevel.NON_ADMIN', 'ElevationLevel.NONADMIN');
    assert.notEqual(broken, hosted.text);
    const result = compileJava({ [`${hosted.name}.java`]: broken });
    assert.equal(result.ok, false);
    assert.match(result.output, /NONADMIN/);
  });
});

describe('Python snippets run with python3 against the stub models', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-identity-snippets-'));
  after(() => fs.rmSync(work, { recursive: true, force: true }));
  /** Secrets come from the environment; the run provides them as a deployment would. */
  const env = { ...process.env, PYTHONPATH: PYTHON_STUBS, ...Object.fromEntries(Object.values(SECRET_VARIABLES).map((v) => [v, `value of ${v}`])) };

  function run(hosted: Hosted, text = hosted.text) {
    const file = path.join(work, `${hosted.name}.py`);
    fs.writeFileSync(file, text);
    return spawnSync('python3', [PYTHON_RUNNER, file], { env, encoding: 'utf8' });
  }

  /** The tasks run_models.py reports, as the expectation table gives them (REST wire values). */
  function pythonTasks(expected: Expected) {
    const rest = JSON_DIALECTS.rest.enums;
    return expected.identities.map((i) => ({
      type: i.task === 'startTask' ? 'StartTask' : 'TaskAddParameter',
      identity: {
        userName: i.user ?? null,
        scope: i.scope ? rest.AutoUserScope[i.scope] : null,
        elevationLevel: i.elevation ? rest.ElevationLevel[i.elevation] : null,
      },
    }));
  }

  for (const { snippet, variant, expected } of CASES) {
    it(`${snippet.prefix} (${variant as Variant} choices)`, () => {
      const hosted = hostPython(snippet, { choice: variant });
      const result = run(hosted);
      assert.equal(result.status, 0, result.stderr);
      const tasks = (JSON.parse(result.stdout) as { type: string; identity: unknown }[]).map((t) => ({ type: t.type, identity: t.identity }));
      assert.deepEqual(tasks, pythonTasks(expected));
    });
  }

  it('a wrong enum member fails the same check', () => {
    const hosted = hostPython(SNIPPETS.find((s) => s.prefix === 'batch-pool-users-linux')!);
    const broken = hosted.text.replace('ElevationLevel.non_admin', 'ElevationLevel.nonadmin');
    assert.notEqual(broken, hosted.text);
    const result = run(hosted, broken);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /AttributeError: nonadmin/);
  });
});
