/**
 * What the integration suites expect per language, as one table: every suite loops over it, so a
 * language is added by putting its fixture files under test/integration/fixture/<language>/ and
 * one entry here. Expected texts are written as replacements of the fixture's text (each `from`
 * must occur exactly once), which keeps them exact and short. The texts are the engine's, as the
 * run-elevated rule table asserts them (test/unit/rules/runElevated/<language>.ts).
 */
import * as vscode from 'vscode';
import type { LanguageId } from '../../../common/languages';

export interface Replacement {
  readonly from: string;
  readonly to: string;
}

/** A hover asked for inside the first (only) occurrence of `at`. */
export interface HoverExpectation {
  /** Text of the fixture file that occurs once; the hover is asked for one character into it. */
  readonly at: string;
  /** The text the hover's range covers. */
  readonly range: string;
  /** Whole lines the hover's markdown must hold. */
  readonly lines: readonly string[];
}

export interface LanguageSample {
  /** Name in test titles (and the fixture folder). */
  readonly language: string;
  /** VS Code's language id of the files. */
  readonly languageId: string;
  /** Its entry in `batchIdentity.languages` (JSON with comments is `json` there). */
  readonly setting: LanguageId;
  /** A file with exactly one run-elevated finding. */
  readonly single: {
    readonly file: string;
    /** The text under the squiggle. */
    readonly squiggled: string;
    readonly severity: vscode.DiagnosticSeverity;
    /** What the message says: the value and what it becomes, in the file's spelling, then why (issue 14 item 2). */
    readonly message: string;
    /** The preferred quick fix: its title and the file after applying it. */
    readonly preferredFix: { readonly title: string; readonly after: readonly Replacement[] };
    /** The preferred fix's title once `batchIdentity.fix.scope` is `task`. */
    readonly taskScopeTitle: string;
    /**
     * What the hover on the squiggled name shows as "In this file it becomes": the fix's text, broken
     * after its parentheses where a run of it without spaces is too long for the hover to wrap.
     */
    readonly becomes: string;
    /** The file after "Disable run-elevated for this line"; undefined when it is not offered. */
    readonly disableLine: readonly Replacement[] | undefined;
  };
  /** A file with several findings: fix-all on save rewrites all of them. */
  readonly several: {
    readonly file: string;
    readonly squiggled: readonly string[];
    /** A change a person makes before saving (the save must have something to save). */
    readonly edit: Replacement;
    /** The file on disk after saving, relative to the fixture's text with `edit` applied. */
    readonly afterSave: readonly Replacement[];
  };
  /** A clean file; typing `insert` right after `after` brings one finding. */
  readonly typing: {
    readonly file: string;
    readonly after: string;
    readonly insert: string;
    readonly squiggled: string;
  };
  /** Hovers over identity code: elevation and scope members, identities auto and named. */
  readonly hovers?: { readonly file: string; readonly expect: readonly HoverExpectation[] };
  /**
   * Snippets, in the clean file (`typing.file`) on a new line after `after`: completion lists the
   * shared prefixes there (`prefixes`, when only some fit: JSON's come from the server, which offers
   * in a task object the task's identity snippets as its member); with `insert`, the inserted
   * snippet is code the server finds no fault in.
   */
  readonly snippets: { readonly after: string; readonly indent: string; readonly insert: boolean; readonly prefixes?: readonly string[] };
}

export const RUN_ELEVATED = 'run-elevated';

/** The snippets the server offers in a JSON task object: the task's identity, as its member. */
const JSON_TASK_SNIPPETS = ['batch-autouser-admin', 'batch-autouser-pool', 'batch-task-named-user'];

/** The pool file of the fixture workspace that defines the user account the hovers resolve. */
export const POOL_FILE = 'json/pool.json';

/** The preferred fix's title in each dialect: what it writes, spelled the file's way. */
const ADMIN_TITLE = (name: string, member: string) => `Replace ${name} with auto-user ${member}`;
const REMOVED = '(removed in Batch service version 2017-01-01.4.0).';
const DISABLE_LINE = `// batch-identity-disable-next-line ${RUN_ELEVATED}`;

