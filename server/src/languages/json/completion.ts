/**
 * JSON completion: what fits at the cursor by the object it is in. jsonc-parser's `getLocation`
 * (the scanner VS Code's JSON support uses) says whether the cursor is at a key or a value, and the
 * tree which object that is; evidence.ts says whether the object is Batch's and in which dialect.
 *
 * - In an empty file: whole REST bodies (a task, or a pool with its accounts or start task).
 * - At a key of a task object: `userIdentity`, and the identity snippets as that member alone; of a
 *   pool: `userAccounts` and `startTask` members; of an identity, auto-user, account or its OS
 *   settings: their keys. Keys the object has are not offered again.
 * - At the value of `elevationLevel`, `scope`, `loginMode`: the members in the object's dialect;
 *   of `username`/`userName`: a user-name place the engine fills from the workspace's accounts.
 *
 * Proposals are written in the file's indentation (engine/edits.ts `indentUnitOf`) with the commas
 * the surrounding members need, so that accepting one leaves valid JSON.
 */
import { createScanner, findNodeAtLocation, getLocation, parseTree, type Node } from 'jsonc-parser';
import { ENUM_MEMBERS, EXPLAIN, type CanonicalMember, type EnumName } from '../../batch/model';
import { JSON_DIALECTS, JSON_ENUM_KEYS, JSON_FIELD_KEYS, JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import { jsonSnippetDescription, jsonSnippetMembers, renumberTabStops, SNIPPETS, type BodyKey } from '../../batch/snippets';
import { NO_COMPLETIONS, type Completion, type CompletionPlace, type LanguageCompletions } from '../../engine/completion';
import { indentUnitOf } from '../../engine/edits';
import type { Span } from '../../engine/facts';
import type { CompletionOptions, SourceFile, TextEdit } from '../../engine/language';
import { BatchEvidence } from './evidence';
import { keyOf, property, Token } from './syntax';

/** The indentation unit of a file with no indented line yet. */
const DEFAULT_INDENT = '  ';

/** What kind of Batch object the cursor is in, by its key and shape. */
type ObjectKind = 'task' | 'pool' | 'identity' | 'autoUser' | 'account' | 'linux' | 'windows';

/** Keys only a pool has (REST bodies, CLI templates, ARM pool properties). */
const POOL_KEYS = [...JSON_KEYS.poolBodyKeys, ...JSON_KEYS.poolOtherKeys];

function kindOf(object: Node): ObjectKind | undefined {
  const key = keyOf(object);
  const parent = object.parent?.type === 'property' ? object.parent.parent : undefined;
  if (key === JSON_KEYS.userIdentity) return 'identity';
  if (key === JSON_KEYS.autoUser && parent && keyOf(parent) === JSON_KEYS.userIdentity) return 'autoUser';
  if (key === JSON_FIELD_KEYS.linux) return 'linux';
  if (key === JSON_FIELD_KEYS.windows) return 'windows';
  if (object.parent?.type === 'array' && keyOf(object.parent) === JSON_KEYS.userAccounts) return 'account';
  if ((key !== undefined && Object.hasOwn(JSON_KEYS.taskHolders, key)) || property(object, 'commandLine')) return 'task';
  if (POOL_KEYS.some((k) => property(object, k))) return 'pool';
  // An ARM pool resource's properties, or a CLI template's pool.
  const type = parent && key === 'properties' ? property(parent, 'type') : undefined;
  if (type?.type === 'string' && /^microsoft\.batch\/batchaccounts\/pools$/i.test(type.value as string)) return 'pool';
  return undefined;
}

/** The object whose member the cursor is at: by the location's path, else the innermost object around it. */
function objectAt(root: Node, path: readonly (string | number)[], offset: number): Node | undefined {
  const found = findNodeAtLocation(root, [...path]);
  if (found?.type === 'object') return found;
  let node: Node | undefined = root;
  let inner: Node | undefined;
  while (node) {
    if (node.type === 'object' && node.offset < offset && offset <= node.offset + node.length) inner = node;
    node = node.children?.find((c) => c.offset <= offset && offset <= c.offset + c.length);
  }
  return inner;
}

/** The last token of `object` at its own level before `before` (a member's end, `{` or `,`). */
function lastTokenBefore(text: string, object: Node, before: number): { kind: number; end: number } | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(object.offset);
  let depth = 0;
  let last: { kind: number; end: number } | undefined;
  for (let kind = scanner.scan(); kind !== Token.EOF && scanner.getTokenOffset() < before; kind = scanner.scan()) {
    if (kind === Token.LineComment || kind === Token.BlockComment) continue;
    if (kind === Token.OpenBrace || kind === Token.OpenBracket) depth++;
    else if (kind === Token.CloseBrace || kind === Token.CloseBracket) depth--;
    if (depth <= 1) last = { kind, end: scanner.getTokenOffset() + scanner.getTokenLength() };
  }
  return last;
}

