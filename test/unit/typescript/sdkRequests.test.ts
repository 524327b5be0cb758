/**
 * What the JavaScript SDKs really send, from their own serializers (the installed devDependencies
 * azure-batch 9.0.0 and @azure/batch 10.2.0): the model's claims that both drop `runElevated`
 * without a word, that a named user's `userName` goes out as `username`, and that the fix's
 * identity reaches the request body.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { RUN_ELEVATED_IN } from '../../../server/src/batch/model';

const require = createRequire(import.meta.url);

interface Serialize {
  (body: object): unknown;
}

/** The body as it goes on the wire (ms-rest keeps absent properties as undefined keys). */
const wire = (serialized: unknown): unknown => JSON.parse(JSON.stringify(serialized));

/** @azure/batch 10.2.0: its mappers through ms-rest-js, as its operations serialize a task. */
function azureBatch10(): Serialize {
  const batch = require('@azure/batch/dist/batch.js');
  const { Serializer } = require('@azure/ms-rest-js');
  const serializer = new Serializer(batch.BatchServiceMappers);
  return (body) => wire(serializer.serialize(batch.BatchServiceMappers.TaskAddParameter, body, 'task'));
}

/** azure-batch 9.0.0: its model's mapper through its service client (ms-rest). */
function azureBatch9(): Serialize {
  const sdk = require('azure-batch-v9');
  const models = require('azure-batch-v9/lib/models');
  const client = new sdk.ServiceClient(new sdk.SharedKeyCredentials('account', 'a2V5'), 'https://account.region.batch.azure.com');
  return (body) => wire(client.serialize(new models.TaskAddParameter().mapper(), body, 'task'));
}

for (const [sdk, serialize] of [
  ['@azure/batch 10.2.0', azureBatch10],
  ['azure-batch 9.0.0', azureBatch9],
] as const) {
  describe(`${sdk} sends`, () => {
    it('a task without runElevated: the property is dropped without a word', () => {
      assert.deepEqual(serialize()({ id: 't', commandLine: 'x', runElevated: true }), { id: 't', commandLine: 'x' });
    });

    it("the fix's auto-user identity as written", () => {
      const identity = { autoUser: { scope: 'task', elevationLevel: 'admin' } };
      assert.deepEqual(serialize()({ id: 't', commandLine: 'x', userIdentity: identity }), {
        id: 't',
        commandLine: 'x',
        userIdentity: identity,
      });
    });

    it("a named user's userName as username; a username property is dropped", () => {
      assert.deepEqual(serialize()({ id: 't', commandLine: 'x', userIdentity: { userName: 'ops' } }), {
        id: 't',
        commandLine: 'x',
        userIdentity: { username: 'ops' },
      });
      assert.deepEqual(serialize()({ id: 't', commandLine: 'x', userIdentity: { username: 'ops' } }), {
        id: 't',
        commandLine: 'x',
        userIdentity: {},
      });
    });
  });
}

describe("the model's sentences on the JavaScript SDKs", () => {
  it('say that both drop runElevated without a word', () => {
    const said = JSON.stringify(RUN_ELEVATED_IN);
    assert.match(said, /9\.0\.0 drops it without a word/);
    assert.match(said, /10\.2\.0 drops it without a word/);
  });
});
