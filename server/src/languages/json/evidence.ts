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
import { ArmDocument, type NamesRead, type Reach } from './arm';
import { keyOf, property, stringValue } from './syntax';

/**
 * Whether an object is Batch's, and in which dialect it is written when it may be. `dialect`
 * undefined: it cannot be told from this file (an ARM value that reaches a linked template, no
 * resource or several kinds of resource; a deployment parameters file): no casing is checked.
 */
export type DocumentEvidence =
  /** A Batch document: REST body, CLI template, swagger example, or what reaches a Microsoft.Batch ARM resource. */
  | { readonly batch: Extract<Batchness, 'yes'>; readonly dialect: JsonDialect | undefined }
  /** No document-level evidence either way; the object's own shape may still be unmistakable. */
  | { readonly batch: Extract<Batchness, 'unknown'>; readonly dialect: JsonDialect | undefined }
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
  'id',
  'languageVersion',
  // Batch CLI application templates
  'templateMetadata',
  ...JSON_KEYS.applicationTemplateJobKeys,
  // ARM templates: where a value goes (arm.ts); the names expressions read are the plan's (incremental.ts)
  'defaultValue',
  'allowedValues',
  'variables',
  'copy',
  'input',
  'outputs',
  'functions',
  'expressionEvaluationOptions',
  'templateLink',
  'reference',
];

/** Keys whose values the analysis reads: an edit inside one of these values needs a full analysis. */
export const VALUES_READ: ReadonlySet<string> = new Set(VALUE_KEYS);

/**
 * Every key the JSON facts, the document classification and the renderer read. An edit to a key
 * or value of one of these needs a full analysis (incremental.ts); the property test comparing the
 * incremental and full analyses guards this list.
 */
export const KEYS_READ: ReadonlySet<string> = new Set([...VALUE_KEYS, ...PRESENCE_KEYS]);

type RootKind =
  'arm' | 'arm-parameters' | 'cli-template' | 'application-template' | 'swagger-example' | 'schema' | 'batch-body' | 'unknown';

function isTaskShaped(node: Node | undefined): boolean {
  return !!node && node.type === 'object' && property(node, 'commandLine') !== undefined;
}

/** An object with a REST pool body's own keys (`vmSize`, its configuration). */
function isPoolShaped(node: Node | undefined): boolean {
  return !!node && node.type === 'object' && JSON_KEYS.poolBodyKeys.some((key) => property(node, key) !== undefined);
}

function isBatchResourceType(type: string | undefined): boolean {
  return !!type && type.toLowerCase().startsWith(JSON_KEYS.armBatchTypePrefix);
}

/** ARM parameter values: `{"<name>": {"value": …}}` or a Key Vault `{"reference": …}`, every member. */
function isParameterValues(node: Node | undefined): boolean {
  const members = node?.type === 'object' ? (node.children ?? []) : [];
  return members.length > 0 && members.every((p) => ['value', 'reference'].some((key) => property(p.children?.[1], key) !== undefined));
}

/**
 * A deployment parameters file: `{"$schema": "…/deploymentParameters.json#", "parameters": {…}}`,
 * the same without `$schema` but with `contentVersion`, or — in a file named `*.parameters.json`,
 * as the Azure CLI also reads them — the parameter values alone.
 */
function isParametersFile(root: Node, schema: string, fileName: string): boolean {
  if (/deploymentParameters\.json/i.test(schema)) return true;
  const parameters = property(root, 'parameters');
  if (isParameterValues(parameters) && property(root, 'resources') === undefined) {
    if (property(root, 'contentVersion') !== undefined) return true;
    if (/\.parameters\.json$/i.test(fileName)) return true;
  }
  return /\.parameters\.json$/i.test(fileName) && isParameterValues(root);
}

/** An ARM template: `resources` (an array, or an object keyed by symbolic name in languageVersion 2.0) and its schema or version. */
function isArmTemplate(root: Node, schema: string): boolean {
  const resources = property(root, 'resources');
  if (resources?.type !== 'array' && resources?.type !== 'object') return false;
  return (
    /deploymentTemplate/i.test(schema) || property(root, 'contentVersion') !== undefined || property(root, 'languageVersion') !== undefined
  );
}

/**
 * A Batch CLI application template (azure-batch-cli-extensions, doc/application-templates.md): a
 * parameterised part of a job, with `templateMetadata` and/or `parameters` beside the job
 * properties reserved for it, and never an `id`.
 */
function isApplicationTemplate(root: Node): boolean {
  if (property(root, 'id') !== undefined) return false;
  if (property(root, 'templateMetadata') !== undefined) return true;
  return (
    property(root, 'parameters')?.type === 'object' && JSON_KEYS.applicationTemplateJobKeys.some((key) => property(root, key) !== undefined)
  );
}

