/**
 * What the code languages' completions share: the word typed so far, the commas a new member of
 * a list needs (an initializer's, an argument list's), and the two identity proposals (auto-user,
 * named user) built from the snippets' model-made forms (batch/snippets.ts `codeIdentityMembers`).
 */
import type { CodeIdentityMembers } from '../../batch/snippets';
import type { Completion } from '../../engine/completion';
import type { Span } from '../../engine/facts';
import type { TextEdit } from '../../engine/language';
import { isIdentifierChar } from './text';
import { sameNode, type Node } from './treeSitter';

/** The identifier typed before the cursor (empty at a blank). */
export function typedWord(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
  return { start, end: offset };
}

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** The offset after the last non-blank character before `from`, and that character. */
export function previousNonBlank(text: string, from: number): { end: number; char: string } {
  let end = from;
  while (end > 0 && isBlank(text[end - 1])) end--;
  return { end, char: end > 0 ? text[end - 1] : '' };
}

function nextNonBlank(text: string, from: number): { char: string; sameLine: boolean } {
  let at = from;
  while (at < text.length && isBlank(text[at])) at++;
  return { char: text[at] ?? '', sameLine: !text.slice(from, at).includes('\n') };
}

/**
 * The commas a new element of a comma-separated list needs at `replace`: one after the element
 * before it when that has none (`open` being the list's opening bracket), and one after itself
 * when an element follows.
 */
export function listCommas(text: string, replace: Span, open: string, close: string): ListCommas {
  const previous = previousNonBlank(text, replace.start);
  const next = nextNonBlank(text, replace.end);
  const followed = next.char !== '' && next.char !== ',' && next.char !== close;
  return {
    before:
      previous.char !== open && previous.char !== ',' ? { span: { start: previous.end, end: previous.end }, newText: ',' } : undefined,
    // An element on the same line is spaced from it.
    after: followed ? (next.sameLine && !/\s/.test(text[replace.end] ?? '') ? ', ' : ',') : '',
  };
}

export interface ListCommas {
  /** A comma after the element before. */
  readonly before?: TextEdit;
  /** What follows the new element: a comma (and a space) when an element follows, else nothing. */
  readonly after: string;
}

/**
 * Whether the word being typed (`replace`) is where a new element of `list` goes — between its
 * elements, right before one, or a bare identifier being typed as one — and not inside an element's
 * value, a string or a comment, where a member written in would break the code.
 */
export function atElementPlace(
  list: Node,
  tree: { readonly rootNode: Node },
  replace: Span,
  identifierTypes: ReadonlySet<string>,
): boolean {
  let child: Node | null = tree.rootNode.descendantForIndex(replace.start, replace.start);
  while (child && !sameNode(child.parent, list)) {
    if (sameNode(child, list)) return true;
    child = child.parent;
  }
  if (!child) return false;
  // A bracket or comma beside the cursor, the start of the next element (nothing typed yet), or the word typed so far.
  if (!child.isNamed) return true;
  if (replace.start === replace.end && child.startIndex === replace.start) return true;
  return identifierTypes.has(child.type) && child.startIndex === replace.start && child.endIndex === replace.end;
}

/** The auto-user and named-user proposals at a place of a task's construction. */
export function identityProposals(
  forms: CodeIdentityMembers,
  label: string,
  replace: Span,
  commas: ListCommas,
  imports: { readonly autoUser: readonly TextEdit[]; readonly namedUser: readonly TextEdit[] },
  dialect: string,
): Completion[] {
  const proposal = (kind: 'auto-user' | 'named user', snippet: string, description: string, extra: readonly TextEdit[]): Completion => ({
    label: `${label} (${kind})`,
    description: dialect,
    kind: 'snippet',
    snippet: `${snippet}${commas.after}`,
    replace,
    additionalEdits: [...(commas.before ? [commas.before] : []), ...extra],
    detail: description,
    filterText: label,
    sortText: `0${label}${kind}`,
  });
  return [
    proposal('auto-user', forms.autoUser, 'The task runs as an auto-user: pool scope and non-admin are the defaults.', imports.autoUser),
    proposal(
      'named user',
      forms.namedUser,
      "The task runs as a named user account of its pool: the workspace's accounts to choose from.",
      imports.namedUser,
    ),
  ];
}
