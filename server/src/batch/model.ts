/**
 * The Batch identity model: the one source of truth for what the Batch service means by
 * runElevated, user identities and user accounts. Rules, fixes, hovers, snippets and tests read
 * names and prose from here (and from `sdks.ts` for per-language spellings); nothing else in the
 * code base spells a Batch API name or explains Batch behaviour.
 *
 * Facts come from ../shared/reference/batch-identity-api.md (§1 timeline, §10 rules, §11 gotchas).
 */

/** Canonical (language-neutral) enum members. */
export type Elevation = 'admin' | 'nonAdmin';
export type Scope = 'task' | 'pool';
export type LoginMode = 'batch' | 'interactive';
export type EnumName = 'ElevationLevel' | 'AutoUserScope' | 'LoginMode';
export type CanonicalMember = Elevation | Scope | LoginMode;

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
/** Where the rule documentation lives; codeDescription links and hovers point here. */
export const DOCS_BASE_URL = `${PROJECT_URL}/blob/main/docs`;

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/rules/${ruleId}.md`;
}

export const REFERENCE_URL = 'https://learn.microsoft.com/azure/batch/batch-user-accounts';

/**
 * Explanations shown in hovers and quoted by rule messages. Markdown; no secrets are ever
 * interpolated into these strings.
 */
export const EXPLAIN = {
  runElevated:
    '`runElevated` was removed in Batch service version ' +
    SERVICE_VERSIONS.userIdentity +
    '. ' +
    'It is replaced by `userIdentity`: an auto-user with an elevation level (`admin` or `nonAdmin`), or a named ' +
    'user account defined on the pool. Newer SDKs silently drop `runElevated`, so the task runs without the ' +
    'elevation its author meant.',
  runElevatedTrue: '`runElevated: true` is the same as an auto-user with elevation level **admin**.',
  runElevatedFalse: '`runElevated: false` is the same as an auto-user with elevation level **nonAdmin** (the default).',
  elevation: {
    admin: '**Admin** — the account has elevated (administrator/root) access on the node.',
    nonAdmin: '**NonAdmin** — a standard account without administrator access. This is the default.',
  } satisfies Record<Elevation, string>,
  scope: {
    task: '**Task scope** — the task runs under an auto-user account created for this task alone; no other task can reach its files.',
    pool:
      '**Pool scope** — the task runs under an auto-user account shared by every pool-scope task of the same elevation on the node. ' +
      'There are two such accounts per node (admin and non-admin); they cannot share data with each other.',
  } satisfies Record<Scope, string>,
  scopeDefault:
    'When scope is omitted it is **pool** since service version ' +
    SERVICE_VERSIONS.poolScopeDefault +
    '; before that it was task on Windows nodes and pool on Linux nodes.',
  loginMode: {
    batch: '**Batch** login mode — the account logs on as a batch job (no interactive session, no UAC prompt).',
    interactive:
      '**Interactive** login mode — an interactive logon; on Windows VM pools UAC applies, so an elevated identity is not elevated unless the program asks for it.',
  } satisfies Record<LoginMode, string>,
  loginModeDefault: 'The default login mode is documented inconsistently across SDKs; set it explicitly.',
  identityOmitted: 'When a task has no user identity it runs as a non-administrative auto-user.',
  userIdentity:
    'A user identity is **either** a named user (a user account defined on the pool) **or** an auto-user specification — one of the two, never both.',
  userAccount:
    'A named user account defined on the pool: a name, a password, an elevation level, and optional Linux (uid/gid, SSH key) or Windows (login mode) settings. Tasks select it with a user identity naming it.',
  linuxUserConfiguration:
    'Linux settings of a user account: `uid` and `gid` must be set together or not at all (the OS picks them otherwise). ' +
    "The SSH private key, not password-protected, sets up password-less SSH between the pool's nodes for multi-instance tasks " +
    'when inter-node communication is enabled; it is ignored otherwise.',
  windowsUserConfiguration: 'Windows settings of a user account: the login mode (`batch` or `interactive`). Only valid on Windows pools.',
  access: {
    taskScope:
      'Writes its own task directory and the shared directory; can only read the start-task and job-preparation directories (those tasks ran as other accounts).',
    poolScope:
      'Writes its task directory and the shared directory, and also the start-task and job-preparation directories when those tasks ran as the pool-scope auto-user of the same elevation.',
    named:
      'Writes its task directory and the shared directory, and also the start-task and job-preparation directories when those tasks ran as the same named user.',
  },
  interNodeSsh:
    'With inter-node communication enabled on a Linux pool, the SSH private key sets up password-less SSH between nodes for this user (used by multi-instance tasks).',
  directories:
    'A task can write to its own task directory and to the shared directory; it can write to the start-task and job-preparation ' +
    'directories only when it runs under the same account as the start task or job preparation task, otherwise it may only read them.',
} as const;
