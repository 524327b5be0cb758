/**
 * Every snippet body, expanded with its defaults and with every choice at its last option, in the
 * least surrounding code it needs: C# compiles with mcs against the Microsoft.Azure.Batch stubs and,
 * run with mono, gives its tasks and pool the identities and accounts it means; Java compiles with
 * javac against the legacy com.microsoft.azure.batch stubs; Python runs in Debian's /usr/bin/python3
 * against the real azure-batch 13 (python3-azure), and each task's and the pool's REST body, as the
 * SDK serializes it, holds the identities and accounts the snippet means; TypeScript compiles with
 * tsc against the real typings of @azure/batch 10.2.0 (the literals typed by `task.add` and
 * `pool.add`), and the same bodies as JavaScript pass `node --check`. A wrong enum member in each
 * language fails the same check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSHARP, JSON_DIALECTS } from '../../../server/src/batch/sdks';
import { SECRET_VARIABLES, SNIPPETS } from '../../../server/src/batch/snippets';
import { compileCSharp, skipWithoutMcs } from '../../compile/csharp/mcs';
import { compileJava, skipWithoutJavac } from '../../compile/java/javac';
import { assertRanClean, PythonSdkBatch, skipWithoutPythonSdk, taskIdentities } from '../../compile/python/sdk';
import { EXPECTED, VARIANTS, type Expected, type Variant } from './expected';
import { compile, nodeCheck } from '../../compile/typescript/tsc';
import { hostCSharp, hostJava, hostPython, hostTypeScript } from './hosts';

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

describe('Python snippets run with the real SDK (azure-batch 13)', { skip: skipWithoutPythonSdk() }, () => {
  /** Secrets come from the environment; the run provides them as a deployment would. */
  const secrets: Record<string, string> = Object.fromEntries(Object.values(SECRET_VARIABLES).map((v) => [v, `value of ${v}`]));
  const sdk = new PythonSdkBatch(secrets);
  const rest = JSON_DIALECTS.rest.enums;

  /** The tasks the snippet builds, with the userIdentity of their REST bodies, as the expectation table gives them. */
  function restTasks(expected: Expected) {
    return expected.identities.map((i) => ({
      type: i.task === 'startTask' ? 'StartTask' : 'TaskAddParameter',
      userIdentity:
        i.user !== undefined
          ? { username: i.user }
          : { autoUser: { scope: rest.AutoUserScope[i.scope!], elevationLevel: rest.ElevationLevel[i.elevation!] } },
    }));
  }

  /** The pool's userAccounts as the expectation table gives them (passwords and keys checked apart). */
  function restAccounts(expected: Expected) {
    return expected.accounts.map((a) => ({
      name: a.name,
      elevationLevel: rest.ElevationLevel[a.elevation],
      ...(a.uid !== undefined ? { linuxUserConfiguration: { uid: a.uid, gid: a.gid } } : {}),
      ...(a.loginMode ? { windowsUserConfiguration: { loginMode: rest.LoginMode[a.loginMode] } } : {}),
    }));
  }

  interface RestAccount {
    name: string;
    password: string;
    elevationLevel: string;
    linuxUserConfiguration?: { uid: number; gid: number; sshPrivateKey?: string };
    windowsUserConfiguration?: unknown;
  }

  for (const { snippet, variant, expected } of CASES) {
    const hosted = hostPython(snippet, { choice: variant });
    const result = sdk.run({ name: hosted.name, source: hosted.text });
    it(`${snippet.prefix} (${variant as Variant} choices)`, async () => {
      const run = await result();
      assertRanClean(run, hosted.text);
      assert.deepEqual(
        taskIdentities(run).map(({ type, userIdentity }) => ({ type, userIdentity })),
        restTasks(expected),
      );
      const accounts = run.models.flatMap((m) => (m.kind === 'pool' ? ((m.body?.userAccounts as RestAccount[] | undefined) ?? []) : []));
      assert.deepEqual(
        accounts.map(({ password, linuxUserConfiguration, ...account }) => {
          assert.ok(Object.values(secrets).includes(password), `${account.name}'s password comes from the environment`);
          if (!linuxUserConfiguration) return account;
          const { sshPrivateKey, ...ids } = linuxUserConfiguration;
          assert.equal(sshPrivateKey, secrets[SECRET_VARIABLES.sshPrivateKey]);
          return { ...account, linuxUserConfiguration: ids };
        }),
        restAccounts(expected),
      );
    });
  }

  const linux = hostPython(SNIPPETS.find((s) => s.prefix === 'batch-pool-users-linux')!);
  const broken = linux.text.replace('ElevationLevel.admin', 'ElevationLevel.administrator');
  const brokenRun = sdk.run({ name: 'broken', source: broken });
  it('a wrong enum member fails the same check', async () => {
    assert.notEqual(broken, linux.text);
    const run = await brokenRun();
    assert.match(run.error ?? '', /^AttributeError: administrator$/);
  });
});

describe('TypeScript snippets compile with tsc against @azure/batch 10.2.0; as JavaScript they pass node --check', () => {
  it('all of them, with every choice at its first and its last option', () => {
    const hosted = CASES.map(({ snippet, variant }) => hostTypeScript(snippet, { choice: variant }).text);
    const errors = compile(hosted, '@azure/batch 10.2.0');
    hosted.forEach((text, i) => assert.equal(errors[i], '', text));
  });

  it('a wrong enum member fails the same check', () => {
    const linux = hostTypeScript(SNIPPETS.find((s) => s.prefix === 'batch-pool-users-linux')!).text;
    const broken = linux.replace("elevationLevel: 'admin'", "elevationLevel: 'administrator'");
    assert.notEqual(broken, linux);
    assert.match(compile([broken], '@azure/batch 10.2.0')[0], /^TS2322: Type '"administrator"' is not assignable to type 'ElevationLevel/);
  });

  for (const { snippet, variant } of CASES) {
    it(`JavaScript ${snippet.prefix} (${variant as Variant} choices)`, () => {
      const text = hostTypeScript(snippet, { choice: variant, javascript: true }).text;
      assert.equal(nodeCheck(text, '.cjs'), '', text);
    });
  }
});
