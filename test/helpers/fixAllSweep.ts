/**
 * What fix-all must never do to a file (issue 12, "Done when"), checked on one text:
 *  - write a duplicate key (JSON: counted per key over every object, since jsonc-parser does not
 *    report them), or, in every language, write a user identity in place of a runElevated on an
 *    object that already has one (the holder facts: the later would silently override the author's);
 *  - change a value outside a finding: each fix fix-all applies, pass by pass, writes only where its
 *    intent allows (`fixLocality`: inside its fact's construct, or an import); in JSON, moreover,
 *    every value the document holds (read as JSON readers do: the last of duplicate keys wins) is
 *    the same after, except those of the fixed findings' properties;
 *  - add a syntax error (`newSyntaxError`, with the product's parsers).
 * Fix-all is replayed pass by pass as `Engine.fixAll` runs it (the preferred safe fix of each
 * finding, colliding edits left for the next pass), and the replay must give `Engine.fixAll`'s text.
 */
import { getLocation, parse as parseJson, parseTree, type JSONPath, type Node as JsonNode } from 'jsonc-parser';
import { applyEdits, mergeEditGroups } from '../../server/src/engine/edits';
import { fixAllFixOf, type AnalyzeOptions, type Engine } from '../../server/src/engine/engine';
import type { Facts, LanguageId } from '../../server/src/engine/facts';
import type { Fix } from '../../server/src/engine/findings';
import type { TextEdit } from '../../server/src/engine/language';
import { fixLocality, newSyntaxError, parse, preciseEdits } from './syntaxRegions';

const MAX_PASSES = 10;

export interface SweptText {
  /** Where the text comes from, for the report. */
  readonly source: string;
  readonly language: LanguageId;
  readonly text: string;
  readonly options?: AnalyzeOptions;
}

/** Per key name, how many of its occurrences repeat a key already in the same object (over every object). */
export function duplicateKeys(text: string): Map<string, number> {
  const repeats = new Map<string, number>();
  const visit = (node: JsonNode | undefined) => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Set<unknown>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0]?.value;
        if (typeof key !== 'string') continue;
        if (seen.has(key)) repeats.set(key, (repeats.get(key) ?? 0) + 1);
        seen.add(key);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }));
  return repeats;
}

/** The keys `after` repeats more often than `before` did, e.g. `userIdentity ×2 (was 1)`. */
export function newDuplicates(before: string, after: string): string | undefined {
  const was = duplicateKeys(before);
  const added = [...duplicateKeys(after)]
    .filter(([key, count]) => count > (was.get(key) ?? 0))
    .map(([key, count]) => `${key} ×${count + 1} (was ${(was.get(key) ?? 0) + 1})`);
  return added.length > 0 ? `duplicate key in one object: ${added.join(', ')}` : undefined;
}

/** The fixes that write a user identity on an object the facts say already has one. */
export function identitiesOverridden(facts: Facts, fixes: readonly Fix[]): Fix[] {
  const withIdentity = new Set(facts.identityAssignments.map((assignment) => assignment.holder.key));
  return fixes.filter((fix) => fix.intent.kind === 'replaceRunElevated' && withIdentity.has(fix.intent.fact.holder.key));
}

// JSON values ---------------------------------------------------------------------------------

const pathKey = (path: JSONPath) => JSON.stringify(path);

/** Every leaf of the document as JSON readers see it (the last of duplicate keys wins), by path. */
function leaves(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: unknown, path: JSONPath) => {
    if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object' && Object.keys(value).length > 0)
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    else found.set(pathKey(path), JSON.stringify(value));
  };
  visit(parseJson(text, [], { allowTrailingComma: true, disallowComments: false }), []);
  return found;
}

