/**
 * run-elevated on an object that already has a user identity, whatever its value (issue 12), and
 * an object with two runElevated keys: fix-all used to write a second "userIdentity" key, which
 * silently overrode the author's. Now the identity decides (the one fix removes runElevated, in the
 * menu only), and of two runElevated keys only the last is replaced.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { analyze, applyFix, fixAll, fixesOf, identityDecides } from '../../helpers/engine';

const rule = 'run-elevated';

/** Keys that occur more than once in one object, anywhere in the document. */
function duplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  const visit = (node: Node | undefined) => {
    if (!node) return;
    if (node.type === 'object') {
      const keys = (node.children ?? []).map((p) => p.children?.[0]?.value as string);
      duplicates.push(...keys.filter((k, i) => keys.indexOf(k) !== i));
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(parseTree(text, [], { allowTrailingComma: true }));
  return duplicates;
}

const cases: { name: string; text: string; fixed: string }[] = [
  {
    name: 'an ARM expression: "userIdentity": "[variables(\'id\')]"',
    text: `{"id": "t", "commandLine": "x", "userIdentity": "[variables('id')]", "runElevated": true}`,
    fixed: `{"id": "t", "commandLine": "x", "userIdentity": "[variables('id')]" }`,
  },
  {
    name: 'null: "userIdentity": null',
    text: '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": null,\n  "runElevated": true\n}\n',
    fixed: '{\n  "id": "t",\n  "commandLine": "x",\n  "userIdentity": null\n}\n',
  },
  {
    name: 'an ARM template: the identity given by a parameter',
    text:
      '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", ' +
      '"properties": {"startTask": {"commandLine": "x", "runElevated": true, "userIdentity": "[parameters(\'identity\')]"}}}]}',
    fixed:
      '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Batch/batchAccounts/pools", ' +
      '"properties": {"startTask": {"commandLine": "x", "userIdentity": "[parameters(\'identity\')]"}}}]}',
  },
];

describe('json run-elevated: the holder already has a user identity (any value)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const analysis = await analyze('json', c.text);
      analysis.release();
      const findings = analysis.findings.filter((f) => f.rule === rule);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /beside a user identity: check the identity, then remove it/);
      assert.deepEqual(await fixesOf('json', c.text, rule), identityDecides('"runElevated"'));
      assert.equal(await applyFix('json', c.text, rule), c.fixed);
      assert.equal(await fixAll('json', c.text), c.text, 'fix-all never removes it, nor writes a second "userIdentity"');
    });
  }
});

describe('json run-elevated: two runElevated keys in one object', () => {
  const twice = '{"id": "t", "commandLine": "x", "runElevated": true, "runElevated": false}';

  it('the first says the later one replaces it, with a removal in the menu only; the last gets the replacement', async () => {
    const analysis = await analyze('json', twice);
    analysis.release();
    const [first, last] = analysis.findings.filter((f) => f.rule === rule);
    assert.match(first.message, /is set again later in this object; many JSON readers keep only the last/);
    assert.deepEqual(
      first.related?.map((r) => twice.slice(r.span.start, r.span.end)),
      ['"runElevated"'],
    );
    assert.equal(first.related?.[0].span.start, twice.lastIndexOf('"runElevated"'));
    assert.deepEqual(await fixesOf('json', twice, rule, 0), [
      ['Remove this "runElevated" (a later one in the same object replaces it)', false, false],
    ]);
    assert.equal(await applyFix('json', twice, rule), '{"id": "t", "commandLine": "x", "runElevated": false}');
    assert.match(last.message, /"runElevated": false → auto-user "elevationLevel": "nonadmin"/);
  });

  it('fix-all writes one "userIdentity", from the last; the first stays, now beside the identity', async () => {
    const once = await fixAll('json', twice);
    assert.equal(
      once,
      '{"id": "t", "commandLine": "x", "runElevated": true, "userIdentity": {"autoUser": {"elevationLevel": "nonadmin"}}}',
    );
    assert.deepEqual(duplicateKeys(once), []);
    assert.equal(await fixAll('json', once), once);
  });

  it('the same value twice: fix-all ends with the identity alone', async () => {
    const same = '{\n  "commandLine": "x",\n  "runElevated": true,\n  "runElevated": true\n}\n';
    const once = await fixAll('json', same);
    assert.equal(
      once,
      '{\n  "commandLine": "x",\n  "userIdentity": {\n    "autoUser": {\n      "elevationLevel": "admin"\n    }\n  }\n}\n',
    );
    assert.deepEqual(duplicateKeys(once), []);
    assert.equal(await fixAll('json', once), once);
  });
});
