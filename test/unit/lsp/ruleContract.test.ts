/**
 * Every rule as an editor receives it over stdio: its code, source, default severity (as the
 * issues set them) and a codeDescription link to its page under docs/rules/, which must exist.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { RULES } from '../../../server/src/rules';
import { serverForSuite } from '../../helpers/lspClient';

const REPO = path.resolve(__dirname, '../../..');
const { repository } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } };
const DOCS = `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules`;

const ERROR = 1;
const WARNING = 2;
/** The default severities the issues ask for. */
const EXPECTED_SEVERITY: Record<string, number> = {
  'run-elevated': WARNING,
  'identity-conflict': ERROR,
  'linux-uid-gid': ERROR,
  'unknown-user': WARNING,
  'duplicate-user': ERROR,
  'hardcoded-password': WARNING,
  'ssh-key-placeholder': WARNING,
  'unknown-enum-member': ERROR,
  'misplaced-call': ERROR,
};

/** Sources that, between them, break every rule once. */
const SOURCES: { name: string; languageId: string; text: string }[] = [
  {
    name: 'pool.json',
    languageId: 'json',
    text: `{
  "id": "p",
  "vmSize": "standard_d2_v3",
  "userAccounts": [
    {"name": "ops", "password": "Secret123!", "elevationLevel": "admin", "linuxUserConfiguration": {"uid": 1000, "sshPrivateKey": "00000000-0000-0000-0000-000000000000"}},
    {"name": "ops", "password": "[parameters('p')]"}
  ],
  "startTask": {"commandLine": "x", "runElevated": true, "userIdentity": {"username": "ghost"}}
}
`,
  },
  {
    name: 'tasks.json',
    languageId: 'json',
    text: `{"value": [
  {"id": "a", "commandLine": "x", "userIdentity": {"username": "ops", "autoUser": {"elevationLevel": "admin"}}},
  {"id": "b", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "NonAdmin"}}}
]}
`,
  },
  {
    name: 'Misplaced.java',
    languageId: 'java',
    text: `import com.microsoft.azure.batch.protocol.models.*;

class Misplaced {
    TaskAddParameter task() {
        return new TaskAddParameter().withId("t").withCommandLine("x")
            .withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)).withScope(AutoUserScope.TASK));
    }
}
`,
  },
];

describe('rule contract over stdio', () => {
  const client = serverForSuite();

  it('each of the rules reaches the editor with its code, source, default severity and documentation link', async () => {
    const diagnostics: Diagnostic[] = [];
    for (const { name, languageId, text } of SOURCES) {
      const uri = `file:///rule-contract/${name}`;
      await client().open(uri, languageId, text);
      diagnostics.push(...(await client().diagnosticsFor(uri)).diagnostics);
    }
    const codes = [...new Set(diagnostics.map((d) => String(d.code)))].sort();
    assert.deepEqual(codes, RULES.map((rule) => rule.id).sort(), 'the sources break every rule');
    assert.deepEqual(codes, Object.keys(EXPECTED_SEVERITY).sort());
    for (const diagnostic of diagnostics) {
      const code = String(diagnostic.code);
      assert.equal(diagnostic.source, 'batch-identity', code);
      assert.equal(diagnostic.severity, EXPECTED_SEVERITY[code], code);
      assert.equal(diagnostic.codeDescription?.href, `${DOCS}/${code}.md`, code);
      assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', `${code}.md`)), `docs/rules/${code}.md exists`);
      assert.deepEqual(diagnostic.tags ?? [], code === 'run-elevated' ? [2] : [], `${code}: only runElevated is marked deprecated`);
    }
  });
});
