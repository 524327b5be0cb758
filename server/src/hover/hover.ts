/**
 * Hovers, from the facts and the model's prose alone, so they read the same in all four
 * languages: what runElevated becomes in this file (its exact replacement first, then why), what
 * an elevation level, scope or login mode means, and what identity a task will really run under.
 * Batch names are spelled the way the file spells them (`run_elevated=True`, `"nonadmin"`), and
 * nothing repeats the diagnostic, which the editor shows beside the hover. Passwords and keys are
 * never shown: only whether they are set.
 */
import {
  elevationWords,
  DEFAULTS,
  EXPLAIN,
  MANAGEMENT_GENERATIONS,
  REFERENCE_URL,
  RUN_ELEVATED_ANYWHERE,
  RUN_ELEVATED_IN,
  ruleDocUrl,
  SOURCES,
  TASK_KIND_LABEL,
  type CanonicalMember,
  type Elevation,
  type EnumName,
  type LoginMode,
  type Scope,
} from '../batch/model';
import {
  dialectOf,
  memberStyleOf,
  spellMember,
  spellRunElevated,
  writtenMember as spelledMember,
  type Dialect,
  type StringQuote,
} from '../batch/sdks';
import type { Analysis } from '../engine/engine';
import { LANGUAGE_TABLE, type CodeLanguageId, type LanguageId } from '../../../common/languages';
import type { EnumRefFact, IdentityFact, LinuxUserFact, RunElevatedFact, Span, UserAccountFact, Value } from '../engine/facts';
import type { AccountLocation, WorkspaceAccounts } from '../engine/findings';
import type { TextEdit } from '../engine/language';
import { RUN_ELEVATED } from '../rules/runElevated';
import { AccountIndex, definedAccounts, type IndexedAccount } from '../workspace/accountIndex';
import { definitionLink } from '../workspace/accountLink';

export interface Hover {
  readonly markdown: string;
  readonly span: Span;
}

interface Target {
  readonly span: Span;
  render(): string | undefined;
}

/** The code fence a replacement is shown in: the language's first fence name (`csharp`). */
const fenceOf = (language: LanguageId): string => LANGUAGE_TABLE[language].fences[0];
const REFERENCE_LINK = `[Batch user accounts](${REFERENCE_URL})`;
/** Where the client reads a rule's page: the packaged page when it said it can open those (`docsBase`), else online. */
export type RuleDoc = (ruleId: string) => string;

const runElevatedLinks = (ruleDoc: RuleDoc) =>
  [
    `[Rule run-elevated](${ruleDoc(RUN_ELEVATED)})`,
    REFERENCE_LINK,
    `[REST API versions](${SOURCES.restVersioning})`,
    `[API status](${SOURCES.apiStatus})`,
  ].join(' · ');

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function hoverAt(
  analysis: Analysis,
  offset: number,
  workspaceAccounts?: WorkspaceAccounts,
  ruleDoc: RuleDoc = ruleDocUrl,
): Hover | undefined {
  const facts = analysis.facts;
  // Standalone code (documentation samples) names the users of its own pools, not the workspace's.
  const workspace = facts.standalone ? ownAccounts(analysis) : workspaceAccounts;
  // A document embedding code (Markdown) spells each part the way its code block's language does.
  const languageAt = (offset: number) => analysis.file?.languageAt?.(offset) ?? analysis.language;
  const targets: Target[] = [];
  for (const fact of facts.runElevated)
    targets.push({ span: fact.nameSpan, render: () => runElevatedHover(analysis, fact.nameSpan, ruleDoc) });
  for (const ref of facts.enumRefs)
    targets.push({ span: ref.value.span, render: () => enumHover(ref, languageAt(ref.value.span.start), ruleDoc) });
  // A login mode value's quote, as its enum reference says (the member line of the Windows hover).
  const quoteOf = (value: Value | undefined) => value && facts.enumRefs.find((r) => r.value.span.start === value.span.start)?.quote;
  for (const identity of facts.identities) {
    const render = () => identityHover(identity, analysis, workspace, ruleDoc);
    targets.push({ span: identity.nameSpan, render }, { span: identity.span, render });
    if (identity.autoUser && 'span' in identity.autoUser) targets.push({ span: identity.autoUser.span, render });
    // The name itself says which account it resolves to, even where the identity also sets an auto-user.
    const userName = identity.userName;
    if (userName?.kind === 'string')
      targets.push({ span: userName.span, render: () => namedUserHover(userName.value, analysis.uri, workspace) });
  }
  for (const account of facts.accounts) {
    targets.push(
      { span: account.span, render: () => accountHover(account) },
      { span: account.nameSpan, render: () => accountHover(account) },
    );
    if (account.linux) {
      const linux = account.linux;
      targets.push({ span: linux.span, render: () => linuxHover(linux) }, { span: linux.nameSpan, render: () => linuxHover(linux) });
    }
    if (account.windows) {
      const windows = account.windows;
      const render = () => windowsHover(windows.loginMode, languageAt(windows.span.start), quoteOf(windows.loginMode));
      targets.push({ span: windows.span, render }, { span: windows.nameSpan, render });
    }
  }
  // The innermost construct under the cursor explains itself.
  const hits = targets.filter((t) => contains(t.span, offset)).sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
  for (const hit of hits) {
    const markdown = hit.render();
    if (markdown) return { markdown, span: hit.span };
  }
  return undefined;
}

