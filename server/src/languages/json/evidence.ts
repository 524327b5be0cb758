/**
 * Evidence of Batch for JSON: what kind of document an object sits in, decided from the document's
 * own shape (ARM template, Batch CLI template, swagger example, REST body, JSON Schema) and from
 * the object's path in it (a Microsoft.Batch ARM resource, a schema map). One mechanism, used for
 * every identity fact.
 */
import type { Node } from 'jsonc-parser';
import type { TaskKind } from '../../batch/model';
import { JSON_KEYS, type JsonDialect } from '../../batch/sdks';
import type { Batchness } from '../toolkit/evidence';
import { keyOf, property, stringValue } from './syntax';

/** Whether an object is Batch's, and in which dialect it is written when it may be. */
export type DocumentEvidence =
  /** A Batch document: REST body, CLI template, swagger example, or a Microsoft.Batch ARM resource. */
  | { readonly batch: Extract<Batchness, 'yes'>; readonly dialect: JsonDialect }
  /** No document-level evidence either way; the object's own shape may still be unmistakable. */
  | { readonly batch: Extract<Batchness, 'unknown'>; readonly dialect: JsonDialect }
  /** Another service's resource, a JSON Schema, a swagger definition: never Batch. */
  | { readonly batch: Extract<Batchness, 'no'> };

/** Keys whose *values* the analysis reads. */
const VALUE_KEYS = [
  // identity facts
  'runElevated',
  'userIdentity',
  'autoUser',
  'scope',
  'elevationLevel',
  'loginMode',
  'username',
  'userName',
  'name',
  'password',
  'linuxUserConfiguration',
  'windowsUserConfiguration',
  'uid',
  'gid',
  'sshPrivateKey',
  // pool facts: what a pool says of its OS
  'nodeAgentSKUId',
  'nodeAgentSkuId',
  'publisher',
  // document kinds
  'type',
  '$schema',
];

/** Keys whose presence the analysis tests, or whose value it only walks into. */
const PRESENCE_KEYS = [
  // identity facts
  'userAccounts',
  // task holders
  'commandLine',
  'startTask',
  'jobManagerTask',
  'jobPreparationTask',
  'jobReleaseTask',
  'repeatTask',
  'mergeTask',
  'tasks',
  'taskFactory',
  // document kinds
  'contentVersion',
  'resources',
  'properties',
  'template',
  'pool',
  'job',
  'parameters',
  'api-version',
  'responses',
  'subscriptionId',
  'resourceGroupName',
  'value',
  'vmSize',
  'virtualMachineConfiguration',
  'cloudServiceConfiguration',
  'deploymentConfiguration',
  'imageReference',
  'windowsConfiguration',
  'poolInfo',
  'jobSpecification',
  'definitions',
  '$defs',
  'swagger',
  'openapi',
];

/** Keys whose values the analysis reads: an edit inside one of these values needs a full analysis. */
export const VALUES_READ: ReadonlySet<string> = new Set(VALUE_KEYS);

/**
 * Every key the JSON facts, the document classification and the renderer read. An edit to a key
 * or value of one of these needs a full analysis (incremental.ts); the property test comparing the
 * incremental and full analyses guards this list.
 */
export const KEYS_READ: ReadonlySet<string> = new Set([...VALUE_KEYS, ...PRESENCE_KEYS]);

type RootKind = 'arm' | 'cli-template' | 'swagger-example' | 'schema' | 'batch-body' | 'unknown';

function isTaskShaped(node: Node | undefined): boolean {
  return !!node && node.type === 'object' && property(node, 'commandLine') !== undefined;
}

function isBatchResourceType(type: string | undefined): boolean {
  return !!type && type.toLowerCase().startsWith(JSON_KEYS.armBatchTypePrefix);
}

const DEPLOYMENT_TYPE = 'microsoft.resources/deployments';