function classifyRoot(root: Node, fileName: string): RootKind {
  if (root.type === 'array') {
    return root.children?.some(isTaskShaped) ? 'batch-body' : 'unknown';
  }
  if (root.type !== 'object') return 'unknown';
  const schema = stringValue(property(root, '$schema')) ?? '';
  if (/json-schema\.org|\/schema#?$/i.test(schema) && !/deployment(Template|Parameters)/i.test(schema)) return 'schema';
  if (property(root, 'swagger') || property(root, 'openapi')) return 'schema';
  if (isArmTemplate(root, schema)) return 'arm';
  if (isParametersFile(root, schema, fileName)) return 'arm-parameters';
  for (const key of ['pool', 'job']) {
    if (isBatchResourceType(stringValue(property(property(root, key), 'type')))) return 'cli-template';
  }
  const parameters = property(root, 'parameters');
  if (parameters?.type === 'object' && property(parameters, 'api-version') && property(root, 'responses')) return 'swagger-example';
  if (isApplicationTemplate(root)) return 'application-template';
  if (isTaskShaped(root)) return 'batch-body';
  const value = property(root, 'value');
  // A list of tasks or of pools (the REST list responses' `value`): a pool body by its own keys, as at the root.
  if (value?.type === 'array' && value.children?.some((item) => isTaskShaped(item) || isPoolShaped(item))) return 'batch-body';
  if (JSON_KEYS.poolBodyKeys.some((key) => property(root, key))) return 'batch-body';
  if (property(root, 'poolInfo') || property(root, 'jobSpecification') || property(root, 'taskFactory')) return 'batch-body';
  if (property(root, 'definitions') || property(root, '$defs')) return 'schema';
  return 'unknown';
}

/** Swagger examples of the management plane use ARM casing. */
function swaggerDialect(root: Node): JsonDialect {
  const parameters = property(root, 'parameters');
  return property(parameters, 'subscriptionId') || property(parameters, 'resourceGroupName') ? 'arm' : 'rest';
}

/** What an ARM value reaches, as evidence: only a value that reaches Batch resources alone is certainly in ARM casing. */
function armEvidence(reach: Reach): DocumentEvidence {
  if (reach.batch) return { batch: 'yes', dialect: reach.other || reach.unknown ? undefined : 'arm' };
  if (reach.unknown) return { batch: 'unknown', dialect: undefined };
  return { batch: 'no' };
}

/** Evidence for an object outside ARM templates: its document's kind, then the schema maps on its path. */
function evidenceFor(object: Node, rootKind: RootKind, root: Node): DocumentEvidence {
  if (rootKind === 'schema') return { batch: 'no' };
  // A schema map (`definitions`, `$defs`) *defines* names; it does not use them.
  for (let node = object.parent; node; node = node.parent) {
    if (node.type === 'object' && (keyOf(node) === 'definitions' || keyOf(node) === '$defs')) return { batch: 'no' };
  }
  switch (rootKind) {
    case 'unknown':
      // No evidence of the document: a data-plane body is the likely reading, not a certain one.
      return { batch: 'unknown', dialect: 'rest' };
    case 'swagger-example':
      return { batch: 'yes', dialect: swaggerDialect(root) };
    default:
      return { batch: 'yes', dialect: 'rest' };
  }
}

/** The task kind of an object holding runElevated/userIdentity, from the key that holds it. */
export function taskKindOf(object: Node): TaskKind {
  const key = keyOf(object);
  return (key && JSON_KEYS.taskHolders[key]) || 'task';
}

/** The evidence of one document's objects, the document classified once and each object once. */
export class BatchEvidence {
  private readonly rootKind: RootKind;
  private readonly arm: ArmDocument | undefined;
  private readonly cache = new Map<Node, DocumentEvidence>();

  /** `fileName`: the document's file name (a deployment parameters file may be told by it alone). */
  constructor(
    private readonly root: Node,
    fileName = '',
  ) {
    this.rootKind = classifyRoot(root, fileName);
    this.arm = this.rootKind === 'arm' ? new ArmDocument(root, isBatchResourceType) : undefined;
  }

  /** A JSON Schema (or swagger) defines names; nothing in it is a use. */
  get isSchema(): boolean {
    return this.rootKind === 'schema';
  }

  /** An ARM template (Bicep output included). */
  get isArmTemplate(): boolean {
    return this.rootKind === 'arm';
  }

  /** A swagger example of a Batch operation: its values are placeholders by design. */
  get isSampleDocument(): boolean {
    return this.rootKind === 'swagger-example';
  }

  /** The names the document's ARM expressions read (an edit to one needs a new analysis). */
  get namesRead(): NamesRead {
    return this.arm?.names ?? { names: new Set(), anyName: false };
  }

  of(object: Node): DocumentEvidence {
    let evidence = this.cache.get(object);
    if (!evidence) {
      evidence =
        this.rootKind === 'arm'
          ? armEvidence(this.arm!.reachOf(object))
          : this.rootKind === 'arm-parameters'
            ? // Values for a template this file does not hold: what it does with them cannot be told here.
              { batch: 'unknown', dialect: undefined }
            : evidenceFor(object, this.rootKind, this.root);
      this.cache.set(object, evidence);
    }
    return evidence;
  }
}