/** A standalone file's own accounts, as the workspace its named users resolve in. */
export function ownAccounts(analysis: Analysis): AccountIndex {
  const index = new AccountIndex();
  index.update(analysis.uri, definedAccounts(analysis.uri, analysis.text, analysis.facts));
  return index;
}

/**
 * What this runElevated becomes in this file (the preferred fix's own text), then the documented
 * mapping in the file's spelling and why it is equivalent in elevation only, what this file's SDK
 * generation does with a leftover runElevated, what the service does with it, and the links.
 */
function runElevatedHover(analysis: Analysis, nameSpan: Span, ruleDoc: RuleDoc): string {
  const finding = analysis.findings.find((f) => f.rule === RUN_ELEVATED && f.span.start === nameSpan.start);
  const fact = analysis.facts.runElevated.find((f) => f.nameSpan.start === nameSpan.start);
  const codeLanguage = (fact && analysis.file?.languageAt?.(fact.nameSpan.start)) ?? analysis.language ?? 'json';
  const dialect = dialectOf(codeLanguage as CodeLanguageId, fact?.generation);
  const lines: string[] = [];
  const fix = finding?.fixes.find((f) => f.preferred);
  const edits = fix && analysis.edits(fix);
  const replacement = fact && edits?.find((e) => e.span.start <= fact.span.start && e.span.end >= fact.span.end);
  // In a document embedding code (a Markdown code block), the language of the code there.
  const language = analysis.file?.languageAt?.(nameSpan.start) ?? analysis.language;
  const rendered = !!replacement && !!language;
  if (replacement && language) {
    const text = asWrittenAlone(analysis.text, replacement);
    if (text) lines.push('In this file it becomes:', '', '```' + fenceOf(language), wrappable(text), '```', '');
    else lines.push('In this file the fix removes it.', '');
  }
  const management = !!fact?.generation && MANAGEMENT_GENERATIONS.has(fact.generation);
  if (!management) lines.push(mappingIn(dialect, fact?.quote), '');
  if (rendered && fix?.intent.kind === 'replaceRunElevated' && !fix.intent.scope) lines.push(EXPLAIN.elevationOnly, '');
  lines.push(generationSentence(fact), '');
  if (!management) lines.push(EXPLAIN.runElevatedRequests, '');
  lines.push(runElevatedLinks(ruleDoc));
  return lines.join('\n');
}

/**
 * An edit's new text as a block of its own: trimmed, with LF line breaks, and its later lines
 * relative to its first. A replacement written over several lines indents them from the margin
 * of the document: they lose the indentation of the line it starts on (in a Markdown quote, the
 * `>` prefix too), so the block reads as the code would if it began at the margin.
 */
