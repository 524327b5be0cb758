/**
 * How each SDK generation and JSON dialect spells the Batch identity API. Part of the one model
 * (see model.ts): adapters use these tables to recognise Batch code, renderers to write it.
 * Source: ../shared/reference/batch-identity-api.md §2–§9.
 */
import type { CodeLanguageId } from '../../../common/languages';
import type { CanonicalMember, Elevation, EnumName, SdkGeneration, TaskKind } from './model';

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

export type CSharpSdk =
  | 'Microsoft.Azure.Batch'
  | 'Microsoft.Azure.Batch.Protocol.Models'
  | 'Azure.Compute.Batch'
  | 'Microsoft.Azure.Management.Batch'
  | 'Azure.ResourceManager.Batch';

/** The neutral fields of the identity models, whatever each SDK calls them. */
export type CSharpField =
  | 'userName'
  | 'autoUser'
  | 'scope'
  | 'elevation'
  | 'name'
  | 'password'
  | 'linux'
  | 'windows'
  | 'uid'
  | 'gid'
  | 'sshPrivateKey'
  | 'loginMode';

/** How one model is written: property names, constructor parameter names, positional order. */
export interface CSharpModelShape<F extends string = CSharpField> {
  readonly properties: Readonly<Record<string, F>>;
  readonly parameters: Readonly<Record<string, F>>;
  readonly positional: readonly F[];
  /**
   * Properties that set a field of a nested model the SDK creates behind them: Azure.ResourceManager.Batch
   * flattens `windowsUserConfiguration.loginMode` into `BatchUserAccount.WindowsUserLoginMode`.
   */
  readonly flattened?: Readonly<Record<string, readonly [nested: F, field: F]>>;
  /** Arguments whose model tells what they are, wherever they stand (`new PoolAddParameter(id, size, vmConfiguration)`). */
  readonly typedArguments?: Readonly<Record<string, F>>;
}

/** What a pool's configuration models hold: its user accounts and what tells its nodes' OS (os-mismatch). */
export type CSharpPoolField =
  | 'userAccounts'
  | 'startTask'
  | 'id'
  | 'deployment'
  | 'vm'
  | 'cloudService'
  | 'image'
  | 'nodeAgentSkuId'
  | 'windowsConfiguration'
  | 'enableAutomaticUpdates'
  | 'publisher'
  | 'offer'
  | 'sku';

/** What a job's pool information holds: the pool it names or its auto-pool, and the job's own tasks (by kind). */
export type CSharpJobField = 'poolInfo' | 'poolId' | 'autoPool' | 'pool' | Exclude<TaskKind, 'task' | 'startTask'>;

