/**
 * Secrets (issue 5): user account passwords and SSH private keys, written in all four languages
 * (literals, constants, initializer members, ARM templates), never appear in hovers (at any
 * position), diagnostics (messages, related information, code-action titles), the server's log
 * and status messages, or the CLI's text, JSON and SARIF output and notes. Each secret carries a
 * distinctive marker, which is what is searched for in every output.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../../server/src/cli/main';
import type { LanguageId } from '../../../server/src/engine/facts';
import { hoverAt } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { analyze } from '../../helpers/engine';
import { serverForSuite } from '../../helpers/lspClient';

/** The marker every secret holds; nothing the tool writes may contain it. */
const MARK = 'Zq7Secret';
const pw = (n: number) => `Pw-${MARK}-${n}!`;
const key = (n: number) => `-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbn${MARK}${n}${'A'.repeat(120)}\\n-----END OPENSSH PRIVATE KEY-----`;
/** Too short to be a key: the ssh-key-placeholder rule reports it, and must not repeat it. */
const shortKey = (n: number) => `k-${MARK}-${n}`;

const SOURCES: { name: string; language: LanguageId; text: string }[] = [
  {
    name: 'Pools.cs',
    language: 'csharp',
    text: `using System.Collections.Generic;
using Microsoft.Azure.Batch;
using Microsoft.Azure.Batch.Common;

class Pools
{
    const string Password = "${pw(1)}";

    void Configure(CloudPool pool, CloudTask task)
    {
        pool.UserAccounts = new List<UserAccount>
        {
            new UserAccount("admin", "${pw(2)}", ElevationLevel.Admin, new LinuxUserConfiguration(uid: 1000, gid: 1000, sshPrivateKey: "${key(3)}")),
            new UserAccount(name: "svc", password: Password, linuxUserConfiguration: new LinuxUserConfiguration(sshPrivateKey: "${shortKey(4)}")),
            new UserAccount("admin", "x") { Password = "${pw(5)}" },
        };
        task.UserIdentity = new UserIdentity("admin");
        task.RunElevated = true;
    }
}
`,
  },
  {
    name: 'Pools.java',
    language: 'java',
    text: `import com.microsoft.azure.batch.protocol.models.*;
import java.util.Arrays;

class Pools {
    static final String PASSWORD = "${pw(1)}";

    void configure(PoolAddParameter pool, TaskAddParameter task) {
        pool.withUserAccounts(Arrays.asList(
                new UserAccount().withName("admin").withPassword("${pw(2)}").withElevationLevel(ElevationLevel.ADMIN)
                        .withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1000).withGid(1000).withSshPrivateKey("${key(3)}")),
                new UserAccount().withName("svc").withPassword(PASSWORD)
                        .withLinuxUserConfiguration(new LinuxUserConfiguration().withSshPrivateKey("${shortKey(4)}")),
                new UserAccount().withName("admin").withPassword("${pw(5)}")));
        task.withUserIdentity(new UserIdentity().withUserName("admin")).withRunElevated(true);
    }
}
`,
  },
  {
    name: 'pools.py',
    language: 'python',
    text: `import azure.batch.models as batchmodels

PASSWORD = '${pw(1)}'

pool = batchmodels.PoolAddParameter(id='p', vm_size='s', user_accounts=[
    batchmodels.UserAccount(name='admin', password='${pw(2)}', elevation_level=batchmodels.ElevationLevel.admin,
                            linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1000, gid=1000, ssh_private_key='${key(3)}')),
    batchmodels.UserAccount(name='svc', password=PASSWORD, linux_user_configuration=batchmodels.LinuxUserConfiguration(ssh_private_key='${shortKey(4)}')),
    batchmodels.UserAccount('admin', '${pw(5)}'),
])
task = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(user_name='admin'), run_elevated=True)
`,
  },
  {
    name: 'pool.json',
    language: 'json',
    text: `{
  "id": "pool",
  "vmSize": "standard_d2s_v3",
  "userAccounts": [
    {"name": "admin", "password": "${pw(2)}", "elevationLevel": "admin", "linuxUserConfiguration": {"uid": 1000, "gid": 1000, "sshPrivateKey": "${key(3)}"}},
    {"name": "svc", "password": "${pw(1)}", "linuxUserConfiguration": {"sshPrivateKey": "${shortKey(4)}"}},
    {"name": "admin", "password": "${pw(5)}"}
  ],
  "startTask": {"commandLine": "x", "userIdentity": {"username": "admin"}, "runElevated": true}
}
`,
  },
  {
    name: 'template.json',
    language: 'json',
    text: `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [{
    "type": "Microsoft.Batch/batchAccounts/pools",
    "name": "pool",
    "properties": {
      "userAccounts": [{"name": "admin", "password": "${pw(6)}", "elevationLevel": "Admin", "linuxUserConfiguration": {"sshPrivateKey": "${shortKey(7)}"}}],
      "startTask": {"commandLine": "x", "userIdentity": {"userName": "admin"}, "runElevated": true}
    }
  }]
}
`,
  },
];

