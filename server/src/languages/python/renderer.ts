/**
 * Python renderer: fix intents → text edits in the file's own style. The models are named the
 * way the file already reaches them (`batchmodels.`, `models.`, `azure.batch.models.`, or names
 * added to its `from azure.batch.models import …`); members are spelled for the file's SDK
 * generation (legacy `admin`/`non_admin`, 15.x and management `ADMIN`/`NON_ADMIN`). Where the
 * project sets a line length, a line the fix makes too long is wrapped as black would (wrap.ts),
 * and so is an import it extends.
 */
import type { Elevation } from '../../batch/model';
import { PYTHON } from '../../batch/sdks';
import { detectEol } from '../../engine/edits';
import type { FileFormat, TextEdit } from '../../engine/language';
import { enumMemberEdits, noEdits, plannedEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import { FIX_CLASSES, importEdits, type FixClass } from './imports';
import type { FilePlan, RunElevatedPlan, StatementLine } from './plan';
import { flat, layOut, PEP8_INDENT, type Layout, type LayoutToken } from './wrap';

/** Python's renderer: one entry per kind of fix intent. */
export const pythonRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated: (intent, file) => plannedEdits(file.runElevated.get(intent.fact)?.removal),
  replaceEnumMember: enumMemberEdits,
  // Python identities are built with keyword arguments: no builder call to move.
  moveMisplacedCall: noEdits,
};

function replaceRunElevated(
  { fact, elevation, scope }: IntentOf<'replaceRunElevated'>,
  file: FilePlan,
  format: FileFormat,
): TextEdit[] | undefined {
  const info = file.runElevated.get(fact);
  const value = fact.value;
  if (!info || !info.replaceable || !info.models || !value) return undefined;
  const needed: FixClass[] = FIX_CLASSES.filter((c) => c !== 'AutoUserScope' || scope !== undefined);
  const layout = layoutOf(file, format);
  const named = classNames(info, needed, file.text, layout);
  if (!named) return undefined;
  const spelling = info.plane === 'mgmt' ? PYTHON.mgmtEnums : PYTHON.enums[info.sdk];
  const member = (e: Elevation) => `${named.name.ElevationLevel}.${spelling.ElevationLevel[e]}`;
  const text = file.text;
  // `run_elevated = e` / `t.run_elevated = e`: keep what comes before the name and the spacing around `=`.
  const receiver = text.slice(fact.span.start, fact.nameSpan.start);
  // The `=` and its spacing only: parentheses around the value (`= (x)`) go with the old value.
  const separator = /^\s*=\s*/.exec(text.slice(fact.nameSpan.end, value.span.start))?.[0];
  if (separator === undefined) return undefined;
  // The replacement as tokens (their text on one line is the replacement), so it can be wrapped.
  const userIdentity = -1;
  const autoUser = -2;
  const atom = (text: string, gap = ''): LayoutToken => ({ text, gap, kind: 'other' });
  const level: LayoutToken[] = [];
  if ('literal' in elevation) level.push(atom(`${PYTHON.keywords.elevationLevel}=${member(elevation.literal)}`));
  else {
    const condition = info.conditionNeedsParens ? `(${elevation.conditional.text})` : elevation.conditional.text;
    level.push(
      atom(`${PYTHON.keywords.elevationLevel}=${member('admin')}`),
      { text: 'if', gap: ' ', kind: 'ternary' },
      atom(condition, ' '),
      { text: 'else', gap: ' ', kind: 'ternary' },
      atom(member('nonAdmin'), ' '),
    );
  }
  const scopePart: LayoutToken[] = scope
    ? [
        atom(`${PYTHON.keywords.scope}=${named.name.AutoUserScope}.${spelling.AutoUserScope[scope]}`),
        { text: ',', gap: '', kind: 'comma', owner: autoUser },
      ]
    : [];
  if (scopePart.length > 0) level[0] = { ...level[0], gap: ' ' };
  const tokens: LayoutToken[] = [
    atom(`${receiver}${PYTHON.userIdentity}${separator}${named.name.UserIdentity}`),
    { text: '(', gap: '', kind: 'open', owner: userIdentity },
    atom(`${PYTHON.keywords.autoUser}=${named.name.AutoUserSpecification}`),
    { text: '(', gap: '', kind: 'open', owner: autoUser },
    ...scopePart,
    ...level,
    { text: ')', gap: '', kind: 'close', owner: autoUser },
    { text: ')', gap: '', kind: 'close', owner: userIdentity },
  ];
  const replacement: TextEdit = { span: fact.span, newText: flat(tokens) };
  const wrapped = layout && info.line ? wrappedStatement(text, info.line, replacement, tokens, layout) : undefined;
  return [...named.edits, wrapped ?? replacement];
}

