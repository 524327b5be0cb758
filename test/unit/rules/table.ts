/**
 * Table-driven rule tests: one row per (language, SDK generation or JSON dialect, shape), with the
 * rule's exact squiggles (severity and squiggled text, in document order), and for rules with a fix
 * the exact text after fix-all, which must not change when fix-all runs again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Facts, LanguageId } from '../../../server/src/engine/facts';
import type { Severity } from '../../../server/src/engine/findings';
import type { AccountIndex } from '../../../server/src/workspace/accountIndex';
import { analyze, fixAll } from '../../helpers/engine';

export interface RuleCase {
  /** The generation or dialect and the shape, e.g. 'Java legacy: NONADMIN in a pool sample'. */
  readonly name: string;
  readonly language: LanguageId;
  readonly text: string;
  /** This rule's squiggles as [severity, squiggled text]; empty for a near-miss that stays silent. */
  readonly found: readonly (readonly [Severity, string])[];
  /** The text after fix-all of this rule; `null` when no finding may offer a fix. */
  readonly fixed?: string | null;
  /** Named user accounts defined in other files (unknown-user). */
  readonly workspace?: AccountIndex;
  /**
   * How many facts of the rule's subject the adapter reports: a near-miss must be seen and judged
   * fine (a number), or not be Batch's at all (0), not silently missed.
   */
  readonly seen?: number;
}

export interface TableOptions {
  /** `false`: no finding of the rule ever offers a fix. */
  readonly fixable: boolean;
  /** The facts the rule judges, counted by `RuleCase.seen`. */
  readonly subject: Exclude<keyof Facts, 'runElevated'>;
}

export function ruleTable(rule: string, options: TableOptions, cases: readonly RuleCase[]): void {
  describe(rule, () => {
    for (const c of cases) {
      const label = `${c.found.length === 0 ? 'silent' : 'found'} · ${c.language} · ${c.name}`;
      it(label, async () => {
        const analysis = await analyze(c.language, c.text, { workspace: c.workspace });
        const findings = analysis.findings.filter((f) => f.rule === rule);
        const fixesRender = findings.map((f) => f.fixes.map((fix) => analysis.edits(fix) !== undefined));
        const subjects = analysis.facts[options.subject].length;
        analysis.release();
        if (c.seen !== undefined) assert.equal(subjects, c.seen, `${options.subject} seen`);
        assert.deepEqual(
          findings.map((f) => [f.severity, c.text.slice(f.span.start, f.span.end)]),
          c.found.map(([severity, text]) => [severity, text]),
        );
        if (!options.fixable)
          assert.deepEqual(
            findings.map((f) => f.fixes.length),
            findings.map(() => 0),
            'this rule offers no fix',
          );
        if (c.fixed === null) {
          assert.deepEqual(fixesRender.flat().filter(Boolean), [], 'no fix may be offered here');
          assert.equal(await fixAll(c.language, c.text, { workspace: c.workspace, onlyRules: [rule] }), c.text);
        }
        if (typeof c.fixed === 'string') {
          const once = await fixAll(c.language, c.text, { workspace: c.workspace, onlyRules: [rule] });
          assert.equal(once, c.fixed);
          assert.equal(await fixAll(c.language, once, { workspace: c.workspace, onlyRules: [rule] }), once, 'fix-all twice = once');
        }
      });
    }
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

// Java -------------------------------------------------------------------------------------------

/** com.microsoft.azure.batch (legacy, fluent `withX`). */
export function javaLegacy(body: string, params = 'PoolAddParameter pool, TaskAddParameter task, String secret'): string {
  return `import com.microsoft.azure.batch.protocol.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
}

/** com.azure.compute.batch (new, bean-style `setX`). */
export function javaNew(body: string, params = 'BatchPoolCreateContent pool, BatchTaskCreateContent task, String secret'): string {
  return `import com.azure.compute.batch.models.*;\nimport java.util.*;\n\nclass PoolSetup {\n    void configure(${params}) {\n${indent(body, 8)}\n    }\n}\n`;
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