/** Lines of the hovers, as server/src/batch/model.ts explains them (test/unit/hover/hover.test.ts). */
const HOVER = {
  admin: (member: string) =>
    `**${member}** — the account has elevated access and operates with full Administrator permissions on the node.`,
  nonAdmin: (member: string) => `**${member}** — a standard account without elevated access. The default.`,
  taskScope: (member: string) =>
    `**${member}** — on Windows nodes, an auto-user account created for this task alone: it has no de facto access to other tasks on the node, ` +
    'though a task with admin elevation can reach other task directories. The documentation says Linux nodes always run under pool scope.',
  identity: '**User identity**',
  autoUserAdmin: '**auto-user · admin · pool scope (default)**',
  namedAdmin: (definedIn: string) => `**named user \`adminUser\` · admin · defined in ${definedIn}**`,
  /** Over the name itself: the account it resolves to. */
  namedUser: '**Named user `adminUser`**',
  resolvesTo: (definedIn: string) => `Resolves to the pool user account defined in ${definedIn}:`,
  scopeDefault:
    'When scope is omitted it is **pool** since service version 2019-08-01.10.0; before that it was task on Windows nodes and pool on Linux nodes.',
};
/**
 * Stands for the pool file's URI in hover expectations (the workspace is a new folder each run):
 * the hover suite puts the real one in.
 */
export const POOL_URI = '<pool-uri>';
/** Where the account is defined, as the hover writes it from a file in a sibling folder: a link to the line of its "name" (issue 14 item 8). */
const POOL_FROM_SIBLING = `[../json/pool.json:7](${POOL_URI}#L7)`;

/**
 * The identity a JSON fix writes where the task's members stand on their own lines: one member per
 * line, each object a level deeper, the fixtures' two spaces; `member` is the runElevated line's indentation.
 */
const JSON_IDENTITY = (level: string, member: string) =>
  `"userIdentity": {\n${member}  "autoUser": {\n${member}    "elevationLevel": "${level}"\n${member}  }\n${member}}`;
const JSON_ADMIN_TITLE = ADMIN_TITLE('"runElevated"', '"elevationLevel": "admin"');
/** The hover shows it from the block's margin. */
const JSON_ADMIN_BECOMES = JSON_IDENTITY('admin', '');
const CSHARP_IDENTITY = (level: string) =>
  `UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.${level}))`;
const JAVA_IDENTITY = (level: string) =>
  `withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.${level})))`;
const JAVA_IMPORT = (type: string) => `import com.microsoft.azure.batch.protocol.models.${type};`;

/** The identity a TypeScript/JavaScript fix writes, in the fixtures' single quotes (@azure/batch's lower-case values). */
const TS_IDENTITY = (level: string) => `userIdentity: { autoUser: { elevationLevel: '${level}' } }`;
/** Messages and titles quote values as the fix writes them: in the fixtures' single quotes. */
const TS_ADMIN_TITLE = ADMIN_TITLE('runElevated', "elevationLevel: 'admin'");
const TS_MESSAGE = `runElevated: true → auto-user elevationLevel: 'admin' ${REMOVED}`;

/** TypeScript and JavaScript: the same fixes on the same samples, each language in its own files. */
function scriptSamples(dir: 'typescript' | 'javascript', ext: 'ts' | 'js') {
  return {
    single: {
      file: `${dir}/add-task.${ext}`,
      squiggled: 'runElevated',
      severity: vscode.DiagnosticSeverity.Warning,
      message: TS_MESSAGE,
      taskScopeTitle: `${TS_ADMIN_TITLE}, scope: 'task'`,
      preferredFix: { title: TS_ADMIN_TITLE, after: [{ from: 'runElevated: true,', to: `${TS_IDENTITY('admin')},` }] },
      becomes: TS_IDENTITY('admin'),
      disableLine: [{ from: '    runElevated: true,', to: `    ${DISABLE_LINE}\n    runElevated: true,` }],
    },
    several: {
      file: `${dir}/pool-setup.${ext}`,
      squiggled: ['runElevated', 'runElevated'],
      edit: { from: "'cmd /c render.exe --all'", to: "'cmd /c render.exe --all --fast'" },
      afterSave: [
        { from: 'runElevated: true,', to: `${TS_IDENTITY('admin')},` },
        { from: 'runElevated: false', to: TS_IDENTITY('nonadmin') },
      ],
    },
    typing: {
      file: `${dir}/clean-task.${ext}`,
      after: "commandLine: 'cmd /c render.exe --frame 2',",
      insert: '\n    runElevated: true,',
      squiggled: 'runElevated',
    },
    // After the statement that adds a task: the task snippets are statements (the pool ones, members of a pool literal, are listed too).
    snippets: { after: '  });', indent: '  ', insert: true },
  } satisfies Partial<LanguageSample>;
}