/** Where a member goes: what it replaces, the indentation of its line, and the commas it needs. */
interface MemberSite {
  readonly replace: Span;
  readonly indent: string;
  readonly unit: string;
  /** A comma after the member before, when it has none. */
  readonly commaBefore?: TextEdit;
  /** The member is followed by another: the inserted one ends with a comma. */
  readonly commaAfter: boolean;
  /** What is typed starts with a key's quote. */
  readonly quoted: boolean;
}

function memberSite(text: string, object: Node, replace: Span): MemberSite {
  const lineStart = text.lastIndexOf('\n', replace.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, replace.start))![0];
  const previous = lastTokenBefore(text, object, replace.start);
  const commaBefore =
    previous && previous.kind !== Token.OpenBrace && previous.kind !== Token.Comma
      ? { span: { start: previous.end, end: previous.end }, newText: ',' }
      : undefined;
  const scanner = createScanner(text, true);
  scanner.setPosition(replace.end);
  let next = scanner.scan();
  while (next === Token.LineComment || next === Token.BlockComment) next = scanner.scan();
  return {
    replace,
    indent,
    unit: indentUnitOf(text, DEFAULT_INDENT),
    commaBefore,
    commaAfter: next === Token.String,
    quoted: text[replace.start] === '"' && replace.end > replace.start,
  };
}

/** Snippet lines (tab-indented) as they go into the file: the first at the cursor, the rest at the line's indentation. */
function layout(lines: readonly string[], indent: string, unit: string): string {
  return lines.map((line, i) => (i === 0 ? line : indent + line.replace(/^\t+/, (tabs) => unit.repeat(tabs.length)))).join('\n');
}

function member(
  site: MemberSite,
  label: string,
  kind: Completion['kind'],
  lines: readonly string[],
  detail: string,
  documentation?: string,
  sortText?: string,
): Completion {
  const snippet = layout(site.commaAfter ? [...lines.slice(0, -1), `${lines[lines.length - 1]},`] : lines, site.indent, site.unit);
  return {
    label,
    kind,
    snippet,
    replace: site.replace,
    additionalEdits: site.commaBefore ? [site.commaBefore] : undefined,
    detail,
    documentation,
    // The editor filters on what the replaced text holds: a key's opening quote and letters, or a bare word.
    filterText: site.quoted ? `"${label}` : label,
    sortText,
  };
}

/** Escapes text for LSP snippet syntax. */
const literal = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);

function enumChoice(dialect: JsonDialect, enumName: EnumName, first?: CanonicalMember): string {
  const spellings = JSON_DIALECTS[dialect].enums[enumName] as Readonly<Record<string, string>>;
  const members = [...ENUM_MEMBERS[enumName]].sort((a, b) => (a === first ? -1 : b === first ? 1 : 0));
  return `\${1|${members.map((m) => spellings[m]).join(',')}|}`;
}

function identitySnippets(
  site: MemberSite,
  dialect: JsonDialect,
  kinds: readonly ('task' | 'pool')[],
  names: readonly string[],
): Completion[] {
  const members = jsonSnippetMembers(dialect, names);
  return SNIPPETS.filter((s) => kinds.includes(s.target)).map((s) =>
    member(site, s.prefix, 'snippet', members[s.key as BodyKey], s.title, jsonSnippetDescription(s, dialect), `1${s.prefix}`),
  );
}

