/**
 * Table-driven rule tests (as ESLint's RuleTester): one row per (language, SDK generation or JSON
 * dialect, shape), with the rule's exact findings in document order — severity, squiggled text,
 * message and the titles of the fixes offered, messages and titles by id and data from the rule's
 * descriptor — and for rules with a fix the exact text after fix-all, which must not change when
 * fix-all runs again, or after one quick fix. Each table also pins what every message of the rule
 * says, word for word, and holds the rule's descriptor to its rows: the languages it names are
 * those with a finding, and its fixability is what they offer; and fix-all of every row keeps
 * keys, values outside findings and syntax sound (test/helpers/fixAllSweep.ts). A row may also say what the
 * language's real SDK must make of its texts (`sdk`), which the table's checker (`TableOptions.sdk`)
 * turns into tests of their own beside the row's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../../../common/settings';
import type { Facts, LanguageId } from '../../../server/src/engine/facts';
import type { Severity } from '../../../server/src/engine/findings';
import { messageText, type DefinedRule, type MessageRef, type RuleMessages } from '../../../server/src/rules/define';
import type { AccountIndex } from '../../../server/src/workspace/accountIndex';
import { analyze, applyFix, engine, fixAll, settingsWith } from '../../helpers/engine';
import { fixAllProblems } from '../../helpers/fixAllSweep';
import { declareRowChecks, type RowChecker } from '../../helpers/rowChecks';

/** One finding: severity, squiggled text, message, and the titles of its fixes in order (none when left out). */
export type Found<M extends RuleMessages> =
  | readonly [severity: Severity, squiggled: string, message: MessageRef<M>]
  | readonly [severity: Severity, squiggled: string, message: MessageRef<M>, fixes: readonly MessageRef<M>[]];

/** A row's `fixed` when its fixes are offered but not safe: fix-all leaves the text as it is. */
/** The fact lists a rule may take as its subject. */
type FactList = { [K in keyof Facts]-?: Facts[K] extends readonly unknown[] ? K : never }[keyof Facts];

export const UNCHANGED = Symbol('unchanged');

export interface RuleCase<M extends RuleMessages, X = never> {
  /** The generation or dialect and the shape, e.g. 'Java legacy: NONADMIN in a pool sample'. */
  readonly name: string;
  readonly language: LanguageId;
  /** The file's name, where its extension matters (`submit.js`: JavaScript's grammar); `test.<language>` otherwise. */
  readonly file?: string;
  readonly text: string;
  /** This rule's findings; empty for a near-miss that stays silent. */
  readonly found: readonly Found<M>[];
  /**
   * The text after fix-all of this rule; `null` when no fix of any finding renders an edit here;
   * `UNCHANGED` when fixes are offered in the menu but fix-all applies none (they are not safe).
   */
  readonly fixed?: string | null | typeof UNCHANGED;
  /** One quick fix applied alone: fix `fix` (default 0) of the first finding gives `text`; `null`: no such edit. */
  readonly quickFix?: { readonly fix?: number; readonly text: string | null };
  /** Settings other than the defaults (e.g. `fix.scope`). */
  readonly settings?: Partial<Settings>;
  /** Named user accounts defined in other files (unknown-user). */
  readonly workspace?: AccountIndex;
  /**
   * How many facts of the rule's subject the adapter reports: a near-miss must be seen and judged
   * fine (a number), or not be Batch's at all (0), not silently missed.
   */
  readonly seen?: number;
  /** No other rule has a finding in this text either. */
  readonly alone?: boolean;
  /**
   * What the language's real SDK must make of the text after the fix (`fixed`, else the quick fix's
   * text, else the text itself) and of the text before it, in the terms of the table's checker.
   */
  readonly sdk?: X;
}

/** The rows of a rule's table, typed by its messages (and by what its SDK checker reads). */
export type CaseOf<R extends DefinedRule<RuleMessages>, X = never> = RuleCase<R['messages'], X>;

/** What each message of a rule says, for `TableOptions.says`. */
export type Says<R extends DefinedRule<RuleMessages>> = TableOptions<R['messages']>['says'];

