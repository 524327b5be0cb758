/**
 * The Batch identity model: the one source of truth for what the Batch service means by
 * runElevated, user identities and user accounts. Rules, fixes, hovers, snippets and tests read
 * names and prose from here (and from `sdks.ts` for per-language spellings); nothing else in the
 * code base spells a Batch API name or explains Batch behaviour.
 *
 * Facts come from ../shared/reference/batch-identity-api.md (§1 timeline, §10 rules, §11 gotchas);
 * every sentence a user reads has its sources listed on the rule pages (docs/rules/*.md, "Sources").
 */

/** Canonical (language-neutral) enum members. */
export type Elevation = 'admin' | 'nonAdmin';
export type Scope = 'task' | 'pool';
export type LoginMode = 'batch' | 'interactive';
export type EnumName = 'ElevationLevel' | 'AutoUserScope' | 'LoginMode';
export type CanonicalMember = Elevation | Scope | LoginMode;

/** An elevation level in a word, as hovers, completion details and symbols name it. */
export const ELEVATION_WORD: Record<Elevation, string> = { admin: 'admin', nonAdmin: 'non-admin' };

/**
 * An elevation in a few words, as hovers, "runs as" hints, completion details and symbols write it:
 * `admin`; with `(default)` when the code sets none (no elevation at all, or `byDefault`); or, for
 * a value the code computes, `elevation set by an expression`.
 */
export function elevationWords(elevation: Elevation | 'unknown' | undefined, byDefault = false): string {
  if (elevation === 'unknown') return 'elevation set by an expression';
  if (elevation === undefined) return `${ELEVATION_WORD[DEFAULTS.elevation]} (default)`;
  return byDefault ? `${ELEVATION_WORD[elevation]} (default)` : ELEVATION_WORD[elevation];
}

/** A Windows login mode in words, as completion details write it. */
export const LOGIN_WORD: Record<LoginMode, string> = { batch: 'batch login', interactive: 'interactive login' };

export const ENUM_MEMBERS: { readonly [E in EnumName]: readonly CanonicalMember[] } = {
  ElevationLevel: ['nonAdmin', 'admin'],
  AutoUserScope: ['task', 'pool'],
  LoginMode: ['batch', 'interactive'],
};

/** The five task kinds that carry a user identity (and, before 2017-01-01.4.0, runElevated). */
export type TaskKind = 'task' | 'startTask' | 'jobManagerTask' | 'jobPreparationTask' | 'jobReleaseTask';

export const TASK_KIND_LABEL: Record<TaskKind, string> = {
  task: 'task',
  startTask: 'start task',
  jobManagerTask: 'job manager task',
  jobPreparationTask: 'job preparation task',
  jobReleaseTask: 'job release task',
};

/** Service versions that changed identity behaviour. */
export const SERVICE_VERSIONS = {
  /** runElevated removed, userIdentity introduced. */
  userIdentity: '2017-01-01.4.0',
  /** sshPrivateKey moved under linuxUserConfiguration. */
  linuxUserConfiguration: '2017-05-01.5.0',
  /** windowsUserConfiguration.loginMode added. */
  loginMode: '2018-12-01.8.0',
  /** Default auto-user scope became pool everywhere (was task on Windows, pool on Linux). */
  poolScopeDefault: '2019-08-01.10.0',
} as const;

/** Defaults the service applies when a value is omitted. */
export const DEFAULTS = {
  elevation: 'nonAdmin' as Elevation,
  scope: 'pool' as Scope,
};

/**
 * What a pool's configuration says of its nodes' operating system (os-mismatch). Compared without
 * case. Sources: docs/rules/os-mismatch.md.
 */
export const POOL_OS = {
  /** Node agent SKU ids read `batch.node.<os> <version>` (`batch.node.windows amd64`, `batch.node.ubuntu 22.04`). */
  nodeAgentSkuPrefix: 'batch.node.',
  windowsNodeAgents: ['windows'],
  linuxNodeAgents: ['ubuntu', 'centos', 'debian', 'el', 'rhel', 'opensuse', 'mariner', 'almalinux', 'azurelinux'],
  /** Image publishers whose every image is one OS. */
  windowsImagePublishers: ['microsoftwindowsserver', 'microsoftwindowsdesktop'],
  linuxImagePublishers: ['canonical', 'openlogic', 'credativ', 'debian', 'redhat', 'almalinux', 'suse'],
} as const;

