/**
 * run-elevated on an object that already has a user identity, whatever its value (issue 12): the
 * message says the identity is what the service uses (Java used to advise a replacement it then
 * refused to write); the one fix removes runElevated, offered in the menu and never applied by
 * fix-all; no second identity is ever written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, identityDecides } from '../../helpers/engine';

const rule = 'run-elevated';

function inMethod(body: string, imports = 'import com.microsoft.azure.batch.protocol.models.*;\n'): string {
  return `${imports}\nclass Tasks {\n    void configure(TaskAddParameter task, UserIdentity id) {\n${body}    }\n}\n`;
}

const cases: { name: string; text: string; fixed: string }[] = [
  {
    name: 'a variable in the same chain',
    text: inMethod('        task.withUserIdentity(id).withRunElevated(true);\n'),
    fixed: inMethod('        task.withUserIdentity(id);\n'),
  },
  {
    name: 'null, in another statement',
    text: inMethod('        task.withUserIdentity(null);\n        task.withRunElevated(true);\n'),
    fixed: inMethod('        task.withUserIdentity(null);\n'),
  },
  {
    name: 'an expression, com.azure.compute.batch setters',
    text: `import com.azure.compute.batch.models.*;\n\nclass Tasks {\n    void configure(BatchTaskCreateContent task, Identities ids) {\n        task.setUserIdentity(ids.admin());\n        task.setRunElevated(false);\n    }\n}\n`,
    fixed: `import com.azure.compute.batch.models.*;\n\nclass Tasks {\n    void configure(BatchTaskCreateContent task, Identities ids) {\n        task.setUserIdentity(ids.admin());\n    }\n}\n`,
  },
];

describe('java run-elevated: the holder already has a user identity (any value)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const analysis = await analyze('java', c.text);
      analysis.release();
      const findings = analysis.findings.filter((f) => f.rule === rule);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /beside a user identity: check the identity, then remove it/);
      assert.deepEqual(await fixesOf('java', c.text, rule), identityDecides('withRunElevated'));
      assert.equal(await applyFix('java', c.text, rule), c.fixed);
      assert.equal(await fixAll('java', c.text), c.text, 'fix-all never removes it, nor writes a second identity');
    });
  }
});
