/**
 * The snippets the extension contributes (snippets/*.json), built from the model so that every
 * Batch name they write is one the analyzer knows. `scripts/snippets.ts` writes the files; a unit
 * test fails when the committed files differ from what this module gives.
 *
 * Written for the legacy SDK generation most code uses (reference §5.1, §6.1, §7.1) and REST
 * bodies (§2). Task snippets create a task; pool snippets set a property of an existing pool,
 * named by their first tab stop. No snippet holds a password or key: code reads secrets from the
 * environment; a JSON body has a tab stop saying what to put there (a Key Vault secret when the
 * body is sent; in an ARM template, the server's completion writes a parameter reference instead).
 */
import type { LanguageId } from '../../../common/languages';
import { type CanonicalMember, type EnumName } from './model';
import {
  CSHARP,
  JAVA,
  JAVASCRIPT,
  JSON_DIALECTS,
  JSON_KEYS,
  PYTHON,
  spell,
  type CSharpField,
  type EnumSpellings,
  type JsonDialect,
  type JsSdk,
} from './sdks';

/** The languages with snippet bodies. */
export type SnippetLanguage = Extract<LanguageId, 'csharp' | 'java' | 'python' | 'json' | 'typescript'>;

export interface SnippetFile {
  /**
   * File under snippets/, contributed for the language's VS Code language ids (the language
   * table's). JSON has none: a static snippet is offered anywhere in a file, and a JSON body fits
   * one place only (a task's member is no document, a document no member), so the server's
   * completion offers the JSON bodies where they fit (languages/json/completion.ts).
   */
  readonly file?: string;
  /** The SDK generation or dialect the bodies are written for, as descriptions name it. */
  readonly dialect: string;
  /** Where the secrets of the pool snippets come from, as their descriptions say. */
  readonly secrets: string;
}

export const SNIPPET_FILES: Readonly<Record<SnippetLanguage, SnippetFile>> = {
  csharp: {
    file: 'csharp.json',
    dialect: 'Microsoft.Azure.Batch',
    secrets: 'Secrets are read from the environment, never written in the source.',
  },
  java: {
    file: 'java.json',
    dialect: 'com.microsoft.azure.batch',
    secrets: 'Secrets are read from the environment, never written in the source.',
  },
  python: {
    file: 'python.json',
    dialect: 'azure-batch ≤ 14',
    secrets: 'Secrets are read from the environment, never written in the source.',
  },
  typescript: {
    // One body for TypeScript and JavaScript (contributed for both, and their React variants): plain
    // object literals, typed by the client operation or the pool literal they are written in.
    file: 'typescript.json',
    dialect: '@azure/batch',
    secrets: 'Secrets are read from the environment, never written in the source.',
  },
  json: {
    dialect: 'Batch REST body',
    secrets: 'Secrets are placeholders to replace when the body is sent (from Key Vault, say), never written in the file.',
  },
};

/** Environment variables the bodies read secrets from (their default tab-stop values). */
export const SECRET_VARIABLES = {
  adminPassword: 'BATCH_ADMIN_PASSWORD',
  userPassword: 'BATCH_USER_PASSWORD',
  sshPrivateKey: 'BATCH_SSH_PRIVATE_KEY',
} as const;

/** Default names: the named-user task runs as the admin account both pool snippets define (so no pair of them warns). */
export const SNIPPET_NAMES = {
  task: 'task',
  pool: 'pool',
  taskId: 'task1',
  adminUser: 'adminUser',
  nonAdminUser: 'nonAdminUser',
  taskCommand: 'whoami',
  startTaskCommand: 'cmd /c install.cmd',
  uid: '1001',
  gid: '1001',
} as const;

/** The snippets' bodies by what they set up. */
export type BodyKey = keyof typeof CSHARP_BODIES;

export interface SnippetDefinition {
  readonly prefix: string;
  /** The snippet's name in the files (what the completion list shows beside the prefix). */
  readonly title: string;
  readonly description: string;
  /** What the body needs in reach: nothing (it creates a task) or a pool named by tab stop 1. */
  readonly target: 'task' | 'pool';
  /** What it sets up (the same in every language and dialect). */
  readonly key: BodyKey;
  /** It writes secrets: the description says where they come from, per language. */
  readonly secrets?: boolean;
  readonly bodies: Readonly<Record<SnippetLanguage, readonly string[]>>;
}

// ---------------------------------------------------------------------------------------------
// Snippet syntax
// ---------------------------------------------------------------------------------------------