export const CSHARP = {
  /** Namespaces whose import puts Batch types in reach. */
  namespaces: {
    'Microsoft.Azure.Batch': 'Microsoft.Azure.Batch',
    'Microsoft.Azure.Batch.Common': 'Microsoft.Azure.Batch',
    'Microsoft.Azure.Batch.Protocol.Models': 'Microsoft.Azure.Batch.Protocol.Models',
    'Azure.Compute.Batch': 'Azure.Compute.Batch',
    'Microsoft.Azure.Management.Batch': 'Microsoft.Azure.Management.Batch',
    'Microsoft.Azure.Management.Batch.Models': 'Microsoft.Azure.Management.Batch',
    'Azure.ResourceManager.Batch': 'Azure.ResourceManager.Batch',
    'Azure.ResourceManager.Batch.Models': 'Azure.ResourceManager.Batch',
  } as Record<string, CSharpSdk>,
  /** Sub-namespaces of the legacy SDK (Conventions.Files, FileStaging, Samples) put it in reach too. */
  namespacePrefix: 'Microsoft.Azure.Batch.',
  /**
   * Where each generation keeps its identity types and enums, and how they are built: the legacy
   * SDK's identity types are immutable (constructors, G14); the generated models have setters.
   */
  generations: {
    'Microsoft.Azure.Batch': { types: 'Microsoft.Azure.Batch', enums: 'Microsoft.Azure.Batch.Common', construction: 'constructor' },
    'Microsoft.Azure.Batch.Protocol.Models': {
      types: 'Microsoft.Azure.Batch.Protocol.Models',
      enums: 'Microsoft.Azure.Batch.Protocol.Models',
      construction: 'initializer',
    },
    'Azure.Compute.Batch': { types: 'Azure.Compute.Batch', enums: 'Azure.Compute.Batch', construction: 'initializer' },
    'Microsoft.Azure.Management.Batch': {
      types: 'Microsoft.Azure.Management.Batch.Models',
      enums: 'Microsoft.Azure.Management.Batch.Models',
      construction: 'initializer',
    },
    'Azure.ResourceManager.Batch': {
      types: 'Azure.ResourceManager.Batch.Models',
      enums: 'Azure.ResourceManager.Batch.Models',
      construction: 'initializer',
    },
  } as Record<CSharpSdk, { readonly types: string; readonly enums: string; readonly construction: 'constructor' | 'initializer' }>,
  /**
   * The management-plane (ARM) SDKs: pools and their start tasks, no jobs or tasks, and never a
   * runElevated — pools became ARM resources with REST api-version 2017-09-01, whose StartTask has
   * no such property, after service version 2017-01-01.4.0 had removed it (BatchManagement.json
   * 2017-09-01 and later; /work/notes/management-sdks.md §0).
   */
  managementSdks: ['Microsoft.Azure.Management.Batch', 'Azure.ResourceManager.Batch'] as readonly CSharpSdk[],
  /**
   * Types only one generation has, under the name it gives them, and the model each one is.
   * Azure.ResourceManager.Batch prefixed `Batch` to its model names (CHANGELOG 1.0.0-beta.2) and
   * calls the pool `BatchAccountPoolData`, its start task `BatchAccountPoolStartTask`, the virtual
   * machine configuration `BatchVmConfiguration` (api/Azure.ResourceManager.Batch.netstandard2.0.cs);
   * the legacy management models have `Pool` and `DeploymentConfiguration` (src/Generated/Models).
   * Such a name is Batch's only where its own generation is in reach.
   */
  ownTypes: {
    'Azure.ResourceManager.Batch': {
      BatchAccountPoolData: 'Pool',
      BatchAccountPoolStartTask: 'StartTask',
      BatchUserIdentity: 'UserIdentity',
      BatchAutoUserSpecification: 'AutoUserSpecification',
      BatchUserAccount: 'UserAccount',
      BatchLinuxUserConfiguration: 'LinuxUserConfiguration',
      BatchDeploymentConfiguration: 'DeploymentConfiguration',
      BatchVmConfiguration: 'VirtualMachineConfiguration',
      BatchImageReference: 'ImageReference',
      BatchCloudServiceConfiguration: 'CloudServiceConfiguration',
      BatchUserAccountElevationLevel: 'ElevationLevel',
      BatchAutoUserScope: 'AutoUserScope',
      BatchWindowsLoginMode: 'LoginMode',
    },
    'Microsoft.Azure.Management.Batch': { Pool: 'Pool', DeploymentConfiguration: 'DeploymentConfiguration' },
  } as Partial<Record<CSharpSdk, Readonly<Record<string, string>>>>,
  /** The legacy enums' own namespace, as code inside `namespace Microsoft.Azure.Batch…` may write it (`Common.ElevationLevel`). */
  relativeEnumNamespace: 'Common',
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
  /** Pool models (`Pool`: the management models', see ownTypes). */
  poolTypes: ['CloudPool', 'PoolSpecification', 'PoolAddParameter', 'BatchPoolCreateContent', 'BatchPoolCreateOptions', 'Pool'],
  identityTypes: ['UserIdentity', 'AutoUserSpecification', 'UserAccount', 'LinuxUserConfiguration', 'WindowsUserConfiguration'],
  /**
   * The identity models of every generation (§5): legacy constructors `UserIdentity(userName)` /
   * `UserIdentity(autoUserSpecification)`, management `UserIdentity(userName, autoUser)`, legacy
   * `AutoUserSpecification(scope, elevationLevel)` (scope first!), `UserAccount(name, password,
   * elevationLevel, linuxUserConfiguration, windowsUserConfiguration)`; Azure.Compute.Batch `Username`.
   */
  models: {
    UserIdentity: {
      properties: { UserName: 'userName', Username: 'userName', AutoUser: 'autoUser' },
      parameters: { userName: 'userName', autoUserSpecification: 'autoUser', autoUser: 'autoUser' },
      positional: ['userName', 'autoUser'],
    },
    AutoUserSpecification: {
      properties: { Scope: 'scope', ElevationLevel: 'elevation' },
      parameters: { scope: 'scope', elevationLevel: 'elevation' },
      positional: ['scope', 'elevation'],
    },
    UserAccount: {
      properties: {
        Name: 'name',
        Password: 'password',
        ElevationLevel: 'elevation',
        LinuxUserConfiguration: 'linux',
        WindowsUserConfiguration: 'windows',
      },
      parameters: {
        name: 'name',
        password: 'password',
        elevationLevel: 'elevation',
        linuxUserConfiguration: 'linux',
        windowsUserConfiguration: 'windows',
      },
      positional: ['name', 'password', 'elevation', 'linux', 'windows'],
      // Azure.ResourceManager.Batch: `new BatchUserAccount(name, password) { WindowsUserLoginMode = … }`.
      flattened: { WindowsUserLoginMode: ['windows', 'loginMode'] },
    },
    LinuxUserConfiguration: {
      properties: { Uid: 'uid', Gid: 'gid', SshPrivateKey: 'sshPrivateKey' },
      parameters: { uid: 'uid', gid: 'gid', sshPrivateKey: 'sshPrivateKey' },
      positional: ['uid', 'gid', 'sshPrivateKey'],
    },
    WindowsUserConfiguration: {
      properties: { LoginMode: 'loginMode' },
      parameters: { loginMode: 'loginMode' },
      positional: ['loginMode'],
    },
  } satisfies Record<string, CSharpModelShape>,
  /** The model a nested field holds (`UserIdentity.AutoUser` is an AutoUserSpecification). */
  fieldTypes: { autoUser: 'AutoUserSpecification', linux: 'LinuxUserConfiguration', windows: 'WindowsUserConfiguration' } as Partial<
    Record<CSharpField, string>
  >,
  /** The model a property holds, on whichever Batch model it is (`pool.StartTask`, `StartTask = new() { UserIdentity = new() { … } }`). */
  memberTypes: {
    StartTask: 'StartTask',
    JobManagerTask: 'JobManagerTask',
    JobPreparationTask: 'JobPreparationTask',
    JobReleaseTask: 'JobReleaseTask',
    UserIdentity: 'UserIdentity',
    AutoUser: 'AutoUserSpecification',
    LinuxUserConfiguration: 'LinuxUserConfiguration',
    WindowsUserConfiguration: 'WindowsUserConfiguration',
    DeploymentConfiguration: 'DeploymentConfiguration',
    VirtualMachineConfiguration: 'VirtualMachineConfiguration',
    VmConfiguration: 'VirtualMachineConfiguration',
    CloudServiceConfiguration: 'CloudServiceConfiguration',
    ImageReference: 'ImageReference',
  } as Readonly<Record<string, string>>,
  /** The model a constructor parameter takes, on whichever Batch model it is (`new StartTask(…, userIdentity: new(…))`). */
  parameterTypes: {
    startTask: 'StartTask',
    userIdentity: 'UserIdentity',
    autoUser: 'AutoUserSpecification',
    autoUserSpecification: 'AutoUserSpecification',
    linuxUserConfiguration: 'LinuxUserConfiguration',
    windowsUserConfiguration: 'WindowsUserConfiguration',
    deploymentConfiguration: 'DeploymentConfiguration',
    virtualMachineConfiguration: 'VirtualMachineConfiguration',
    cloudServiceConfiguration: 'CloudServiceConfiguration',
    imageReference: 'ImageReference',
  } as Readonly<Record<string, string>>,
  /** Collections of models, by property or parameter name, and the model of their elements (`pool.UserAccounts.Add(new(…))`). */
  elementTypes: { UserAccounts: 'UserAccount', userAccounts: 'UserAccount' } as Readonly<Record<string, string>>,
  /**
   * Pool models and the configuration models below them, as every generation writes them: what
   * os-mismatch reads a pool's OS from. Sources: Microsoft.Azure.Batch `CloudPool`,
   * `VirtualMachineConfiguration(ImageReference imageReference, string nodeAgentSkuId)` (src/Generated);
   * Protocol.Models `NodeAgentSKUId`; Azure.Compute.Batch `VirtualMachineConfiguration(ImageReference
   * imageReference, string nodeAgentSkuId)`; Azure.ResourceManager.Batch `BatchAccountPoolData.DeploymentConfiguration`,
   * `BatchDeploymentConfiguration { CloudServiceConfiguration, VmConfiguration }`, `BatchVmConfiguration(BatchImageReference
   * imageReference, string nodeAgentSkuId)` with `IsAutomaticUpdateEnabled` flattened from its windowsConfiguration,
   * `BatchImageReference { Publisher, Offer, Sku }` (src/Generated/Models). Image references are read by name only:
   * their constructors' positional order differs between SDKs and versions.
   */
  poolModels: {
    Pool: {
      properties: {
        UserAccounts: 'userAccounts',
        StartTask: 'startTask',
        Id: 'id',
        DeploymentConfiguration: 'deployment',
        VirtualMachineConfiguration: 'vm',
        CloudServiceConfiguration: 'cloudService',
      },
      parameters: {
        userAccounts: 'userAccounts',
        startTask: 'startTask',
        id: 'id',
        poolId: 'id',
        deploymentConfiguration: 'deployment',
        virtualMachineConfiguration: 'vm',
        cloudServiceConfiguration: 'cloudService',
      },
      positional: [],
      typedArguments: {
        DeploymentConfiguration: 'deployment',
        VirtualMachineConfiguration: 'vm',
        CloudServiceConfiguration: 'cloudService',
      },
    },
    DeploymentConfiguration: {
      properties: { VirtualMachineConfiguration: 'vm', VmConfiguration: 'vm', CloudServiceConfiguration: 'cloudService' },
      parameters: { virtualMachineConfiguration: 'vm', cloudServiceConfiguration: 'cloudService' },
      positional: [],
      typedArguments: { VirtualMachineConfiguration: 'vm', CloudServiceConfiguration: 'cloudService' },
    },
    VirtualMachineConfiguration: {
      properties: {
        ImageReference: 'image',
        NodeAgentSkuId: 'nodeAgentSkuId',
        NodeAgentSKUId: 'nodeAgentSkuId',
        WindowsConfiguration: 'windowsConfiguration',
      },
      parameters: {
        imageReference: 'image',
        nodeAgentSkuId: 'nodeAgentSkuId',
        nodeAgentSKUId: 'nodeAgentSkuId',
        windowsConfiguration: 'windowsConfiguration',
      },
      positional: ['image', 'nodeAgentSkuId'],
      // The generated models' constructors take it after the two above (Microsoft.Azure.Management.Batch, Protocol.Models).
      typedArguments: { WindowsConfiguration: 'windowsConfiguration' },
      // Azure.ResourceManager.Batch: setting it creates the VM configuration's windowsConfiguration.
      flattened: { IsAutomaticUpdateEnabled: ['windowsConfiguration', 'enableAutomaticUpdates'] },
    },
    ImageReference: {
      properties: { Publisher: 'publisher', Offer: 'offer', Sku: 'sku' },
      parameters: { publisher: 'publisher', offer: 'offer', sku: 'sku' },
      positional: [],
    },
  } satisfies Record<string, CSharpModelShape<CSharpPoolField>>,
  /**
   * Where a job says which pool its tasks run on (`Holder.pool`): its pool information — the legacy
   * `CloudJob.PoolInformation` (and `JobOperations.CreateJob(jobId, poolInformation)`), Protocol.Models
   * `JobAddParameter.PoolInfo`, Azure.Compute.Batch `BatchJobCreateContent(id, poolInfo)` — whose
   * `PoolId` names a pool, or whose `AutoPoolSpecification` holds the auto-pool (`PoolSpecification` in
   * the legacy SDK, `Pool` in the generated models); the job's own tasks beside it (reference §2, Add job).
   */
  jobModels: {
    Job: {
      properties: {
        PoolInformation: 'poolInfo',
        PoolInfo: 'poolInfo',
        JobManagerTask: 'jobManagerTask',
        JobPreparationTask: 'jobPreparationTask',
        JobReleaseTask: 'jobReleaseTask',
      },
      parameters: {
        poolInformation: 'poolInfo',
        poolInfo: 'poolInfo',
        jobManagerTask: 'jobManagerTask',
        jobPreparationTask: 'jobPreparationTask',
        jobReleaseTask: 'jobReleaseTask',
      },
      positional: [],
      typedArguments: { PoolInformation: 'poolInfo', BatchPoolInfo: 'poolInfo' },
    },
    PoolInformation: {
      properties: { PoolId: 'poolId', AutoPoolSpecification: 'autoPool' },
      parameters: { poolId: 'poolId', autoPoolSpecification: 'autoPool' },
      positional: [],
    },
    AutoPoolSpecification: {
      properties: { PoolSpecification: 'pool', Pool: 'pool' },
      parameters: { poolSpecification: 'pool', pool: 'pool' },
      positional: [],
    },
  } satisfies Record<string, CSharpModelShape<CSharpJobField>>,
  /** The types of a job's pool information, as the generations name them (Azure.Compute.Batch: `BatchPoolInfo`, `BatchAutoPoolSpecification`). */
  poolInfoTypes: ['PoolInformation', 'BatchPoolInfo', 'AutoPoolSpecification', 'BatchAutoPoolSpecification'],
  /** The model of a pool configuration field that holds one. */
  poolFieldTypes: {
    deployment: 'DeploymentConfiguration',
    vm: 'VirtualMachineConfiguration',
    image: 'ImageReference',
    cloudService: 'CloudServiceConfiguration',
    windowsConfiguration: 'WindowsConfiguration',
  } as Partial<Record<CSharpPoolField, string>>,
  /**
   * Microsoft.Azure.Batch creates unbound pools with `batchClient.PoolOperations.CreatePool(poolId,
   * virtualMachineSize, cloudServiceConfiguration | virtualMachineConfiguration, …)` (PoolOperations.cs).
   */
  createPool: { receiver: 'PoolOperations', method: 'CreatePool' },
  /**
   * The data-plane pools whose constructor takes the pool's id first: Protocol.Models
   * `PoolAddParameter(string id, string vmSize, …)`, Azure.Compute.Batch `BatchPoolCreateContent(string id,
   * string vmSize)`, as `CreatePool(poolId, …)` does. The management models' `Id` is the ARM resource
   * id, not the pool's name: no pool id is read from them.
   */
  poolIdFirst: ['PoolAddParameter', 'BatchPoolCreateContent'],
  /** …and unbound jobs with `batchClient.JobOperations.CreateJob(jobId, poolInformation)` (JobOperations.cs). */
  createJob: { receiver: 'JobOperations', method: 'CreateJob' },
  /** Task models' constructor parameter that takes the identity (protocol and management models). */
  userIdentityParameter: 'userIdentity',
  /** What the fixes write, per construction style. */
  write: {
    userIdentityType: 'UserIdentity',
    autoUserType: 'AutoUserSpecification',
    autoUserProperty: 'AutoUser',
    scopeProperty: 'Scope',
    elevationProperty: 'ElevationLevel',
    scopeParameter: 'scope',
    elevationParameter: 'elevationLevel',
  },
  enums: {
    ElevationLevel: { nonAdmin: 'NonAdmin', admin: 'Admin' },
    AutoUserScope: { task: 'Task', pool: 'Pool' },
    LoginMode: { batch: 'Batch', interactive: 'Interactive' },
  } satisfies EnumSpellings,
} as const;

