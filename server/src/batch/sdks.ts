/**
 * How each SDK generation and JSON dialect spells the Batch identity API. Part of the one model
 * (see model.ts): adapters use these tables to recognise Batch code, renderers to write it.
 * Source: ../shared/reference/batch-identity-api.md §2–§9.
 */
import type { CanonicalMember, Elevation, EnumName, TaskKind } from './model';

/** Member spellings of one enum in one SDK: canonical member → identifier as written in code. */
export type EnumSpelling = { readonly [member: string]: string };
export type EnumSpellings = { readonly [E in EnumName]: EnumSpelling };

/** Reverse look-up: the canonical member for a spelling, exact match only. */
export function canonicalMember(spellings: EnumSpellings, enumName: EnumName, written: string): CanonicalMember | undefined {
  const table = spellings[enumName];
  for (const canonical of Object.keys(table)) if (table[canonical] === written) return canonical as CanonicalMember;
  return undefined;
}

/** The spelling of a canonical member in one SDK/dialect. */
export function spell(spellings: EnumSpellings, enumName: EnumName, member: CanonicalMember): string {
  return spellings[enumName][member];
}

/** Canonical → spelling for one enum, as rules and hovers list the valid members. */
export function validSpellings(spellings: EnumSpellings, enumName: EnumName): Record<string, string> {
  return { ...spellings[enumName] };
}

// ---------------------------------------------------------------------------------------------
// C#
// ---------------------------------------------------------------------------------------------

export type CSharpSdk = 'Microsoft.Azure.Batch' | 'Microsoft.Azure.Batch.Protocol.Models' | 'Azure.Compute.Batch';

export const CSHARP = {
  /** Namespaces whose import puts Batch types in reach. */
  namespaces: {
    'Microsoft.Azure.Batch': 'Microsoft.Azure.Batch',
    'Microsoft.Azure.Batch.Common': 'Microsoft.Azure.Batch',
    'Microsoft.Azure.Batch.Protocol.Models': 'Microsoft.Azure.Batch.Protocol.Models',
    'Azure.Compute.Batch': 'Azure.Compute.Batch',
  } as Record<string, CSharpSdk>,
  /** The legacy SDK's object model: what fixes write. */
  legacy: {
    namespace: 'Microsoft.Azure.Batch',
    enumNamespace: 'Microsoft.Azure.Batch.Common',
    runElevated: 'RunElevated',
    userIdentity: 'UserIdentity',
    userAccounts: 'UserAccounts',
  },
  /** Task types (all generations) and the task kind each is. */
  taskTypes: {
    CloudTask: 'task',
    TaskAddParameter: 'task',
    BatchTaskCreateContent: 'task',
    BatchTaskCreateOptions: 'task',
    StartTask: 'startTask',
    BatchStartTask: 'startTask',
    JobManagerTask: 'jobManagerTask',
    BatchJobManagerTask: 'jobManagerTask',
    JobPreparationTask: 'jobPreparationTask',
    BatchJobPreparationTask: 'jobPreparationTask',
    JobReleaseTask: 'jobReleaseTask',
    BatchJobReleaseTask: 'jobReleaseTask',
    // Interfaces of the oldest SDK generation.
    ICloudTask: 'task',
    IStartTask: 'startTask',
    IJobManagerTask: 'jobManagerTask',
    IJobPreparationTask: 'jobPreparationTask',
    IJobReleaseTask: 'jobReleaseTask',
  } as Record<string, TaskKind>,
  poolTypes: ['CloudPool', 'PoolSpecification', 'PoolAddParameter', 'BatchPoolCreateContent', 'BatchPoolCreateOptions'],
  identityTypes: ['UserIdentity', 'AutoUserSpecification', 'UserAccount', 'LinuxUserConfiguration', 'WindowsUserConfiguration'],
  enums: {
    ElevationLevel: { nonAdmin: 'NonAdmin', admin: 'Admin' },
    AutoUserScope: { task: 'Task', pool: 'Pool' },
    LoginMode: { batch: 'Batch', interactive: 'Interactive' },
  } satisfies EnumSpellings,
} as const;

