/**
 * The rule metadata people read, generated from the rule descriptors (server/src/rules/*.ts) so it
 * is written once: the README's rule table, and the head of each docs/rules/<id>.md page — its
 * title, the rule's one-line title and the header line (default severity, fix, languages, tags).
 * The rest of a page (why, examples, how to fix) is written by hand. Run
 * `npx tsx scripts/rules.ts` after changing a descriptor or adding a rule; a unit test
 * (test/unit/docs/ruleDocs.test.ts) fails when the committed files differ from what it gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CODE_LANGUAGE_IDS, type CodeLanguageId } from '../common/languages';
import type { Fixability, RuleDescriptor } from '../server/src/engine/findings';
import { RULES } from '../server/src/rules';

const ROOT = path.resolve(__dirname, '..');
export const README = path.join(ROOT, 'README.md');
export const RULE_DOCS_DIR = path.join(ROOT, 'docs', 'rules');

// Rules name the code languages; a Markdown document reports what its code blocks do.
export const LANGUAGE_NAMES: Record<CodeLanguageId, string> = {
  csharp: 'C#',
  java: 'Java',
  python: 'Python',
  json: 'JSON',
  typescript: 'TypeScript/JavaScript',
};

/** The README's table sits between these lines. */
export const TABLE_START = '<!-- The rules table is generated from the rule descriptors by scripts/rules.ts: do not edit. -->';
export const TABLE_END = '<!-- End of the generated rules table. -->';

const FIX_IN_HEADER: Record<Fixability, string> = { never: 'no', sometimes: 'when the intent is clear', always: 'yes' };
const FIX_IN_TABLE: Record<Fixability, string> = { never: '', sometimes: 'when clear', always: 'yes' };

function languageNames(rule: RuleDescriptor): string {
  return CODE_LANGUAGE_IDS.filter((id) => rule.languages.includes(id))
    .map((id) => LANGUAGE_NAMES[id])
    .join(', ');
}

/** `Default severity: **warning** · Fix: … · Languages: … [· Shown as deprecated (struck through)]` */
export function headerLine(rule: RuleDescriptor): string {
  const parts = [
    `Default severity: **${rule.defaultSeverity}**`,
    `Fix: ${FIX_IN_HEADER[rule.fixable]}`,
    `Languages: ${languageNames(rule)}`,
  ];
  if (rule.tags?.includes('deprecated')) parts.push('Shown as deprecated (struck through)');
  return parts.join(' · ');
}

/** A page with its head (everything before the first `## ` section) written from the descriptor. */
export function renderPage(rule: RuleDescriptor, page: string): string {
  const firstSection = page.search(/^## /m);
  if (firstSection < 0) throw new Error(`docs/rules/${rule.id}.md has no "## " section`);
  return `# ${rule.id}\n\n${rule.title}\n\n${headerLine(rule)}\n\n${page.slice(firstSection)}`;
}

function row(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell ? ` ${cell} ` : ' ')).join('|')}|`;
}

/** What the table says of a rule every code language has: `all five`. */
const ALL_LANGUAGES = `all ${['one', 'two', 'three', 'four', 'five', 'six', 'seven'][CODE_LANGUAGE_IDS.length - 1]}`;

export function rulesTable(rules: readonly RuleDescriptor[] = RULES): string {
  const rows = rules.map((rule) => {
    const languages = CODE_LANGUAGE_IDS.every((id) => rule.languages.includes(id)) ? ALL_LANGUAGES : languageNames(rule);
    return row([`[${rule.id}](docs/rules/${rule.id}.md)`, rule.defaultSeverity, FIX_IN_TABLE[rule.fixable], languages, rule.summary]);
  });
  return [row(['Rule', 'Default', 'Fix', 'Languages', 'What it reports']), row(['---', '---', '---', '---', '---']), ...rows].join('\n');
}

/** The README with the text between the table's marker lines replaced. */
export function renderReadme(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the marker lines of the rules table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${rulesTable()}\n\n${readme.slice(end)}`;
}

export function pagePath(rule: RuleDescriptor): string {
  return path.join(RULE_DOCS_DIR, `${rule.id}.md`);
}

if (require.main === module) {
  fs.writeFileSync(README, renderReadme(fs.readFileSync(README, 'utf8')));
  console.log('wrote the rules table of README.md');
  for (const rule of RULES) {
    const file = pagePath(rule);
    if (!fs.existsSync(file)) {
      console.error(`docs/rules/${rule.id}.md is missing: write its page (docs/adding-a-rule.md), then run this again`);
      process.exitCode = 1;
      continue;
    }
    fs.writeFileSync(file, renderPage(rule, fs.readFileSync(file, 'utf8')));
    console.log(`wrote the head of docs/rules/${rule.id}.md`);
  }
}
