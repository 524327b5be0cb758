/**
 * The contributed snippets: the files are what the model generates, the manifest contributes each
 * for its language ids, the files offer the same prefixes, and every body — with its
 * defaults, and with every choice at its last option — analyses in its surrounding code without a
 * single finding while the engine reads exactly the identities and accounts the snippet means.
 * JSON bodies also parse to the exact REST structure.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import manifest from '../../../package.json';
import { render, SNIPPET_LANGUAGES, SNIPPETS_DIR } from '../../../scripts/snippets';
import type { Facts, Value } from '../../../server/src/engine/facts';
import type { AccountLocation, WorkspaceAccounts } from '../../../server/src/engine/findings';
import { SNIPPET_FILES, SNIPPETS, type SnippetDefinition, type SnippetLanguage } from '../../../server/src/batch/snippets';
import { isPlaceholder } from '../../../server/src/rules/placeholders';
import { analyze, squiggles } from '../../helpers/engine';
import { expand, tabStopIndices } from './expand';
import { EXPECTED, VARIANTS, type Expected, type ExpectedAccount, type ExpectedIdentity } from './expected';
import { HOSTS, hostJson } from './hosts';

/** Every language with snippet bodies: the files' four and JSON's, which the server's completion offers. */
const BODY_LANGUAGES = Object.keys(SNIPPET_FILES) as SnippetLanguage[];

const bySnippet = (prefix: string): SnippetDefinition => SNIPPETS.find((s) => s.prefix === prefix)!;

function canonical(value: Value | undefined): string | undefined {
  return value?.kind === 'enum' ? value.canonical : undefined;
}

/** Only the keys that have a value: what the snippet set, nothing the facts left open. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** The engine's facts in the terms of the expectation table. */
function meaning(facts: Facts): Expected {
  return {
    identities: facts.identities.map((identity) => {
      const auto = identity.autoUser && 'span' in identity.autoUser ? identity.autoUser : undefined;
      return defined({
        task: identity.holder?.taskKind,
        user: identity.userName?.kind === 'string' ? identity.userName.value : undefined,
        scope: canonical(auto?.scope),
        elevation: canonical(auto?.elevation),
      } as ExpectedIdentity);
    }),
    accounts: facts.accounts.map((account) =>
      defined({
        name: account.name?.kind === 'string' ? account.name.value : undefined,
        elevation: canonical(account.elevation),
        uid: account.linux?.uid?.kind === 'number' ? account.linux.uid.value : undefined,
        gid: account.linux?.gid?.kind === 'number' ? account.linux.gid.value : undefined,
        loginMode: canonical(account.windows?.loginMode),
      } as ExpectedAccount),
    ),
  };
}

describe('snippet files', () => {
  it('are what the model generates (run `npx tsx scripts/snippets.ts` after changing it)', () => {
    for (const language of SNIPPET_LANGUAGES) {
      const file = SNIPPET_FILES[language].file!;
      assert.equal(fs.readFileSync(path.join(SNIPPETS_DIR, file), 'utf8'), render(language), file);
    }
  });

  it('are contributed for the right language ids; JSON has none (the server offers its bodies where they fit)', () => {
    const contributed = (manifest.contributes as { snippets?: unknown }).snippets;
    assert.deepEqual(contributed, [
      { language: 'csharp', path: './snippets/csharp.json' },
      { language: 'java', path: './snippets/java.json' },
      { language: 'python', path: './snippets/python.json' },
      // One file for TypeScript and JavaScript: the bodies are plain object literals, typed where they are written.
      { language: 'typescript', path: './snippets/typescript.json' },
      { language: 'typescriptreact', path: './snippets/typescript.json' },
      { language: 'javascript', path: './snippets/typescript.json' },
      { language: 'javascriptreact', path: './snippets/typescript.json' },
    ]);
    assert.ok(!fs.existsSync(path.join(SNIPPETS_DIR, 'json.json')), 'no stale JSON snippet file');
    for (const entry of contributed as { path: string }[]) assert.ok(fs.existsSync(path.resolve(SNIPPETS_DIR, '..', entry.path)), entry.path);
  });

  it('offer the same prefixes in every file (and JSON bodies for each: the server offers them)', () => {
    assert.deepEqual(Object.keys(SNIPPETS[0].bodies).sort(), [...BODY_LANGUAGES].sort());
    const expected = [
      'batch-autouser-admin',
      'batch-autouser-pool',
      'batch-pool-users-windows',
      'batch-pool-users-linux',
      'batch-task-named-user',
      'batch-starttask-admin',
    ];
    for (const language of SNIPPET_LANGUAGES) {
      const file = JSON.parse(fs.readFileSync(path.join(SNIPPETS_DIR, SNIPPET_FILES[language].file!), 'utf8')) as Record<string, { prefix: string; description: string; body: string[] }>;
      const entries = Object.values(file);
      assert.deepEqual(entries.map((e) => e.prefix), expected, language);
      for (const entry of entries) {
        assert.ok(entry.description.length > 40 && entry.description.endsWith(`(${SNIPPET_FILES[language].dialect})`), `${language} ${entry.prefix}: ${entry.description}`);
        assert.ok(Array.isArray(entry.body) && entry.body.every((line) => typeof line === 'string' && !line.includes('\n')), `${language} ${entry.prefix}: body lines`);
      }
    }
  });

  it('number their tab stops 1…n with nothing skipped', () => {
    for (const snippet of SNIPPETS) {
      for (const language of BODY_LANGUAGES) {
        const stops = tabStopIndices(snippet.bodies[language]).filter((i) => i !== 0);
        assert.deepEqual(stops, stops.map((_, i) => i + 1), `${language} ${snippet.prefix}`);
      }
    }
  });
});