/** The generation that alone has a type of this name (`BatchUserIdentity`, the management `Pool`), if one does. */
export function csharpOwnerOf(typeName: string): CSharpSdk | undefined {
  for (const [sdk, types] of Object.entries(CSHARP.ownTypes)) if (types && typeName in types) return sdk as CSharpSdk;
  return undefined;
}

/**
 * Whether a C# generation has a type of this name: not one another generation alone has, nor a
 * model's name the generation replaced with its own (Azure.ResourceManager.Batch has no `UserIdentity`).
 */
export function csharpHasType(sdk: CSharpSdk, typeName: string): boolean {
  const owner = csharpOwnerOf(typeName);
  if (owner) return owner === sdk;
  const own = CSHARP.ownTypes[sdk];
  return !own || !Object.values(own).includes(typeName);
}

/** The model a C# type is: `BatchUserIdentity` → `UserIdentity`; a name no generation renames is its own model. */
export function csharpModelOf(typeName: string): string {
  const owner = csharpOwnerOf(typeName);
  return (owner && CSHARP.ownTypes[owner]?.[typeName]) ?? typeName;
}

/** Every name the C# generations give a model: `UserIdentity` and `BatchUserIdentity`; what facts search the text for. */
export function csharpTypeNames(model: string): string[] {
  const renamed = Object.values(CSHARP.ownTypes).flatMap((types) =>
    Object.entries(types ?? {})
      .filter(([name, of]) => of === model && name !== model)
      .map(([name]) => name),
  );
  return [model, ...renamed];
}

// ---------------------------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------------------------

/**
 * The Java SDK generations: data plane `com.microsoft.azure.batch` (legacy, fluent `withX`) and
 * `com.azure.compute.batch` (new, bean-style `setX`); management plane `com.azure.resourcemanager.batch`
 * (mgmt) and `com.microsoft.azure.management.batch` (mgmtLegacy), both fluent `withX`. Management
 * sources: Azure/azure-sdk-for-java `sdk/batch/azure-resourcemanager-batch/src/main/java/com/azure/resourcemanager/batch/models/`
 * UserIdentity.java @0ff8f80 (`withUsername`), AutoUserSpecification.java @105eb12, UserAccount.java
 * @02e5720, ElevationLevel.java @1440d0e, AutoUserScope.java @51187b6, LoginMode.java @2362041,
 * LinuxUserConfiguration.java @0f0b1b0, WindowsUserConfiguration.java @40c2bfb, StartTask.java
 * @314f178, Pool.java @42896f3; Azure/azure-libraries-for-java `azure-mgmt-batch/src/main/java/com/microsoft/azure/management/batch/`
 * UserIdentity.java @0dc12f5 (`withUserName`), AutoUserSpecification.java @0dc12f5, UserAccount.java
 * @69481c4, ElevationLevel.java and AutoUserScope.java @301996b, LinuxUserConfiguration.java @0dc12f5,
 * WindowsUserConfiguration.java @301996b, LoginMode.java @69481c4, Pool.java @197f236.
 */
export type JavaSdk = 'legacy' | 'new' | 'mgmt' | 'mgmtLegacy';