function assertNoSecret(output: string, where: string): void {
  assert.ok(
    !output.includes(MARK),
    `${where} shows a secret:\n${output.slice(Math.max(0, output.indexOf(MARK) - 200), output.indexOf(MARK) + 100)}`,
  );
}

describe('secrets never leave the source', () => {
  it('the samples define the secrets and make the rules speak about them (the test can fail)', async () => {
    for (const { name, language, text } of SOURCES) {
      const analysis = await analyze(language, text);
      analysis.release();
      const rules = new Set(analysis.findings.map((f) => f.rule));
      assert.ok(rules.has('hardcoded-password'), `${name}: ${[...rules]}`);
      assert.ok(rules.has('ssh-key-placeholder'), `${name}: ${[...rules]}`);
      assert.ok(
        analysis.facts.accounts.some((a) => a.password?.text.includes(MARK)),
        name,
      );
    }
  });

  it('engine: finding messages, related information and fix titles; hovers at every offset', async () => {
    for (const { name, language, text } of SOURCES) {
      const uri = `file:///secrets/${name}`;
      const analysis = await analyze(language, text);
      const workspace = new AccountIndex();
      workspace.update(uri, accountsIn(uri, text, analysis.facts));
      try {
        for (const finding of analysis.findings) {
          assertNoSecret(
            [finding.message, ...(finding.related ?? []).map((r) => r.message), ...finding.fixes.map((f) => f.title)].join('\n'),
            `${name}: ${finding.rule}`,
          );
        }
        for (let offset = 0; offset <= text.length; offset++) {
          const hover = hoverAt(analysis, offset, workspace);
          if (hover) assertNoSecret(hover.markdown, `${name}: hover at ${offset}`);
        }
      } finally {
        analysis.release();
      }
    }
  });

  // (--diff is left out: a diff shows lines of the file itself, as `git diff` does.)
  it('CLI: text, JSON and SARIF output, the notes of --fix, and the result cache', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-secrets-'));
    // The working directory, where the default cache goes (not the checkout's node_modules).
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bi-secrets-cwd-'));
    try {
      for (const { name, text } of SOURCES) fs.writeFileSync(path.join(root, name), text);
      for (const args of [
        ['--format', 'text'],
        ['--format', 'json'],
        ['--format', 'sarif'],
        ['--fix', '--format', 'json'],
      ]) {
        let out = '';
        const code = await runCli(['check', ...args, root], {
          stdout: (t) => (out += t + '\n'),
          stderr: (t) => (out += t + '\n'),
          version: '0.0.0-test',
          cwd,
        });
        assert.equal(code, 1, out);
        assert.match(out, /hardcoded-password/);
        assertNoSecret(out, `check ${args.join(' ')}`);
      }
      // The cache keeps findings and accounts (names, lines, elevations), never what a password or key holds.
      const location = path.join(cwd, 'node_modules/.cache/batch-identity');
      const caches = fs.readdirSync(location);
      assert.ok(caches.length > 0, 'the runs wrote a cache');
      for (const name of caches) assertNoSecret(fs.readFileSync(path.join(location, name)).toString('latin1'), `the cache file ${name}`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  describe('language server (stdio; needs npm run build)', () => {
    const client = serverForSuite();

    it('diagnostics, code actions, hovers at every token, log and status messages', { timeout: 120_000 }, async () => {
      for (const { name, language, text } of SOURCES) {
        const uri = `file:///secrets/${name}`;
        const languageId = name.endsWith('.json') ? 'json' : language;
        await client().open(uri, languageId, text);
        const published = await client().diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
        assertNoSecret(JSON.stringify(published), `${name}: published diagnostics`);
        const actions = (await client().connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
          context: { diagnostics: published.diagnostics },
        })) as CodeAction[];
        assertNoSecret(actions.map((a) => a.title).join('\n'), `${name}: code action titles`);
        const document = TextDocument.create(uri, languageId, 1, text);
        // Every token start (where a word or a punctuation run begins).
        const hovers: Promise<Hover | null>[] = [];
        for (let offset = 0; offset < text.length; offset++) {
          if (offset > 0 && /\w/.test(text[offset]) === /\w/.test(text[offset - 1])) continue;
          hovers.push(
            client().connection.sendRequest('textDocument/hover', {
              textDocument: { uri },
              position: document.positionAt(offset),
            }) as Promise<Hover | null>,
          );
        }
        const answered = await Promise.all(hovers);
        assert.ok(
          answered.some((h) => h !== null),
          `${name}: no hover at all`,
        );
        assertNoSecret(JSON.stringify(answered), `${name}: hovers`);
      }
      // The server's output channel and status notifications, after all of it.
      assertNoSecret(JSON.stringify(client().notifications), 'log and status messages');
      assert.ok(
        client().notifications.some((n) => n.method === 'batchIdentity/status'),
        'status notifications were received',
      );
    });
  });
});
