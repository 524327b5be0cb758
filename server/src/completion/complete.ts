/**
 * Completion: what the language proposes at the cursor by its syntax (its `completionsAt`), and
 * the places the facts show — a user name's string, an enum member — filled from the workspace's
 * pool user accounts and the model. Everything but the language's own proposals is language-neutral:
 * a language that produces facts gets user-name and enum-member completion without a line of its
 * own. Served from the kept analysis (its facts) and the tree it parsed (engine.completionsAt).
 */
import {
  elevationWords,
  LOGIN_WORD,
  ENUM_MEMBERS,
  EXPLAIN,
  DEFAULTS,
  type CanonicalMember,
  type Elevation,
  type EnumName,
  type LoginMode,
  type Scope,
} from '../batch/model';
import { VALUE_DIALECTS } from '../batch/sdks';
import type { Completion, CompletionPlace } from '../engine/completion';
import type { Analysis, DocumentInput, Engine } from '../engine/engine';
import type { Facts, Holder, Span, Value } from '../engine/facts';
import { LANGUAGE_TABLE } from '../../../common/languages';
import { definedAccounts, type IndexedAccount } from '../workspace/accountIndex';
import { definitionLink, displayPath } from '../workspace/accountLink';

export interface CompletionRequest {
  readonly document: DocumentInput;
  readonly offset: number;
  /** The kept analysis of the document's text. */
  readonly analysis: Analysis;
  /** The workspace's pool user accounts (the account index). */
  readonly accounts: readonly IndexedAccount[];
}

