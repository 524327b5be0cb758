/**
 * The rule pages are part of the product: each rule has one, and its examples are run, so the
 * documentation cannot drift from what the engine does. In docs/rules/<id>.md a fenced block whose
 * info string is `<language> bad` must give at least one finding of the rule, `<language> good`
 * none, and `<language> fixed` is exactly what fix-all makes of the `bad` block before it. Each
 * page's head and the README's rule table are what scripts/rules.ts writes from the descriptors.
 * Each page states its severity with the evidence for it (docs/severity.md is the policy) and ends
 * with the sources of what it says.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { languageOfFence, type LanguageId } from '../../../common/languages';
import { RULES } from '../../../server/src/rules';
import { README, renderPage, renderReadme } from '../../../scripts/rules';
import { analyze, fixAll } from '../../helpers/engine';

const root = path.resolve(__dirname, '../../..');

interface Block {
  readonly language: LanguageId;
  readonly kind: 'bad' | 'good' | 'fixed';
  readonly code: string;
  readonly line: number;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const fence = /^```(\w+) (bad|good|fixed)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) {
    const language = languageOfFence(m[1]);
    assert.ok(language, `unknown fence language ${m[1]}`);
    found.push({ language, kind: m[2] as Block['kind'], code: m[3], line: markdown.slice(0, m.index).split('\n').length });
  }
  return found;
}

/** The text of a `## <title>` section, up to the next one. */
function sectionText(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const body = markdown.slice(start + title.length + 5);
  const next = body.search(/^## /m);
  return (next < 0 ? body : body.slice(0, next)).trim();
}

/** Where a reference-style link `[text][name]` points: its `[name]: url` definition. */
function referenceOf(markdown: string, name: string): string | undefined {
  return new RegExp(`^\\[${name}\\]: (\\S+)$`, 'm').exec(markdown)?.[1];
}

describe('rule documentation', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const file = path.join(root, 'docs', 'rules', `${rule.id}.md`);
      const markdown = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';

      it('has a page with its title, why, examples and fix', () => {
        assert.ok(markdown, `docs/rules/${rule.id}.md is missing`);
        assert.ok(markdown.startsWith(`# ${rule.id}\n`), 'starts with the rule id as its title');
        assert.ok(markdown.includes(rule.title), 'states the rule title');
        for (const section of ['## Why', '## Examples', '## How to fix'])
          assert.ok(markdown.includes(`\n${section}\n`), `has a "${section}" section`);
        assert.ok(markdown.includes(`Default severity: **${rule.defaultSeverity}**`), 'states the default severity');
        assert.ok(
          blocks(markdown).some((b) => b.kind === 'bad'),
          'has at least one flagged example',
        );
      });

      it('states its severity with the evidence, and ends with the sources of what it says', () => {
        const sections = [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        assert.equal(sections.at(-1), 'Sources', `the last section is "## Sources" (sections: ${sections.join(', ')})`);
        const severity = sectionText(markdown, 'Severity');
        assert.ok(severity.startsWith(`**${rule.defaultSeverity}**`), `"## Severity" starts with **${rule.defaultSeverity}**`);
        assert.ok(severity.includes('](../severity.md)'), '"## Severity" links the severity policy');
        const sources = sectionText(markdown, 'Sources');
        const links = [...sources.matchAll(/\]\((https:\/\/[^)\s]+)\)|\]\[([\w-]+)\]/g)].map((m) => m[1] ?? referenceOf(markdown, m[2]));
        assert.ok(links.length > 0, '"## Sources" links its sources');
        for (const link of links) assert.match(link ?? '', /^https:\/\//, `every source is a link that resolves: ${links.join(', ')}`);
        // Every reference-style link of the page has its definition.
        for (const [, name] of markdown.matchAll(/\]\[([\w-]+)\]/g))
          assert.ok(referenceOf(markdown, name), `[${name}] is defined on the page`);
      });

      it('has the head the descriptor gives (run `npx tsx scripts/rules.ts` after changing it)', () => {
        assert.ok(markdown, `docs/rules/${rule.id}.md is missing`);
        assert.equal(markdown, renderPage(rule, markdown));
      });

      it("has examples only in the rule's languages", () => {
        const outside = blocks(markdown).filter((b) => !rule.languages.includes(b.language));
        assert.deepEqual(
          outside.map((b) => `line ${b.line}: ${b.language}`),
          [],
        );
      });

      const all = markdown ? blocks(markdown) : [];
      all.forEach((block, index) => {
        it(`line ${block.line}: ${block.language} ${block.kind}`, async () => {
          const analysis = await analyze(block.language, block.code);
          analysis.release();
          const own = analysis.findings.filter((f) => f.rule === rule.id);
          if (block.kind === 'bad') assert.ok(own.length > 0, `no ${rule.id} finding in:\n${block.code}`);
          if (block.kind === 'good')
            assert.deepEqual(
              own.map((f) => f.message),
              [],
              `unexpected ${rule.id} finding`,
            );
          if (block.kind === 'fixed') {
            const bad = all[index - 1];
            assert.ok(bad && bad.kind === 'bad' && bad.language === block.language, 'a fixed block follows its bad block');
            assert.equal(await fixAll(bad.language, bad.code, { onlyRules: [rule.id] }), block.code);
          }
        });
      });
    });
  }

  it('the README lists every rule with a link to its page', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const rule of RULES) assert.ok(readme.includes(`](docs/rules/${rule.id}.md)`), `README links docs/rules/${rule.id}.md`);
  });

  it('the severity policy lists every rule with its default severity', () => {
    const policy = fs.readFileSync(path.join(root, 'docs', 'severity.md'), 'utf8');
    for (const rule of RULES)
      assert.ok(
        policy.includes(`| [${rule.id}](rules/${rule.id}.md) | ${rule.defaultSeverity} |`),
        `docs/severity.md: ${rule.id} is ${rule.defaultSeverity}`,
      );
  });

  it('the README rule table is what the descriptors give (run `npx tsx scripts/rules.ts` after changing them)', () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, renderReadme(readme));
  });
});
