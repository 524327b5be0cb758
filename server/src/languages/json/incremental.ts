/**
 * Incremental analysis for big JSON documents. jsonc-parser cannot reuse a tree, so typing in a
 * 5 MB REST body would reparse 5 MB per keystroke. Most keystrokes, though, land inside one string
 * or number that no rule reads (a command line, an id, a package version): then the document's
 * structure is unchanged and the previous facts stay true, only shifted by the edit's length.
 * This module recognises that case from the edited line alone and shifts the facts; anything else
 * (a key the adapter reads, a quote typed, an edit inside an identity object) falls back to a
 * full parse. A property test checks that both paths always agree.
 */
import { createScanner } from 'jsonc-parser';
import type { Facts } from '../../engine/facts';
import type { TextChange } from '../../engine/language';
import { Plans } from '../toolkit/plans';
import type { NamesRead } from './arm';
import { KEYS_READ, VALUES_READ } from './evidence';
import type { FilePlan, RunElevatedPlan } from './plan';
import { Token } from './syntax';

export interface Analysed {
  readonly facts: Facts;
  readonly plan: FilePlan;
}

/** The facts of the edited text, shifted from the previous ones, or undefined when a full parse is needed. */
export function shiftedAnalysis(previous: Analysed, oldText: string, change: TextChange, newText: string): Analysed | undefined {
  const { startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd } = change;
  const delta = newEnd - oldEnd;
  if (newText.length !== oldText.length + delta) return undefined;
  // A line scan cannot know whether it starts inside a block comment.
  if (oldText.includes('/*')) return undefined;
  if (touchesFacts(previous.facts, start, oldEnd)) return undefined;

  const token = tokenAround(oldText, start, oldEnd);
  if (!token) return undefined;
  const inserted = newText.slice(start, newEnd);
  const newToken = oldText.slice(token.offset, start) + inserted + oldText.slice(oldEnd, token.offset + token.length);
  if (!isSingleToken(newToken, token.kind)) return undefined;
  if (token.key !== undefined && VALUES_READ.has(token.key)) return undefined;
  if (token.kind === Token.String) {
    const before = JSON.parse(oldText.slice(token.offset, token.offset + token.length)) as string;
    const after = JSON.parse(newToken) as string;
    // An ARM expression decides where values go (arm.ts), wherever it is written (`[[` escapes one: one keystroke apart).
    if (before.startsWith('[') || after.startsWith('[')) return undefined;
    if (token.isKey && [before, after].some((key) => KEYS_READ.has(key) || isNameRead(previous.plan.namesRead, key))) return undefined;
  }

  const shift = (offset: number) => (offset >= oldEnd ? offset + delta : offset);
  const facts = shiftSpans(previous.facts, shift) as Facts;
  // Facts keep their order when shifted: each new runElevated takes its old one's plan, shifted too.
  const runElevated = new Plans<RunElevatedPlan>();
  previous.facts.runElevated.forEach((old, i) => {
    const plan = previous.plan.runElevated.get(old);
    if (plan) runElevated.set(facts.runElevated[i], { ...plan, objectStart: shift(plan.objectStart) });
  });
  return { facts, plan: { text: newText, runElevated, namesRead: previous.plan.namesRead } };
}

/** A key an ARM expression reads by name (a parameter, a variable, a property): renaming it changes where values go. */
function isNameRead(namesRead: NamesRead, key: string): boolean {
  return namesRead.anyName || namesRead.names.has(key.toLowerCase());
}

/** An edit inside (or at the edge of) anything a fact describes needs the full analysis. */
function touchesFacts(facts: Facts, start: number, end: number): boolean {
  const spans = [
    ...facts.runElevated.map((f) => f.span),
    ...facts.identityAssignments.map((f) => f.span),
    ...facts.identities.map((f) => f.span),
    ...facts.identities.map((f) => f.nameSpan),
    ...facts.accounts.map((f) => f.span),
    ...facts.enumRefs.map((f) => f.value.span),
    // A pool's id and a job's poolId: what ties a task to a pool (an edit to any other id keeps the facts).
    ...facts.pools.flatMap((f) => (f.id ? [f.id.span] : [])),
    ...[...facts.tasks, ...facts.identities, ...facts.identityAssignments, ...facts.runElevated].flatMap((f) =>
      f.holder?.pool && 'id' in f.holder.pool ? [f.holder.pool.id.span] : [],
    ),
  ];
  return spans.some((s) => start <= s.end && end >= s.start);
}

interface LineToken {
  readonly kind: number;
  readonly offset: number;
  readonly length: number;
  /** The token is a property key. */
  readonly isKey: boolean;
  /** For a value: the key of its property, when it is on the same line. */
  readonly key?: string;
}

/** The string or number token strictly containing [start, end), found by scanning its line. */
function tokenAround(text: string, start: number, end: number): LineToken | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  if (lineEnd !== -1 && end > lineEnd) return undefined;
  const scanner = createScanner(text, true);
  scanner.setPosition(lineStart);
  const seen: { kind: number; offset: number; length: number; value: string }[] = [];
  for (let kind = scanner.scan(); kind !== Token.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    if (lineEnd !== -1 && offset > lineEnd) return undefined;
    if (scanner.getTokenError() !== 0) return undefined;
    const inside =
      kind === Token.String
        ? start > offset && end < offset + length
        : kind === Token.Number
          ? start >= offset && end <= offset + length
          : false;
    if (inside) {
      const next = scanner.scan();
      const isKey = kind === Token.String && next === Token.Colon;
      const before = seen.slice(-2);
      const key =
        !isKey && before.length === 2 && before[0].kind === Token.String && before[1].kind === Token.Colon
          ? (JSON.parse(before[0].value) as string)
          : undefined;
      // A value whose key is on another line, or an array element: its role is unknown here.
      if (!isKey && key === undefined) return undefined;
      return { kind, offset, length, isKey, key };
    }
    if (offset >= end) return undefined;
    seen.push({ kind, offset, length, value: text.slice(offset, offset + length) });
  }
  return undefined;
}

function isSingleToken(text: string, kind: number): boolean {
  const scanner = createScanner(text, false);
  const first = scanner.scan();
  return first === kind && scanner.getTokenError() === 0 && scanner.getTokenLength() === text.length && scanner.scan() === Token.EOF;
}

/** A deep copy with every span and every `json:<offset>` key moved by `shift`. */
function shiftSpans(value: unknown, shift: (offset: number) => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shiftSpans(item, shift));
  if (!value || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  if (typeof source.start === 'number' && typeof source.end === 'number' && Object.keys(source).length === 2) {
    return { start: shift(source.start), end: shift(source.end) };
  }
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(source)) {
    copy[name] =
      name === 'key' && typeof field === 'string' && field.startsWith('json:')
        ? `json:${shift(Number(field.slice(5)))}`
        : shiftSpans(field, shift);
  }
  return copy;
}