export function asWrittenAlone(documentText: string, edit: TextEdit): string {
  const lines = edit.newText.trim().split(/\r\n|\n/);
  const lineStart = documentText.lastIndexOf('\n', edit.span.start - 1) + 1;
  const margin = /^[ \t>]*/.exec(documentText.slice(lineStart, edit.span.start))![0];
  return lines.map((line, i) => (i > 0 && margin && line.startsWith(margin) ? line.slice(margin.length) : line)).join('\n');
}

/** Longer than this, a run of code without spaces does not fit a hover's width, and VS Code does not break it. */
const UNBREAKABLE = 60;

/**
 * The replacement as the hover shows it: as written, unless a run of it without spaces is too long
 * for the hover, which wraps code only at spaces; then with a line break after each opening
 * parenthesis (outside string literals, not before `)`), indented by depth. Whitespace inside
 * parentheses means the same in C#, Java, Python and JSON, so the block stays the code the fix writes.
 */
export function wrappable(code: string): string {
  if (code.includes('\n') || code.split(' ').every((run) => run.length <= UNBREAKABLE)) return code;
  let out = '';
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    out += c;
    if (quote) {
      if (c === '\\') out += code[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ')') depth--;
    else if (c === '(') {
      depth++;
      if (code[i + 1] === ')') continue;
      out += '\n' + '    '.repeat(depth);
      while (code[i + 1] === ' ') i++;
    }
  }
  return out;
}

/** The documented mapping (the user accounts page's migration table), as this file would write it, values in the fix's quote. */
function mappingIn(dialect: Dialect, quote: StringQuote | undefined): string {
  return EXPLAIN.runElevatedMapping({
    setTrue: spellRunElevated(dialect, true),
    admin: spellMember(dialect, 'ElevationLevel', 'admin', quote),
    setFalse: spellRunElevated(dialect, false),
    nonAdmin: spellMember(dialect, 'ElevationLevel', 'nonAdmin', quote),
  });
}

/** What the file's SDK generation does with a leftover runElevated, or what current SDKs do when it is not known. */
function generationSentence(fact: RunElevatedFact | undefined): string {
  return fact?.generation ? RUN_ELEVATED_IN[fact.generation] : RUN_ELEVATED_ANYWHERE;
}

/** A member as this file writes it: `ElevationLevel.NON_ADMIN`, `"elevationLevel": "nonadmin"`, `elevationLevel: 'nonadmin'` (in the value's quote). */
function writtenMember(language: LanguageId | undefined, enumName: EnumName, member: string, quote: StringQuote | undefined): string {
  const style = language && language !== 'markdown' ? memberStyleOf(language) : 'enum';
  return spelledMember(style, enumName, member, quote);
}

/** What a member means, after its spelling: `**ElevationLevel.Admin** — the account has elevated access…`. */
function memberLine(
  language: LanguageId | undefined,
  enumName: EnumName,
  written: string,
  canonical: CanonicalMember,
  quote: StringQuote | undefined,
): string {
  const meaning =
    enumName === 'ElevationLevel'
      ? EXPLAIN.elevation[canonical as Elevation]
      : enumName === 'AutoUserScope'
        ? EXPLAIN.scope[canonical as Scope]
        : EXPLAIN.loginMode[canonical as LoginMode];
  return `**${writtenMember(language, enumName, written, quote)}** — ${meaning}`;
}

function enumHover(ref: EnumRefFact, language: LanguageId | undefined, ruleDoc: RuleDoc): string | undefined {
  const { value } = ref;
  if (!value.canonical) {
    // The diagnostic says it is not a member and names the valid ones: the hover says what each means.
    const lines = Object.entries(ref.valid).flatMap(([canonical, written]) => [
      memberLine(language, value.enum, written, canonical as CanonicalMember, ref.quote),
      '',
    ]);
    return [...lines, `[Rule unknown-enum-member](${ruleDoc('unknown-enum-member')})`].join('\n');
  }
  const line = memberLine(language, value.enum, value.member, value.canonical, ref.quote);
  switch (value.enum) {
    case 'ElevationLevel':
      return `${line}\n\n${REFERENCE_LINK}`;
    case 'AutoUserScope':
      return `${line}\n\n${EXPLAIN.scopeDefault}\n\n${REFERENCE_LINK}`;
    case 'LoginMode':
      return `${line}\n\n${EXPLAIN.loginModeDefault}\n\n${REFERENCE_LINK}`;
  }
}

