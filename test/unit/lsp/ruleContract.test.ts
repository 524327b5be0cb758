/**
 * Every rule as an editor receives it over stdio: its code, source, its descriptor's default
 * severity and deprecated tag, and a codeDescription link to its page under docs/rules/, which must
 * exist. The sources are a few documents that break several rules at once and each rule's first
 * flagged example from its page, so a new rule is covered by writing its page. (The severities
 * themselves are stated in the README and on each page, generated from the descriptors and held
 * to them by test/unit/docs.) Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { Severity } from '../../../server/src/engine/findings';
import { RULES } from '../../../server/src/rules';
import { serverForSuite } from '../../helpers/lspClient';

const REPO = path.resolve(__dirname, '../../..');
const { repository } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } };
const DOCS = `${repository.url.replace(/\.git$/, '')}/blob/main/docs/rules`;

/** LSP's DiagnosticSeverity and DiagnosticTag.Deprecated. */
const LSP_SEVERITY: Record<Severity, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const DEPRECATED = 2;
const FENCE_LANGUAGE: Record<string, string> = { csharp: 'csharp', java: 'java', python: 'python', json: 'json', jsonc: 'jsonc' };
const EXTENSION: Record<string, string> = { csharp: 'cs', java: 'java', python: 'py', json: 'json', jsonc: 'jsonc' };

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
  {"id": "b", "commandLine": "x", "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}
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

    // A member the enum lacks does not compile: unknown-enum-member at its default severity. (In JSON
    // the rule's findings are warnings: the table and the rule's page hold those.)
    ElevationLevel level = ElevationLevel.NONADMIN;
}
`,
  },
];

/** The first `<language> bad` block of each rule's page. */
const PAGE_EXAMPLES = RULES.flatMap((rule) => {
  const page = fs.readFileSync(path.join(REPO, 'docs/rules', `${rule.id}.md`), 'utf8');
  const bad = /^```(\w+) bad\n([\s\S]*?)^```$/m.exec(page);
  if (!bad) return [];
  const languageId = FENCE_LANGUAGE[bad[1]];
  return [{ name: `${rule.id}.${EXTENSION[languageId]}`, languageId, text: bad[2] }];
});

describe('rule contract over stdio', () => {
  const client = serverForSuite();

  it('each of the rules reaches the editor with its code, source, default severity and documentation link', async () => {
    const diagnostics: Diagnostic[] = [];
    for (const { name, languageId, text } of [...SOURCES, ...PAGE_EXAMPLES]) {
      const uri = `file:///rule-contract/${name}`;
      await client().open(uri, languageId, text);
      diagnostics.push(...(await client().diagnosticsFor(uri)).diagnostics);
    }
    const codes = [...new Set(diagnostics.map((d) => String(d.code)))].sort();
    assert.deepEqual(codes, RULES.map((rule) => rule.id).sort(), 'the sources break every rule');
    for (const diagnostic of diagnostics) {
      const code = String(diagnostic.code);
      const rule = RULES.find((r) => r.id === code)!;
      assert.equal(diagnostic.source, 'batch-identity', code);
      assert.equal(diagnostic.severity, LSP_SEVERITY[rule.defaultSeverity], code);
      assert.equal(diagnostic.codeDescription?.href, `${DOCS}/${code}.md`, code);
      assert.ok(fs.existsSync(path.join(REPO, 'docs/rules', `${code}.md`)), `docs/rules/${code}.md exists`);
      assert.deepEqual(
        diagnostic.tags ?? [],
        rule.tags?.includes('deprecated') ? [DEPRECATED] : [],
        `${code}: tagged deprecated as its descriptor says`,
      );
    }
  });
});
