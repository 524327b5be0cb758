/**
 * Inputs the property tests found, minimised, each pinned to the exact answer the fix gives. The
 * timeouts only detect hangs; they are no speed assertions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, squiggles } from '../../helpers/engine';

const HANG = { timeout: 20_000 };

describe('robustness regressions', () => {
  it('C#: a file that is all syntax error (its root is an ERROR node) does not loop in name resolution', HANG, async () => {
    assert.deepEqual(await squiggles('csharp', 'c.RunElevated=f n'), []);
  });

  it('C#: a MISSING identifier (empty name) does not loop in the search for its uses', HANG, async () => {
    assert.deepEqual(await squiggles('csharp', 'using Microsoft.Azure.Batch;namespace e{i=new UserIdentity;'), [
      { rule: 'identity-conflict', severity: 'error', text: 'UserIdentity' },
    ]);
  });

  it('Java: no import is added from a broken import declaration (it would land inside the class)', async () => {
    const text =
      'import com.microsoft.azure.batch.protocol.models.//StartTask;\n\npublic final class Submitter {\n    void run(JobAddParameter job) {\n' +
      '        job.withJobManagerTask(new JobManagerTask().withCommandLine("x").withRunElevated(true));\n    }\n}\n';
    assert.equal(await applyFix('java', text, 'run-elevated'), undefined);
  });

  it('Python: no name is added to a from-import with syntax errors', async () => {
    const text = "from azure.batch.models import (\n    TaskAddParameter,{\n    StartTask,\n)\n\nt = TaskAddParameter(id='t', command_line='x', run_elevated=False)\n";
    assert.equal(await applyFix('python', text, 'run-elevated'), undefined);
  });
});