function canonicalOf<T extends string>(value: Value | undefined): T | 'unknown' | undefined {
  if (!value || value.kind === 'null') return undefined;
  return value.kind === 'enum' && value.canonical ? (value.canonical as T) : 'unknown';
}

/**
 * The identity a task really runs under, resolved against the workspace's accounts, defaults
 * included: what the identity hover says in a sentence and a "runs as" inlay hint in a few words
 * (`runsAsLabel`). Undefined for an identity that sets both a named user and an auto-user (the
 * API forbids it, the service's answer is undocumented: identity-conflict) or neither.
 */
export type ResolvedIdentity =
  | {
      readonly kind: 'named';
      readonly name: string;
      /** Its definition in the workspace (the first, when several pools define it); absent: defined on no known pool. */
      readonly account?: AccountLocation;
      /** The account's elevation, its default when the account does not set it; `unknown` when the account is not known. */
      readonly elevation: Elevation | 'unknown';
      readonly elevationDefault: boolean;
    }
  | { readonly kind: 'namedByExpression' }
  | {
      readonly kind: 'autoUser';
      readonly elevation: Elevation | 'unknown';
      readonly elevationDefault: boolean;
      readonly scope: Scope | 'unknown';
      readonly scopeDefault: boolean;
    }
  | { readonly kind: 'autoUserElsewhere' }
  /** The whole identity is an expression (`UserIdentity = shared`): what it holds is decided elsewhere. */
  | { readonly kind: 'elsewhere' }
  /** The code sets no user identity: an auto-user, non-admin; the documentation does not settle its scope (`EXPLAIN.noIdentity`). */
  | { readonly kind: 'none' };

/** What a task whose identity is set nowhere runs as: an auto-user, non-admin (`EXPLAIN.noIdentity`). */
export const DEFAULT_IDENTITY: ResolvedIdentity = { kind: 'none' };

export function resolveIdentity(identity: IdentityFact, workspace?: WorkspaceAccounts): ResolvedIdentity | undefined {
  const named = identity.userName;
  const autoUser = identity.autoUser;
  if (named && autoUser) return undefined;
  if (named) {
    if (named.kind !== 'string') return { kind: 'namedByExpression' };
    const [account] = workspace?.lookup(named.value) ?? [];
    return {
      kind: 'named',
      name: named.value,
      account,
      elevation: account ? (account.elevation ?? DEFAULTS.elevation) : 'unknown',
      elevationDefault: !!account && !account.elevation,
    };
  }
  if (!autoUser) return undefined;
  if ('reference' in autoUser) {
    const { span } = autoUser.reference;
    return span.start === identity.span.start && span.end === identity.span.end ? { kind: 'elsewhere' } : { kind: 'autoUserElsewhere' };
  }
  const elevation = canonicalOf<Elevation>(autoUser.elevation);
  const scope = canonicalOf<Scope>(autoUser.scope);
  return {
    kind: 'autoUser',
    elevation: elevation ?? DEFAULTS.elevation,
    elevationDefault: elevation === undefined,
    scope: scope ?? DEFAULTS.scope,
    scopeDefault: scope === undefined,
  };
}

/**
 * A resolved identity as a "runs as" inlay hint says it, after `runs as: `: `pool auto-user ·
 * non-admin (default)`, `adminUser · admin`. The parts, so that the user's name can link to its account.
 */