/** The neutral properties of the Java identity models and of the task/pool models that hold them. */
export type JavaProperty =
  | 'userIdentity'
  | 'userAccounts'
  | 'commandLine'
  | 'userName'
  | 'autoUser'
  | 'scope'
  | 'elevationLevel'
  | 'name'
  | 'password'
  | 'linuxUserConfiguration'
  | 'windowsUserConfiguration'
  | 'uid'
  | 'gid'
  | 'sshPrivateKey'
  | 'loginMode';

/** What a pool's configuration says of its nodes' OS, as the Java models spell it (os-mismatch reads the values). */
export type JavaPoolProperty =
  | 'deploymentConfiguration'
  | 'cloudServiceConfiguration'
  | 'virtualMachineConfiguration'
  | 'imageReference'
  | 'nodeAgentSkuId'
  | 'publisher'
  | 'windowsConfiguration';

/** The identity models' methods of the two management SDKs: fluent, the same but for UserIdentity's user name (§3, §4). */
function managementMethods(userNameSetter: string): Record<string, string[]> {
  return {
    UserIdentity: [userNameSetter, 'withAutoUser'],
    AutoUserSpecification: ['withScope', 'withElevationLevel'],
    // No account-level withSshPrivateKey in either: the key is on LinuxUserConfiguration.
    UserAccount: ['withName', 'withPassword', 'withElevationLevel', 'withLinuxUserConfiguration', 'withWindowsUserConfiguration'],
    LinuxUserConfiguration: ['withUid', 'withGid', 'withSshPrivateKey'],
    WindowsUserConfiguration: ['withLoginMode'],
  };
}

/** The management SDKs' builder methods per property (fluent `withX`; §3, §4). */
function managementSetters(userNameSetter: string): Partial<Record<JavaProperty, string>> {
  return {
    userIdentity: 'withUserIdentity',
    userAccounts: 'withUserAccounts',
    commandLine: 'withCommandLine',
    userName: userNameSetter,
    autoUser: 'withAutoUser',
    scope: 'withScope',
    elevationLevel: 'withElevationLevel',
    name: 'withName',
    password: 'withPassword',
    linuxUserConfiguration: 'withLinuxUserConfiguration',
    windowsUserConfiguration: 'withWindowsUserConfiguration',
    uid: 'withUid',
    gid: 'withGid',
    sshPrivateKey: 'withSshPrivateKey',
    loginMode: 'withLoginMode',
  };
}