export async function completionsAt(engine: Engine, request: CompletionRequest): Promise<Completion[]> {
  const { analysis, document, offset } = request;
  if (analysis.skipped) return [];
  // Standalone code (documentation samples) names the users of its own pools, not the workspace's.
  const accounts = analysis.facts.standalone ? definedAccounts(document.uri, document.text, analysis.facts) : request.accounts;
  const accountNames = [...new Set(accounts.map((a) => a.name))].sort((a, b) => a.localeCompare(b));
  const own = await engine.completionsAt(document, offset, { accountNames });
  const places: CompletionPlace[] = [];
  const seen = new Set<string>();
  // The facts' first: they know more of a place (a user name's task, for its own pool's accounts).
  for (const place of [...placesFromFacts(analysis, offset), ...own.places]) {
    const key = `${place.kind}:${place.replace.start}:${place.replace.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    places.push(place);
  }
  return [
    ...own.completions,
    ...places.flatMap((place) =>
      place.kind === 'userName' ? userNames(place, accounts, analysis.facts, document.uri) : enumMembers(place),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Places the facts show
// ---------------------------------------------------------------------------------------------

/** The text inside a string literal's quotes (`"x"`, `'x'`, `@"x"`, `r'x'`, `"""x"""`), or undefined for another value. */
export function stringContent(value: Value): Span | undefined {
  if (value.kind !== 'string') return undefined;
  const quote = /["']/.exec(value.text);
  if (!quote) return undefined;
  const mark = value.text[quote.index];
  const run = value.text.startsWith(mark.repeat(3), quote.index) && value.text.length >= quote.index + 6 ? 3 : 1;
  if (!value.text.endsWith(mark.repeat(run))) return undefined;
  return { start: value.span.start + quote.index + run, end: value.span.end - run };
}

const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

function placesFromFacts(analysis: Analysis, offset: number): CompletionPlace[] {
  const places: CompletionPlace[] = [];
  const { facts } = analysis;
  for (const identity of facts.identities) {
    const content = identity.userName && stringContent(identity.userName);
    if (content && inside(content, offset)) places.push({ kind: 'userName', replace: content, holder: identity.holder });
  }
  for (const ref of facts.enumRefs) {
    const value = ref.value;
    if (!inside(value.span, offset)) continue;
    const quoted = /^["']/.test(value.text);
    const replace = quoted ? { start: value.span.start + 1, end: value.span.end - (/["']$/.test(value.text) ? 1 : 0) } : value.memberSpan;
    if (!inside(replace, offset)) continue;
    const language = analysis.file?.languageAt?.(value.span.start) ?? analysis.language;
    const dialect = ref.dialect ? VALUE_DIALECTS[ref.dialect].label : language ? LANGUAGE_TABLE[language].name : '';
    places.push({ kind: 'enumMember', enum: value.enum, replace, members: ref.valid, dialect });
  }
  return places;
}

// ---------------------------------------------------------------------------------------------
// Filling places
// ---------------------------------------------------------------------------------------------

/** Escapes text for LSP snippet syntax. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** `admin · Linux uid 1001, gid 1001 · pool.json:7`: what the account is, for the list's detail. */
export function accountSummary(account: IndexedAccount): string {
  const parts = [elevationWords(account.elevation)];
  if (account.linux || account.uid !== undefined) {
    const ids = [account.uid !== undefined && `uid ${account.uid}`, account.gid !== undefined && `gid ${account.gid}`];
    parts.push(['Linux', ids.filter(Boolean).join(', ')].filter(Boolean).join(' '));
  }
  if (account.windows || account.loginMode) parts.push(account.loginMode ? `Windows, ${LOGIN_WORD[account.loginMode]}` : 'Windows');
  parts.push(`${displayPath(account.uri)}:${account.line + 1}`);
  return parts.join(' · ');
}

/** The account names of the pool the identity's task runs on, when the code says which. */
function ownPoolNames(holder: Holder | undefined, accounts: readonly IndexedAccount[], facts: Facts): Set<string> {
  const pool = holder?.pool;
  if (!pool) return new Set();
  if ('key' in pool)
    return new Set(facts.accounts.flatMap((a) => (a.pool?.key === pool.key && a.name?.kind === 'string' ? [a.name.value] : [])));
  const id = pool.id.kind === 'string' ? pool.id.value : undefined;
  return new Set(id === undefined ? [] : accounts.filter((a) => a.poolId === id).map((a) => a.name));
}

function userNames(
  place: Extract<CompletionPlace, { kind: 'userName' }>,
  accounts: readonly IndexedAccount[],
  facts: Facts,
  uri: string,
): Completion[] {
  const byName = new Map<string, IndexedAccount[]>();
  for (const account of accounts) {
    // This file's own accounts first among the definitions of a name.
    const list = byName.get(account.name) ?? [];
    if (account.uri === uri) list.unshift(account);
    else list.push(account);
    byName.set(account.name, list);
  }
  const own = ownPoolNames(place.holder, accounts, facts);
  const quote = place.quote ?? '';
  return [...byName].map(([name, definitions]) => {
    const first = definitions[0];
    const onOwnPool = own.has(name);
    const documentation = definitions
      .map(
        (d) =>
          `${definitionLink(d)}${d.poolId ? ` (pool \`${d.poolId}\`)` : ''}: ${accountSummary(d).split(' · ').slice(0, -1).join(' · ')}`,
      )
      .join('  \n');
    return {
      label: name,
      description: onOwnPool ? "this task's pool" : undefined,
      kind: 'user',
      snippet: snippetText(`${quote}${name}${quote}`),
      replace: place.replace,
      detail: accountSummary(first),
      documentation: `Pool user account${definitions.length > 1 ? `, defined ${definitions.length} times` : ''}:  \n${documentation}`,
      filterText: `${quote}${name}${quote}`,
      sortText: `${onOwnPool ? 0 : 1}${name}`,
      preselect: onOwnPool && own.size === 1 ? true : undefined,
    } satisfies Completion;
  });
}

/** The model's explanation of an enum member. */
export function memberExplanation(enumName: EnumName, member: CanonicalMember): string {
  switch (enumName) {
    case 'ElevationLevel':
      return EXPLAIN.elevation[member as Elevation];
    case 'AutoUserScope':
      return `${EXPLAIN.scope[member as Scope]}${member === DEFAULTS.scope ? ' The default.' : ''}`;
    case 'LoginMode':
      return EXPLAIN.loginMode[member as LoginMode];
  }
}

function enumMembers(place: Extract<CompletionPlace, { kind: 'enumMember' }>): Completion[] {
  return ENUM_MEMBERS[place.enum].flatMap((member, i) => {
    const text = place.members[member];
    if (text === undefined) return [];
    return [
      {
        label: text,
        description: place.dialect,
        kind: 'enumMember',
        snippet: snippetText(text),
        replace: place.replace,
        detail: `${place.enum}: ${member}`,
        documentation: `**${text}**: ${memberExplanation(place.enum, member)}`,
        filterText: text,
        sortText: `${i}`,
      } satisfies Completion,
    ];
  });
}
