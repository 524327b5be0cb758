/**
 * Hovers, from the facts and the model's prose alone, so they read the same in all four
 * languages: what runElevated becomes in this file (its exact replacement first, then why), what
 * an elevation level, scope or login mode means, and what identity a task will really run under.
 * Batch names are spelled the way the file spells them (`run_elevated=True`, `"nonadmin"`), and
 * nothing repeats the diagnostic, which the editor shows beside the hover. Passwords and keys are
 * never shown: only whether they are set.
 */
import {
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
import { dialectOf, memberStyleOf, spellMember, spellRunElevated, writtenMember as spelledMember, type Dialect } from '../batch/sdks';
import type { Analysis } from '../engine/engine';
import { LANGUAGE_TABLE, type CodeLanguageId, type LanguageId } from '../../../common/languages';
import type {
  AutoUserFact,
  EnumRefFact,
  IdentityFact,
  LinuxUserFact,
  RunElevatedFact,
  Span,
  UserAccountFact,
  Value,
} from '../engine/facts';
import type { WorkspaceAccounts } from '../engine/findings';
import { RUN_ELEVATED } from '../rules/runElevated';
import { AccountIndex, definedAccounts } from '../workspace/accountIndex';
import * as path from 'path';
import { fileURLToPath } from 'url';

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
const RUN_ELEVATED_LINKS = [
  `[Rule run-elevated](${ruleDocUrl(RUN_ELEVATED)})`,
  REFERENCE_LINK,
  `[REST API versions](${SOURCES.restVersioning})`,
  `[API status](${SOURCES.apiStatus})`,
].join(' · ');

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

export function hoverAt(analysis: Analysis, offset: number, workspaceAccounts?: WorkspaceAccounts): Hover | undefined {
  const facts = analysis.facts;
  // Standalone code (documentation samples) names the users of its own pools, not the workspace's.
  const workspace = facts.standalone ? ownAccounts(analysis) : workspaceAccounts;
  // A document embedding code (Markdown) spells each part the way its code block's language does.
  const languageAt = (offset: number) => analysis.file?.languageAt?.(offset) ?? analysis.language;
  const targets: Target[] = [];
  for (const fact of facts.runElevated) targets.push({ span: fact.nameSpan, render: () => runElevatedHover(analysis, fact.nameSpan) });
  for (const ref of facts.enumRefs) targets.push({ span: ref.value.span, render: () => enumHover(ref, languageAt(ref.value.span.start)) });
  for (const identity of facts.identities) {
    const render = () => identityHover(identity, analysis, workspace);
    targets.push({ span: identity.nameSpan, render }, { span: identity.span, render });
    if (identity.autoUser && 'span' in identity.autoUser) targets.push({ span: identity.autoUser.span, render });
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
      const render = () => windowsHover(windows.loginMode, languageAt(windows.span.start));
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
function ownAccounts(analysis: Analysis): WorkspaceAccounts {
  const index = new AccountIndex();
  index.update(analysis.uri, definedAccounts(analysis.uri, analysis.text, analysis.facts));
  return index;
}

/**
 * What this runElevated becomes in this file (the preferred fix's own text), then the documented
 * mapping in the file's spelling and why it is equivalent in elevation only, what this file's SDK
 * generation does with a leftover runElevated, what the service does with it, and the links.
 */
function runElevatedHover(analysis: Analysis, nameSpan: Span): string {
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
    const text = replacement.newText.trim();
    if (text) lines.push('In this file it becomes:', '', '```' + fenceOf(language), wrappable(text), '```', '');
    else lines.push('In this file the fix removes it.', '');
  }
  const management = !!fact?.generation && MANAGEMENT_GENERATIONS.has(fact.generation);
  if (!management) lines.push(mappingIn(dialect), '');
  if (rendered && fix?.intent.kind === 'replaceRunElevated' && !fix.intent.scope) lines.push(EXPLAIN.elevationOnly, '');
  lines.push(generationSentence(fact), '');
  if (!management) lines.push(EXPLAIN.runElevatedRequests, '');
  lines.push(RUN_ELEVATED_LINKS);
  return lines.join('\n');
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

/** The documented mapping (the user accounts page's migration table), as this file would write it. */
function mappingIn(dialect: Dialect): string {
  return EXPLAIN.runElevatedMapping({
    setTrue: spellRunElevated(dialect, true),
    admin: spellMember(dialect, 'ElevationLevel', 'admin'),
    setFalse: spellRunElevated(dialect, false),
    nonAdmin: spellMember(dialect, 'ElevationLevel', 'nonAdmin'),
  });
}

/** What the file's SDK generation does with a leftover runElevated, or what current SDKs do when it is not known. */
function generationSentence(fact: RunElevatedFact | undefined): string {
  return fact?.generation ? RUN_ELEVATED_IN[fact.generation] : RUN_ELEVATED_ANYWHERE;
}

/** A member as this file writes it: `ElevationLevel.NON_ADMIN`, `"elevationLevel": "nonadmin"`, `elevationLevel: "nonadmin"`. */
function writtenMember(language: LanguageId | undefined, enumName: EnumName, member: string): string {
  const style = language && language !== 'markdown' ? memberStyleOf(language) : 'enum';
  return spelledMember(style, enumName, member);
}

/** What a member means, after its spelling: `**ElevationLevel.Admin** — the account has elevated access…`. */
function memberLine(language: LanguageId | undefined, enumName: EnumName, written: string, canonical: CanonicalMember): string {
  const meaning =
    enumName === 'ElevationLevel'
      ? EXPLAIN.elevation[canonical as Elevation]
      : enumName === 'AutoUserScope'
        ? EXPLAIN.scope[canonical as Scope]
        : EXPLAIN.loginMode[canonical as LoginMode];
  return `**${writtenMember(language, enumName, written)}** — ${meaning}`;
}

function enumHover(ref: EnumRefFact, language: LanguageId | undefined): string | undefined {
  const { value } = ref;
  if (!value.canonical) {
    // The diagnostic says it is not a member and names the valid ones: the hover says what each means.
    const lines = Object.entries(ref.valid).flatMap(([canonical, written]) => [
      memberLine(language, value.enum, written, canonical as CanonicalMember),
      '',
    ]);
    return [...lines, `[Rule unknown-enum-member](${ruleDocUrl('unknown-enum-member')})`].join('\n');
  }
  const line = memberLine(language, value.enum, value.member, value.canonical);
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

const ELEVATION_WORD: Record<Elevation, string> = { admin: 'admin', nonAdmin: 'non-admin' };

/** The one-line effective identity and what the account may write. */
export function effectiveIdentity(
  identity: IdentityFact,
  workspace?: WorkspaceAccounts,
  currentUri?: string,
): { line: string; access: string } | undefined {
  const named = identity.userName;
  const autoUser = identity.autoUser;
  if (named && autoUser) return undefined;
  if (named) {
    if (named.kind !== 'string')
      return { line: 'named user (set by an expression)', access: EXPLAIN.access({ account: 'named', elevation: 'unknown' }) };
    const parts = [`named user \`${named.value}\``];
    const [defined] = workspace?.lookup(named.value) ?? [];
    if (defined) {
      parts.push(defined.elevation ? ELEVATION_WORD[defined.elevation] : `${ELEVATION_WORD[DEFAULTS.elevation]} (default)`);
      if (defined.uid !== undefined) parts.push(`Linux uid ${defined.uid}`);
      parts.push(`defined in ${displayPath(defined.uri, currentUri)}:${defined.line + 1}`);
    } else {
      parts.push('not defined on any pool in this workspace');
    }
    const elevation = defined ? (defined.elevation ?? DEFAULTS.elevation) : 'unknown';
    return { line: parts.join(' · '), access: EXPLAIN.access({ account: 'named', elevation }) };
  }
  if (!autoUser) return undefined;
  if ('reference' in autoUser) return { line: 'auto-user (specification set elsewhere)', access: '' };
  const spec: AutoUserFact = autoUser;
  const elevation = canonicalOf<Elevation>(spec.elevation);
  const scope = canonicalOf<Scope>(spec.scope);
  const elevationText =
    elevation === undefined
      ? `${ELEVATION_WORD[DEFAULTS.elevation]} (default)`
      : elevation === 'unknown'
        ? 'elevation set by an expression'
        : ELEVATION_WORD[elevation];
  const effectiveScope = scope === undefined ? DEFAULTS.scope : scope;
  const scopeText =
    scope === undefined ? `${DEFAULTS.scope} scope (default)` : scope === 'unknown' ? 'scope set by an expression' : `${scope} scope`;
  const effectiveElevation = elevation === undefined ? DEFAULTS.elevation : elevation;
  return {
    line: `auto-user · ${elevationText} · ${scopeText}`,
    access:
      effectiveScope === 'unknown'
        ? ''
        : EXPLAIN.access({ account: effectiveScope === 'task' ? 'taskScope' : 'poolScope', elevation: effectiveElevation }),
  };
}

/** A file URI as a path of this machine (Windows drive letters included); undefined for other schemes. */
function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Where an account is defined, as a hover names it: relative to the current file when near, else the file's name. */
function displayPath(uri: string, currentUri?: string): string {
  const file = fsPathOf(uri) ?? uri;
  const current = currentUri && fsPathOf(currentUri);
  if (current) {
    const relative = path.relative(path.dirname(current), file);
    if (!relative.startsWith('..') || relative.split(path.sep).length < 4) return relative;
  }
  return path.basename(file);
}

function identityHover(identity: IdentityFact, analysis: Analysis, workspace?: WorkspaceAccounts): string {
  const effective = effectiveIdentity(identity, workspace, analysis.uri);
  const holder = identity.holder?.taskKind ? `The ${TASK_KIND_LABEL[identity.holder.taskKind]} runs as:` : 'Runs as:';
  const lines = ['**User identity**', ''];
  if (effective) {
    lines.push(holder, '', `**${effective.line}**`);
    if (effective.access) lines.push('', effective.access);
    if (identity.autoUser && 'span' in identity.autoUser && !identity.autoUser.scope) lines.push('', EXPLAIN.scopeDefault);
  } else {
    lines.push(EXPLAIN.userIdentity, '', `[Rule identity-conflict](${ruleDocUrl('identity-conflict')})`);
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
  facts.push(
    elevation === undefined
      ? `${ELEVATION_WORD[DEFAULTS.elevation]} (default)`
      : elevation === 'unknown'
        ? 'elevation set by an expression'
        : ELEVATION_WORD[elevation],
  );
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

function windowsHover(loginMode: Value | undefined, language: LanguageId | undefined): string {
  const mode = canonicalOf<LoginMode>(loginMode);
  const explained =
    mode && mode !== 'unknown' && loginMode?.kind === 'enum'
      ? memberLine(language, 'LoginMode', loginMode.member, mode)
      : EXPLAIN.loginModeDefault;
  return ['**Windows user configuration**', '', EXPLAIN.windowsUserConfiguration, '', explained, '', REFERENCE_LINK].join('\n');
}