/** How lines are wrapped in this file: only when the project sets a line length. */
function layoutOf(file: FilePlan, format: FileFormat): Layout | undefined {
  if (format.maxLineLength === undefined) return undefined;
  return { maxLineLength: format.maxLineLength, indentUnit: file.indentUnit ?? format.indentUnit ?? PEP8_INDENT };
}

/**
 * The edit writing the statement's line(s) with the replacement, wrapped as black wraps them, when
 * the replacement makes the line too long; undefined when it fits, or the line cannot be laid out
 * safely (then the replacement is written on the line as it is).
 */
function wrappedStatement(
  text: string,
  line: StatementLine,
  replacement: TextEdit,
  replacementTokens: readonly LayoutToken[],
  layout: Layout,
): TextEdit | undefined {
  const { span } = replacement;
  const written = text.slice(line.start, span.start) + replacement.newText + text.slice(span.end, line.end);
  if ([...written].length <= layout.maxLineLength) return undefined;
  const before = line.tokens.filter((t) => t.end <= span.start);
  const after = line.tokens.filter((t) => t.start >= span.end);
  // A token the replacement cuts through: not a shape to lay out.
  if (before.length + after.length + line.tokens.filter((t) => t.start >= span.start && t.end <= span.end).length !== line.tokens.length)
    return undefined;
  const tokens: LayoutToken[] = [];
  let previousEnd: number | undefined;
  const gapTo = (start: number) => (previousEnd === undefined ? '' : text.slice(previousEnd, start));
  for (const t of before) {
    tokens.push({ text: text.slice(t.start, t.end), gap: gapTo(t.start), kind: t.kind, owner: t.owner, collection: t.collection });
    previousEnd = t.end;
  }
  const firstStart = before[0]?.start ?? span.start;
  tokens.push(...replacementTokens.map((t, i) => (i === 0 ? { ...t, gap: gapTo(span.start) } : t)));
  previousEnd = span.end;
  for (const t of after) {
    tokens.push({ text: text.slice(t.start, t.end), gap: gapTo(t.start), kind: t.kind, owner: t.owner, collection: t.collection });
    previousEnd = t.end;
  }
  let lastEnd = after.length > 0 ? after[after.length - 1].end : span.end;
  // A comment after the statement (the tree keeps it outside) stays at the end of its last line, as black keeps it.
  const trailing = /^([ \t]*)(#.*?)[ \t]*$/.exec(text.slice(lastEnd, line.end));
  if (trailing) {
    tokens.push({ text: trailing[2], gap: trailing[1], kind: 'comment' });
    lastEnd += trailing[1].length + trailing[2].length;
  }
  const indent = text.slice(line.start, firstStart);
  // Only the statement on its line(s), nothing spans a line break, and its brackets close on it.
  if (!/^[ \t]*$/.test(indent) || !/^[ \t]*$/.test(text.slice(lastEnd, line.end))) return undefined;
  if (tokens.some((t) => /[\r\n\\]/.test(t.gap) || /[\r\n]/.test(t.text))) return undefined;
  if (indent + flat(tokens) !== written.trimEnd() || !balanced(tokens)) return undefined;
  const lines = layOut(tokens, indent, layout, line.insideOwner !== undefined, line.insideOwner, line.endsBrackets);
  if (lines.length === 1) return undefined;
  const eol = detectEol(text);
  return { span: { start: firstStart, end: lastEnd }, newText: lines.join(eol).slice(indent.length) };
}

/** Every bracket closes one opened on the line, and every one opened closes on it. */
function balanced(tokens: readonly LayoutToken[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The text naming each class, and the import edits that make those names exist. */
function classNames(
  info: RunElevatedPlan,
  needed: readonly FixClass[],
  text: string,
  layout: Layout | undefined,
): { name: Record<FixClass, string>; edits: TextEdit[] } | undefined {
  const models = info.models!;
  const name = {} as Record<FixClass, string>;
  if (models.kind === 'prefix') {
    for (const cls of FIX_CLASSES) name[cls] = models.prefix + cls;
    return { name, edits: models.addImport ? [models.addImport] : [] };
  }
  const missing: FixClass[] = [];
  for (const cls of FIX_CLASSES) {
    name[cls] = models.bound[cls] ?? cls;
    if (needed.includes(cls) && !models.bound[cls]) missing.push(cls);
  }
  if (missing.length === 0) return { name, edits: [] };
  if (!models.insertion || missing.some((cls) => models.blocked.includes(cls))) return undefined;
  return { name, edits: importEdits(models.insertion, missing, detectEol(text), layout) };
}