export const SAMPLES: readonly LanguageSample[] = [
  {
    language: 'csharp',
    languageId: 'csharp',
    setting: 'csharp',
    single: {
      file: 'csharp/AddTask.cs',
      squiggled: 'RunElevated',
      severity: vscode.DiagnosticSeverity.Warning,
      message: `RunElevated = true → auto-user ElevationLevel.Admin ${REMOVED}`,
      taskScopeTitle: `${ADMIN_TITLE('RunElevated', 'ElevationLevel.Admin')}, AutoUserScope.Task`,
      preferredFix: {
        title: ADMIN_TITLE('RunElevated', 'ElevationLevel.Admin'),
        after: [
          { from: 'using Microsoft.Azure.Batch;\n', to: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n' },
          { from: 'task.RunElevated = true;', to: `task.${CSHARP_IDENTITY('Admin')};` },
        ],
      },
      becomes: CSHARP_IDENTITY('Admin'),
      disableLine: [
        { from: '            task.RunElevated = true;', to: `            ${DISABLE_LINE}\n            task.RunElevated = true;` },
      ],
    },
    several: {
      file: 'csharp/PoolSetup.cs',
      squiggled: ['RunElevated', 'RunElevated'],
      edit: { from: '"cmd /c render.exe --all"', to: '"cmd /c render.exe --all --fast"' },
      afterSave: [
        { from: 'using Microsoft.Azure.Batch;\n', to: 'using Microsoft.Azure.Batch;\nusing Microsoft.Azure.Batch.Common;\n' },
        { from: 'RunElevated = true,', to: `${CSHARP_IDENTITY('Admin')},` },
        { from: 'render.RunElevated = false;', to: `render.${CSHARP_IDENTITY('NonAdmin')};` },
      ],
    },
    typing: {
      file: 'csharp/CleanTask.cs',
      after: 'CloudTask task = new CloudTask("render-frame-0002", "cmd /c render.exe --frame 2");',
      insert: '\n            task.RunElevated = true;',
      squiggled: 'RunElevated',
    },
    snippets: { after: 'job.AddTask(task);', indent: '            ', insert: true },
    hovers: {
      file: 'csharp/Identities.cs',
      expect: [
        { at: 'ElevationLevel.Admin', range: 'ElevationLevel.Admin', lines: [HOVER.admin('ElevationLevel.Admin')] },
        { at: 'AutoUserScope.Task', range: 'AutoUserScope.Task', lines: [HOVER.taskScope('AutoUserScope.Task'), HOVER.scopeDefault] },
        {
          at: 'UserIdentity(new AutoUserSpecification(elevationLevel',
          range: 'UserIdentity',
          lines: [HOVER.identity, 'The start task runs as:', HOVER.autoUserAdmin],
        },
        {
          at: 'UserIdentity("adminUser")',
          range: 'UserIdentity',
          lines: [HOVER.identity, 'The task runs as:', HOVER.namedAdmin(POOL_FROM_SIBLING)],
        },
      ],
    },
  },
  {
    language: 'java',
    languageId: 'java',
    setting: 'java',
    single: {
      file: 'java/AddTask.java',
      squiggled: 'withRunElevated',
      severity: vscode.DiagnosticSeverity.Warning,
      message: `withRunElevated(true) → auto-user ElevationLevel.ADMIN ${REMOVED}`,
      taskScopeTitle: `${ADMIN_TITLE('withRunElevated', 'ElevationLevel.ADMIN')}, AutoUserScope.TASK`,
      preferredFix: {
        title: ADMIN_TITLE('withRunElevated', 'ElevationLevel.ADMIN'),
        after: [
          {
            from: `${JAVA_IMPORT('TaskAddParameter')}\n`,
            to: `${JAVA_IMPORT('AutoUserSpecification')}\n${JAVA_IMPORT('ElevationLevel')}\n${JAVA_IMPORT('TaskAddParameter')}\n${JAVA_IMPORT('UserIdentity')}\n`,
          },
          { from: '.withRunElevated(true);', to: `.${JAVA_IDENTITY('ADMIN')};` },
        ],
      },
      becomes:
        'withUserIdentity(\n    new UserIdentity().withAutoUser(\n        new AutoUserSpecification().withElevationLevel(\n            ElevationLevel.ADMIN)))',
      disableLine: [
        { from: '            .withRunElevated(true);', to: `            ${DISABLE_LINE}\n            .withRunElevated(true);` },
      ],
    },
    several: {
      file: 'java/PoolSetup.java',
      squiggled: ['withRunElevated', 'withRunElevated'],
      edit: { from: '"cmd /c render.exe --all"', to: '"cmd /c render.exe --all --fast"' },
      afterSave: [
        { from: 'render.withRunElevated(false);', to: `render.${JAVA_IDENTITY('NON_ADMIN')};` },
        { from: '.withRunElevated(true)', to: `.${JAVA_IDENTITY('ADMIN')}` },
      ],
    },
    typing: {
      file: 'java/CleanTask.java',
      after: '.withCommandLine("cmd /c render.exe --frame 2")',
      insert: '\n            .withRunElevated(true)',
      squiggled: 'withRunElevated',
    },
    snippets: { after: '.withCommandLine("cmd /c render.exe --frame 2");', indent: '        ', insert: true },
    hovers: {
      file: 'java/Identities.java',
      expect: [
        { at: 'ElevationLevel.ADMIN', range: 'ElevationLevel.ADMIN', lines: [HOVER.admin('ElevationLevel.ADMIN')] },
        { at: 'AutoUserScope.TASK', range: 'AutoUserScope.TASK', lines: [HOVER.taskScope('AutoUserScope.TASK'), HOVER.scopeDefault] },
        {
          at: 'UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel',
          range: 'UserIdentity',
          lines: [HOVER.identity, 'The start task runs as:', HOVER.autoUserAdmin],
        },
        {
          at: 'UserIdentity().withUserName',
          range: 'UserIdentity',
          lines: [HOVER.identity, 'The task runs as:', HOVER.namedAdmin(POOL_FROM_SIBLING)],
        },
      ],
    },
  },
  {
    language: 'python',
    languageId: 'python',
    setting: 'python',
    single: {
      file: 'python/add_task.py',
      squiggled: 'run_elevated',
      severity: vscode.DiagnosticSeverity.Warning,
      message: `run_elevated=True → auto-user ElevationLevel.admin ${REMOVED}`,
      taskScopeTitle: `${ADMIN_TITLE('run_elevated', 'ElevationLevel.admin')}, AutoUserScope.task`,
      preferredFix: {
        title: ADMIN_TITLE('run_elevated', 'ElevationLevel.admin'),
        after: [
          {
            from: 'run_elevated=True)',
            to: 'user_identity=batchmodels.UserIdentity(auto_user=batchmodels.AutoUserSpecification(elevation_level=batchmodels.ElevationLevel.admin)))',
          },
        ],
      },
      becomes:
        'user_identity=batchmodels.UserIdentity(\n    auto_user=batchmodels.AutoUserSpecification(\n        elevation_level=batchmodels.ElevationLevel.admin))',
      disableLine: [
        {
          from: '        run_elevated=True)',
          to: `        # batch-identity-disable-next-line ${RUN_ELEVATED}\n        run_elevated=True)`,
        },
      ],
    },
    several: {
      file: 'python/pool_setup.py',
      squiggled: ['run_elevated', 'run_elevated'],
      edit: { from: "'cmd /c render.exe --all'", to: "'cmd /c render.exe --all --fast'" },
      afterSave: [
        {
          from: 'import PoolAddParameter, StartTask, TaskAddParameter',
          to: 'import PoolAddParameter, StartTask, TaskAddParameter, UserIdentity, AutoUserSpecification, ElevationLevel',
        },
        {
          from: 'run_elevated=True,',
          to: 'user_identity=UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.admin)),',
        },
        {
          from: 'task.run_elevated = False',
          to: 'task.user_identity = UserIdentity(auto_user=AutoUserSpecification(elevation_level=ElevationLevel.non_admin))',
        },
      ],
    },
    typing: {
      file: 'python/clean_task.py',
      after: "command_line='cmd /c render.exe --frame 2'",
      insert: ',\n        run_elevated=True',
      squiggled: 'run_elevated',
    },
    snippets: { after: "command_line='cmd /c render.exe --frame 2')", indent: '    ', insert: true },
    hovers: {
      file: 'python/identities.py',
      expect: [
        { at: 'ElevationLevel.admin', range: 'batchmodels.ElevationLevel.admin', lines: [HOVER.admin('ElevationLevel.admin')] },
        {
          at: 'AutoUserScope.task',
          range: 'batchmodels.AutoUserScope.task',
          lines: [HOVER.taskScope('AutoUserScope.task'), HOVER.scopeDefault],
        },
        // The parameters are not typed, so no task kind: "Runs as:".
        {
          at: 'UserIdentity(\n        auto_user=batchmodels.AutoUserSpecification(elevation_level',
          range: 'UserIdentity',
          lines: [HOVER.identity, 'Runs as:', HOVER.autoUserAdmin],
        },
        {
          at: "UserIdentity(user_name='adminUser')",
          range: 'UserIdentity',
          lines: [HOVER.identity, 'Runs as:', HOVER.namedAdmin(POOL_FROM_SIBLING)],
        },
      ],
    },
  },
  {
    language: 'json',
    languageId: 'json',
    setting: 'json',
    single: {
      file: 'json/add-task.json',
      squiggled: '"runElevated"',
      severity: vscode.DiagnosticSeverity.Warning,
      message: `"runElevated": true → auto-user "elevationLevel": "admin" ${REMOVED}`,
      taskScopeTitle: `${JSON_ADMIN_TITLE}, "scope": "task"`,
      preferredFix: { title: JSON_ADMIN_TITLE, after: [{ from: '"runElevated": true', to: JSON_IDENTITY('admin', '  ') }] },
      becomes: JSON_ADMIN_BECOMES,
      // A comment would make a plain JSON request body unreadable to other tools.
      disableLine: undefined,
    },
    several: {
      file: 'json/task-collection.json',
      squiggled: ['"runElevated"', '"runElevated"'],
      edit: { from: '"cmd /c render.exe --all"', to: '"cmd /c render.exe --all --fast"' },
      afterSave: [
        { from: '"runElevated": true', to: JSON_IDENTITY('admin', '      ') },
        { from: '"runElevated": false', to: JSON_IDENTITY('nonadmin', '      ') },
      ],
    },
    typing: {
      file: 'json/clean-task.json',
      after: '"commandLine": "cmd /c render.exe --frame 2",',
      insert: '\n  "runElevated": true,',
      squiggled: '"runElevated"',
    },
    snippets: { after: '"id": "render-frame-0002",', indent: '  ', insert: true, prefixes: JSON_TASK_SNIPPETS },
    hovers: {
      file: 'json/identities.json',
      expect: [
        { at: '"admin"', range: '"admin"', lines: [HOVER.admin('"elevationLevel": "admin"')] },
        { at: '"task"', range: '"task"', lines: [HOVER.taskScope('"scope": "task"'), HOVER.scopeDefault] },
        {
          at: '"userIdentity": { "autoUser": { "elevationLevel"',
          range: '"userIdentity"',
          lines: [HOVER.identity, 'The task runs as:', HOVER.autoUserAdmin],
        },
        {
          at: '"username"',
          range: '{ "username": "adminUser" }',
          lines: [HOVER.identity, 'The task runs as:', HOVER.namedAdmin(`[pool.json:7](${POOL_URI}#L7)`)],
        },
      ],
    },
  },
  {
    language: 'jsonc',
    languageId: 'jsonc',
    setting: 'json',
    single: {
      file: 'jsonc/add-task.jsonc',
      squiggled: '"runElevated"',
      severity: vscode.DiagnosticSeverity.Warning,
      message: `"runElevated": true → auto-user "elevationLevel": "admin" ${REMOVED}`,
      taskScopeTitle: `${JSON_ADMIN_TITLE}, "scope": "task"`,
      preferredFix: { title: JSON_ADMIN_TITLE, after: [{ from: '"runElevated": true', to: JSON_IDENTITY('admin', '  ') }] },
      becomes: JSON_ADMIN_BECOMES,
      disableLine: [{ from: '  "runElevated": true', to: `  ${DISABLE_LINE}\n  "runElevated": true` }],
    },
    several: {
      file: 'jsonc/task-collection.jsonc',
      squiggled: ['"runElevated"', '"runElevated"'],
      edit: { from: '"cmd /c render.exe --all"', to: '"cmd /c render.exe --all --fast"' },
      afterSave: [
        { from: '"runElevated": true // installs drivers', to: `${JSON_IDENTITY('admin', '      ')} // installs drivers` },
        { from: '"runElevated": false', to: JSON_IDENTITY('nonadmin', '      ') },
      ],
    },
    typing: {
      file: 'jsonc/clean-task.jsonc',
      after: '"commandLine": "cmd /c render.exe --frame 2"',
      insert: ',\n  "runElevated": true',
      squiggled: '"runElevated"',
    },
    snippets: { after: '"id": "render-frame-0002",', indent: '  ', insert: true, prefixes: JSON_TASK_SNIPPETS },
  },
  {
    language: 'typescript',
    languageId: 'typescript',
    setting: 'typescript',
    ...scriptSamples('typescript', 'ts'),
    hovers: {
      file: 'typescript/identities.ts',
      expect: [
        { at: "'admin' } } },\n  });", range: "'admin'", lines: [HOVER.admin("elevationLevel: 'admin'")] },
        { at: "'task'", range: "'task'", lines: [HOVER.taskScope("scope: 'task'"), HOVER.scopeDefault] },
        {
          at: "userIdentity: { autoUser: { elevationLevel: 'admin' } } },",
          range: 'userIdentity',
          lines: [HOVER.identity, 'The start task runs as:', HOVER.autoUserAdmin],
        },
        {
          at: 'userIdentity: { userName',
          range: 'userIdentity',
          lines: [HOVER.identity, 'The task runs as:', HOVER.namedAdmin(POOL_FROM_SIBLING)],
        },
      ],
    },
  },
  // JavaScript: the same language entry and fixes as TypeScript, in CommonJS files read by the JavaScript grammar.
  {
    language: 'javascript',
    languageId: 'javascript',
    setting: 'typescript',
    ...scriptSamples('javascript', 'js'),
    // azure-batch in double quotes: its typings' `nonAdmin`, each value hovered in the file's quote.
    hovers: {
      file: 'javascript/identities.js',
      expect: [
        { at: '"admin" } } },', range: '"admin"', lines: [HOVER.admin('elevationLevel: "admin"')] },
        { at: '"nonAdmin"', range: '"nonAdmin"', lines: [HOVER.nonAdmin('elevationLevel: "nonAdmin"')] },
        { at: '"task"', range: '"task"', lines: [HOVER.taskScope('scope: "task"'), HOVER.scopeDefault] },
        {
          at: 'userIdentity: { autoUser: { elevationLevel: "admin" } } },',
          range: 'userIdentity',
          lines: [HOVER.identity, 'The start task runs as:', HOVER.autoUserAdmin],
        },
        {
          at: 'userIdentity: { userName',
          range: 'userIdentity',
          lines: [HOVER.identity, 'The task runs as:', HOVER.namedAdmin(POOL_FROM_SIBLING)],
        },
        { at: '"adminUser"', range: '"adminUser"', lines: [HOVER.namedUser, HOVER.resolvesTo(POOL_FROM_SIBLING), '**admin**'] },
      ],
    },
  },
];

/** `text` with each replacement applied; throws when a `from` does not occur exactly once. */
export function replaced(text: string, replacements: readonly Replacement[]): string {
  for (const { from, to } of replacements) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected text must occur exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}