export function runsAsParts(resolved: ResolvedIdentity): { readonly user?: string; readonly text: string } {
  switch (resolved.kind) {
    case 'named':
      return {
        user: resolved.name,
        text: resolved.account
          ? ` · ${elevationWords(resolved.elevation, resolved.elevationDefault)}`
          : ' · not defined on any pool in this workspace',
      };
    case 'namedByExpression':
      return { text: 'a named user set by an expression' };
    case 'autoUserElsewhere':
      return { text: 'auto-user set elsewhere' };
    case 'elsewhere':
      return { text: 'set elsewhere' };
    case 'none':
      return { text: `auto-user · ${elevationWords(undefined)}` };
    case 'autoUser': {
      const user = resolved.scope === 'unknown' ? 'auto-user (scope set by an expression)' : `${resolved.scope} auto-user`;
      // Both defaults: one "(default)" for the whole; else each default says so where it applies.
      if (resolved.scopeDefault && resolved.elevationDefault)
        return { text: `${user} · ${elevationWords(resolved.elevation, false)} (default)` };
      const scopeNote = resolved.scopeDefault ? ' (default scope)' : '';
      return { text: `${user}${scopeNote} · ${elevationWords(resolved.elevation, resolved.elevationDefault)}` };
    }
  }
}

/** The one-line effective identity and what the account may write. */
export function effectiveIdentity(
  identity: IdentityFact,
  workspace?: WorkspaceAccounts,
  currentUri?: string,
): { line: string; access: string } | undefined {
  const resolved = resolveIdentity(identity, workspace);
  return resolved && describeIdentity(resolved, currentUri);
}

/** A resolved identity as the hover says it: the one-line effective identity and what the account may write. */
export function describeIdentity(resolved: ResolvedIdentity, currentUri?: string): { line: string; access: string } {
  switch (resolved.kind) {
    case 'namedByExpression':
      return { line: 'named user (set by an expression)', access: EXPLAIN.access({ account: 'named', elevation: 'unknown' }) };
    case 'named': {
      const parts = [`named user \`${resolved.name}\``];
      const defined = resolved.account;
      if (defined) {
        parts.push(elevationWords(resolved.elevation, resolved.elevationDefault));
        if (defined.uid !== undefined) parts.push(`Linux uid ${defined.uid}`);
        parts.push(`defined in ${definitionLink(defined, currentUri)}`);
      } else {
        parts.push('not defined on any pool in this workspace');
      }
      return { line: parts.join(' · '), access: EXPLAIN.access({ account: 'named', elevation: resolved.elevation }) };
    }
    case 'autoUserElsewhere':
      return { line: 'auto-user (specification set elsewhere)', access: '' };
    case 'elsewhere':
      return { line: 'an identity set elsewhere (an expression)', access: '' };
    case 'none':
      return { line: `auto-user · ${elevationWords(undefined)} · no user identity`, access: EXPLAIN.noIdentity };
    case 'autoUser': {
      const { elevation, scope } = resolved;
      const scopeText = resolved.scopeDefault
        ? `${DEFAULTS.scope} scope (default)`
        : scope === 'unknown'
          ? 'scope set by an expression'
          : `${scope} scope`;
      return {
        line: `auto-user · ${elevationWords(elevation, resolved.elevationDefault)} · ${scopeText}`,
        access: scope === 'unknown' ? '' : EXPLAIN.access({ account: scope === 'task' ? 'taskScope' : 'poolScope', elevation }),
      };
    }
  }
}

function identityHover(identity: IdentityFact, analysis: Analysis, workspace: WorkspaceAccounts | undefined, ruleDoc: RuleDoc): string {
  const effective = effectiveIdentity(identity, workspace, analysis.uri);
  const holder = identity.holder?.taskKind ? `The ${TASK_KIND_LABEL[identity.holder.taskKind]} runs as:` : 'Runs as:';
  const lines = ['**User identity**', ''];
  if (effective) {
    lines.push(holder, '', `**${effective.line}**`);
    if (effective.access) lines.push('', effective.access);
    if (identity.autoUser && 'span' in identity.autoUser && !identity.autoUser.scope) lines.push('', EXPLAIN.scopeDefault);
  } else {
    lines.push(EXPLAIN.userIdentity, '', `[Rule identity-conflict](${ruleDoc('identity-conflict')})`);
  }
  lines.push('', REFERENCE_LINK);
  return lines.join('\n');
}