/** The keys of each kind of object, with the value each starts with. */
function keysOf(kind: ObjectKind, dialect: JsonDialect, names: readonly string[]): { key: string; value: string; doc?: string }[] {
  const userNameKey = JSON_DIALECTS[dialect].userNameKey;
  const nameValue = names.length > 0 ? `"\${1|${names.map((n) => n.replace(/[\\|,$}]/g, (c) => `\\${c}`)).join(',')}|}"` : '"$1"';
  switch (kind) {
    case 'task':
      return [{ key: JSON_KEYS.userIdentity, value: '{$0}', doc: EXPLAIN.userIdentity }];
    case 'pool':
      return [{ key: JSON_KEYS.userAccounts, value: '[$0]', doc: EXPLAIN.userAccount }];
    case 'identity':
      return [
        { key: JSON_KEYS.autoUser, value: '{$0}' },
        { key: userNameKey, value: nameValue },
      ];
    case 'autoUser':
      return [
        { key: JSON_KEYS.scope, value: `"${enumChoice(dialect, 'AutoUserScope', 'pool')}"`, doc: EXPLAIN.scopeDefault },
        { key: JSON_KEYS.elevationLevel, value: `"${enumChoice(dialect, 'ElevationLevel', 'nonAdmin')}"` },
      ];
    case 'account':
      return [
        { key: JSON_FIELD_KEYS.name, value: '"$1"' },
        {
          key: JSON_FIELD_KEYS.password,
          value: dialect === 'arm' ? `"[parameters('\${1:password}')]"` : `"\${1:${literal('<password, from Key Vault>')}}"`,
        },
        { key: JSON_FIELD_KEYS.elevation, value: `"${enumChoice(dialect, 'ElevationLevel', 'nonAdmin')}"` },
        { key: JSON_FIELD_KEYS.linux, value: '{$0}', doc: EXPLAIN.linuxUserConfiguration },
        { key: JSON_FIELD_KEYS.windows, value: '{$0}', doc: EXPLAIN.windowsUserConfiguration },
      ];
    case 'linux':
      return [
        { key: JSON_FIELD_KEYS.uid, value: '${1:1001}' },
        { key: JSON_FIELD_KEYS.gid, value: '${1:1001}' },
        {
          key: JSON_FIELD_KEYS.sshPrivateKey,
          value: dialect === 'arm' ? `"[parameters('\${1:sshPrivateKey}')]"` : `"\${1:${literal('<SSH private key, from Key Vault>')}}"`,
        },
      ];
    case 'windows':
      return [{ key: JSON_FIELD_KEYS.loginMode, value: `"${enumChoice(dialect, 'LoginMode', 'batch')}"`, doc: EXPLAIN.loginModeDefault }];
  }
}

/** Keys that exclude each other in one object: an identity names a user or an auto-user. */
const EXCLUSIVE: Readonly<Record<string, readonly string[]>> = {
  [JSON_KEYS.autoUser]: ['username', 'userName'],
  username: [JSON_KEYS.autoUser, 'userName'],
  userName: [JSON_KEYS.autoUser, 'username'],
};

function keyCompletions(text: string, root: Node, object: Node, replace: Span, names: readonly string[]): Completion[] {
  const kind = kindOf(object);
  if (!kind) return [];
  const evidence = new BatchEvidence(root).of(object);
  if (evidence.batch === 'no') return [];
  const dialect = evidence.dialect ?? 'rest';
  const has = new Set((object.children ?? []).map((p) => p.children?.[0]?.value as string).filter((k) => k !== undefined));
  // The key being typed is not yet one the object has.
  const typed = text.slice(replace.start, replace.end).replace(/^"|"$/g, '');
  has.delete(typed);
  const site = memberSite(text, object, replace);
  const completions: Completion[] = [];
  for (const { key, value, doc } of keysOf(kind, dialect, names)) {
    if (has.has(key) || EXCLUSIVE[key]?.some((k) => has.has(k))) continue;
    completions.push(member(site, key, 'property', [`"${key}": ${value}`], JSON_DIALECTS[dialect].label, doc, `0${key}`));
  }
  if (kind === 'task' && !has.has(JSON_KEYS.userIdentity)) completions.push(...identitySnippets(site, dialect, ['task'], names));
  if (kind === 'pool') {
    const members = jsonSnippetMembers(dialect, names);
    for (const snippet of SNIPPETS.filter((s) => s.target === 'pool')) {
      const first = members[snippet.key][0];
      const key = /^"([^"]+)"/.exec(first)![1];
      if (has.has(key)) continue;
      completions.push(
        member(
          site,
          snippet.prefix,
          'snippet',
          members[snippet.key],
          snippet.title,
          jsonSnippetDescription(snippet, dialect),
          `1${snippet.prefix}`,
        ),
      );
    }
  }
  return completions;
}