describe('snippets analysed in their surrounding code', () => {
  for (const snippet of SNIPPETS) {
    for (const language of BODY_LANGUAGES) {
      for (const variant of VARIANTS) {
        it(`${language} ${snippet.prefix} (${variant} choices): no finding, and the facts the snippet means`, async () => {
          const { text } = HOSTS[language](snippet, { choice: variant });
          assert.deepEqual(await squiggles(language, text), [], text);
          const analysis = await analyze(language, text);
          analysis.release();
          assert.deepEqual(meaning(analysis.facts), EXPECTED[snippet.prefix](variant), text);
          // Secrets are read, never written: code reads them (an expression), a JSON body says what to put there (a placeholder).
          const secret = (value: Value | undefined) =>
            value?.kind === 'expr' || (language === 'json' && value?.kind === 'string' && isPlaceholder(value.value));
          for (const account of analysis.facts.accounts) {
            assert.ok(secret(account.password), account.password?.text);
            if (account.linux) assert.ok(secret(account.linux.sshPrivateKey), account.linux.sshPrivateKey?.text);
          }
        });
      }
    }
  }

  /** The accounts of a pool snippet, as a workspace index would hold them. */
  async function workspaceOf(language: SnippetLanguage, prefix: string): Promise<WorkspaceAccounts> {
    const analysis = await analyze(language, HOSTS[language](bySnippet(prefix)).text);
    analysis.release();
    const names = new Set(analysis.facts.accounts.flatMap((a) => (a.name?.kind === 'string' ? [a.name.value] : [])));
    const location: AccountLocation = { uri: `file:///pool.${language}`, line: 1 };
    return { hasPools: true, lookup: (name) => (names.has(name) ? [location] : []) };
  }

  for (const language of BODY_LANGUAGES) {
    it(`${language}: the named-user task runs as the admin account of either pool snippet (the pair does not warn)`, async () => {
      const task = HOSTS[language](bySnippet('batch-task-named-user')).text;
      assert.deepEqual(await squiggles(language, task, { workspace: await workspaceOf(language, 'batch-pool-users-windows') }), []);
      assert.deepEqual(await squiggles(language, task, { workspace: await workspaceOf(language, 'batch-pool-users-linux') }), []);
      // …and a pool without that account does warn: the check is live.
      const quote = language === 'python' || language === 'typescript' ? "'" : '"';
      assert.deepEqual(await squiggles(language, task.replace(`${quote}adminUser${quote}`, `${quote}someoneElse${quote}`), { workspace: await workspaceOf(language, 'batch-pool-users-linux') }), [
        { rule: 'unknown-user', severity: 'warning', text: `${quote}someoneElse${quote}` },
      ]);
    });
  }
});

describe('JSON snippets are REST bodies', () => {
  const AUTO_ADMIN_TASK = { scope: 'task', elevationLevel: 'admin' };
  const structures: Record<string, { key?: string; value: unknown }> = {
    'batch-autouser-admin': { value: { id: 'task1', commandLine: 'whoami', userIdentity: { autoUser: AUTO_ADMIN_TASK } } },
    'batch-autouser-pool': { value: { id: 'task1', commandLine: 'whoami', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'nonadmin' } } } },
    'batch-task-named-user': { value: { id: 'task1', commandLine: 'whoami', userIdentity: { username: 'adminUser' } } },
    'batch-pool-users-windows': {
      key: 'userAccounts',
      value: [
        { name: 'adminUser', password: '<password, from Key Vault>', elevationLevel: 'admin', windowsUserConfiguration: { loginMode: 'batch' } },
        { name: 'nonAdminUser', password: '<password, from Key Vault>', elevationLevel: 'nonadmin', windowsUserConfiguration: { loginMode: 'batch' } },
      ],
    },
    'batch-pool-users-linux': {
      key: 'userAccounts',
      value: [
        {
          name: 'adminUser',
          password: '<password, from Key Vault>',
          elevationLevel: 'admin',
          linuxUserConfiguration: { uid: 1001, gid: 1001, sshPrivateKey: '<SSH private key, from Key Vault>' },
        },
      ],
    },
    'batch-starttask-admin': {
      key: 'startTask',
      value: { commandLine: 'cmd /c install.cmd', userIdentity: { autoUser: { scope: 'pool', elevationLevel: 'admin' } }, waitForSuccess: true },
    },
  };

  for (const snippet of SNIPPETS) {
    it(`${snippet.prefix}: strict JSON with the exact structure`, () => {
      const expected = structures[snippet.prefix];
      assert.equal(expected.key === undefined, snippet.target === 'task', 'task snippets are whole bodies, pool snippets properties');
      for (const variant of VARIANTS) {
        const errors: ParseError[] = [];
        const document = parse(hostJson(snippet, { choice: variant }).text, errors, { disallowComments: true, allowTrailingComma: false });
        assert.deepEqual(errors, [], variant);
        if (expected.key) assert.deepEqual(Object.keys(document), ['id', 'vmSize', expected.key]);
        if (variant === 'first') assert.deepEqual(expected.key ? document[expected.key] : document, expected.value);
      }
    });
  }

  it('a property snippet is a property, not a document', () => {
    const errors: ParseError[] = [];
    parse(expand(bySnippet('batch-starttask-admin').bodies.json), errors);
    assert.notDeepEqual(errors, []);
  });
});