export const JAVA = {
  /** Where each generation keeps its identity models and enums: what a fix imports. */
  packages: {
    legacy: 'com.microsoft.azure.batch.protocol.models',
    new: 'com.azure.compute.batch.models',
    mgmt: 'com.azure.resourcemanager.batch.models',
    mgmtLegacy: 'com.microsoft.azure.management.batch',
  } as Record<JavaSdk, string>,
  /** Another service with its own withRunElevated: never Batch. */
  otherServicePrefixes: ['com.microsoft.azure.management.batchai', 'com.azure.resourcemanager.batchai'],
  /** Builder-method prefix per generation (fluent `withX`, bean-style `setX`). */
  setterPrefix: { legacy: 'with', new: 'set', mgmt: 'with', mgmtLegacy: 'with' } as Record<JavaSdk, string>,
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
  /** The same members in all four generations (management: plain Java enums, §3, §4). */
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
      UserAccount: [
        'withName',
        'withPassword',
        'withElevationLevel',
        'withLinuxUserConfiguration',
        'withWindowsUserConfiguration',
        'withSshPrivateKey',
      ],
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
    // com.azure.resourcemanager.batch spells it withUsername (lower-case n), the legacy management SDK withUserName.
    mgmt: managementMethods('withUsername'),
    mgmtLegacy: managementMethods('withUserName'),
  } as Record<JavaSdk, Record<string, string[]>>,
  /** Package roots of the generations: where a type comes from decides what a fix writes; each one makes a file Batch code. */
  sdkRoots: {
    legacy: 'com.microsoft.azure.batch',
    new: 'com.azure.compute.batch',
    mgmt: 'com.azure.resourcemanager.batch',
    mgmtLegacy: 'com.microsoft.azure.management.batch',
  } as Record<JavaSdk, string>,
  /** The builder method that sets each property, per generation (§6.1 fluent `withX`, §6.2 bean-style `setX`). */
  setters: {
    legacy: {
      userIdentity: 'withUserIdentity',
      userAccounts: 'withUserAccounts',
      commandLine: 'withCommandLine',
      userName: 'withUserName',
      autoUser: 'withAutoUser',
      scope: 'withScope',
      elevationLevel: 'withElevationLevel',
      name: 'withName',
      password: 'withPassword',
      linuxUserConfiguration: 'withLinuxUserConfiguration',
      windowsUserConfiguration: 'withWindowsUserConfiguration',
      uid: 'withUid',
      gid: 'withGid',
      // On UserAccount in v1.0.0 only; on LinuxUserConfiguration from v2.0.0 (G13).
      sshPrivateKey: 'withSshPrivateKey',
      loginMode: 'withLoginMode',
    },
    new: {
      userIdentity: 'setUserIdentity',
      userAccounts: 'setUserAccounts',
      commandLine: 'setCommandLine',
      userName: 'setUsername',
      autoUser: 'setAutoUser',
      scope: 'setScope',
      elevationLevel: 'setElevationLevel',
      linuxUserConfiguration: 'setLinuxUserConfiguration',
      windowsUserConfiguration: 'setWindowsUserConfiguration',
      uid: 'setUid',
      gid: 'setGid',
      sshPrivateKey: 'setSshPrivateKey',
      loginMode: 'setLoginMode',
    },
    mgmt: managementSetters('withUsername'),
    mgmtLegacy: managementSetters('withUserName'),
  } as Record<JavaSdk, Partial<Record<JavaProperty, string>>>,
  /** Constructor parameters, in order, where a generation takes them (new SDK `new UserAccount(name, password)`); the management models have no-argument constructors only. */
  constructorParameters: { new: { UserAccount: ['name', 'password'] } } as Partial<
    Record<JavaSdk, Record<string, readonly JavaProperty[]>>
  >,
  /** The identity classes by role: what fixes construct and facts recognise. */
  classes: {
    userIdentity: 'UserIdentity',
    autoUser: 'AutoUserSpecification',
    userAccount: 'UserAccount',
    linux: 'LinuxUserConfiguration',
    windows: 'WindowsUserConfiguration',
  },
  /**
   * How a pool's configuration is written, every generation: the builder methods of each property
   * (`withNodeAgentSKUId` legacy data plane, `withNodeAgentSkuId` management), and the new data
   * plane's `VirtualMachineConfiguration(ImageReference imageReference, String nodeAgentSkuId)`
   * constructor. The management pools put the configurations under `withDeploymentConfiguration`.
   * Sources: azure-sdk-for-java `azure-compute-batch` VirtualMachineConfiguration.java @004a988,
   * ImageReference.java @0c712e2, BatchPoolCreateContent.java @1eec8dd, `azure-resourcemanager-batch` VirtualMachineConfiguration.java @04da234 and
   * DeploymentConfiguration.java @1572d17, azure-libraries-for-java `azure-mgmt-batch`
   * VirtualMachineConfiguration.java @308f000; the legacy data plane's README sample
   * (`new VirtualMachineConfiguration().withNodeAgentSKUId(…).withImageReference(…)`).
   */
  poolConfiguration: {
    setters: {
      deploymentConfiguration: ['withDeploymentConfiguration'],
      // com.azure.compute.batch pools have no Cloud Services configuration.
      cloudServiceConfiguration: ['withCloudServiceConfiguration'],
      virtualMachineConfiguration: ['withVirtualMachineConfiguration', 'setVirtualMachineConfiguration'],
      imageReference: ['withImageReference'],
      nodeAgentSkuId: ['withNodeAgentSKUId', 'withNodeAgentSkuId'],
      publisher: ['withPublisher', 'setPublisher'],
      windowsConfiguration: ['withWindowsConfiguration', 'setWindowsConfiguration'],
    } as Record<JavaPoolProperty, readonly string[]>,
    /** `new VirtualMachineConfiguration(imageReference, nodeAgentSkuId)` (com.azure.compute.batch). */
    constructorParameters: { VirtualMachineConfiguration: ['imageReference', 'nodeAgentSkuId'] } as Record<
      string,
      readonly JavaPoolProperty[]
    >,
  },
  /** Legacy getters that return a task held by a job or pool (`job.jobManagerTask().withUserIdentity(…)`). */
  taskGetters: {
    startTask: 'StartTask',
    jobManagerTask: 'JobManagerTask',
    jobPreparationTask: 'JobPreparationTask',
    jobReleaseTask: 'JobReleaseTask',
  } as Record<string, string>,
  /**
   * Where a task's pool is written (`Holder.pool`), data plane: a pool's start task
   * (`PoolAddParameter`/`CloudPool.withStartTask`, `BatchPoolCreateContent.setStartTask`); a job's
   * own tasks beside its pool information naming a pool id (`withPoolInfo(new PoolInformation().withPoolId(…))`,
   * `setPoolInfo(new BatchPoolInfo().setPoolId(…))`). Auto-pools are not read.
   */
  taskPool: {
    poolTypes: ['CloudPool', 'PoolAddParameter', 'BatchPoolCreateContent', 'BatchPoolCreateOptions'],
    startTask: ['withStartTask', 'setStartTask'],
    jobTypes: ['CloudJob', 'JobAddParameter', 'BatchJobCreateContent', 'BatchJobCreateOptions', 'BatchJobCreateParameters'],
    poolInfo: ['withPoolInfo', 'setPoolInfo'],
    poolInfoTypes: ['PoolInformation', 'BatchPoolInfo'],
    poolId: ['withPoolId', 'setPoolId'],
    autoPool: ['withAutoPoolSpecification', 'setAutoPoolSpecification'],
    /** The setters of a job's own tasks, and the getter `receiverOf` keys each by. */
    jobTasks: {
      withJobManagerTask: 'jobManagerTask',
      setJobManagerTask: 'jobManagerTask',
      withJobPreparationTask: 'jobPreparationTask',
      setJobPreparationTask: 'jobPreparationTask',
      withJobReleaseTask: 'jobReleaseTask',
      setJobReleaseTask: 'jobReleaseTask',
    } as Readonly<Record<string, string>>,
    /** Reads of a pool's account list: code that may add accounts the file does not show. */
    accountListGetters: ['userAccounts', 'getUserAccounts'],
  },
  /** Legacy models that hold tasks (what taskGetters are called on). */
  containerTypes: [
    'CloudJob',
    'JobAddParameter',
    'JobSpecification',
    'CloudJobSchedule',
    'JobScheduleAddParameter',
    'CloudPool',
    'PoolAddParameter',
    'PoolSpecification',
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------------

/** azure-batch ≤ 14 (msrest, lower-case enum members) or 15.x (TypeSpec, upper-case). */
export type PythonSdk = 'legacy' | 'v15';
/** Data-plane `azure.batch.models` or management-plane `azure.mgmt.batch.models`. */
export type PythonPlane = 'data' | 'mgmt';

export const PYTHON = {
  modelsModule: 'azure.batch.models',
  /** Management-plane models: ARM casing, a different (valid) enum spelling. */
  mgmtModelsModule: 'azure.mgmt.batch.models',
  /** Modules whose `models` attribute is azure.batch.models (`batch.models.X` in the samples). */
  serviceClientModules: ['azure.batch', 'azure.batch.batch_service_client', 'azure.batch._batch_service_client'],
  /** Modules that re-export the data-plane models (the Batch CLI extension's vendored models). */
  reexportingModules: ['azext.batch.models'],
  /** Top-level packages whose import puts Batch in reach of a file. */
  batchPackages: ['azure.batch', 'azure.mgmt.batch', 'azext.batch'],
  /** Fix alias when the file reaches the models through none it could reuse. */
  conventionalAlias: 'batchmodels',
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
  /** Data-plane pool models (azure-batch ≤ 14 and 15.x). */
  poolTypes: [
    'PoolAddParameter',
    'PoolSpecification',
    'CloudPool',
    'BatchPoolCreateContent',
    'BatchPoolCreateOptions',
    'BatchPoolSpecification',
  ],
  /**
   * azure.mgmt.batch.models' pool (an ARM resource: `Pool(deployment_configuration=…, user_accounts=…,
   * start_task=…)`). Recognised only where the name resolves to that module: `Pool` is too common a
   * class name (multiprocessing's) to be guessed from a module this analysis cannot see into.
   */
  mgmtPoolTypes: ['Pool'],
  /**
   * Where a pool says which OS its nodes run (os-mismatch): a data-plane pool holds its Cloud Services
   * or virtual machine configuration itself, a management pool under `deployment_configuration`
   * (azure-mgmt-batch 17: `DeploymentConfiguration(cloud_service_configuration=…,
   * virtual_machine_configuration=…)`, executed here). The keywords and classes are the same in
   * azure-batch 13 (executed), 15.x (Azure/azure-sdk-for-python sdk/batch/azure-batch/azure/batch/models/_models.py
   * @7367548: `VirtualMachineConfiguration(image_reference=ImageReference(…), node_agent_sku_id=…,
   * windows_configuration=…)`) and azure-mgmt-batch 17.
   */
  poolKeywords: {
    deploymentConfiguration: 'deployment_configuration',
    cloudServiceConfiguration: 'cloud_service_configuration',
    virtualMachineConfiguration: 'virtual_machine_configuration',
    imageReference: 'image_reference',
    nodeAgentSkuId: 'node_agent_sku_id',
    windowsConfiguration: 'windows_configuration',
    publisher: 'publisher',
    offer: 'offer',
    sku: 'sku',
  },
  /**
   * Where a task's pool is written (`Holder.pool`): a pool's `start_task`; a job's own tasks beside
   * its `pool_info` — `PoolInformation(pool_id=…)`, or `auto_pool_specification=AutoPoolSpecification(pool=PoolSpecification(…))`
   * (azure-batch 14 models; 15.x names them `BatchPoolInfo`, `BatchAutoPoolSpecification` and
   * `BatchPoolSpecification`, with the same keywords; reference §2, Add job).
   */
  taskPool: {
    /** A data-plane pool's id (`PoolAddParameter(id=…)`); azure-mgmt-batch's `Pool.id` is the ARM resource id, not the pool's name. */
    id: 'id',
    startTask: 'start_task',
    jobTasks: {
      job_manager_task: 'jobManagerTask',
      job_preparation_task: 'jobPreparationTask',
      job_release_task: 'jobReleaseTask',
    } as Readonly<Record<string, TaskKind>>,
    poolInfo: 'pool_info',
    poolInfoTypes: ['PoolInformation', 'BatchPoolInfo'],
    poolId: 'pool_id',
    autoPoolSpecification: 'auto_pool_specification',
    autoPoolTypes: ['AutoPoolSpecification', 'BatchAutoPoolSpecification'],
    autoPool: 'pool',
  },
  /** The model each nested pool keyword holds. */
  poolModels: {
    deploymentConfiguration: 'DeploymentConfiguration',
    cloudServiceConfiguration: 'CloudServiceConfiguration',
    virtualMachineConfiguration: 'VirtualMachineConfiguration',
    imageReference: 'ImageReference',
    windowsConfiguration: 'WindowsConfiguration',
  },
  identityTypes: ['UserIdentity', 'AutoUserSpecification', 'UserAccount', 'LinuxUserConfiguration', 'WindowsUserConfiguration'],
  /** UserIdentity's named-user keyword differs per generation (G5). */
  userNameKeyword: { legacy: 'user_name', v15: 'username' } as Record<PythonSdk, string>,
  /** Keyword names of the identity models (the same in every generation but UserIdentity's user name). */
  keywords: {
    autoUser: 'auto_user',
    scope: 'scope',
    elevationLevel: 'elevation_level',
    userAccounts: 'user_accounts',
    name: 'name',
    password: 'password',
    linuxUserConfiguration: 'linux_user_configuration',
    windowsUserConfiguration: 'windows_user_configuration',
    uid: 'uid',
    gid: 'gid',
    sshPrivateKey: 'ssh_private_key',
    loginMode: 'login_mode',
  },
  /**
   * Positional parameter order where the SDK allowed positional arguments (azure-batch < 5.0). Only
   * data-plane code is read this way: azure-mgmt-batch's models take keywords only (17.0.0, executed:
   * `UserIdentity('ops')` raises `TypeError: UserIdentity.__init__() takes 1 positional argument but 2
   * were given`), so a positional argument there says nothing of a field.
   */
  positional: {
    UserIdentity: ['user_name', 'auto_user'],
    AutoUserSpecification: ['scope', 'elevation_level'],
    UserAccount: ['name', 'password', 'elevation_level', 'linux_user_configuration'],
    LinuxUserConfiguration: ['uid', 'gid', 'ssh_private_key'],
    WindowsUserConfiguration: ['login_mode'],
  } as Record<string, readonly string[]>,
  /**
   * The fields of each identity model, in the neutral vocabulary (`keywords` spells them): what a
   * construction's keywords and later attribute writes are read for. azure-batch 2.x kept the SSH key
   * on UserAccount itself (service version 2017-01-01.4.0; moved under LinuxUserConfiguration in 2017-05-01.5.0).
   */
  modelFields: {
    UserIdentity: ['userName', 'autoUser'],
    AutoUserSpecification: ['scope', 'elevation'],
    UserAccount: ['name', 'password', 'elevation', 'linux', 'windows', 'sshPrivateKey'],
    LinuxUserConfiguration: ['uid', 'gid', 'sshPrivateKey'],
    WindowsUserConfiguration: ['loginMode'],
  } as Record<string, readonly CSharpField[]>,
  /** Class names only one generation has: what tells a file's generation. */
  generationMarkers: {
    legacy: [
      'TaskAddParameter',
      'PoolAddParameter',
      'JobAddParameter',
      'JobScheduleAddParameter',
      'CloudTask',
      'CloudPool',
      'PoolSpecification',
      'BatchServiceClient',
    ],
    v15: [
      'BatchTaskCreateContent',
      'BatchTaskCreateOptions',
      'BatchPoolCreateContent',
      'BatchPoolCreateOptions',
      'BatchJobCreateContent',
      'BatchJobCreateOptions',
      'BatchStartTask',
      'BatchJobManagerTask',
      'BatchJobPreparationTask',
      'BatchJobReleaseTask',
      'BatchPoolSpecification',
      'BatchClient',
    ],
  } as Record<PythonSdk, readonly string[]>,
  /**
   * Generations whose enums use azure-core's CaseInsensitiveEnumMeta: `ElevationLevel.admin` resolves
   * to ADMIN there, `nonadmin` still does not (§7.2).
   */
  caseInsensitiveEnums: { legacy: false, v15: true, mgmt: true } as Record<PythonSdk | 'mgmt', boolean>,
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
  /** azure.mgmt.batch.models (ARM values `Admin`/`NonAdmin`): `ElevationLevel.ADMIN`, `.NON_ADMIN`. */
  mgmtEnums: {
    ElevationLevel: { nonAdmin: 'NON_ADMIN', admin: 'ADMIN' },
    AutoUserScope: { task: 'TASK', pool: 'POOL' },
    LoginMode: { batch: 'BATCH', interactive: 'INTERACTIVE' },
  } satisfies EnumSpellings,
} as const;

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** REST bodies and Batch CLI templates use the data-plane dialect; ARM templates their own. */
export type JsonDialect = 'rest' | 'arm';

export const JSON_DIALECTS = {
  rest: {
    /** Who writes this dialect, as messages name it ("REST bodies spell it 'admin'"); Batch CLI templates follow the REST body schema. */
    label: 'REST bodies',
    userNameKey: 'username',
    enums: {
      ElevationLevel: { nonAdmin: 'nonadmin', admin: 'admin' },
      AutoUserScope: { task: 'task', pool: 'pool' },
      LoginMode: { batch: 'batch', interactive: 'interactive' },
    },
  },
  arm: {
    label: 'ARM templates',
    userNameKey: 'userName',
    enums: {
      ElevationLevel: { nonAdmin: 'NonAdmin', admin: 'Admin' },
      AutoUserScope: { task: 'Task', pool: 'Pool' },
      LoginMode: { batch: 'Batch', interactive: 'Interactive' },
    },
  },
} as const satisfies Record<JsonDialect, { label: string; userNameKey: string; enums: EnumSpellings }>;

export const JSON_KEYS = {
  runElevated: 'runElevated',
  userIdentity: 'userIdentity',
  autoUser: 'autoUser',
  scope: 'scope',
  elevationLevel: 'elevationLevel',
  userAccounts: 'userAccounts',
  /** Required on every task kind (task, start task, job manager, preparation and release task): what makes an object a task. */
  commandLine: 'commandLine',
  /** Object keys that hold a task of a given kind. */
  taskHolders: {
    startTask: 'startTask',
    jobManagerTask: 'jobManagerTask',
    jobPreparationTask: 'jobPreparationTask',
    jobReleaseTask: 'jobReleaseTask',
    repeatTask: 'task',
    mergeTask: 'task',
  } as Record<string, TaskKind>,
  /** Where a job names its pool: `poolInfo.poolId`, or the `pool` of `poolInfo.autoPoolSpecification`. */
  poolInfo: 'poolInfo',
  poolId: 'poolId',
  /** A data-plane pool body's own id (REST `PoolAddParameter.id`, a Batch CLI template pool's `properties.id`): what `poolId` names. */
  poolIdKey: 'id',
  autoPoolSpecification: 'autoPoolSpecification',
  autoPool: 'pool',
  /** A REST pool body's own properties (`PoolAddParameter`: `vmSize` and its one configuration): an object with one is a pool. */
  poolBodyKeys: ['vmSize', 'virtualMachineConfiguration', 'cloudServiceConfiguration'],
  /** What else only a pool holds: its node count, or the management plane's `deploymentConfiguration` (a pool being written may hold these first). */
  poolOtherKeys: ['targetDedicatedNodes', 'deploymentConfiguration'],
  /** ARM resource types (prefix) that are Batch. */
  armBatchTypePrefix: 'microsoft.batch/',
  /**
   * The job properties a Batch CLI application template may hold (azure-batch-cli-extensions,
   * doc/application-templates.md): beside `parameters`, they tell one.
   */
  applicationTemplateJobKeys: [
    'jobManagerTask',
    'jobPreparationTask',
    'jobReleaseTask',
    'commonEnvironmentSettings',
    'usesTaskDependencies',
    'onAllTasksComplete',
    'onTaskFailure',
    'taskFactory',
  ],
} as const;

/** Data-plane older swaggers spelled nonAdmin with a capital A; accepted, not an error. */
export const JSON_REST_LEGACY_SPELLINGS: Partial<Record<Elevation, string>> = { nonAdmin: 'nonAdmin' };

// ---------------------------------------------------------------------------------------------
// JavaScript / TypeScript
// ---------------------------------------------------------------------------------------------

/**
 * The JavaScript SDKs (reference §8), read at their typings — installed here as devDependencies:
 * azure-batch 0.5.3 (`azure-batch-v0`), 9.0.0 (`azure-batch-v9`) and @azure/batch 10.2.0.
 * `azure-batch` has `runElevated` up to 0.5.x (service version 2016-07-01.3.1) and `userIdentity`
 * from 0.6.0 (2017-01-01.4.0) to 9.0.0; `@azure/batch` (6.0.0 and later) has `userIdentity` only.
 * A task is a plain object whose properties are the REST body's (`lib/models/index.d.ts`,
 * `types/src/models/index.d.ts`), but for the named user: `userName`, which the mappers send as
 * `username` (a `username` property is dropped: executed against 9.0.0 and 10.2.0).
 */
export type JsSdk = 'azure-batch' | '@azure/batch';

export const JAVASCRIPT = {
  /** The packages, by module name; a subpath (`azure-batch/lib/models`) is its package's. */
  packages: { 'azure-batch': 'azure-batch', '@azure/batch': '@azure/batch' } as Readonly<Record<string, JsSdk>>,
  /**
   * The client classes: @azure/batch exports `BatchServiceClient`, azure-batch `ServiceClient`
   * (`new batch.ServiceClient(credentials, url)`; 9.0.0's lib/batch.d.ts, 0.5.3's lib/batch.js).
   */
  clientClasses: ['BatchServiceClient', 'ServiceClient'],
  /** The namespace @azure/batch exports its model types under (`BatchServiceModels.TaskAddParameter`); it also exports each by name. */
  modelsNamespace: 'BatchServiceModels',
  /** azure-batch's models module, which holds its model types (`import * as models from 'azure-batch/lib/models'`). */
  modelsModule: 'azure-batch/lib/models',
  /**
   * The client's operations that take a Batch model: operation group → method → which argument,
   * and the model it is (`[]`: an array of them). The same in azure-batch 0.5.3, 9.0.0 and
   * @azure/batch 10.2.0 (lib/operations/index.d.ts, types/src/operations/*.d.ts).
   */
  operations: {
    task: { add: [1, 'TaskAddParameter'], addCollection: [1, 'TaskAddParameter[]'] },
    pool: { add: [0, 'PoolAddParameter'], patch: [1, 'PoolPatchParameter'], updateProperties: [1, 'PoolUpdatePropertiesParameter'] },
    job: { add: [0, 'JobAddParameter'], patch: [1, 'JobPatchParameter'], update: [1, 'JobUpdateParameter'] },
    jobSchedule: {
      add: [0, 'JobScheduleAddParameter'],
      patch: [1, 'JobSchedulePatchParameter'],
      update: [1, 'JobScheduleUpdateParameter'],
    },
  } as Readonly<Record<string, Readonly<Record<string, readonly [argument: number, model: string]>>>>,
  runElevated: JSON_KEYS.runElevated,
  userIdentity: JSON_KEYS.userIdentity,
  userAccounts: JSON_KEYS.userAccounts,
  /** UserIdentity's named user, as the typings name it (sent as `username`). */
  userName: 'userName',
  /** The model types and the task kind each is. */
  taskTypes: {
    TaskAddParameter: 'task',
    CloudTask: 'task',
    StartTask: 'startTask',
    JobManagerTask: 'jobManagerTask',
    JobPreparationTask: 'jobPreparationTask',
    JobReleaseTask: 'jobReleaseTask',
  } as Readonly<Record<string, TaskKind>>,
  /** The pool models: what holds `userAccounts` and says which OS the nodes run. */
  poolTypes: ['PoolAddParameter', 'PoolSpecification', 'CloudPool', 'PoolUpdatePropertiesParameter', 'PoolPatchParameter'],
  /** The properties that hold a task of a kind, on whichever model (REST's names). */
  taskHolders: {
    startTask: 'startTask',
    jobManagerTask: 'jobManagerTask',
    jobPreparationTask: 'jobPreparationTask',
    jobReleaseTask: 'jobReleaseTask',
  } as Readonly<Record<string, TaskKind>>,
  /** The property that holds an auto-pool's pool (`poolInfo.autoPoolSpecification.pool`): a PoolSpecification. */
  autoPoolKey: JSON_KEYS.autoPool,
  /**
   * The enum values of each SDK: @azure/batch 10.2.0 types them as unions of the REST values
   * (`type ElevationLevel = 'nonadmin' | 'admin'`); azure-batch 9.0.0 as `string`, documenting
   * "Possible values include: 'nonAdmin', 'admin'", the older REST spelling its mappers list.
   * Both mappers accept any casing and send it as written (executed here).
   */
  enums: {
    'azure-batch': {
      ElevationLevel: { nonAdmin: 'nonAdmin', admin: 'admin' },
      AutoUserScope: JSON_DIALECTS.rest.enums.AutoUserScope,
      LoginMode: JSON_DIALECTS.rest.enums.LoginMode,
    },
    '@azure/batch': JSON_DIALECTS.rest.enums,
  } satisfies Record<JsSdk, EnumSpellings>,
  /** Who declares a value's spelling, as messages name it ("azure-batch's typings spell it 'admin'"). */
  labels: { 'azure-batch': "azure-batch's typings", '@azure/batch': "@azure/batch's typings" } as Readonly<Record<JsSdk, string>>,
} as const;

/** The generation a JavaScript SDK is. */
export const JS_GENERATIONS: Readonly<Record<JsSdk, SdkGeneration>> = {
  'azure-batch': 'azure-batch (JavaScript)',
  '@azure/batch': '@azure/batch',
};

/**
 * The dialects enum values are checked in as strings no compiler reads (JSON; JavaScript and
 * TypeScript where the SDK's type is a string): each with the spellings valid there and who says so.
 */
export type ValueDialect = JsonDialect | JsSdk;

export const VALUE_DIALECTS: Readonly<Record<ValueDialect, { readonly label: string; readonly enums: EnumSpellings }>> = {
  rest: JSON_DIALECTS.rest,
  arm: JSON_DIALECTS.arm,
  'azure-batch': { label: JAVASCRIPT.labels['azure-batch'], enums: JAVASCRIPT.enums['azure-batch'] },
  '@azure/batch': { label: JAVASCRIPT.labels['@azure/batch'], enums: JAVASCRIPT.enums['@azure/batch'] },
};

// ---------------------------------------------------------------------------------------------
// Generations and dialects in texts
// ---------------------------------------------------------------------------------------------

/** The generation a Java package root names. */
export const JAVA_GENERATIONS: Readonly<Record<JavaSdk, SdkGeneration>> = {
  legacy: 'com.microsoft.azure.batch',
  new: 'com.azure.compute.batch',
  mgmt: 'com.azure.resourcemanager.batch',
  mgmtLegacy: 'com.microsoft.azure.management.batch',
};

/** The generation of Python code on one plane, in a file of one data-plane generation. */
export function pythonGeneration(plane: PythonPlane, sdk: PythonSdk): SdkGeneration {
  return plane === 'mgmt' ? 'azure-mgmt-batch' : sdk === 'v15' ? 'azure-batch 15' : 'azure-batch';
}

/**
 * How messages, fix titles and hovers spell Batch names in a file: its language, and where it
 * matters (enum members) its Python generation or JSON dialect. A Python file reads
 * `run_elevated=True` and `ElevationLevel.admin`, a REST body `"runElevated": true` and `"nonadmin"`.
 */
export type Dialect = 'csharp' | 'java' | 'python' | 'python15' | 'pythonMgmt' | 'rest' | 'arm' | 'typescript' | 'typescriptAzureBatch';

/** How a dialect writes an enum member: `ElevationLevel.Admin`, `"elevationLevel": "admin"` (JSON), `elevationLevel: "admin"` (a JavaScript object). */
export type MemberStyle = 'enum' | 'jsonValue' | 'objectValue';

export interface DialectSpelling {
  /** runElevated as the file names it. */
  readonly runElevated: string;
  /** runElevated given a value (`true` / `false` are spelled by `booleans`). */
  setRunElevated(value: string): string;
  readonly booleans: { readonly true: string; readonly false: string };
  readonly enums: EnumSpellings;
  /** Members as `Enum.Member`, or as quoted values of their JSON key or object property. */
  readonly memberStyle: MemberStyle;
}

/** Every Python SDK generation spells runElevated and booleans alike; only its enum members differ. */
function pythonSpelling(enums: EnumSpellings): DialectSpelling {
  return {
    runElevated: PYTHON.runElevated,
    setRunElevated: (value) => `${PYTHON.runElevated}=${value}`,
    booleans: { true: 'True', false: 'False' },
    enums,
    memberStyle: 'enum',
  };
}

export const DIALECTS: Readonly<Record<Dialect, DialectSpelling>> = {
  csharp: {
    runElevated: CSHARP.legacy.runElevated,
    setRunElevated: (value) => `${CSHARP.legacy.runElevated} = ${value}`,
    booleans: { true: 'true', false: 'false' },
    enums: CSHARP.enums,
    memberStyle: 'enum',
  },
  java: {
    runElevated: JAVA.runElevated.fluent,
    setRunElevated: (value) => `${JAVA.runElevated.fluent}(${value})`,
    booleans: { true: 'true', false: 'false' },
    enums: JAVA.enums,
    memberStyle: 'enum',
  },
  python: pythonSpelling(PYTHON.enums.legacy),
  python15: pythonSpelling(PYTHON.enums.v15),
  pythonMgmt: pythonSpelling(PYTHON.mgmtEnums),
  rest: {
    runElevated: JSON.stringify(JSON_KEYS.runElevated),
    setRunElevated: (value) => `${JSON.stringify(JSON_KEYS.runElevated)}: ${value}`,
    booleans: { true: 'true', false: 'false' },
    enums: JSON_DIALECTS.rest.enums,
    memberStyle: 'jsonValue',
  },
  arm: {
    runElevated: JSON.stringify(JSON_KEYS.runElevated),
    setRunElevated: (value) => `${JSON.stringify(JSON_KEYS.runElevated)}: ${value}`,
    booleans: { true: 'true', false: 'false' },
    enums: JSON_DIALECTS.arm.enums,
    memberStyle: 'jsonValue',
  },
  // @azure/batch, and JavaScript whose SDK cannot be told: the REST values.
  typescript: {
    runElevated: JAVASCRIPT.runElevated,
    setRunElevated: (value) => `${JAVASCRIPT.runElevated}: ${value}`,
    booleans: { true: 'true', false: 'false' },
    enums: JAVASCRIPT.enums['@azure/batch'],
    memberStyle: 'objectValue',
  },
  typescriptAzureBatch: {
    runElevated: JAVASCRIPT.runElevated,
    setRunElevated: (value) => `${JAVASCRIPT.runElevated}: ${value}`,
    booleans: { true: 'true', false: 'false' },
    enums: JAVASCRIPT.enums['azure-batch'],
    memberStyle: 'objectValue',
  },
};

const DIALECT_OF_GENERATION: Partial<Record<SdkGeneration, Dialect>> = {
  'azure-batch 15': 'python15',
  'azure-mgmt-batch': 'pythonMgmt',
  rest: 'rest',
  arm: 'arm',
  '@azure/batch': 'typescript',
  'azure-batch (JavaScript)': 'typescriptAzureBatch',
};

/** The dialect of a file of `language`, told apart by the construct's generation where known (the renderers' defaults otherwise). */
export function dialectOf(language: CodeLanguageId, generation?: SdkGeneration): Dialect {
  const byGeneration = generation && DIALECT_OF_GENERATION[generation];
  if (byGeneration) return byGeneration;
  return language === 'json' ? 'rest' : language;
}

/** The JSON key of each identity enum's values. */
export const JSON_ENUM_KEYS: Readonly<Record<EnumName, string>> = {
  ElevationLevel: 'elevationLevel',
  AutoUserScope: 'scope',
  LoginMode: 'loginMode',
};

/**
 * The REST (JSON) property of each neutral model field, which the JavaScript typings share but for
 * UserIdentity's `userName` (see JAVASCRIPT.userName and each JSON dialect's `userNameKey`).
 */
export const JSON_FIELD_KEYS: Readonly<Record<CSharpField, string>> = {
  userName: 'userName',
  autoUser: JSON_KEYS.autoUser,
  scope: JSON_KEYS.scope,
  elevation: JSON_KEYS.elevationLevel,
  name: 'name',
  password: 'password',
  linux: 'linuxUserConfiguration',
  windows: 'windowsUserConfiguration',
  uid: 'uid',
  gid: 'gid',
  sshPrivateKey: 'sshPrivateKey',
  loginMode: 'loginMode',
};

/** The neutral model fields that hold an identity enum member, and which enum. */
export const ENUM_FIELDS: Readonly<Partial<Record<CSharpField, EnumName>>> = {
  scope: 'AutoUserScope',
  elevation: 'ElevationLevel',
  loginMode: 'LoginMode',
};

/** Properties only a Batch user account has beside name and password: what tells one from an object of one's own. */
export const ACCOUNT_SHAPE_KEYS: readonly string[] = [JSON_FIELD_KEYS.elevation, JSON_FIELD_KEYS.linux, JSON_FIELD_KEYS.windows];

/**
 * The quote a JavaScript or TypeScript file writes a value in at a place, as its adapter reads it
 * (`RunElevatedFact.quote`, `EnumRefFact.quote`): the fix writes values in it, and messages and
 * hovers quote values the same way. JSON has only `"`.
 */
export type StringQuote = "'" | '"';

/** A string literal in a quote: `'admin'`, `"admin"` (JSON's escapes, which JavaScript reads alike; the other quote left bare). */
export function quotedString(value: string, quote: StringQuote = '"'): string {
  const json = JSON.stringify(value);
  return quote === '"' ? json : `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/**
 * A spelling of an enum member in a style: `ElevationLevel.NON_ADMIN`, `"elevationLevel": "nonadmin"`,
 * `elevationLevel: 'nonadmin'` (a JavaScript object's value in `quote`, the file's; JSON's always `"`).
 */
export function writtenMember(style: MemberStyle, enumName: EnumName, written: string, quote?: StringQuote): string {
  switch (style) {
    case 'enum':
      return `${enumName}.${written}`;
    case 'jsonValue':
      return `${JSON.stringify(JSON_ENUM_KEYS[enumName])}: ${JSON.stringify(written)}`;
    case 'objectValue':
      return `${JSON_ENUM_KEYS[enumName]}: ${quotedString(written, quote)}`;
  }
}

/** How a language writes enum members: values in JSON and JavaScript objects, `Enum.Member` elsewhere. */
export function memberStyleOf(language: CodeLanguageId): MemberStyle {
  return language === 'json' ? 'jsonValue' : language === 'typescript' ? 'objectValue' : 'enum';
}

/** An enum member as the dialect writes it: `ElevationLevel.NON_ADMIN`, `"elevationLevel": "nonadmin"`, `elevationLevel: 'nonadmin'` in a file of single quotes. */
export function spellMember(dialect: Dialect, enumName: EnumName, member: CanonicalMember, quote?: StringQuote): string {
  const spelling = DIALECTS[dialect];
  return writtenMember(spelling.memberStyle, enumName, spell(spelling.enums, enumName, member), quote);
}

/** runElevated set to a boolean, as the dialect writes it: `run_elevated=True`. */
export function spellRunElevated(dialect: Dialect, value: boolean): string {
  const spelling = DIALECTS[dialect];
  return spelling.setRunElevated(value ? spelling.booleans.true : spelling.booleans.false);
}