export interface TableOptions<M extends RuleMessages, X = never> {
  /** The facts the rule judges, counted by `RuleCase.seen`. */
  readonly subject: FactList;
  /**
   * What each of the rule's messages says, word for word, with sample data: every message id at
   * least once. The rows compare findings with the descriptor's texts; this pins the texts.
   */
  readonly says: readonly (readonly [message: MessageRef<M>, text: string])[];
  /** Checks the rows that carry an `sdk` expectation against the real SDK (e.g. `pythonSdkRows()`, one process per table). */
  readonly sdk?: RowChecker<X>;
}

/** The text a row expects after its fix: fix-all's, else the quick fix's, else the text unchanged. */
function expectedText<M extends RuleMessages, X>(c: RuleCase<M, X>): string {
  return typeof c.fixed === 'string' ? c.fixed : (c.quickFix?.text ?? c.text);
}

export function ruleTable<M extends RuleMessages, X = never>(
  rule: DefinedRule<M>,
  options: TableOptions<M, X>,
  cases: readonly RuleCase<M, X>[],
): void {
  const text = (ref: MessageRef<M>) => messageText(rule.messages, ref);
  const deprecated = rule.tags?.includes('deprecated') ?? false;
  describe(rule.id, () => {
    for (const c of cases) {
      const label = `${c.found.length === 0 ? 'silent' : 'found'} · ${c.language} · ${c.name}`;
      it(label, async () => {
        const analyzeOptions = { workspace: c.workspace, settings: c.settings && settingsWith(c.settings), file: c.file };
        const fixAllOptions = { ...analyzeOptions, onlyRules: [rule.id] };
        const analysis = await analyze(c.language, c.text, analyzeOptions);
        const findings = analysis.findings.filter((f) => f.rule === rule.id);
        const others = analysis.findings.filter((f) => f.rule !== rule.id).map((f) => f.rule);
        const fixesRender = findings.map((f) => f.fixes.map((fix) => analysis.edits(fix) !== undefined));
        const subjects = analysis.facts[options.subject].length;
        analysis.release();
        if (c.seen !== undefined) assert.equal(subjects, c.seen, `${options.subject} seen`);
        assert.deepEqual(
          findings.map((f) => [f.severity, c.text.slice(f.span.start, f.span.end), f.message, f.fixes.map((fix) => fix.title)]),
          c.found.map(([severity, squiggled, message, fixes = []]) => [severity, squiggled, text(message), fixes.map(text)]),
        );
        assert.deepEqual(
          findings.map((f) => f.deprecated ?? false),
          findings.map(() => deprecated),
          'findings are tagged deprecated exactly when the descriptor says so',
        );
        if (rule.fixable === 'never')
          assert.deepEqual(
            findings.map((f) => f.fixes.length),
            findings.map(() => 0),
            'this rule offers no fix',
          );
        if (rule.fixable === 'always')
          assert.ok(
            findings.every((f) => f.fixes.length > 0),
            'this rule offers a fix with every finding',
          );
        if (c.alone) assert.deepEqual(others, [], 'no other rule reports here');
        if (c.fixed === null) {
          assert.deepEqual(fixesRender.flat().filter(Boolean), [], 'no fix may be offered here');
          assert.equal(await fixAll(c.language, c.text, fixAllOptions), c.text);
        }
        if (c.fixed === UNCHANGED) {
          assert.ok(fixesRender.flat().some(Boolean), 'a fix is offered in the menu');
          assert.equal(await fixAll(c.language, c.text, fixAllOptions), c.text, 'fix-all applies none');
        }
        if (typeof c.fixed === 'string') {
          const once = await fixAll(c.language, c.text, fixAllOptions);
          assert.equal(once, c.fixed);
          assert.equal(await fixAll(c.language, once, fixAllOptions), once, 'fix-all twice = once');
        }
        if (c.quickFix)
          assert.equal(
            (await applyFix(c.language, c.text, rule.id, { ...analyzeOptions, fixIndex: c.quickFix.fix })) ?? null,
            c.quickFix.text,
          );
      });
      if (c.sdk !== undefined) {
        if (!options.sdk) throw new Error(`${label}: the row has an SDK expectation, but its table no SDK checker`);
        declareRowChecks(options.sdk, { name: label, language: c.language, input: c.text, output: expectedText(c), expect: c.sdk });
      }
    }

    describe('what its messages say', () => {
      for (const [ref, expected] of options.says)
        it(typeof ref === 'string' ? ref : `${ref[0]} ${JSON.stringify(ref[1])}`, () => assert.equal(text(ref), expected));
      it('every message is pinned', () => {
        const pinned = new Set(options.says.map(([ref]) => (typeof ref === 'string' ? ref : ref[0])));
        assert.deepEqual(
          Object.keys(rule.messages).filter((id) => !pinned.has(id)),
          [],
        );
      });
    });

    it('fix-all of every row: no duplicate key, no value changed outside a finding, no new syntax error (issue 12)', async () => {
      const problems: string[] = [];
      for (const c of cases) {
        const options = { workspace: c.workspace, settings: c.settings && settingsWith(c.settings) };
        for (const problem of await fixAllProblems(engine, { source: c.name, language: c.language, text: c.text, options }))
          problems.push(`${c.language} · ${c.name}: ${problem}`);
      }
      assert.deepEqual(problems, []);
    });

    it('the descriptor: its languages are those with a finding, its fixability what the findings offer', () => {
      const found = cases.filter((c) => c.found.length > 0);
      assert.deepEqual([...new Set(found.map((c) => c.language))].sort(), [...rule.languages].sort(), 'languages');
      const offers = found.flatMap((c) => c.found.map((f) => (f[3]?.length ?? 0) > 0));
      const fixability = offers.length > 0 && offers.every(Boolean) ? 'always' : offers.some(Boolean) ? 'sometimes' : 'never';
      assert.equal(fixability, rule.fixable, 'fixability');
    });
  });
}

