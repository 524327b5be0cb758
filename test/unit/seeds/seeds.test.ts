/**
 * Every mistake in the code samples of the three original documentation pages
 * (../shared/seeds/000 Dutch 2019, 001 Dutch/English 2017, 002 English draft 2017), reproduced in
 * our own fixtures (test/fixtures/seeds/), with the diagnostics each must produce.
 *
 * Fixture ← seed sample (gotcha of the reference's §11):
 * - g01-scope-on-user-identity.java ← 000/001 Java "auto-user with elevated access" (G1): withScope
 *   lands on UserIdentity (misplaced-call, fixed by moving it), a stray `;` breaks the chain.
 * - g01-migration-missing-paren.java ← 000/001 Java migration table (G1, G2): one `)` short on each
 *   line; ElevationLevel.NONADMIN (unknown-enum-member). The missing parenthesis is not fixed.
 * - g02-nonadmin-pool.java ← 000/001 Java named-accounts pool (G2): ElevationLevel.NONADMIN.
 * - g03-missing-comma.py ← 000/001 Python named-accounts pool (G3, with 001's `nonadmin`, G4):
 *   the missing comma is a syntax error: both accounts are still read, `nonadmin` is reported and
 *   its fix touches nothing else; `target_dedicated` (renamed in 3.0.0) is not identity code and
 *   not checked; the samples' `******` passwords are placeholders and stay silent.
 * - g04-nonadmin-identity.py ← 001 Python migration table (G4): ElevationLevel.nonadmin.
 * - g17-guid-ssh-key.cs ← 000/001 .NET Linux pool (G17): `new Guid().ToString()` as the SSH key
 *   (ssh-key-placeholder) and literal passwords (hardcoded-password).
 * - windows-pool-passwords.cs ← 000/001 .NET Windows pool: literal passwords.
 * - migration-run-elevated.{cs,java,py} ← 000/001 migration tables, "if your code uses":
 *   RunElevated = true/false, withRunElevated(true/false), run_elevated=True/False (run-elevated,
 *   fixed to the documented mapping, NON_ADMIN and not the table's NONADMIN).
 * - g07-default-scope.cs ← the 000/001/002 auto-user samples: their code is right; their prose says
 *   task scope is the default (G7), which is stale. Not a code mistake; the hover states the
 *   current default (pool since 2019-08-01.10.0) where the scope is omitted.
 * - g12-both-user-and-auto.json ← not in the seeds: the reference's G12 (an empty user name sent
 *   with an auto-user), identity-conflict.
 *
 * Seed contents that are not code mistakes we detect: 002's `targetDedicated:` (an old pool
 * parameter, not identity code), 002's bare `UserIdentity = new UserIdentity(…)` fragment and its
 * empty `\\\` block (not code), the samples' `AdminUserAccountName` (a name defined elsewhere).
 * Gotchas not found in the seeds' samples: G5/G6 (JSON key and enum casing per dialect: the seeds
 * have no JSON; casing is covered by test/unit/rules/unknownEnumMember.test.ts, a wrong user-name key
 * is read but not flagged), G13 (covered by sshKeyPlaceholder.test.ts), G10 (a JavaScript sample).
 * Not code mistakes we can detect: G8, G9 (documentation contradictions; hovers advise explicit
 * values), G11 (an unverified service error), G14/G15 (compile errors the compilers report), G16
 * (class renames), G18, G19 (other tools), G20 (unverified runtime behaviour of mixed generations).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { languageOfPath } from '../../../server/src/engine/engine';
import type { LanguageId } from '../../../server/src/engine/facts';
import { hoverAt } from '../../../server/src/hover/hover';
import { AccountIndex, accountsIn } from '../../../server/src/workspace/accountIndex';
import { engine, fixAll } from '../../helpers/engine';

const FIXTURES = path.resolve(__dirname, '../../fixtures/seeds');

interface Fixture {
  readonly file: string;
  readonly language: LanguageId;
  readonly text: string;
}

function fixture(file: string): Fixture {
  const language = languageOfPath(file);
  assert.ok(language, file);
  return { file, language, text: fs.readFileSync(path.join(FIXTURES, file), 'utf8') };
}

async function analyzeFixture(f: Fixture) {
  return engine.analyze({ uri: `file:///seeds/${f.file}`, languageId: f.language, text: f.text });
}

/** Every finding as [rule, severity, squiggled text], in document order. */
async function diagnostics(f: Fixture): Promise<[string, string, string][]> {
  const analysis = await analyzeFixture(f);
  analysis.release();
  assert.equal(analysis.skipped, undefined);
  return analysis.findings.map((x) => [x.rule, x.severity, f.text.slice(x.span.start, x.span.end)]);
}

/** Fix-all's result, checked to be stable under a second fix-all. */
async function fixed(f: Fixture): Promise<string> {
  const once = await fixAll(f.language, f.text);
  assert.equal(await fixAll(f.language, once), once, 'fix-all twice = once');
  return once;
}

