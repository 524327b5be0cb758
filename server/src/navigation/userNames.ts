/**
 * Named users as symbols: where a file defines a pool user account (its `name`) and where an
 * identity names one (`userName`), read from the facts the analysis already made. Definition,
 * references, rename, highlights and the workspace index of references start here, in every language.
 */
import { inSample, type Facts, type Span, type Value } from '../engine/facts';

export interface UserNameSite {
  /** `definition`: a pool account's name; `reference`: an identity's named user. */
  readonly role: 'definition' | 'reference';
  /** The whole value as written, quotes included: where the cursor finds it. */
  readonly span: Span;
  /**
   * The name, when it is a literal; absent when it is built at run time (a variable, a call, an ARM
   * expression): nothing can be said of which account it names.
   */
  readonly name?: string;
  /**
   * The name's characters between the quotes, what a rename replaces; absent when the literal is
   * written with escapes (`"a\u0062"`, `@"a""b"`, triple quotes), where the text is not the name.
   */
  readonly nameSpan?: Span;
}

/** Every account name and named user of the file, in text order; none of a sample's (its names are placeholders). */
export function userNameSites(facts: Facts): UserNameSite[] {
  const sites: UserNameSite[] = [];
  for (const account of facts.accounts) {
    if (account.name && !inSample(facts, account.span)) sites.push(site('definition', account.name));
  }
  for (const identity of facts.identities) {
    if (identity.userName && identity.userName.kind !== 'null' && !inSample(facts, identity.span))
      sites.push(site('reference', identity.userName));
  }
  return sites.sort((a, b) => a.span.start - b.span.start);
}

function site(role: UserNameSite['role'], value: Value): UserNameSite {
  if (value.kind !== 'string') return { role, span: value.span };
  return { role, span: value.span, name: value.value, nameSpan: literalContent(value) };
}

/**
 * The span of a string literal's characters when they are exactly its value: a quote, the value,
 * the same quote, after an optional prefix of letters (`@"…"`, `r'…'`). Else undefined.
 */
export function literalContent(value: Extract<Value, { kind: 'string' }>): Span | undefined {
  const written = value.text;
  const quote = written[written.length - 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const open = written.indexOf(quote);
  if (!/^[@A-Za-z]*$/.test(written.slice(0, open))) return undefined;
  if (written.slice(open + 1, -1) !== value.value || value.span.end - value.span.start !== written.length) return undefined;
  return { start: value.span.start + open + 1, end: value.span.end - 1 };
}

/** The site under the cursor (offsets inside the value, its quotes included). */
export function userNameSiteAt(facts: Facts, offset: number): UserNameSite | undefined {
  return userNameSites(facts).find((s) => offset >= s.span.start && offset <= s.span.end);
}

/**
 * Why a new account name cannot be written into every literal that holds the old one: a quote, a
 * backslash or a line break would need escaping, each language its own way. Undefined when it can.
 */
export function unwritableName(name: string): string | undefined {
  if (name.length === 0) return 'a user name cannot be empty';
  // eslint-disable-next-line no-control-regex
  if (/["'\\\u0000-\u001f\u007f]/.test(name)) return 'a user name with quotes, backslashes or control characters would need escaping';
  return undefined;
}