/** Text that is literal in a snippet: `$`, `}` and `\` escaped. */
function literal(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function tab(index: number, value: string): string {
  return `\${${index}:${literal(value)}}`;
}

function choice(index: number, options: readonly string[]): string {
  return `\${${index}|${options.map((o) => o.replace(/[\\|,]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** A choice of an enum's members in one SDK's spelling, `first` being the default. */
function memberChoice(index: number, spellings: EnumSpellings, enumName: EnumName, first: CanonicalMember): string {
  const rest = Object.keys(spellings[enumName]).filter((m) => m !== first) as CanonicalMember[];
  return choice(
    index,
    [first, ...rest].map((m) => spell(spellings, enumName, m)),
  );
}

/** The lines with `suffix` closing the last one (a bracket, a comma, a semicolon). */
function closeLast(lines: readonly string[], suffix: string): string[] {
  return [...lines.slice(0, -1), `${lines[lines.length - 1]}${suffix}`];
}

/** A name the model lists (a task or pool type, a key): fails loudly when the model drops it. */
function known(names: Iterable<string>, name: string): string {
  for (const n of names) if (n === name) return name;
  throw new Error(`the Batch model does not know ${name}`);
}

// ---------------------------------------------------------------------------------------------
// C# — Microsoft.Azure.Batch ≥ 6: immutable identity types built through constructors (G14)
// ---------------------------------------------------------------------------------------------

const CS_ENUMS = CSHARP.enums;
const CS_MODELS = CSHARP.models;
const CS_CLASS = {
  cloudTask: known(Object.keys(CSHARP.taskTypes), 'CloudTask'),
  startTask: known(Object.keys(CSHARP.taskTypes), 'StartTask'),
  userIdentity: CSHARP.write.userIdentityType,
  autoUser: CSHARP.write.autoUserType,
  userAccount: known(CSHARP.identityTypes, 'UserAccount'),
  linux: known(CSHARP.identityTypes, 'LinuxUserConfiguration'),
  windows: known(CSHARP.identityTypes, 'WindowsUserConfiguration'),
};

/** The constructor parameter name of a field (`elevationLevel:`). */
function csParam(model: keyof typeof CS_MODELS, field: CSharpField): string {
  const parameters: Readonly<Record<string, CSharpField>> = CS_MODELS[model].parameters;
  const name = Object.keys(parameters).find((p) => parameters[p] === field);
  if (!name) throw new Error(`the Batch model has no ${model} parameter for ${field}`);
  return name;
}

function csAutoUser(scope: string, elevation: string): string {
  const p = (f: CSharpField) => csParam('AutoUserSpecification', f);
  return `new ${CS_CLASS.userIdentity}(new ${CS_CLASS.autoUser}(${p('scope')}: AutoUserScope.${scope}, ${p('elevation')}: ElevationLevel.${elevation}))`;
}

function csTask(identity: string): string[] {
  return [
    `${CS_CLASS.cloudTask} ${tab(1, SNIPPET_NAMES.task)} = new ${CS_CLASS.cloudTask}("${tab(2, SNIPPET_NAMES.taskId)}", "${tab(3, SNIPPET_NAMES.taskCommand)}")`,
    '{',
    `\t${CSHARP.legacy.userIdentity} = ${identity},`,
    '};',
  ];
}

function csAccount(name: string, password: string, elevation: string, settings: string[]): string[] {
  const p = (f: CSharpField) => csParam('UserAccount', f);
  return [
    `\tnew ${CS_CLASS.userAccount}(`,
    `\t\t${p('name')}: "${name}",`,
    `\t\t${p('password')}: Environment.GetEnvironmentVariable("${password}"),`,
    `\t\t${p('elevation')}: ElevationLevel.${elevation},`,
    ...closeLast(settings, ')),').map((line) => `\t\t${line}`),
  ];
}

function csAccounts(accounts: string[][]): string[] {
  return [`${tab(1, SNIPPET_NAMES.pool)}.${CSHARP.legacy.userAccounts} = new List<${CS_CLASS.userAccount}>`, '{', ...accounts.flat(), '};'];
}

function csWindowsAccount(index: number, name: string, password: string, elevation: CanonicalMember): string[] {
  const mode = csParam('WindowsUserConfiguration', 'loginMode');
  return csAccount(tab(index, name), tab(index + 1, password), spell(CS_ENUMS, 'ElevationLevel', elevation), [
    `${csParam('UserAccount', 'windows')}: new ${CS_CLASS.windows}(${mode}: LoginMode.${memberChoice(index + 2, CS_ENUMS, 'LoginMode', 'batch')}`,
  ]);
}

const CSHARP_BODIES = {
  autoUserAdmin: csTask(csAutoUser(CS_ENUMS.AutoUserScope.task, CS_ENUMS.ElevationLevel.admin)),
  autoUserPool: csTask(csAutoUser(CS_ENUMS.AutoUserScope.pool, memberChoice(4, CS_ENUMS, 'ElevationLevel', 'nonAdmin'))),
  namedUser: csTask(`new ${CS_CLASS.userIdentity}("${tab(4, SNIPPET_NAMES.adminUser)}")`),
  poolUsersWindows: csAccounts([
    csWindowsAccount(2, SNIPPET_NAMES.adminUser, SECRET_VARIABLES.adminPassword, 'admin'),
    csWindowsAccount(5, SNIPPET_NAMES.nonAdminUser, SECRET_VARIABLES.userPassword, 'nonAdmin'),
  ]),
  poolUsersLinux: csAccounts([
    csAccount(
      tab(2, SNIPPET_NAMES.adminUser),
      tab(3, SECRET_VARIABLES.adminPassword),
      memberChoice(4, CS_ENUMS, 'ElevationLevel', 'admin'),
      [
        `${csParam('UserAccount', 'linux')}: new ${CS_CLASS.linux}(`,
        `\t${csParam('LinuxUserConfiguration', 'uid')}: ${tab(5, SNIPPET_NAMES.uid)},`,
        `\t${csParam('LinuxUserConfiguration', 'gid')}: ${tab(6, SNIPPET_NAMES.gid)},`,
        `\t${csParam('LinuxUserConfiguration', 'sshPrivateKey')}: Environment.GetEnvironmentVariable("${tab(7, SECRET_VARIABLES.sshPrivateKey)}")`,
      ],
    ),
  ]),
  startTaskAdmin: [
    `${tab(1, SNIPPET_NAMES.pool)}.StartTask = new ${CS_CLASS.startTask}`,
    '{',
    `\tCommandLine = "${tab(2, SNIPPET_NAMES.startTaskCommand)}",`,
    `\t${CSHARP.legacy.userIdentity} = ${csAutoUser(CS_ENUMS.AutoUserScope.pool, CS_ENUMS.ElevationLevel.admin)},`,
    '\tWaitForSuccess = true,',
    '};',
  ],
};

// ---------------------------------------------------------------------------------------------
// Java — com.microsoft.azure.batch.protocol.models, fluent `withX` (§6.1)
// ---------------------------------------------------------------------------------------------

const J = JAVA.setters.legacy;
const J_ENUMS = JAVA.enums;
const J_CLASS = {
  ...JAVA.classes,
  taskAdd: known(Object.keys(JAVA.taskTypes), 'TaskAddParameter'),
  startTask: known(Object.keys(JAVA.taskTypes), 'StartTask'),
};

function javaAutoUser(indent: string, scope: string, elevation: string): string[] {
  return [
    `${indent}.${J.userIdentity}(new ${J_CLASS.userIdentity}()`,
    `${indent}\t\t.${J.autoUser}(new ${J_CLASS.autoUser}()`,
    `${indent}\t\t\t\t.${J.scope}(AutoUserScope.${scope})`,
    `${indent}\t\t\t\t.${J.elevationLevel}(ElevationLevel.${elevation})))`,
  ];
}

function javaTask(identity: string[]): string[] {
  return closeLast(
    [
      `${J_CLASS.taskAdd} ${tab(1, SNIPPET_NAMES.task)} = new ${J_CLASS.taskAdd}()`,
      `\t\t.withId("${tab(2, SNIPPET_NAMES.taskId)}")`,
      `\t\t.${J.commandLine}("${tab(3, SNIPPET_NAMES.taskCommand)}")`,
      ...identity,
    ],
    ';',
  );
}

function javaAccount(name: string, password: string, elevation: string, settings: string[]): string[] {
  return [
    `\t\tnew ${J_CLASS.userAccount}()`,
    `\t\t\t\t.${J.name}("${name}")`,
    `\t\t\t\t.${J.password}(System.getenv("${password}"))`,
    `\t\t\t\t.${J.elevationLevel}(ElevationLevel.${elevation})`,
    ...settings.map((line) => `\t\t\t\t${line}`),
  ];
}

/** The accounts as `Arrays.asList` arguments: a comma between them, the closing brackets after the last. */
function javaAccounts(accounts: string[][]): string[] {
  const lines = accounts.flatMap((account, i) => closeLast(account, i === accounts.length - 1 ? '));' : ','));
  return [`${tab(1, SNIPPET_NAMES.pool)}.${J.userAccounts}(Arrays.asList(`, ...lines];
}

function javaWindowsAccount(index: number, name: string, password: string, elevation: CanonicalMember): string[] {
  return javaAccount(tab(index, name), tab(index + 1, password), spell(J_ENUMS, 'ElevationLevel', elevation), [
    `.${J.windowsUserConfiguration}(new ${J_CLASS.windows}()`,
    `\t\t.${J.loginMode}(LoginMode.${memberChoice(index + 2, J_ENUMS, 'LoginMode', 'batch')}))`,
  ]);
}

const JAVA_BODIES = {
  autoUserAdmin: javaTask(javaAutoUser('\t\t', J_ENUMS.AutoUserScope.task, J_ENUMS.ElevationLevel.admin)),
  autoUserPool: javaTask(javaAutoUser('\t\t', J_ENUMS.AutoUserScope.pool, memberChoice(4, J_ENUMS, 'ElevationLevel', 'nonAdmin'))),
  namedUser: javaTask([`\t\t.${J.userIdentity}(new ${J_CLASS.userIdentity}().${J.userName}("${tab(4, SNIPPET_NAMES.adminUser)}"))`]),
  poolUsersWindows: javaAccounts([
    javaWindowsAccount(2, SNIPPET_NAMES.adminUser, SECRET_VARIABLES.adminPassword, 'admin'),
    javaWindowsAccount(5, SNIPPET_NAMES.nonAdminUser, SECRET_VARIABLES.userPassword, 'nonAdmin'),
  ]),
  poolUsersLinux: javaAccounts([
    javaAccount(
      tab(2, SNIPPET_NAMES.adminUser),
      tab(3, SECRET_VARIABLES.adminPassword),
      memberChoice(4, J_ENUMS, 'ElevationLevel', 'admin'),
      [
        `.${J.linuxUserConfiguration}(new ${J_CLASS.linux}()`,
        `\t\t.${J.uid}(${tab(5, SNIPPET_NAMES.uid)})`,
        `\t\t.${J.gid}(${tab(6, SNIPPET_NAMES.gid)})`,
        `\t\t.${J.sshPrivateKey}(System.getenv("${tab(7, SECRET_VARIABLES.sshPrivateKey)}")))`,
      ],
    ),
  ]),
  startTaskAdmin: [
    `${tab(1, SNIPPET_NAMES.pool)}.withStartTask(new ${J_CLASS.startTask}()`,
    `\t\t.${J.commandLine}("${tab(2, SNIPPET_NAMES.startTaskCommand)}")`,
    ...javaAutoUser('\t\t', J_ENUMS.AutoUserScope.pool, J_ENUMS.ElevationLevel.admin),
    '\t\t.withWaitForSuccess(true));',
  ],
};

// ---------------------------------------------------------------------------------------------
// Python — azure-batch 2.0–14.x as `import azure.batch.models as batchmodels` (§7.1)
// ---------------------------------------------------------------------------------------------

const M = PYTHON.conventionalAlias;
const K = PYTHON.keywords;
const PY_ENUMS = PYTHON.enums.legacy;
const PY_CLASS = {
  taskAdd: known(Object.keys(PYTHON.taskTypes), 'TaskAddParameter'),
  startTask: known(Object.keys(PYTHON.taskTypes), 'StartTask'),
  userIdentity: known(PYTHON.identityTypes, 'UserIdentity'),
  autoUser: known(PYTHON.identityTypes, 'AutoUserSpecification'),
  userAccount: known(PYTHON.identityTypes, 'UserAccount'),
  linux: known(PYTHON.identityTypes, 'LinuxUserConfiguration'),
  windows: known(PYTHON.identityTypes, 'WindowsUserConfiguration'),
};

function pyAutoUser(indent: string, scope: string, elevation: string): string[] {
  return [
    `${indent}${PYTHON.userIdentity}=${M}.${PY_CLASS.userIdentity}(`,
    `${indent}\t${K.autoUser}=${M}.${PY_CLASS.autoUser}(`,
    `${indent}\t\t${K.scope}=${M}.AutoUserScope.${scope},`,
    `${indent}\t\t${K.elevationLevel}=${M}.ElevationLevel.${elevation}))`,
  ];
}

function pyTask(identity: string[]): string[] {
  return [
    `${tab(1, SNIPPET_NAMES.task)} = ${M}.${PY_CLASS.taskAdd}(`,
    `\tid='${tab(2, SNIPPET_NAMES.taskId)}',`,
    `\tcommand_line='${tab(3, SNIPPET_NAMES.taskCommand)}',`,
    ...closeLast(identity, ')'),
  ];
}

function pyAccount(name: string, password: string, elevation: string, settings: string[]): string[] {
  return [
    `\t${M}.${PY_CLASS.userAccount}(`,
    `\t\t${K.name}='${name}',`,
    `\t\t${K.password}=os.environ['${password}'],`,
    `\t\t${K.elevationLevel}=${M}.ElevationLevel.${elevation},`,
    ...closeLast(settings, ')),').map((line) => `\t\t${line}`),
  ];
}

function pyAccounts(accounts: string[][]): string[] {
  return [`${tab(1, SNIPPET_NAMES.pool)}.${K.userAccounts} = [`, ...accounts.flat(), ']'];
}

function pyWindowsAccount(index: number, name: string, password: string, elevation: CanonicalMember): string[] {
  return pyAccount(tab(index, name), tab(index + 1, password), spell(PY_ENUMS, 'ElevationLevel', elevation), [
    `${K.windowsUserConfiguration}=${M}.${PY_CLASS.windows}(`,
    `\t${K.loginMode}=${M}.LoginMode.${memberChoice(index + 2, PY_ENUMS, 'LoginMode', 'batch')}`,
  ]);
}

const PYTHON_BODIES = {
  autoUserAdmin: pyTask(pyAutoUser('\t', PY_ENUMS.AutoUserScope.task, PY_ENUMS.ElevationLevel.admin)),
  autoUserPool: pyTask(pyAutoUser('\t', PY_ENUMS.AutoUserScope.pool, memberChoice(4, PY_ENUMS, 'ElevationLevel', 'nonAdmin'))),
  namedUser: pyTask([
    `\t${PYTHON.userIdentity}=${M}.${PY_CLASS.userIdentity}(${PYTHON.userNameKeyword.legacy}='${tab(4, SNIPPET_NAMES.adminUser)}')`,
  ]),
  poolUsersWindows: pyAccounts([
    pyWindowsAccount(2, SNIPPET_NAMES.adminUser, SECRET_VARIABLES.adminPassword, 'admin'),
    pyWindowsAccount(5, SNIPPET_NAMES.nonAdminUser, SECRET_VARIABLES.userPassword, 'nonAdmin'),
  ]),
  poolUsersLinux: pyAccounts([
    pyAccount(
      tab(2, SNIPPET_NAMES.adminUser),
      tab(3, SECRET_VARIABLES.adminPassword),
      memberChoice(4, PY_ENUMS, 'ElevationLevel', 'admin'),
      [
        `${K.linuxUserConfiguration}=${M}.${PY_CLASS.linux}(`,
        `\t${K.uid}=${tab(5, SNIPPET_NAMES.uid)},`,
        `\t${K.gid}=${tab(6, SNIPPET_NAMES.gid)},`,
        `\t${K.sshPrivateKey}=os.environ['${tab(7, SECRET_VARIABLES.sshPrivateKey)}']`,
      ],
    ),
  ]),
  startTaskAdmin: [
    `${tab(1, SNIPPET_NAMES.pool)}.start_task = ${M}.${PY_CLASS.startTask}(`,
    `\tcommand_line='${tab(2, SNIPPET_NAMES.startTaskCommand)}',`,
    ...closeLast(pyAutoUser('\t', PY_ENUMS.AutoUserScope.pool, PY_ENUMS.ElevationLevel.admin), ','),
    '\twait_for_success=True)',
  ],
};

// ---------------------------------------------------------------------------------------------
// JSON — REST bodies: `username`, lower-case enum values (§2); ARM templates: `userName`, PascalCase
// ---------------------------------------------------------------------------------------------

const JK = { ...JSON_KEYS, startTask: known(Object.keys(JSON_KEYS.taskHolders), 'startTask') };

/** The JSON secrets: what a REST body's placeholder says, and an ARM template's parameter name. */
const JSON_SECRETS = {
  adminPassword: { placeholder: '<password, from Key Vault>', parameter: 'adminUserPassword' },
  userPassword: { placeholder: '<password, from Key Vault>', parameter: 'nonAdminUserPassword' },
  sshPrivateKey: { placeholder: '<SSH private key, from Key Vault>', parameter: 'sshPrivateKey' },
} as const;

/**
 * A secret's tab stop: in an ARM template a reference to a (secure) parameter, in a REST body a
 * placeholder saying what to put there — never text that would be sent as the secret.
 */
function jsonSecret(dialect: JsonDialect, index: number, secret: keyof typeof JSON_SECRETS): string {
  const { placeholder, parameter } = JSON_SECRETS[secret];
  return dialect === 'arm' ? `"[parameters('${tab(index, parameter)}')]"` : `"${tab(index, placeholder)}"`;
}

/** Lines indented one level more (tabs: the editor or the completion writes the file's unit). */
const indented = (lines: readonly string[]): string[] => lines.map((line) => `\t${line}`);

function jsonAutoUser(scope: string, elevation: string): string[] {
  return [
    `"${JK.userIdentity}": {`,
    `\t"${JK.autoUser}": {`,
    `\t\t"${JK.scope}": "${scope}",`,
    `\t\t"${JK.elevationLevel}": "${elevation}"`,
    '\t}',
    '}',
  ];
}

function jsonTask(identity: string[]): string[] {
  return [
    '{',
    `\t"id": "${tab(1, SNIPPET_NAMES.taskId)}",`,
    `\t"commandLine": "${tab(2, SNIPPET_NAMES.taskCommand)}",`,
    ...indented(identity),
    '}',
  ];
}

function jsonAccount(name: string, password: string, elevation: string, settings: string[]): string[] {
  return [
    '{',
    `\t"name": "${name}",`,
    `\t"password": ${password},`,
    `\t"${JK.elevationLevel}": "${elevation}",`,
    ...indented(settings),
    '}',
  ];
}

function jsonAccounts(accounts: string[][]): string[] {
  const lines = accounts.flatMap((account, i) => indented(i === accounts.length - 1 ? account : closeLast(account, ',')));
  return [`"${JK.userAccounts}": [`, ...lines, ']'];
}

function jsonWindowsAccount(
  dialect: JsonDialect,
  index: number,
  name: string,
  secret: keyof typeof JSON_SECRETS,
  elevation: CanonicalMember,
): string[] {
  const enums = JSON_DIALECTS[dialect].enums;
  return jsonAccount(tab(index, name), jsonSecret(dialect, index + 1, secret), spell(enums, 'ElevationLevel', elevation), [
    '"windowsUserConfiguration": {',
    `\t"loginMode": "${memberChoice(index + 2, enums, 'LoginMode', 'batch')}"`,
    '}',
  ]);
}

/** A tab stop for a user name: a choice of `names` (the workspace's accounts) when there are any. */
function userNameStop(index: number, names: readonly string[] | undefined): string {
  return names && names.length > 0 ? choice(index, names) : tab(index, SNIPPET_NAMES.adminUser);
}

/**
 * The identity members of the snippets in one JSON dialect, each a property with its tab stops
 * numbered from 1: what a task's or a pool's object takes (the server's completion inserts them
 * where they fit; the static REST snippets wrap the task's in a whole body).
 */
export function jsonSnippetMembers(dialect: JsonDialect, userNames?: readonly string[]): Readonly<Record<BodyKey, readonly string[]>> {
  const { enums, userNameKey } = JSON_DIALECTS[dialect];
  return {
    autoUserAdmin: jsonAutoUser(enums.AutoUserScope.task, enums.ElevationLevel.admin),
    autoUserPool: jsonAutoUser(enums.AutoUserScope.pool, memberChoice(1, enums, 'ElevationLevel', 'nonAdmin')),
    namedUser: [`"${JK.userIdentity}": {`, `\t"${userNameKey}": "${userNameStop(1, userNames)}"`, '}'],
    poolUsersWindows: jsonAccounts([
      jsonWindowsAccount(dialect, 1, SNIPPET_NAMES.adminUser, 'adminPassword', 'admin'),
      jsonWindowsAccount(dialect, 4, SNIPPET_NAMES.nonAdminUser, 'userPassword', 'nonAdmin'),
    ]),
    poolUsersLinux: jsonAccounts([
      jsonAccount(
        tab(1, SNIPPET_NAMES.adminUser),
        jsonSecret(dialect, 2, 'adminPassword'),
        memberChoice(3, enums, 'ElevationLevel', 'admin'),
        [
          '"linuxUserConfiguration": {',
          `\t"uid": ${tab(4, SNIPPET_NAMES.uid)},`,
          `\t"gid": ${tab(5, SNIPPET_NAMES.gid)},`,
          `\t"sshPrivateKey": ${jsonSecret(dialect, 6, 'sshPrivateKey')}`,
          '}',
        ],
      ),
    ]),
    startTaskAdmin: [
      `"${JK.startTask}": {`,
      `\t"commandLine": "${tab(1, SNIPPET_NAMES.startTaskCommand)}",`,
      ...indented(closeLast(jsonAutoUser(enums.AutoUserScope.pool, enums.ElevationLevel.admin), ',')),
      '\t"waitForSuccess": true',
      '}',
    ],
  };
}

/** A snippet's tab stops renumbered from `first` (a member inside a body whose own stops come before). */
export function renumberTabStops(lines: readonly string[], first: number): string[] {
  return lines.map((line) => line.replace(/(?<!\\)\$\{(\d+)([:|])/g, (_, n: string, mark: string) => `\${${Number(n) + first - 1}${mark}`));
}

const REST_MEMBERS = jsonSnippetMembers('rest');

const JSON_BODIES = {
  autoUserAdmin: jsonTask(REST_MEMBERS.autoUserAdmin as string[]),
  autoUserPool: jsonTask(renumberTabStops(REST_MEMBERS.autoUserPool, 3)),
  namedUser: jsonTask(renumberTabStops(REST_MEMBERS.namedUser, 3)),
  poolUsersWindows: REST_MEMBERS.poolUsersWindows,
  poolUsersLinux: REST_MEMBERS.poolUsersLinux,
  startTaskAdmin: REST_MEMBERS.startTaskAdmin,
};

// ---------------------------------------------------------------------------------------------
// TypeScript and JavaScript — @azure/batch 10.x (and azure-batch 2.x–9.x): object literals with the
// REST body's property names and values. A task snippet adds the task through the client (its first
// tab stop), where the operation types the literal; a pool snippet is a member of the pool's object
// literal, as the JSON ones are of a body. No type annotation: the same body is JavaScript.
// ---------------------------------------------------------------------------------------------

const TS_ENUMS = JAVASCRIPT.enums['@azure/batch'];
const TS_TASK_ADD = known(Object.keys(JAVASCRIPT.operations.task ?? {}), 'add');

/**
 * A secret read from `process.env.NAME`, its name a tab stop, as the other languages' snippets read
 * theirs. A password is a `string` the typings require, so `?? ''` (an unset variable sends an empty
 * one): `!` and `as string` are TypeScript alone, and the same body is JavaScript's; a placeholder
 * in the value's place would be a name tsc cannot find or a literal secret in the source.
 */
const tsSecret = (index: number, variable: string) => `process.env.${tab(index, variable)} ?? ''`;
/** An optional secret (the SSH key, `sshPrivateKey?: string`): unset, it is not sent, rather than sent empty. */
const tsOptionalSecret = (index: number, variable: string) => `process.env.${tab(index, variable)}`;

function tsAutoUser(scope: string, elevation: string): string[] {
  return [
    `${JAVASCRIPT.userIdentity}: {`,
    `\t${JK.autoUser}: {`,
    `\t\t${JK.scope}: '${scope}',`,
    `\t\t${JK.elevationLevel}: '${elevation}',`,
    '\t},',
    '},',
  ];
}

function tsTask(identity: string[]): string[] {
  return [
    `await ${tab(1, 'batchClient')}.task.${TS_TASK_ADD}('${tab(2, 'job1')}', {`,
    `\tid: '${tab(3, SNIPPET_NAMES.taskId)}',`,
    `\t${JK.commandLine}: '${tab(4, SNIPPET_NAMES.taskCommand)}',`,
    ...indented(identity),
    '});',
  ];
}

function tsAccount(name: string, password: string, elevation: string, settings: string[]): string[] {
  return ['{', `\tname: '${name}',`, `\tpassword: ${password},`, `\t${JK.elevationLevel}: '${elevation}',`, ...indented(settings), '},'];
}

function tsWindowsAccount(index: number, name: string, password: string, elevation: CanonicalMember): string[] {
  return tsAccount(tab(index, name), tsSecret(index + 1, password), spell(TS_ENUMS, 'ElevationLevel', elevation), [
    'windowsUserConfiguration: {',
    `\tloginMode: '${memberChoice(index + 2, TS_ENUMS, 'LoginMode', 'batch')}',`,
    '},',
  ]);
}

const TYPESCRIPT_BODIES = {
  autoUserAdmin: tsTask(tsAutoUser(TS_ENUMS.AutoUserScope.task, TS_ENUMS.ElevationLevel.admin)),
  autoUserPool: tsTask(tsAutoUser(TS_ENUMS.AutoUserScope.pool, memberChoice(5, TS_ENUMS, 'ElevationLevel', 'nonAdmin'))),
  namedUser: tsTask([`${JAVASCRIPT.userIdentity}: { ${JAVASCRIPT.userName}: '${tab(5, SNIPPET_NAMES.adminUser)}' },`]),
  poolUsersWindows: [
    `${JAVASCRIPT.userAccounts}: [`,
    ...indented(tsWindowsAccount(1, SNIPPET_NAMES.adminUser, SECRET_VARIABLES.adminPassword, 'admin')),
    ...indented(tsWindowsAccount(4, SNIPPET_NAMES.nonAdminUser, SECRET_VARIABLES.userPassword, 'nonAdmin')),
    '],',
  ],
  poolUsersLinux: [
    `${JAVASCRIPT.userAccounts}: [`,
    ...indented(
      tsAccount(
        tab(1, SNIPPET_NAMES.adminUser),
        tsSecret(2, SECRET_VARIABLES.adminPassword),
        memberChoice(3, TS_ENUMS, 'ElevationLevel', 'admin'),
        [
          'linuxUserConfiguration: {',
          `\tuid: ${tab(4, SNIPPET_NAMES.uid)},`,
          `\tgid: ${tab(5, SNIPPET_NAMES.gid)},`,
          `\tsshPrivateKey: ${tsOptionalSecret(6, SECRET_VARIABLES.sshPrivateKey)},`,
          '},',
        ],
      ),
    ),
    '],',
  ],
  startTaskAdmin: [
    `${JK.startTask}: {`,
    `\t${JK.commandLine}: '${tab(1, SNIPPET_NAMES.startTaskCommand)}',`,
    ...indented(tsAutoUser(TS_ENUMS.AutoUserScope.pool, TS_ENUMS.ElevationLevel.admin)),
    '\twaitForSuccess: true,',
    '},',
  ],
};

// ---------------------------------------------------------------------------------------------
// The snippets
// ---------------------------------------------------------------------------------------------

function bodies(key: BodyKey): Record<SnippetLanguage, readonly string[]> {
  return {
    csharp: CSHARP_BODIES[key],
    java: JAVA_BODIES[key],
    python: PYTHON_BODIES[key],
    json: JSON_BODIES[key],
    typescript: TYPESCRIPT_BODIES[key],
  };
}

export const SNIPPETS: readonly SnippetDefinition[] = [
  {
    prefix: 'batch-autouser-admin',
    title: 'Batch: task as admin auto-user (task scope)',
    description:
      "A task that runs as an admin auto-user with task scope: on Windows nodes, an elevated account of the task's own. " +
      'Task scope was the Windows default when runElevated was replaced (2017-01-01.4.0); since 2019-08-01.10.0 the default is pool.',
    target: 'task',
    key: 'autoUserAdmin',
    bodies: bodies('autoUserAdmin'),
  },
  {
    prefix: 'batch-autouser-pool',
    title: 'Batch: task as pool-scope auto-user',
    description:
      'A task that runs as the pool-scope auto-user: the account shared by every pool-scope task of the same elevation on the node, ' +
      'so it can write the start-task directory of a pool-scope start task of that elevation. Non-admin unless you choose admin.',
    target: 'task',
    key: 'autoUserPool',
    bodies: bodies('autoUserPool'),
  },
  {
    prefix: 'batch-pool-users-windows',
    title: 'Batch: pool user accounts (Windows)',
    description:
      'Named user accounts on a Windows pool, an admin and a non-admin, each with a login mode ' +
      '(interactive logons on Windows VM pools run under UAC; batch is recommended for long-running processes).',
    target: 'pool',
    key: 'poolUsersWindows',
    secrets: true,
    bodies: bodies('poolUsersWindows'),
  },
  {
    prefix: 'batch-pool-users-linux',
    title: 'Batch: pool user account (Linux: uid, gid, SSH key)',
    description:
      'A named user account on a Linux pool with uid and gid (set together) and an SSH private key, not password-protected, ' +
      "for key-based SSH between the pool's nodes when inter-node communication is enabled. " +
      "Its name is the named-user task snippet's, so the two fit together.",
    target: 'pool',
    key: 'poolUsersLinux',
    secrets: true,
    bodies: bodies('poolUsersLinux'),
  },
  {
    prefix: 'batch-task-named-user',
    title: 'Batch: task under a named user',
    description: "A task that runs as a named user account; the name must be one of the pool's user accounts.",
    target: 'task',
    key: 'namedUser',
    bodies: bodies('namedUser'),
  },
  {
    prefix: 'batch-starttask-admin',
    title: 'Batch: start task as admin pool-scope auto-user',
    description:
      "A pool's start task that runs as the admin pool-scope auto-user and waits for success: " +
      "tasks running as the same admin pool-scope auto-user can write the start task's directory.",
    target: 'pool',
    key: 'startTaskAdmin',
    bodies: bodies('startTaskAdmin'),
  },
];

/** The languages whose snippets are a contributed file. */
export const SNIPPET_FILE_LANGUAGES = (Object.keys(SNIPPET_FILES) as SnippetLanguage[]).filter((language) => SNIPPET_FILES[language].file);

/** A snippet's description in one language: what it sets up, where its secrets come from, for which SDK or dialect. */
export function snippetDescription(snippet: SnippetDefinition, language: SnippetLanguage): string {
  return `${snippet.description}${snippet.secrets ? ` ${SNIPPET_FILES[language].secrets}` : ''} (${SNIPPET_FILES[language].dialect})`;
}

/** A snippet's description in a JSON dialect: in an ARM template its secrets are parameter references. */
export function jsonSnippetDescription(snippet: SnippetDefinition, dialect: JsonDialect): string {
  if (dialect === 'rest') return snippetDescription(snippet, 'json');
  const secrets = snippet.secrets
    ? ' Secrets are references to template parameters (declare them secureString), never written in the file.'
    : '';
  return `${snippet.description}${secrets} (${JSON_DIALECTS.arm.label})`;
}

/** One snippet file's content, as VS Code reads it. */
export function snippetFile(language: SnippetLanguage): Record<string, { prefix: string; description: string; body: readonly string[] }> {
  const file: Record<string, { prefix: string; description: string; body: readonly string[] }> = {};
  for (const snippet of SNIPPETS) {
    file[snippet.title] = {
      prefix: snippet.prefix,
      description: snippetDescription(snippet, language),
      body: snippet.bodies[language],
    };
  }
  return file;
}

/** The identity forms a task's construction takes in code: a member, a builder call, a keyword argument. */
export interface CodeIdentityMembers {
  /** An auto-user, scope and elevation to choose (pool scope and non-admin first: the defaults). */
  readonly autoUser: string;
  /** A named user: the workspace's account names to choose from. */
  readonly namedUser: string;
  /** The identity types and enums the forms name (what must be in reach). */
  readonly names: readonly string[];
}

/**
 * The user identity as the task's construction takes it, one line in snippet syntax, for the
 * generations the snippets are written for: C# `UserIdentity = …` in an object initializer, Java
 * `withUserIdentity(…)` in a builder chain, Python `user_identity=…` in the model's call (the
 * models reached through `pythonPrefix`, the call's own, with `quote` the file's string quote).
 */
export function codeIdentityMembers(
  language: Extract<SnippetLanguage, 'csharp' | 'java' | 'python'>,
  userNames: readonly string[],
  pythonPrefix = `${M}.`,
  quote = "'",
): CodeIdentityMembers {
  const names = [CS_CLASS.userIdentity, CS_CLASS.autoUser, 'AutoUserScope', 'ElevationLevel'];
  switch (language) {
    case 'csharp':
      return {
        autoUser: `${CSHARP.legacy.userIdentity} = ${csAutoUser(memberChoice(1, CS_ENUMS, 'AutoUserScope', 'pool'), memberChoice(2, CS_ENUMS, 'ElevationLevel', 'nonAdmin'))}`,
        namedUser: `${CSHARP.legacy.userIdentity} = new ${CS_CLASS.userIdentity}("${userNameStop(1, userNames)}")`,
        names,
      };
    case 'java':
      return {
        autoUser:
          `${J.userIdentity}(new ${J_CLASS.userIdentity}().${J.autoUser}(new ${J_CLASS.autoUser}()` +
          `.${J.scope}(AutoUserScope.${memberChoice(1, J_ENUMS, 'AutoUserScope', 'pool')})` +
          `.${J.elevationLevel}(ElevationLevel.${memberChoice(2, J_ENUMS, 'ElevationLevel', 'nonAdmin')})))`,
        namedUser: `${J.userIdentity}(new ${J_CLASS.userIdentity}().${J.userName}("${userNameStop(1, userNames)}"))`,
        names: [J_CLASS.userIdentity, J_CLASS.autoUser, 'AutoUserScope', 'ElevationLevel'],
      };
    case 'python': {
      const p = literal(pythonPrefix);
      return {
        autoUser:
          `${PYTHON.userIdentity}=${p}${PY_CLASS.userIdentity}(${K.autoUser}=${p}${PY_CLASS.autoUser}(` +
          `${K.scope}=${p}AutoUserScope.${memberChoice(1, PY_ENUMS, 'AutoUserScope', 'pool')}, ` +
          `${K.elevationLevel}=${p}ElevationLevel.${memberChoice(2, PY_ENUMS, 'ElevationLevel', 'nonAdmin')}))`,
        namedUser: `${PYTHON.userIdentity}=${p}${PY_CLASS.userIdentity}(${PYTHON.userNameKeyword.legacy}=${quote}${userNameStop(1, userNames)}${quote})`,
        names: [PY_CLASS.userIdentity, PY_CLASS.autoUser, 'AutoUserScope', 'ElevationLevel'],
      };
    }
  }
}

/**
 * The user identity as a TypeScript/JavaScript task object literal takes it, one line in snippet
 * syntax: the `userIdentity` member with the values the typings of the file's SDK declare, in the
 * file's string quote.
 */
export function typescriptIdentityMembers(userNames: readonly string[], sdk: JsSdk, quote = "'"): CodeIdentityMembers {
  const enums = JAVASCRIPT.enums[sdk];
  const q = (text: string) => `${quote}${text}${quote}`;
  return {
    autoUser:
      `${JAVASCRIPT.userIdentity}: { ${JK.autoUser}: { ${JK.scope}: ${q(memberChoice(1, enums, 'AutoUserScope', 'pool'))}, ` +
      `${JK.elevationLevel}: ${q(memberChoice(2, enums, 'ElevationLevel', 'nonAdmin'))} } }`,
    namedUser: `${JAVASCRIPT.userIdentity}: { ${JAVASCRIPT.userName}: ${q(userNameStop(1, userNames))} }`,
    names: [],
  };
}