// ---------------------------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------------------------

export type JavaSdk = 'legacy' | 'new';

export const JAVA = {
  packages: {
    legacy: 'com.microsoft.azure.batch.protocol.models',
    new: 'com.azure.compute.batch.models',
  } as Record<JavaSdk, string>,
  /** Package prefixes that make a file Batch code. */
  batchPackagePrefixes: ['com.microsoft.azure.batch', 'com.azure.compute.batch', 'com.azure.resourcemanager.batch', 'com.microsoft.azure.management.batch.'],
  /** Another service with its own withRunElevated: never Batch. */
  otherServicePrefixes: ['com.microsoft.azure.management.batchai', 'com.azure.resourcemanager.batchai'],
  /** Builder-method prefix per generation (legacy fluent `withX`, new bean-style `setX`). */
  setterPrefix: { legacy: 'with', new: 'set' } as Record<JavaSdk, string>,
  runElevated: { fluent: 'withRunElevated', bean: 'setRunElevated' },
  taskTypes: {
    CloudTask: 'task',
    TaskAddParameter: 'task',
    BatchTaskCreateContent: 'task',
    BatchTaskCreateOptions: 'task',
    BatchTaskCreateParameters: 'task',
    StartTask: 'startTask',
    BatchStartTask: 'startTask',
    JobManagerTask: 'jobManagerTask',
    BatchJobManagerTask: 'jobManagerTask',
    JobPreparationTask: 'jobPreparationTask',
    BatchJobPreparationTask: 'jobPreparationTask',
    JobReleaseTask: 'jobReleaseTask',
    BatchJobReleaseTask: 'jobReleaseTask',
  } as Record<string, TaskKind>,
  poolTypes: ['CloudPool', 'PoolSpecification', 'PoolAddParameter', 'BatchPoolCreateContent', 'BatchPoolCreateOptions'],
  identityTypes: ['UserIdentity', 'AutoUserSpecification', 'UserAccount', 'LinuxUserConfiguration', 'WindowsUserConfiguration'],
  enums: {
    ElevationLevel: { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' },
    AutoUserScope: { task: 'TASK', pool: 'POOL' },
    LoginMode: { batch: 'BATCH', interactive: 'INTERACTIVE' },
  } satisfies EnumSpellings,
  /** Methods of each identity class, per generation: what misplaced-call checks against. */
  methods: {
    legacy: {
      UserIdentity: ['withUserName', 'withAutoUser'],
      AutoUserSpecification: ['withScope', 'withElevationLevel'],
      UserAccount: ['withName', 'withPassword', 'withElevationLevel', 'withLinuxUserConfiguration', 'withWindowsUserConfiguration', 'withSshPrivateKey'],
      LinuxUserConfiguration: ['withUid', 'withGid', 'withSshPrivateKey'],
      WindowsUserConfiguration: ['withLoginMode'],
    },
    new: {
      UserIdentity: ['setUsername', 'setAutoUser'],
      AutoUserSpecification: ['setScope', 'setElevationLevel'],
      UserAccount: ['setElevationLevel', 'setLinuxUserConfiguration', 'setWindowsUserConfiguration'],
      LinuxUserConfiguration: ['setUid', 'setGid', 'setSshPrivateKey'],
      WindowsUserConfiguration: ['setLoginMode'],
    },
  } as Record<JavaSdk, Record<string, string[]>>,
} as const;

// ---------------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------------

/** azure-batch ≤ 14 (msrest, lower-case enum members) or 15.x (TypeSpec, upper-case). */
export type PythonSdk = 'legacy' | 'v15';

export const PYTHON = {
  modelsModule: 'azure.batch.models',
  /** Management-plane models: ARM casing, a different (valid) enum spelling. */
  mgmtModelsModule: 'azure.mgmt.batch.models',
  runElevated: 'run_elevated',
  userIdentity: 'user_identity',
  taskTypes: {
    TaskAddParameter: 'task',
    CloudTask: 'task',
    BatchTaskCreateContent: 'task',
    BatchTaskCreateOptions: 'task',
    BatchTask: 'task',
    StartTask: 'startTask',
    BatchStartTask: 'startTask',
    JobManagerTask: 'jobManagerTask',
    BatchJobManagerTask: 'jobManagerTask',
    JobPreparationTask: 'jobPreparationTask',
    BatchJobPreparationTask: 'jobPreparationTask',
    JobReleaseTask: 'jobReleaseTask',
    BatchJobReleaseTask: 'jobReleaseTask',
  } as Record<string, TaskKind>,
  poolTypes: ['PoolAddParameter', 'PoolSpecification', 'CloudPool', 'BatchPoolCreateContent', 'BatchPoolCreateOptions', 'BatchPoolSpecification'],
  identityTypes: ['UserIdentity', 'AutoUserSpecification', 'UserAccount', 'LinuxUserConfiguration', 'WindowsUserConfiguration'],
  /** UserIdentity's named-user keyword differs per generation (G5). */
  userNameKeyword: { legacy: 'user_name', v15: 'username' } as Record<PythonSdk, string>,
  enums: {
    legacy: {
      ElevationLevel: { nonAdmin: 'non_admin', admin: 'admin' },
      AutoUserScope: { task: 'task', pool: 'pool' },
      LoginMode: { batch: 'batch', interactive: 'interactive' },
    },
    v15: {
      ElevationLevel: { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' },
      AutoUserScope: { task: 'TASK', pool: 'POOL' },
      LoginMode: { batch: 'BATCH', interactive: 'INTERACTIVE' },
    },
  } satisfies Record<PythonSdk, EnumSpellings>,
} as const;

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** REST bodies and Batch CLI templates use the data-plane dialect; ARM templates their own. */
export type JsonDialect = 'rest' | 'arm';

export const JSON_DIALECTS = {
  rest: {
    userNameKey: 'username',
    enums: {
      ElevationLevel: { nonAdmin: 'nonadmin', admin: 'admin' },
      AutoUserScope: { task: 'task', pool: 'pool' },
      LoginMode: { batch: 'batch', interactive: 'interactive' },
    },
  },
  arm: {
    userNameKey: 'userName',
    enums: {
      ElevationLevel: { nonAdmin: 'NonAdmin', admin: 'Admin' },
      AutoUserScope: { task: 'Task', pool: 'Pool' },
      LoginMode: { batch: 'Batch', interactive: 'Interactive' },
    },
  },
} as const satisfies Record<JsonDialect, { userNameKey: string; enums: EnumSpellings }>;

export const JSON_KEYS = {
  runElevated: 'runElevated',
  userIdentity: 'userIdentity',
  autoUser: 'autoUser',
  scope: 'scope',
  elevationLevel: 'elevationLevel',
  userAccounts: 'userAccounts',
  /** Object keys that hold a task of a given kind. */
  taskHolders: {
    startTask: 'startTask',
    jobManagerTask: 'jobManagerTask',
    jobPreparationTask: 'jobPreparationTask',
    jobReleaseTask: 'jobReleaseTask',
    repeatTask: 'task',
    mergeTask: 'task',
  } as Record<string, TaskKind>,
  /** ARM resource types (prefix) that are Batch. */
  armBatchTypePrefix: 'microsoft.batch/',
} as const;

/** Data-plane older swaggers spelled nonAdmin with a capital A; accepted, not an error. */
export const JSON_REST_LEGACY_SPELLINGS: Partial<Record<Elevation, string>> = { nonAdmin: 'nonAdmin' };