/** `text` with each [before, after] replaced once, each `before` required to occur exactly once. */
function replaced(text: string, ...edits: [string, string][]): string {
  let out = text;
  for (const [before, after] of edits) {
    assert.equal(out.split(before).length, 2, `'${before}' must occur once`);
    out = out.replace(before, after);
  }
  return out;
}

describe('seeds: Java', () => {
  it('G1: withScope after withAutoUser(…) lands on UserIdentity; the move keeps the stray semicolon for the author', async () => {
    const f = fixture('g01-scope-on-user-identity.java');
    assert.deepEqual(await diagnostics(f), [['misplaced-call', 'error', 'withScope']]);
    assert.equal(
      await fixed(f),
      replaced(f.text, [
        '                        .withElevationLevel(ElevationLevel.ADMIN))\n                        .withScope(AutoUserScope.TASK));',
        '                        .withElevationLevel(ElevationLevel.ADMIN)\n                        .withScope(AutoUserScope.TASK)));',
      ]),
    );
  });

  it('G1 + G2: the migration table’s lines, a parenthesis short, still yield their identities; only NONADMIN is fixed', async () => {
    const f = fixture('g01-migration-missing-paren.java');
    const analysis = await analyzeFixture(f);
    analysis.release();
    assert.equal(analysis.file?.hasSyntaxErrors, true);
    assert.deepEqual(
      analysis.facts.identities.map((i) => i.holder?.taskKind),
      ['task', 'task'],
    );
    assert.deepEqual(await diagnostics(f), [['unknown-enum-member', 'error', 'NONADMIN']]);
    assert.equal(
      await fixed(f),
      replaced(f.text, ['withElevationLevel(ElevationLevel.NONADMIN)', 'withElevationLevel(ElevationLevel.NON_ADMIN)']),
    );
  });

  it('G2: ElevationLevel.NONADMIN in the named-accounts pool → NON_ADMIN', async () => {
    const f = fixture('g02-nonadmin-pool.java');
    assert.deepEqual(await diagnostics(f), [['unknown-enum-member', 'error', 'NONADMIN']]);
    assert.equal(
      await fixed(f),
      replaced(f.text, ['withElevationLevel(ElevationLevel.NONADMIN)', 'withElevationLevel(ElevationLevel.NON_ADMIN)']),
    );
  });

  it('migration table: withRunElevated(true / false) → the documented user identity, NON_ADMIN spelled right', async () => {
    const f = fixture('migration-run-elevated.java');
    assert.deepEqual(await diagnostics(f), [
      ['run-elevated', 'warning', 'withRunElevated'],
      ['run-elevated', 'warning', 'withRunElevated'],
    ]);
    assert.equal(
      await fixed(f),
      replaced(
        f.text,
        [
          'import com.microsoft.azure.batch.protocol.models.CloudTask;\n',
          'import com.microsoft.azure.batch.protocol.models.AutoUserSpecification;\nimport com.microsoft.azure.batch.protocol.models.CloudTask;\n' +
            'import com.microsoft.azure.batch.protocol.models.ElevationLevel;\nimport com.microsoft.azure.batch.protocol.models.UserIdentity;\n',
        ],
        [
          'installer.withRunElevated(true);',
          'installer.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.ADMIN)));',
        ],
        [
          'worker.withRunElevated(false);',
          'worker.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.NON_ADMIN)));',
        ],
      ),
    );
  });
});

describe('seeds: Python', () => {
  it('G3 + G4: a missing comma between two accounts: no crash, both accounts read, nonadmin reported, nothing else touched', async () => {
    const f = fixture('g03-missing-comma.py');
    const analysis = await analyzeFixture(f);
    analysis.release();
    assert.equal(analysis.file?.hasSyntaxErrors, true);
    assert.deepEqual(
      analysis.facts.accounts.map((a) => [a.name?.text, a.password?.text]),
      [
        ["'render-admin'", "'******'"],
        ["'render-user'", "'******'"],
      ],
    );
    assert.deepEqual(await diagnostics(f), [['unknown-enum-member', 'error', 'nonadmin']]);
    // The only edit is the member name: the comma stays missing, as the author left it.
    assert.equal(await fixed(f), replaced(f.text, ['ElevationLevel.nonadmin', 'ElevationLevel.non_admin']));
  });

  it('G3: both accounts of the broken list are in the workspace index, so tasks naming either resolve', async () => {
    const pool = fixture('g03-missing-comma.py');
    const analysis = await analyzeFixture(pool);
    analysis.release();
    const index = new AccountIndex();
    index.update('file:///seeds/pool.py', accountsIn('file:///seeds/pool.py', pool.text, analysis.facts));
    const task = '{"id": "t", "commandLine": "render.sh", "userIdentity": {"username": "render-user"}}\n';
    const taskAnalysis = await engine.analyze({ uri: 'file:///seeds/task.json', languageId: 'json', text: task }, { workspace: index });
    taskAnalysis.release();
    assert.deepEqual(taskAnalysis.findings, []);
  });

  it('G4: ElevationLevel.nonadmin in a migrated identity → non_admin', async () => {
    const f = fixture('g04-nonadmin-identity.py');
    assert.deepEqual(await diagnostics(f), [['unknown-enum-member', 'error', 'nonadmin']]);
    assert.equal(await fixed(f), replaced(f.text, ['ElevationLevel.nonadmin))', 'ElevationLevel.non_admin))']));
  });

  it('migration table: run_elevated=True / False → user_identity with admin / non_admin', async () => {
    const f = fixture('migration-run-elevated.py');
    assert.deepEqual(await diagnostics(f), [
      ['run-elevated', 'warning', 'run_elevated'],
      ['run-elevated', 'warning', 'run_elevated'],
    ]);
    const identity = (level: string) =>
      `user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.${level}))`;
    assert.equal(
      await fixed(f),
      replaced(f.text, ['run_elevated=True)', `${identity('admin')})`], ['run_elevated=False)', `${identity('non_admin')})`]),
    );
  });
});

