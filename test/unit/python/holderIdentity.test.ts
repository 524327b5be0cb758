/**
 * run-elevated on an object that already has a user identity, whatever its value (issue 12): the
 * message says the identity is what the service uses (it used to advise a replacement for `None`);
 * the one fix removes runElevated, offered in the menu and never applied by fix-all; no second
 * identity is ever written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFix, fixAll, fixesOf, identityDecides } from '../../helpers/engine';

const rule = 'run-elevated';
const BM = 'import azure.batch.models as batchmodels\n\n\ndef make(identity):\n';

const cases: { name: string; text: string; fixed: string }[] = [
  {
    name: 'a parameter: user_identity=identity',
    text: `${BM}    return batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=identity, run_elevated=True)\n`,
    fixed: `${BM}    return batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=identity)\n`,
  },
  {
    name: 'None: user_identity=None',
    text: `${BM}    return batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=None, run_elevated=True)\n`,
    fixed: `${BM}    return batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=None)\n`,
  },
  {
    name: 'None assigned to the attribute',
    text: `${BM}    task = batchmodels.TaskAddParameter(id='t', command_line='x')\n    task.user_identity = None\n    task.run_elevated = True\n    return task\n`,
    fixed: `${BM}    task = batchmodels.TaskAddParameter(id='t', command_line='x')\n    task.user_identity = None\n    return task\n`,
  },
];

describe('python run-elevated: the holder already has a user identity (any value)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const analysis = await analyze('python', c.text);
      analysis.release();
      const findings = analysis.findings.filter((f) => f.rule === rule);
      assert.equal(findings.length, 1);
      assert.match(findings[0].message, /beside a user identity: check the identity, then remove it/);
      assert.deepEqual(await fixesOf('python', c.text, rule), identityDecides('run_elevated'));
      assert.equal(await applyFix('python', c.text, rule), c.fixed);
      assert.equal(await fixAll('python', c.text), c.text, 'fix-all never removes it, nor writes a second identity');
    });
  }
});