/**
 * Which account a named user resolves to: its elevation, OS settings and where it is defined (a
 * link), or that no pool of the workspace defines it; the first of several.
 */
function namedUserHover(name: string, currentUri: string, workspace?: WorkspaceAccounts): string {
  const lines = [`**Named user \`${name}\`**`, ''];
  const defined = workspace?.lookup(name) ?? [];
  const [account] = defined;
  if (!account) {
    lines.push('Not defined on any pool in this workspace.');
  } else {
    const facts = [elevationWords(account.elevation)];
    const { uid, gid, linux, windows, loginMode } = account as Partial<IndexedAccount> & AccountLocation;
    if (linux || uid !== undefined) facts.push(`Linux uid/gid ${[uid, gid].map((id) => (id === undefined ? '—' : String(id))).join('/')}`);
    if (windows || loginMode) facts.push(`Windows login mode ${loginMode ?? 'default'}`);
    lines.push(`Resolves to the pool user account defined in ${definitionLink(account, currentUri)}:`, '', `**${facts.join(' · ')}**`);
    if (defined.length > 1)
      lines.push('', `${defined.length - 1} more pool${defined.length > 2 ? 's' : ''} of the workspace define it too.`);
    lines.push('', EXPLAIN.access({ account: 'named', elevation: account.elevation ?? DEFAULTS.elevation }));
  }
  lines.push('', REFERENCE_LINK);
  return lines.join('\n');
}

function setOrNot(value: Value | undefined): string {
  return value && value.kind !== 'null' ? 'set' : 'not set';
}

function accountHover(account: UserAccountFact): string {
  const lines = ['**User account**', '', EXPLAIN.userAccount, ''];
  const facts: string[] = [];
  if (account.name?.kind === 'string') facts.push(`name \`${account.name.value}\``);
  const elevation = canonicalOf<Elevation>(account.elevation);
  facts.push(elevationWords(elevation));
  facts.push(`password ${setOrNot(account.password)}`);
  if (account.linux) {
    const ids = [account.linux.uid, account.linux.gid].map((v) => (v?.kind === 'number' ? String(v.value) : v ? 'expression' : '—'));
    facts.push(`Linux uid/gid ${ids.join('/')}`, `SSH private key ${setOrNot(account.linux.sshPrivateKey)}`);
  }
  const loginMode = canonicalOf<LoginMode>(account.windows?.loginMode);
  if (account.windows)
    facts.push(`Windows login mode ${loginMode === undefined ? 'default' : loginMode === 'unknown' ? 'set by an expression' : loginMode}`);
  lines.push(facts.join(' · '), '', REFERENCE_LINK);
  return lines.join('\n');
}

function linuxHover(linux: LinuxUserFact): string {
  const ids = `uid ${linux.uid?.kind === 'number' ? linux.uid.value : linux.uid ? 'expression' : 'not set'}, gid ${linux.gid?.kind === 'number' ? linux.gid.value : linux.gid ? 'expression' : 'not set'}`;
  return [
    '**Linux user configuration**',
    '',
    EXPLAIN.linuxUserConfiguration,
    '',
    `${ids} · SSH private key ${setOrNot(linux.sshPrivateKey)}`,
    '',
    EXPLAIN.interNodeSsh,
    '',
    REFERENCE_LINK,
  ].join('\n');
}

function windowsHover(loginMode: Value | undefined, language: LanguageId | undefined, quote: StringQuote | undefined): string {
  const mode = canonicalOf<LoginMode>(loginMode);
  const explained =
    mode && mode !== 'unknown' && loginMode?.kind === 'enum'
      ? memberLine(language, 'LoginMode', loginMode.member, mode, quote)
      : EXPLAIN.loginModeDefault;
  return ['**Windows user configuration**', '', EXPLAIN.windowsUserConfiguration, '', explained, '', REFERENCE_LINK].join('\n');
}