describe('seeds: C#', () => {
  it('G17: new Guid().ToString() as the SSH private key; literal passwords', async () => {
    const f = fixture('g17-guid-ssh-key.cs');
    assert.deepEqual(await diagnostics(f), [
      ['hardcoded-password', 'warning', '"lead-2017"'],
      ['ssh-key-placeholder', 'warning', 'new Guid().ToString()'],
      ['hardcoded-password', 'warning', '"worker-2017"'],
      ['ssh-key-placeholder', 'warning', 'new Guid().ToString()'],
    ]);
    assert.equal(await fixed(f), f.text, 'no fix: the key and passwords are the author’s to supply');
  });

  it('the Windows pool’s literal passwords', async () => {
    const f = fixture('windows-pool-passwords.cs');
    assert.deepEqual(await diagnostics(f), [
      ['hardcoded-password', 'warning', '"abc987"'],
      ['hardcoded-password', 'warning', '"987abc"'],
    ]);
  });

  it('migration table: RunElevated = true / false → the documented user identity, with the enums’ using', async () => {
    const f = fixture('migration-run-elevated.cs');
    assert.deepEqual(await diagnostics(f), [
      ['run-elevated', 'warning', 'RunElevated'],
      ['run-elevated', 'warning', 'RunElevated'],
    ]);
    assert.equal(
      await fixed(f),
      replaced(
        f.text,
        ['using Microsoft.Azure.Batch;\n', 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n'],
        [
          'installer.RunElevated = true;',
          'installer.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.Admin));',
        ],
        [
          'worker.RunElevated = false;',
          'worker.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.NonAdmin));',
        ],
      ),
    );
  });

  it('G7: the samples’ identities are right; where scope is omitted the hover gives today’s default, not the docs’', async () => {
    const f = fixture('g07-default-scope.cs');
    assert.deepEqual(await diagnostics(f), []);
    const analysis = await analyzeFixture(f);
    try {
      const effective = (needle: string) => {
        const markdown = hoverAt(analysis, f.text.indexOf(needle) + 1)?.markdown ?? '';
        return markdown.split('\n').find((line) => line.startsWith('**auto-user'));
      };
      assert.equal(effective('AutoUserSpecification(elevationLevel: ElevationLevel.Admin, scope'), '**auto-user · admin · task scope**');
      assert.equal(effective('AutoUserSpecification(scope: AutoUserScope.Pool)'), '**auto-user · non-admin (default) · pool scope**');
      const omitted = hoverAt(analysis, f.text.indexOf('AutoUserSpecification(elevationLevel: ElevationLevel.Admin))') + 1)?.markdown ?? '';
      assert.ok(omitted.includes('**auto-user · admin · pool scope (default)**'), omitted);
      assert.ok(
        omitted.includes(
          'When scope is omitted it is **pool** since service version 2019-08-01.10.0; before that it was task on Windows nodes and pool on Linux nodes.',
        ),
      );
    } finally {
      analysis.release();
    }
  });
});

describe('seeds: JSON', () => {
  it('G12: an empty user name sent with an auto-user', async () => {
    assert.deepEqual(await diagnostics(fixture('g12-both-user-and-auto.json')), [['identity-conflict', 'warning', '"userIdentity"']]);
  });
});

it('every fixture is covered by a test above', () => {
  const tested = new Set([
    'g01-scope-on-user-identity.java',
    'g01-migration-missing-paren.java',
    'g02-nonadmin-pool.java',
    'g03-missing-comma.py',
    'g04-nonadmin-identity.py',
    'g07-default-scope.cs',
    'g12-both-user-and-auto.json',
    'g17-guid-ssh-key.cs',
    'migration-run-elevated.cs',
    'migration-run-elevated.java',
    'migration-run-elevated.py',
    'windows-pool-passwords.cs',
  ]);
  assert.deepEqual(fs.readdirSync(FIXTURES).sort(), [...tested].sort());
});
