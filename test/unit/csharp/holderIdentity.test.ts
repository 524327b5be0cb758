/**
 * run-elevated on an object that already has a user identity, whatever its value (issue 12): the
 * message says the identity is what the service uses; the one fix removes runElevated, offered in
 * the menu and never applied by fix-all; no second identity is ever written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, identityDecides } from '../../helpers/engine';

const rule = 'run-elevated';

function inMethod(body: string, params = 'CloudTask task, UserIdentity id'): string {
  return `using Microsoft.Azure.Batch;\n\nclass C\n{\n    void M(${params})\n    {\n${body}    }\n}\n`;
}

const cases: { name: string; text: string; fixed: string }[] = [
  {
    name: 'a variable: task.UserIdentity = id',
    text: inMethod('        task.UserIdentity = id;\n        task.RunElevated = true;\n'),
    fixed: inMethod('        task.UserIdentity = id;\n'),
  },
  {
    name: 'null: task.UserIdentity = null',
    text: inMethod('        task.UserIdentity = null;\n        task.RunElevated = true;\n'),
    fixed: inMethod('        task.UserIdentity = null;\n'),
  },
  {
    name: 'an expression in the same initializer',
    text: inMethod('        var t = new CloudTask("t", "cmd") { UserIdentity = Pick(id), RunElevated = false };\n'),
    fixed: inMethod('        var t = new CloudTask("t", "cmd") { UserIdentity = Pick(id) };\n'),
  },
  {
    name: 'the generated models: a userIdentity: argument (null)',
    text:
      'using Microsoft.Azure.Batch.Protocol.Models;\n\nclass C\n{\n    void M()\n    {\n' +
      '        var start = new StartTask("cmd", userIdentity: null);\n        start.RunElevated = true;\n    }\n}\n',
    fixed:
      'using Microsoft.Azure.Batch.Protocol.Models;\n\nclass C\n{\n    void M()\n    {\n        var start = new StartTask("cmd", userIdentity: null);\n    }\n}\n',
  },
];

describe('csharp run-elevated: the holder already has a user identity (any value)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const analysis = await analyze('csharp', c.text);
      analysis.release();
      const findings = analysis.findings.filter((f) => f.rule === rule);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /beside a user identity: check the identity, then remove it/);
      assert.deepEqual(await fixesOf('csharp', c.text, rule), identityDecides('RunElevated'));
      assert.equal(await applyFix('csharp', c.text, rule), c.fixed);
      assert.equal(await fixAll('csharp', c.text), c.text, 'fix-all never removes it, nor writes a second identity');
    });
  }
});