function classifyRoot(root: Node): RootKind {
  if (root.type === 'array') {
    return root.children?.some(isTaskShaped) ? 'batch-body' : 'unknown';
  }
  if (root.type !== 'object') return 'unknown';
  const schema = stringValue(property(root, '$schema')) ?? '';
  if (/json-schema\.org|\/schema#?$/i.test(schema) && !/deploymentTemplate/i.test(schema)) return 'schema';
  if (property(root, 'swagger') || property(root, 'openapi')) return 'schema';
  if (property(root, 'resources')?.type === 'array' && (/deploymentTemplate/i.test(schema) || property(root, 'contentVersion')))
    return 'arm';
  for (const key of ['pool', 'job']) {
    if (isBatchResourceType(stringValue(property(property(root, key), 'type')))) return 'cli-template';
  }
  const parameters = property(root, 'parameters');
  if (parameters?.type === 'object' && property(parameters, 'api-version') && property(root, 'responses')) return 'swagger-example';
  if (isTaskShaped(root)) return 'batch-body';
  const value = property(root, 'value');
  if (value?.type === 'array' && value.children?.some(isTaskShaped)) return 'batch-body';
  if (property(root, 'vmSize') || property(root, 'virtualMachineConfiguration') || property(root, 'cloudServiceConfiguration'))
    return 'batch-body';
  if (property(root, 'poolInfo') || property(root, 'jobSpecification') || property(root, 'taskFactory')) return 'batch-body';
  if (property(root, 'definitions') || property(root, '$defs')) return 'schema';
  return 'unknown';
}

/** Swagger examples of the management plane use ARM casing. */
function swaggerDialect(root: Node): JsonDialect {
  const parameters = property(root, 'parameters');
  return property(parameters, 'subscriptionId') || property(parameters, 'resourceGroupName') ? 'arm' : 'rest';
}

/** The chain of nodes from the root down to `node`, root first. */
function pathFromRoot(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

/** Evidence for an object: its document's kind, then the resources and schema maps on its path. */
function evidenceFor(object: Node, rootKind: RootKind, root: Node): DocumentEvidence {
  if (rootKind === 'schema') return { batch: 'no' };
  const chain = pathFromRoot(object);
  let dialect: JsonDialect = rootKind === 'swagger-example' ? swaggerDialect(root) : 'rest';
  let batch: 'yes' | 'unknown' = rootKind === 'unknown' ? 'unknown' : rootKind === 'arm' ? 'unknown' : 'yes';

  for (const node of chain) {
    // An ARM resource: an object element of a `resources` array with a `type`.
    if (rootKind === 'arm' && node.type === 'object' && node.parent?.type === 'array' && keyOf(node.parent) === 'resources') {
      const type = stringValue(property(node, 'type'))?.toLowerCase();
      if (isBatchResourceType(type)) {
        batch = 'yes';
        dialect = 'arm';
      } else if (type !== DEPLOYMENT_TYPE) {
        return { batch: 'no' };
      }
    }
    // A schema map (`properties`, `definitions`) *defines* names; it does not use them.
    if (node !== object && node.type === 'object' && (keyOf(node) === 'definitions' || keyOf(node) === '$defs')) {
      return { batch: 'no' };
    }
  }
  return { batch, dialect };
}

/** The task kind of an object holding runElevated/userIdentity, from the key that holds it. */
export function taskKindOf(object: Node): TaskKind {
  const key = keyOf(object);
  return (key && JSON_KEYS.taskHolders[key]) || 'task';
}

/** The evidence of one document's objects, the document classified once and each object once. */
export class BatchEvidence {
  private readonly rootKind: RootKind;
  private readonly cache = new Map<Node, DocumentEvidence>();

  constructor(private readonly root: Node) {
    this.rootKind = classifyRoot(root);
  }

  /** A JSON Schema (or swagger) defines names; nothing in it is a use. */
  get isSchema(): boolean {
    return this.rootKind === 'schema';
  }

  of(object: Node): DocumentEvidence {
    let evidence = this.cache.get(object);
    if (!evidence) this.cache.set(object, (evidence = evidenceFor(object, this.rootKind, this.root)));
    return evidence;
  }
}
