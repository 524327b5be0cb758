/**
 * What the rule pages say the JavaScript SDKs send, from their own serializers (the installed
 * devDependencies azure-batch 9.0.0 and @azure/batch 10.2.0, wired as
 * test/unit/typescript/sdkRequests.test.ts wires them): identity-conflict and linux-uid-gid cite
 * this file. A sentence that stops being true fails here.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

const require = createRequire(import.meta.url);

type Serialize = (mapper: string, body: object) => unknown;

/** The body as it goes on the wire (ms-rest keeps absent properties as undefined keys). */
const wire = (serialized: unknown): unknown => JSON.parse(JSON.stringify(serialized));

/** @azure/batch 10.2.0: its mappers through ms-rest-js, as its operations serialize a body. */
function azureBatch10(): Serialize {
  const batch = require('@azure/batch/dist/batch.js');
  const { Serializer } = require('@azure/ms-rest-js');
  const serializer = new Serializer(batch.BatchServiceMappers);
  return (mapper, body) => wire(serializer.serialize(batch.BatchServiceMappers[mapper], body, 'body'));
}

/** azure-batch 9.0.0: its model's mapper through its service client (ms-rest). */
function azureBatch9(): Serialize {
  const sdk = require('azure-batch-v9');
  const models = require('azure-batch-v9/lib/models');
  const client = new sdk.ServiceClient(new sdk.SharedKeyCredentials('account', 'a2V5'), 'https://account.region.batch.azure.com');
  return (mapper, body) => wire(client.serialize(new models[mapper]().mapper(), body, 'body'));
}

for (const [sdk, serializer] of [
  ['@azure/batch 10.2.0', azureBatch10],
  ['azure-batch 9.0.0', azureBatch9],
] as const) {
  describe(`what the pages say ${sdk} sends (executed)`, () => {
    it('identity-conflict: an empty user name beside the auto-user, both sent', () => {
      const userIdentity = { userName: '', autoUser: { elevationLevel: 'admin' } };
      assert.deepEqual(serializer()('TaskAddParameter', { id: 't', commandLine: 'x', userIdentity }), {
        id: 't',
        commandLine: 'x',
        userIdentity: { username: '', autoUser: { elevationLevel: 'admin' } },
      });
    });

    it('linux-uid-gid: a uid without a gid, as written', () => {
      const account = { name: 'mpi', password: 'p', linuxUserConfiguration: { uid: 1001 } };
      assert.deepEqual(serializer()('PoolAddParameter', { id: 'p', vmSize: 'standard_d2s_v3', userAccounts: [account] }), {
        id: 'p',
        vmSize: 'standard_d2s_v3',
        userAccounts: [account],
      });
    });
  });
}