/** The project's home (package.json `repository` says the same; a unit test keeps them equal). */
export const PROJECT_URL = 'https://github.com/batch-identity/batch-identity';
/** Where the documentation lives online. */
export const DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs`;
/**
 * Where the rule pages (`<rule>.md` each) are read online: what diagnostics' code links, hovers
 * and SARIF point at unless the client says it opens the packaged pages (`docsBase`).
 */
export const RULE_DOCS_URL = `${DOCS_BASE_URL}/rules`;

/** A rule's page under a folder URI (the online one by default). */
export function ruleDocUrl(ruleId: string, base: string = RULE_DOCS_URL): string {
  return `${base.replace(/\/+$/, '')}/${ruleId}.md`;
}

export const REFERENCE_URL = 'https://learn.microsoft.com/azure/batch/batch-user-accounts';

/**
 * Where the model's sentences come from (the rule pages' "Sources" sections cite the same). A hover
 * links the ones its sentences rest on.
 */
export const SOURCES = {
  /** Auto-users, scopes, named accounts, directory access, the migration table. */
  userAccounts: REFERENCE_URL,
  /** Per-version changes of the Batch REST API (2017-01-01.4.0: runElevated replaced by userIdentity). */
  restVersioning: 'https://learn.microsoft.com/rest/api/batchservice/batch-service-rest-api-versioning',
  /** Retired API versions and SDKs, with their removal dates. */
  apiStatus: 'https://learn.microsoft.com/rest/api/batchservice/batch-api-status',
  /** The node's directories and who may write them. */
  filesAndDirectories: 'https://learn.microsoft.com/azure/batch/files-and-directories',
} as const;

/** The SDK generations and JSON dialects a construct can be written for (sdks.ts maps each language's names to them). */
export type SdkGeneration =
  | 'Microsoft.Azure.Batch'
  | 'Microsoft.Azure.Batch.Protocol.Models'
  | 'Azure.Compute.Batch'
  | 'Microsoft.Azure.Management.Batch'
  | 'Azure.ResourceManager.Batch'
  | 'com.microsoft.azure.batch'
  | 'com.azure.compute.batch'
  | 'com.azure.resourcemanager.batch'
  | 'com.microsoft.azure.management.batch'
  | 'azure-batch'
  | 'azure-batch 15'
  | 'azure-mgmt-batch'
  | 'azure-batch (JavaScript)'
  | '@azure/batch'
  | 'rest'
  | 'arm';

/**
 * What each generation does with a leftover runElevated (docs/rules/run-elevated.md lists the
 * sources: SDK changelogs and sources, Python run here against azure-batch 13.0.1 and
 * azure-mgmt-batch 17.0.0). Markdown; the hover on runElevated shows the file's own.
 */
export const RUN_ELEVATED_IN: Readonly<Record<SdkGeneration, string>> = {
  'Microsoft.Azure.Batch':
    '**Microsoft.Azure.Batch** has `RunElevated` up to 5.x (service version 2016-07-01.3.1); from 6.0 it is gone, and this code does not compile.',
  'Microsoft.Azure.Batch.Protocol.Models':
    '**Microsoft.Azure.Batch.Protocol.Models** ships in the same package: from 6.0 its task models have `UserIdentity` and no `RunElevated`, so this code does not compile.',
  'Azure.Compute.Batch': '**Azure.Compute.Batch** never had `RunElevated`: this code does not compile.',
  'Microsoft.Azure.Management.Batch':
    '**Microsoft.Azure.Management.Batch** never had `RunElevated` (ARM pools begin with management API 2017-09-01): this code does not compile.',
  'Azure.ResourceManager.Batch':
    '**Azure.ResourceManager.Batch** never had `RunElevated` (ARM pools begin with management API 2017-09-01): this code does not compile.',
  'com.microsoft.azure.batch':
    '**com.microsoft.azure.batch** has `withRunElevated` up to 1.0.0-beta2; from 1.0.0 it is gone, and this code does not compile.',
  'com.azure.compute.batch': '**com.azure.compute.batch** never had a runElevated setter: this code does not compile.',
  'com.azure.resourcemanager.batch':
    '**com.azure.resourcemanager.batch** never had a runElevated setter (ARM pools begin with management API 2017-09-01): this code does not compile.',
  'com.microsoft.azure.management.batch':
    '**com.microsoft.azure.management.batch** never had a runElevated setter (ARM pools begin with management API 2017-09-01): this code does not compile.',
  'azure-batch':
    '**azure-batch** takes `run_elevated` up to 1.1.0; 2.x–4.x raise `TypeError`; 5.0–14.x drop it — as a keyword with the logged warning "run_elevated is not a known attribute … and will be ignored", as an attribute without a word (a task without a user identity runs as a non-administrative user).',
  'azure-batch 15': '**azure-batch 15** models raise `TypeError` for the unknown keyword argument `run_elevated`.',
  'azure-mgmt-batch':
    '**azure-mgmt-batch** never had `run_elevated` (ARM pools begin with management API 2017-09-01); 17.0.0 logs a warning and drops it (a task without a user identity runs as a non-administrative user).',
  'azure-batch (JavaScript)':
    '**azure-batch** for JavaScript has `runElevated` up to 0.5.x (service version 2016-07-01.3.1); from 0.6.0 it is gone: TypeScript rejects it in an object literal the models type, and 9.0.0 drops it without a word when it sends the request (a task without a user identity runs as a non-administrative user).',
  '@azure/batch':
    '**@azure/batch** never had `runElevated`: TypeScript rejects it in an object literal the models type, and 10.2.0 drops it without a word when it sends the request (a task without a user identity runs as a non-administrative user).',
  rest: '**A REST body** given to `az batch … --json-file`: the CLI was seen (2017) to drop fields it does not know without a word (a task without a user identity runs as a non-administrative user).',
  arm: '**An ARM template**: `Microsoft.Batch` pool resources never had `runElevated` (they begin with management API 2017-09-01); what ARM does with it is not documented.',
};

/** The management plane (ARM pools, from management API 2017-09-01) never had runElevated: no mapping, no data-plane request applies. */
export const MANAGEMENT_GENERATIONS: ReadonlySet<SdkGeneration> = new Set<SdkGeneration>([
  'Microsoft.Azure.Management.Batch',
  'Azure.ResourceManager.Batch',
  'com.azure.resourcemanager.batch',
  'com.microsoft.azure.management.batch',
  'azure-mgmt-batch',
  'arm',
]);

/** When the file's generation is not known. */
export const RUN_ELEVATED_ANYWHERE =
  'Current SDKs no longer have runElevated: in C# and Java the code does not compile, Python SDKs warn or raise `TypeError`, the JavaScript SDKs drop it without a word.';

/**
 * Explanations shown in hovers. Markdown; no secrets are ever interpolated into these strings.
 * Each sentence says what the sources say (docs/rules/*.md list them), no more: where the
 * documentation is silent (what the service does with a duplicate account name), so are these.
 */
export const EXPLAIN = {
  /** What replaced runElevated. */
  runElevatedReplaced:
    'A user identity replaced it: an auto-user with an elevation level, or a named user account of the pool. ' +
    'Without a user identity the task runs as a non-administrative user.',
  /** What a request with runElevated meets today. */
  runElevatedRequests:
    `Requests that send runElevated to service version ${SERVICE_VERSIONS.userIdentity} or later are documented to fail, ` +
    'and the API versions that accepted it were scheduled for removal on 2020-10-31.',
  /** The documented mapping, in the file's own spelling (`RunElevated = true`, `ElevationLevel.Admin`). */
  runElevatedMapping: ({ setTrue, admin, setFalse, nonAdmin }: { setTrue: string; admin: string; setFalse: string; nonAdmin: string }) =>
    `The documented mapping: \`${setTrue}\` → an auto-user with \`${admin}\`; \`${setFalse}\` → \`${nonAdmin}\`, the default.`,
  /** Why "equivalent" holds for elevation only. */
  elevationOnly:
    `Equivalent in elevation only: without a scope the auto-user gets the default — pool scope since service version ${SERVICE_VERSIONS.poolScopeDefault}; ` +
    'on Windows nodes the default was task scope before that.',
  elevation: {
    admin: 'the account has elevated access and operates with full Administrator permissions on the node.',
    nonAdmin: 'a standard account without elevated access. The default.',
  } satisfies Record<Elevation, string>,
  scope: {
    task:
      'on Windows nodes, an auto-user account created for this task alone: it has no de facto access to other tasks on the node, ' +
      'though a task with admin elevation can reach other task directories. The documentation says Linux nodes always run under pool scope.',
    pool:
      'the task runs as one of the two auto-user accounts created on each node for the pool, one with elevated access and one without; ' +
      'every pool-scope task of the same elevation shares it, and the two accounts cannot share data with each other.',
  } satisfies Record<Scope, string>,
  scopeDefault:
    'When scope is omitted it is **pool** since service version ' +
    SERVICE_VERSIONS.poolScopeDefault +
    '; before that it was task on Windows nodes and pool on Linux nodes.',
  loginMode: {
    batch: 'the LOGON32_LOGON_BATCH logon, recommended for long-running parallel processes.',
    interactive:
      "on Windows VM pools UAC is enabled: an elevated identity's session is not elevated unless the program the task runs is configured to always require administrative or maximum privilege.",
  } satisfies Record<LoginMode, string>,
  loginModeDefault: 'The default login mode is documented inconsistently across SDKs; set it explicitly.',
  /** A task whose code sets no user identity (the user accounts page; AutoUserSpecification.scope; TaskAddParameter.userIdentity). */
  noIdentity:
    'The code sets no user identity: the task runs under an auto-user account, as a non-administrative user. ' +
    'Which auto-user the documentation does not settle: an auto-user specification without a scope gets pool scope, ' +
    'while the task API says an omitted identity runs "as a non-administrative user unique to the task".',
  userIdentity:
    'A user identity names **either** a user account of the pool **or** an auto-user specification, and the task runs as that account.',
  userAccount:
    'A named user account defined on the pool: a name, a password, an elevation level, and optional Linux (uid/gid, SSH key) or Windows (login mode) settings. A task runs as it when its user identity names it.',
  linuxUserConfiguration:
    'Linux settings of a user account, ignored on Windows pools: `uid` and `gid` "must be specified together or not at all" (without them the operating system picks the ids). ' +
    "The SSH private key, not password-protected, configures key-based SSH between the pool's nodes when inter-node communication is enabled; it is ignored otherwise.",
  windowsUserConfiguration:
    'Windows settings of a user account: the login mode (batch or interactive). The API says it "can only be specified if the user is on a Windows pool".',
  /**
   * What a task may write on its node (the user accounts page): its working, shared and
   * multi-instance directories always; the start-task and job-preparation directories only under
   * the account those tasks ran as, else it reads them; with admin elevation, other task
   * directories too (the page's note on task scope).
   */
  access: ({ account, elevation }: { account: 'taskScope' | 'poolScope' | 'named'; elevation: Elevation | 'unknown' }): string => {
    const own = 'Writes its working, shared and multi-instance directories';
    const sameAccount =
      account === 'poolScope' ? 'the pool-scope auto-user of the same elevation' : account === 'named' ? 'the same named user' : undefined;
    if (elevation === 'admin')
      return sameAccount
        ? `${own}, and the start-task and job-preparation directories when those tasks ran as ${sameAccount}; with admin elevation it can also reach other task directories.`
        : `${own}; with admin elevation it can also reach other task directories.`;
    const rest = sameAccount
      ? `; writes the start-task and job-preparation directories when those tasks ran as ${sameAccount}, otherwise only reads them.`
      : '; only reads the start-task and job-preparation directories, which ran under other accounts (task scope gives this task its own).';
    return own + rest + (elevation === 'unknown' ? ' With admin elevation it could also reach other task directories.' : '');
  },
  interNodeSsh:
    "With inter-node communication enabled on a Linux pool, the SSH private key configures key-based SSH between the pool's nodes for this user (the documentation's use: multi-instance tasks).",
} as const;
