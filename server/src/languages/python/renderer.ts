/**
 * Python renderer: fix intents → text edits in the file's own style. The models are named the
 * way the file already reaches them (`batchmodels.`, `models.`, `azure.batch.models.`, or names
 * added to its `from azure.batch.models import …`); members are spelled for the file's SDK
 * generation (legacy `admin`/`non_admin`, 15.x and management `ADMIN`/`NON_ADMIN`).
 */
import type { Elevation } from '../../batch/model';
import { PYTHON } from '../../batch/sdks';
import { detectEol } from '../../engine/edits';
import type { TextEdit } from '../../engine/language';
import { enumMemberEdits, noEdits, plannedEdits, type IntentOf, type IntentRenderer } from '../toolkit/render';
import { FIX_CLASSES, importEdits, type FixClass } from './imports';
import type { FilePlan, RunElevatedPlan } from './plan';

/** Python's renderer: one entry per kind of fix intent. */
export const pythonRenderer: IntentRenderer<FilePlan> = {
  replaceRunElevated,
  removeRunElevated: (intent, file) => plannedEdits(file.runElevated.get(intent.fact)?.removal),
  replaceEnumMember: enumMemberEdits,
  // Python identities are built with keyword arguments: no builder call to move.
  moveMisplacedCall: noEdits,
};

function replaceRunElevated({ fact, elevation, scope }: IntentOf<'replaceRunElevated'>, file: FilePlan): TextEdit[] | undefined {
  const info = file.runElevated.get(fact);
  const value = fact.value;
  if (!info || !info.replaceable || !info.models || !value) return undefined;
  const needed: FixClass[] = FIX_CLASSES.filter((c) => c !== 'AutoUserScope' || scope !== undefined);
  const named = classNames(info, needed, file.text);
  if (!named) return undefined;
  const spelling = info.plane === 'mgmt' ? PYTHON.mgmtEnums : PYTHON.enums[info.sdk];
  const member = (e: Elevation) => `${named.name.ElevationLevel}.${spelling.ElevationLevel[e]}`;
  let level: string;
  if ('literal' in elevation) level = member(elevation.literal);
  else {
    const condition = info.conditionNeedsParens ? `(${elevation.conditional.text})` : elevation.conditional.text;
    level = `${member('admin')} if ${condition} else ${member('nonAdmin')}`;
  }
  const scopePart = scope ? `${PYTHON.keywords.scope}=${named.name.AutoUserScope}.${spelling.AutoUserScope[scope]}, ` : '';
  const identity =
    `${named.name.UserIdentity}(${PYTHON.keywords.autoUser}=${named.name.AutoUserSpecification}(` +
    `${scopePart}${PYTHON.keywords.elevationLevel}=${level}))`;
  const text = file.text;
  // `run_elevated = e` / `t.run_elevated = e`: keep what comes before the name and the spacing around `=`.
  const receiver = text.slice(fact.span.start, fact.nameSpan.start);
  // The `=` and its spacing only: parentheses around the value (`= (x)`) go with the old value.
  const separator = /^\s*=\s*/.exec(text.slice(fact.nameSpan.end, value.span.start))?.[0];
  if (separator === undefined) return undefined;
  const replacement: TextEdit = { span: fact.span, newText: `${receiver}${PYTHON.userIdentity}${separator}${identity}` };
  return [...named.edits, replacement];
}

/** The text naming each class, and the import edits that make those names exist. */
function classNames(
  info: RunElevatedPlan,
  needed: readonly FixClass[],
  text: string,
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
  return { name, edits: importEdits(models.insertion, missing, detectEol(text)) };
}