function indent(body: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return body
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

// C# ---------------------------------------------------------------------------------------------

/** Microsoft.Azure.Batch (legacy, constructors; enums in .Common). */
export function csLegacy(body: string, params = 'CloudPool pool, CloudTask task, string secret'): string {
  return (
    'using System;\nusing System.Collections.Generic;\nusing Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n\n' +
    `class PoolSetup\n{\n    void Configure(${params})\n    {\n${indent(body, 8)}\n    }\n}\n`
  );
}

/** Azure.Compute.Batch (new, parameterless constructors and setters). */
export function csNew(body: string, params = 'BatchPoolCreateContent pool, BatchTaskCreateContent task, string secret'): string {
  return `using System;\nusing System.Collections.Generic;\nusing Azure.Compute.Batch;\n\nclass PoolSetup\n{\n    void Configure(${params})\n    {\n${indent(body, 8)}\n    }\n}\n`;
}

/** Azure.ResourceManager.Batch (management plane: `Batch`-prefixed models, get-only `UserAccounts`). */
export function csArm(body: string, params = 'BatchAccountPoolData pool, string secret'): string {
  return (
    'using System;\nusing System.Collections.Generic;\nusing Azure.ResourceManager.Batch;\nusing Azure.ResourceManager.Batch.Models;\n\n' +
    `class PoolSetup\n{\n    void Configure(${params})\n    {\n${indent(body, 8)}\n    }\n}\n`
  );
}

/** Microsoft.Azure.Management.Batch (legacy management models: `Pool`, constructors with every parameter). */
export function csMgmt(body: string, params = 'Pool pool, string secret'): string {
  return (
    'using System;\nusing System.Collections.Generic;\nusing Microsoft.Azure.Management.Batch.Models;\n\n' +
    `class PoolSetup\n{\n    void Configure(${params})\n    {\n${indent(body, 8)}\n    }\n}\n`
  );
}

// Java -------------------------------------------------------------------------------------------

/** com.microsoft.azure.batch (legacy, fluent `withX`). */
export function javaLegacy(body: string, params = 'PoolAddParameter pool, TaskAddParameter task, String secret'): string {
  return `import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
}

/** com.azure.compute.batch (new, bean-style `setX`). */
export function javaNew(body: string, params = 'BatchPoolCreateContent pool, BatchTaskCreateContent task, String secret'): string {
  return `import com.azure.compute.batch.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
}

/** com.azure.resourcemanager.batch (management plane, fluent `withX`, `withUsername`; pools defined through BatchManager). */
export function javaMgmt(body: string, params = 'BatchManager manager, StartTask startTask, String secret'): string {
  return `import com.azure.resourcemanager.batch.BatchManager;\nimport com.azure.resourcemanager.batch.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
}

/** com.microsoft.azure.management.batch (legacy management plane, fluent `withX`, `withUserName`; pools defined on the account). */
export function javaMgmtLegacy(body: string, params = 'BatchAccount account, StartTask startTask, String secret'): string {
  return `import com.microsoft.azure.management.batch.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
}

// Python -----------------------------------------------------------------------------------------

/** azure-batch ≤ 14 (`batchmodels.`, lower-case enum members). */
export function pyLegacy(body: string): string {
  return `import os\nimport uuid\n\nimport azure.batch.models as batchmodels\n\n${body}\n`;
}

/** azure-batch 15.x, told by its BatchTaskCreateContent class (upper-case enum members). */
export function py15(body: string): string {
  return `import os\nimport uuid\n\nfrom azure.batch import models\n\nTEMPLATE = models.BatchTaskCreateContent(id='template', command_line='hostname')\n${body}\n`;
}

/** azure-mgmt-batch (ARM-cased values, upper-case enum members). */
export function pyMgmt(body: string): string {
  return `import os\n\nfrom azure.mgmt.batch import models as mgmt\n\n${body}\n`;
}

// JSON -------------------------------------------------------------------------------------------

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** A Batch CLI / Batch Explorer template (data-plane dialect inside an ARM-like wrapper). */
export function cliTemplate(kind: 'pool' | 'job', properties: unknown): string {
  return json({
    parameters: { poolId: { type: 'string' } },
    [kind]: { type: `Microsoft.Batch/batchAccounts/${kind}s`, apiVersion: '2018-12-01', properties },
  });
}

/** An ARM template with one Microsoft.Batch pool resource (ARM dialect). */
export function armPool(properties: unknown): string {
  return json({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { adminPassword: { type: 'securestring' } },
    resources: [
      {
        type: 'Microsoft.Batch/batchAccounts/pools',
        apiVersion: '2024-07-01',
        name: "[concat(parameters('account'), '/mpi')]",
        properties,
      },
    ],
  });
}

const DEPLOYMENT_TEMPLATE = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** An ARM template with these sections (parameters, variables, outputs, metadata, languageVersion…) and resources. */
export function armTemplate(sections: Record<string, unknown>, resources: unknown): string {
  return json(armTemplateValue(sections, resources));
}

/** The value of an ARM template, e.g. for a nested deployment's `template`. */
export function armTemplateValue(sections: Record<string, unknown>, resources: unknown): Record<string, unknown> {
  return { $schema: DEPLOYMENT_TEMPLATE, contentVersion: '1.0.0.0', ...sections, resources };
}

/** A Microsoft.Batch pool resource of an ARM template (`extra`: copy, dependsOn…). */
export function batchPoolResource(properties: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Microsoft.Batch/batchAccounts/pools',
    apiVersion: '2024-07-01',
    name: "[concat(parameters('account'), '/mpi')]",
    ...extra,
    properties,
  };
}

/**
 * A nested deployment (what a Bicep module compiles to): an inline template with inner scope
 * given `parameters` (name → value), or with `scope: 'outer'` reading its parent's; or a linked
 * template (`templateLink`), whose content is elsewhere.
 */
export function deployment(
  target: { readonly template: unknown; readonly scope?: 'inner' | 'outer' } | { readonly templateLink: string },
  parameters: Record<string, unknown> = {},
): Record<string, unknown> {
  const values = Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, { value }]));
  const properties =
    'templateLink' in target
      ? { mode: 'Incremental', templateLink: { uri: target.templateLink }, parameters: values }
      : {
          ...(target.scope !== 'outer' && { expressionEvaluationOptions: { scope: 'inner' } }),
          mode: 'Incremental',
          ...(target.scope !== 'outer' && { parameters: values }),
          template: target.template,
        };
  return { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'pool-module', properties };
}