/** The value position of an enum key or a user name: a place the engine fills. */
function valuePlace(
  text: string,
  root: Node,
  object: Node,
  key: string,
  offset: number,
  previous: Node | undefined,
): CompletionPlace | undefined {
  const kind = kindOf(object);
  if (!kind) return undefined;
  const evidence = new BatchEvidence(root).of(object);
  if (evidence.batch === 'no') return undefined;
  const dialect = evidence.dialect ?? 'rest';
  // Inside a string: its content; before any value: the cursor, the quotes written with the value.
  const inString = previous?.type === 'string' && previous.offset < offset && offset <= previous.offset + previous.length;
  const closed = inString && previous.length >= 2 && text[previous.offset + previous.length - 1] === '"';
  const replace = inString
    ? { start: previous.offset + 1, end: closed ? previous.offset + previous.length - 1 : offset }
    : { start: offset, end: offset };
  if (!inString && previous && previous.offset + previous.length > offset) return undefined;
  const quote = inString ? '' : '"';
  if ((key === 'username' || key === 'userName') && kind === 'identity') return { kind: 'userName', replace, quote };
  const enumName = (Object.keys(JSON_ENUM_KEYS) as EnumName[]).find((e) => JSON_ENUM_KEYS[e] === key);
  const fits =
    (enumName === 'ElevationLevel' && (kind === 'autoUser' || kind === 'account')) ||
    (enumName === 'AutoUserScope' && kind === 'autoUser') ||
    (enumName === 'LoginMode' && kind === 'windows');
  if (!enumName || !fits) return undefined;
  const spellings = JSON_DIALECTS[dialect].enums[enumName] as Readonly<Record<string, string>>;
  const members = Object.fromEntries(ENUM_MEMBERS[enumName].map((m) => [m, `${quote}${spellings[m]}${quote}`]));
  return { kind: 'enumMember', enum: enumName, replace, members, dialect: JSON_DIALECTS[dialect].label };
}

/** Whole REST bodies for an empty file: a task with its identity, or a pool with its accounts or start task. */
function wholeBodies(text: string, offset: number, names: readonly string[]): Completion[] {
  const unit = indentUnitOf(text, DEFAULT_INDENT);
  const members = jsonSnippetMembers('rest', names);
  const word = /[\w-]*$/.exec(text.slice(0, offset))![0];
  const replace = { start: offset - word.length, end: offset };
  const body = (lines: readonly string[]) => ['{', ...lines.map((l) => `\t${l}`), '}'];
  return SNIPPETS.map((snippet) => {
    const lines =
      snippet.target === 'task'
        ? body(['"id": "${1:task1}",', '"commandLine": "${2:whoami}",', ...renumberTabStops(members[snippet.key], 3)])
        : body(['"id": "${1:pool1}",', '"vmSize": "${2:standard_d2s_v3}",', ...renumberTabStops(members[snippet.key], 3)]);
    return {
      label: snippet.prefix,
      kind: 'snippet',
      snippet: layout(lines, '', unit),
      replace,
      detail: snippet.title,
      documentation: `${jsonSnippetDescription(snippet, 'rest')} A whole ${snippet.target === 'task' ? 'add-task' : 'add-pool'} body.`,
      filterText: snippet.prefix,
    } satisfies Completion;
  });
}

export function jsonCompletionsAt(
  file: SourceFile,
  parsedRoot: Node | undefined,
  offset: number,
  options: CompletionOptions,
): LanguageCompletions {
  const { text } = file;
  if (text.trim() === '') return { completions: wholeBodies(text, offset, options.accountNames), places: [] };
  const root = parsedRoot ?? parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return NO_COMPLETIONS;
  const location = getLocation(text, offset);
  const previous = location.previousNode;
  if (location.isAtPropertyKey) {
    // The key typed so far with its quote, or a bare word (no quote typed yet).
    const typed =
      previous && previous.offset < offset && offset <= previous.offset + previous.length
        ? { start: previous.offset, end: previous.offset + previous.length }
        : { start: offset - /[\w$-]*$/.exec(text.slice(0, offset))![0].length, end: offset };
    // A key typed without its colon breaks the parse around it: the object is read without it.
    const blanked =
      typed.end > typed.start ? text.slice(0, typed.start) + ' '.repeat(typed.end - typed.start) + text.slice(typed.end) : text;
    const readRoot = blanked === text ? root : parseTree(blanked, [], { allowTrailingComma: true, disallowComments: false });
    const readObject = readRoot && objectAt(readRoot, location.path.slice(0, -1), offset);
    if (!readRoot || !readObject) return NO_COMPLETIONS;
    return { completions: keyCompletions(text, readRoot, readObject, typed, options.accountNames), places: [] };
  }
  const key = location.path[location.path.length - 1];
  if (typeof key !== 'string') return NO_COMPLETIONS;
  const object = objectAt(root, location.path.slice(0, -1), offset);
  if (!object) return NO_COMPLETIONS;
  // A complete value before the cursor and only blanks between: a new member whose comma is missing.
  if (previous && previous.offset + previous.length < offset && text.slice(previous.offset + previous.length, offset).includes('\n')) {
    const word = /[\w$-]*$/.exec(text.slice(0, offset))![0];
    if (text.slice(previous.offset + previous.length, offset - word.length).trim() !== '') return NO_COMPLETIONS;
    return {
      completions: keyCompletions(text, root, object, { start: offset - word.length, end: offset }, options.accountNames),
      places: [],
    };
  }
  const place = valuePlace(text, root, object, key, offset, previous);
  return { completions: [], places: place ? [place] : [] };
}