/** The paths under which a fix may change values: its runElevated property (and the identity it writes in its place), or its enum member. */
function allowedPaths(text: string, fix: Fix, before: ReadonlyMap<string, string>): JSONPath[] {
  const intent = fix.intent;
  switch (intent.kind) {
    case 'replaceRunElevated':
    case 'removeRunElevated': {
      const holder = getLocation(text, intent.fact.nameSpan.start + 1).path.slice(0, -1);
      const property = [...holder, 'runElevated'];
      // The identity it writes is new only where the holder had none (else it would override it).
      const identity = [...holder, 'userIdentity'];
      const hadIdentity = [...before.keys()].some((key) => under(key, identity));
      return intent.kind === 'replaceRunElevated' && !hadIdentity ? [property, identity] : [property];
    }
    case 'replaceEnumMember':
      return [getLocation(text, intent.span.start + 1).path];
    case 'moveMisplacedCall':
      return [];
  }
}

const under = (key: string, prefix: JSONPath) => {
  const p = pathKey(prefix);
  return key === p || key.startsWith(p.slice(0, -1) + ',');
};

/** The JSON values a pass changed that none of its fixes may change, or undefined. */
export function valuesChangedOutside(before: string, after: string, fixes: readonly Fix[]): string | undefined {
  const was = leaves(before);
  const now = leaves(after);
  const allowed = fixes.flatMap((fix) => allowedPaths(before, fix, was));
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((key) => was.get(key) !== now.get(key));
  const outside = changed.filter((key) => !allowed.some((prefix) => under(key, prefix)));
  return outside.length > 0
    ? `values changed outside a finding: ${outside.map((key) => `${key}: ${was.get(key) ?? '(none)'} → ${now.get(key) ?? '(none)'}`).join('; ')}`
    : undefined;
}

// The sweep -----------------------------------------------------------------------------------

/** What fix-all does wrong to this text: one line per problem, none when it is sound. */
export async function fixAllProblems(engine: Engine, sample: SweptText): Promise<string[]> {
  const problems: string[] = [];
  const doc = { uri: `file:///sweep/${sample.source.replace(/[^\w.-]+/g, '_')}`, languageId: sample.language, text: sample.text };
  const options = { ...sample.options, keepSyntax: false };
  let text = sample.text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const analysis = await engine.analyze({ ...doc, text }, options);
    const groups: TextEdit[][] = [];
    const fixes: Fix[] = [];
    for (const finding of analysis.findings) {
      const fix = fixAllFixOf(finding);
      const edits = fix && analysis.edits(fix);
      if (fix && edits && edits.length > 0) {
        groups.push(edits);
        fixes.push(fix);
      }
    }
    const { edits, accepted } = mergeEditGroups(groups);
    const next = accepted.length > 0 ? applyEdits(text, edits) : text;
    if (next === text) {
      analysis.release();
      break;
    }
    const parsed = await parse(sample.language, text);
    try {
      for (const index of accepted) {
        const local = fixLocality(parsed, analysis, fixes[index], groups[index]);
        if (local) problems.push(`pass ${pass + 1}, ${fixes[index].title}: ${local}`);
      }
      for (const fix of identitiesOverridden(
        analysis.facts,
        accepted.map((i) => fixes[i]),
      ))
        problems.push(`pass ${pass + 1}, ${fix.title}: writes a second user identity on an object that has one`);
    } finally {
      parsed.dispose();
      analysis.release();
    }
    if (sample.language === 'json') {
      const changed = valuesChangedOutside(
        text,
        next,
        accepted.map((i) => fixes[i]),
      );
      if (changed) problems.push(`pass ${pass + 1}: ${changed}`);
    }
    text = next;
  }

  const fixed = await engine.fixAll(doc, sample.options);
  if (fixed.text !== text) problems.push('the replay of fix-all does not give what Engine.fixAll gives');
  if (!fixed.changed) return problems;

  if (sample.language === 'json') {
    const duplicates = newDuplicates(sample.text, fixed.text);
    if (duplicates) problems.push(duplicates);
  }
  const parsed = await parse(sample.language, sample.text);
  try {
    const broken = await newSyntaxError(parsed, preciseEdits(sample.text, fixed.text));
    if (broken) problems.push(`fix-all: ${broken}`);
  } finally {
    parsed.dispose();
  }
  return problems;
}
