/**
 * What the rule pages, hovers and messages say the Python SDKs do, executed against the real SDKs
 * of Debian's python3-azure (azure-batch 13, azure-mgmt-batch 17): the pages cite this file as a
 * source. A sentence that stops being true fails here (test/unit/python/execution.test.ts covers
 * run_elevated in azure-batch's task models, keyword and attribute).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoredKeywords, PythonSdkBatch, skipWithoutPythonSdk } from '../../compile/python/sdk';

const skip = skipWithoutPythonSdk();
const sdk = new PythonSdkBatch();

const mgmtRunElevated = sdk.run({
  name: 'mgmt_run_elevated',
  source: "from azure.mgmt.batch import models\nstart = models.StartTask(command_line='echo', run_elevated=True)\n",
  // A pool holds the start task: the driver reports pools and tasks it builds.
  epilogue: "pool = models.Pool(start_task=start, vm_size='standard_d2s_v3')\n",
});
const bothSent = sdk.run({
  name: 'both_user_name_and_auto_user',
  source:
    'import azure.batch.models as batchmodels\n' +
    "task = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(user_name='', " +
    'auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))\n',
});
const uidAlone = sdk.run({
  name: 'uid_without_gid',
  source:
    'import azure.batch.models as batchmodels\n' +
    "pool = batchmodels.PoolAddParameter(id='p', vm_size='standard_d2s_v3', user_accounts=[batchmodels.UserAccount(name='mpi', password='p', " +
    'linux_user_configuration=batchmodels.LinuxUserConfiguration(uid=1001))])\n',
});
const otherCasings = sdk.run({
  name: 'other_casings',
  source:
    'import azure.batch.models as batchmodels\n' +
    'from azure.mgmt.batch import models as mgmt\n' +
    "task = batchmodels.TaskAddParameter(id='t', command_line='x', user_identity=batchmodels.UserIdentity(" +
    "auto_user=batchmodels.AutoUserSpecification(elevation_level='Admin')))\n" +
    "pool = mgmt.Pool(vm_size='standard_d2s_v3', start_task=mgmt.StartTask(command_line='x', user_identity=mgmt.UserIdentity(" +
    "auto_user=mgmt.AutoUserSpecification(elevation_level='admin'))))\n",
});
const restBodyWithRunElevated = sdk.deserialize({
  name: 'rest_body_with_run_elevated',
  sdk: 'batch',
  model: 'TaskAddParameter',
  body: { id: 't', commandLine: 'x', runElevated: true },
});

describe('what the pages say the Python SDKs do (executed)', { skip }, () => {
  it('azure-mgmt-batch never had run_elevated: it logs the warning and drops it', async () => {
    const result = await mgmtRunElevated();
    assert.equal(result.error, undefined, result.traceback);
    assert.deepEqual(ignoredKeywords(result, 'run_elevated'), ['StartTask']);
    const pool = result.models.find((m) => m.kind === 'pool');
    assert.deepEqual((pool?.body as { properties?: { startTask?: unknown } })?.properties?.startTask, { commandLine: 'echo' });
  });

  it('identity-conflict: the SDK sends an empty user name beside the auto-user', async () => {
    const result = await bothSent();
    assert.equal(result.error, undefined, result.traceback);
    assert.deepEqual(result.models[0].body?.userIdentity, { username: '', autoUser: { elevationLevel: 'admin' } });
  });

  it('linux-uid-gid: the SDK sends a uid without a gid', async () => {
    const result = await uidAlone();
    assert.equal(result.error, undefined, result.traceback);
    const accounts = result.models[0].body?.userAccounts as { linuxUserConfiguration?: unknown }[];
    assert.deepEqual(accounts[0].linuxUserConfiguration, { uid: 1001 });
  });

  it('unknown-enum-member: azure-batch sends its own casing of a value, azure-mgmt-batch what it is given', async () => {
    const result = await otherCasings();
    assert.equal(result.error, undefined, result.traceback);
    const identityOf = (type: string) => result.models.find((m) => m.type === type)?.body?.userIdentity;
    assert.deepEqual(identityOf('TaskAddParameter'), { autoUser: { elevationLevel: 'admin' } }, "'Admin' sent as 'admin'");
    assert.deepEqual(identityOf('StartTask'), { autoUser: { elevationLevel: 'admin' } }, "'admin' sent as given, not as ARM's 'Admin'");
  });

  it("run-elevated: a REST body read into azure-batch's models (Model.deserialize) loses runElevated without a word", async () => {
    const result = await restBodyWithRunElevated();
    assert.equal(result.error, undefined);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.unknownKeys, ['runElevated']);
    assert.deepEqual(result.roundTrip, { id: 't', commandLine: 'x' });
  });
});
