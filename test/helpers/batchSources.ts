/**
 * Batch identity sources for property tests, in the four languages: the examples, the texts the
 * language tests analyse (test/fixtures/robustness/corpus, recorded by recordCorpus.ts), and a
 * generator that assembles random Batch constructs — tasks with runElevated true, false or an
 * expression, identities, accounts, enum members valid and not, comments, suppression directives —
 * in a random style (LF or CRLF, spaces or tabs). `mutated` then applies random edits, truncations
 * and inserted garbage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CODE_LANGUAGE_IDS, LANGUAGE_IDS, LANGUAGE_TABLE, type CodeLanguageId, type LanguageId } from '../../common/languages';

/** Every language of the table: each needs its examples, corpus and generator below. */
export const LANGUAGES: readonly LanguageId[] = LANGUAGE_IDS;

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES: Record<LanguageId, string[]> = {
  csharp: ['LegacyTasks.cs'],
  java: ['LegacyTasks.java'],
  python: ['legacy_tasks.py'],
  json: ['legacy-pool.json', 'legacy-tasks.json'],
  typescript: ['legacy-tasks.ts', 'legacy-tasks.js'],
  markdown: ['batch-docs.md'],
};

const corpusCache = new Map<LanguageId, readonly string[]>();

/** The examples and the recorded test inputs of one language. */
export function corpus(language: LanguageId): readonly string[] {
  let texts = corpusCache.get(language);
  if (!texts) {
    const examples = EXAMPLES[language].map((name) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
    const recorded = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'test/fixtures/robustness/corpus', `${language}.json`), 'utf8'),
    ) as string[];
    texts = [...examples, ...recorded];
    corpusCache.set(language, texts);
  }
  return texts;
}

/** The VS Code language id a sample is opened with: JSON with comments is `jsonc`. */
export function languageIdOf(language: LanguageId, text: string): string {
  return language === 'json' && (text.includes('//') || text.includes('/*')) ? 'jsonc' : language;
}

/** The extension a sample is written to a file with: its language's first. */
export const EXTENSION = Object.fromEntries(LANGUAGE_IDS.map((id) => [id, LANGUAGE_TABLE[id].extensions[0]])) as Record<LanguageId, string>;

// ---------------------------------------------------------------------------------------------
// Layout: lines with a nesting depth, rendered in one file's style
// ---------------------------------------------------------------------------------------------

type Line = readonly [depth: number, text: string];
type Block = readonly Line[];

interface Style {
  readonly eol: '\n' | '\r\n';
  readonly indent: string;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom<Style['eol']>('\n', '\r\n'),
  indent: fc.constantFrom('    ', '  ', '\t'),
});

function render(lines: readonly Line[], style: Style, trailingEol: boolean): string {
  return (
    lines.map(([depth, text]) => (text === '' ? '' : style.indent.repeat(depth) + text)).join(style.eol) + (trailingEol ? style.eol : '')
  );
}

function indent(block: Block, by: number): Block {
  return block.map(([depth, text]) => [depth + by, text] as const);
}

const USERS = ['adminUser', 'worker', 'mpi', 'svc-render', ''];
const PASSWORDS = ['Pa55w0rd!', '<secret>', '***', 'hunter2-fuzz'];
const KEYS = [
  '',
  '00000000-0000-0000-0000-000000000000',
  'short-key',
  '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----',
];

function statements(statement: fc.Arbitrary<Block>, max = 8): fc.Arbitrary<Block> {
  return fc.array(statement, { minLength: 1, maxLength: max }).map((blocks) => blocks.flat());
}

/** The index of a statement in its list: unique variable names without bookkeeping. */
function numbered(make: (n: number) => fc.Arbitrary<Block>): fc.Arbitrary<Block> {
  return fc.nat({ max: 99 }).chain(make);
}

// ---------------------------------------------------------------------------------------------
// C#
// ---------------------------------------------------------------------------------------------

const csValue = fc.constantFrom('true', 'false', 'options.RunElevated', 'i == 0', 'flag && i > 2', '!flag', 'IsAdmin(i)');
const csElevation = fc.constantFrom('Admin', 'NonAdmin', 'NONADMIN', 'admin');
const csScope = fc.constantFrom('Task', 'Pool', 'TASK');
const str = (s: string) => JSON.stringify(s);

const csStatement: fc.Arbitrary<Block> = fc.oneof(
  numbered((n) =>
    csValue.map((v): Block => [
      [0, `CloudTask t${n} = new CloudTask("task-${n}", "cmd /c run.cmd");`],
      [0, `t${n}.RunElevated = ${v};`],
    ]),
  ),
  numbered((n) =>
    fc.tuple(csValue, fc.boolean(), fc.boolean()).map(([v, multiline, trailingComma]): Block => {
      const members = ['CommandLine = "cmd /c setup.cmd"', `RunElevated = ${v}`, 'WaitForSuccess = true'];
      if (!multiline) return [[0, `var s${n} = new StartTask { ${members.join(', ')} };`]];
      return [
        [0, `var s${n} = new StartTask`],
        [0, '{'],
        ...members.map((m, k): Line => [1, m + (k < members.length - 1 || trailingComma ? ',' : '')]),
        [0, '};'],
      ];
    }),
  ),
  csValue.map((v): Block => [[0, `pool.StartTask = new StartTask("setup.cmd") { RunElevated = ${v} };`]]),
  fc
    .tuple(fc.constantFrom('JobManagerTask', 'JobPreparationTask', 'JobReleaseTask'), csValue)
    .map(([task, v]): Block => [[0, `job.${task}.RunElevated = ${v};`]]),
  numbered((n) =>
    fc.tuple(csElevation, csScope, fc.boolean()).map(([e, s, named]): Block => [
      [0, `CloudTask u${n} = new CloudTask("u${n}", "x");`],
      [
        0,
        named
          ? `u${n}.UserIdentity = new UserIdentity(new AutoUserSpecification(elevationLevel: ElevationLevel.${e}, scope: AutoUserScope.${s}));`
          : `u${n}.UserIdentity = new UserIdentity(new AutoUserSpecification(AutoUserScope.${s}, ElevationLevel.${e}));`,
      ],
    ]),
  ),
  numbered((n) => fc.constantFrom(...USERS).map((user): Block => [[0, `var named${n} = new UserIdentity(${str(user)});`]])),
  fc
    .tuple(fc.constantFrom(...USERS), fc.constantFrom(...PASSWORDS), csElevation, fc.constantFrom(...KEYS))
    .map(([user, pw, e, key]): Block => [
      [0, 'pool.UserAccounts = new List<UserAccount>'],
      [0, '{'],
      [1, `new UserAccount(${str(user)}, ${str(pw)}, ElevationLevel.${e}),`],
      [
        1,
        `new UserAccount(name: "second", password: Environment.GetEnvironmentVariable("PW"), linuxUserConfiguration: new LinuxUserConfiguration(uid: 1000, gid: 1000, sshPrivateKey: ${str(key)})),`,
      ],
      [0, '};'],
    ]),
  numbered((n) => fc.constant<Block>([[0, `bool r${n} = pool.StartTask.RunElevated;`]])),
  fc.constantFrom<Block>(
    [[0, '// task.RunElevated = true;']],
    [[0, '/* RunElevated = false */']],
    [[0, '// batch-identity-disable-next-line run-elevated']],
    [[0, 'var text = "t.RunElevated = true";']],
  ),
  csValue.map((v): Block => [
    [0, 'for (int k = 0; k < 3; k++)'],
    [0, '{'],
    [1, 'var c = new CloudTask("c" + k, "x");'],
    [1, `c.RunElevated = ${v};`],
    [0, '}'],
  ]),
  numbered((n) =>
    csValue.map((v): Block => [
      [0, `var p${n} = new Microsoft.Azure.Batch.Protocol.Models.TaskAddParameter { Id = "p", RunElevated = ${v} };`],
    ]),
  ),
  csValue.map((v): Block => [[0, `if (flag) pool.StartTask.RunElevated = ${v};`]]),
  csValue.map((v): Block => [[0, `options.RunElevated = ${v};`]]),
);

const csUsings = fc.subarray([
  'using System;',
  'using System.Collections.Generic;',
  'using Microsoft.Azure.Batch;',
  'using Microsoft.Azure.Batch.Common;',
]);

export const csharpSource: fc.Arbitrary<string> = fc
  .tuple(styleArb, csUsings, fc.constantFrom('block', 'file', 'none'), statements(csStatement), fc.boolean(), fc.boolean())
  .map(([style, usings, namespace, body, headerComment, trailingEol]) => {
    const method: Block = [
      [0, 'public class Submitter'],
      [0, '{'],
      [1, 'public void Run(CloudPool pool, CloudJob job, Options options, bool flag, int i)'],
      [1, '{'],
      ...indent(body, 2),
      [1, '}'],
      [0, '}'],
    ];
    const lines: Line[] = [];
    if (headerComment) lines.push([0, '// Submits the render job.'], [0, '']);
    lines.push(...usings.map((u): Line => [0, u]), [0, '']);
    if (namespace === 'block') lines.push([0, 'namespace Contoso.Jobs'], [0, '{'], ...indent(method, 1), [0, '}']);
    else if (namespace === 'file') lines.push([0, 'namespace Contoso.Jobs;'], [0, ''], ...method);
    else lines.push(...method);
    return render(lines, style, trailingEol);
  });

// ---------------------------------------------------------------------------------------------
// Java
// ---------------------------------------------------------------------------------------------

const javaValue = fc.constantFrom('true', 'false', 'first', 'i == 0', 'flag && i > 2', '!flag');
const javaElevation = fc.constantFrom('ADMIN', 'NON_ADMIN', 'NONADMIN');
const javaScope = fc.constantFrom('TASK', 'POOL');

const javaStatement: fc.Arbitrary<Block> = fc.oneof(
  numbered((n) =>
    fc.tuple(javaValue, fc.boolean()).map(([v, multiline]): Block =>
      multiline
        ? [
            [0, `TaskAddParameter t${n} = new TaskAddParameter()`],
            [2, `.withId("t${n}")`],
            [2, '.withCommandLine("cmd /c x")'],
            [2, `.withRunElevated(${v});`],
          ]
        : [[0, `TaskAddParameter t${n} = new TaskAddParameter().withId("t${n}").withCommandLine("cmd /c x").withRunElevated(${v});`]],
    ),
  ),
  numbered((n) =>
    javaValue.map((v): Block => [
      [0, `CloudTask c${n} = new CloudTask();`],
      [0, `c${n}.setRunElevated(${v});`],
    ]),
  ),
  numbered((n) =>
    javaValue.map((v): Block => [
      [0, `StartTask s${n} = new StartTask().withCommandLine("setup.sh").withWaitForSuccess(true).withRunElevated(${v});`],
    ]),
  ),
  numbered((n) =>
    fc.tuple(javaElevation, javaScope).map(([e, s]): Block => [
      [0, `TaskAddParameter u${n} = new TaskAddParameter().withId("u")`],
      [
        2,
        `.withUserIdentity(new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.${e}).withScope(AutoUserScope.${s})));`,
      ],
    ]),
  ),
  numbered((n) =>
    fc
      .tuple(javaElevation, javaScope)
      .map(([e, s]): Block => [
        [
          0,
          `UserIdentity id${n} = new UserIdentity().withAutoUser(new AutoUserSpecification().withElevationLevel(ElevationLevel.${e})).withScope(AutoUserScope.${s});`,
        ],
      ]),
  ),
  fc
    .tuple(fc.constantFrom(...USERS), fc.constantFrom(...PASSWORDS), javaElevation, fc.constantFrom(...KEYS))
    .map(([user, pw, e, key]): Block => [
      [0, 'pool.withUserAccounts(Arrays.asList('],
      [2, `new UserAccount().withName(${str(user)}).withPassword(${str(pw)}).withElevationLevel(ElevationLevel.${e}),`],
      [
        2,
        `new UserAccount().withName("second").withPassword(System.getenv("PW")).withLinuxUserConfiguration(new LinuxUserConfiguration().withUid(1000).withGid(1000).withSshPrivateKey(${str(key)}))));`,
      ],
    ]),
  fc
    .tuple(javaValue, fc.constantFrom('JobManagerTask', 'JobPreparationTask', 'JobReleaseTask'))
    .map(([v, task]): Block => [[0, `job.with${task}(new ${task}().withCommandLine("x").withRunElevated(${v}));`]]),
  fc.constantFrom<Block>(
    [[0, '// task.withRunElevated(true);']],
    [[0, '/* withRunElevated(false) */']],
    [[0, '// batch-identity-disable-next-line run-elevated']],
    [[0, 'String text = "t.withRunElevated(true)";']],
  ),
  javaValue.map((v): Block => [
    [0, 'for (int k = 0; k < 3; k++) {'],
    [1, 'boolean first = k == 0;'],
    [1, `tasks.add(new TaskAddParameter().withId("k" + k).withCommandLine("x").withRunElevated(${v}));`],
    [0, '}'],
  ]),
  javaValue.map((v): Block => [[0, `options.withRunElevated(${v});`]]),
);

const javaImports = fc.oneof(
  fc.constant(['import com.microsoft.azure.batch.protocol.models.*;']),
  fc.subarray([
    'import com.microsoft.azure.batch.protocol.models.CloudTask;',
    'import com.microsoft.azure.batch.protocol.models.StartTask;',
    'import com.microsoft.azure.batch.protocol.models.TaskAddParameter;',
    'import com.microsoft.azure.batch.protocol.models.UserAccount;',
  ]),
);

export const javaSource: fc.Arbitrary<string> = fc
  .tuple(styleArb, fc.boolean(), javaImports, fc.boolean(), statements(javaStatement), fc.boolean())
  .map(([style, withPackage, imports, utilImport, body, trailingEol]) => {
    const lines: Line[] = [];
    if (withPackage) lines.push([0, 'package com.contoso.batch;'], [0, '']);
    lines.push(...imports.map((i): Line => [0, i]));
    if (utilImport) lines.push([0, ''], [0, 'import java.util.Arrays;'], [0, 'import java.util.List;']);
    lines.push(
      [0, ''],
      [0, 'public final class Submitter {'],
      [
        1,
        'void run(PoolAddParameter pool, JobAddParameter job, Options options, List<TaskAddParameter> tasks, boolean flag, boolean first, int i) {',
      ],
      ...indent(body, 2),
      [1, '}'],
      [0, '}'],
    );
    return render(lines, style, trailingEol);
  });

// ---------------------------------------------------------------------------------------------
// Python
// ---------------------------------------------------------------------------------------------

const pyValue = fc.constantFrom('True', 'False', 'INSTALL', 'index == 0', 'not quiet', 'a or b');
const pyElevation = fc.constantFrom('admin', 'non_admin', 'ADMIN', 'NON_ADMIN', 'nonadmin');
const pyScope = fc.constantFrom('task', 'pool', 'TASK');

/** How the file reaches the models: the import line(s) and the prefix of a class name. */
const pyModels = fc.constantFrom(
  { imports: ['import azure.batch.models as batchmodels'], prefix: 'batchmodels.' },
  { imports: ['from azure.batch import models'], prefix: 'models.' },
  { imports: ['import azure.batch as batch'], prefix: 'batch.models.' },
  { imports: ['from azure.batch.models import TaskAddParameter, StartTask'], prefix: '' },
  { imports: ['from azure.batch.models import (', '    TaskAddParameter,', '    StartTask,', ')'], prefix: '' },
  { imports: ['import azure.batch.batch_auth as batchauth'], prefix: 'batchmodels.' },
);

function pyStatement(p: string): fc.Arbitrary<Block> {
  return fc.oneof(
    numbered((n) =>
      fc.tuple(pyValue, fc.boolean(), fc.boolean()).map(([v, multiline, trailingComma]): Block => {
        const args = [`id='t${n}'`, "command_line='/bin/sh -c x'", `run_elevated=${v}`];
        if (!multiline) return [[0, `t${n} = ${p}TaskAddParameter(${args.join(', ')})`]];
        return [
          [0, `t${n} = ${p}TaskAddParameter(`],
          ...args.map((a, k): Line => [1, a + (k < args.length - 1 || trailingComma ? ',' : ')')]),
          ...(trailingComma ? [[0, ')'] as Line] : []),
        ];
      }),
    ),
    numbered((n) =>
      pyValue.map((v): Block => [
        [0, `c${n} = ${p}TaskAddParameter(id='c', command_line='x')`],
        [0, `c${n}.run_elevated = ${v}`],
      ]),
    ),
    numbered((n) => pyValue.map((v): Block => [[0, `s${n} = ${p}StartTask(command_line='x', wait_for_success=True, run_elevated=${v})`]])),
    numbered((n) =>
      fc.tuple(pyElevation, pyScope).map(([e, s]): Block => [
        [0, `u${n} = ${p}TaskAddParameter(id='u', command_line='x')`],
        [
          0,
          `u${n}.user_identity = ${p}UserIdentity(auto_user=${p}AutoUserSpecification(scope=${p}AutoUserScope.${s}, elevation_level=${p}ElevationLevel.${e}))`,
        ],
      ]),
    ),
    numbered((n) => fc.constantFrom(...USERS).map((user): Block => [[0, `named${n} = ${p}UserIdentity(user_name=${str(user)})`]])),
    fc
      .tuple(fc.constantFrom(...USERS), fc.constantFrom(...PASSWORDS), pyElevation, fc.constantFrom(...KEYS))
      .map(([user, pw, e, key]): Block => [
        [0, 'pool.user_accounts = ['],
        [1, `${p}UserAccount(name=${str(user)}, password=${str(pw)}, elevation_level=${p}ElevationLevel.${e}),`],
        [
          1,
          `${p}UserAccount(name='second', password=os.environ['PW'], linux_user_configuration=${p}LinuxUserConfiguration(uid=1000, gid=1000, ssh_private_key=${str(key)})),`,
        ],
        [0, ']'],
      ]),
    fc.constantFrom<Block>(
      [[0, '# t.run_elevated = True']],
      [[0, '# batch-identity-disable-next-line run-elevated']],
      [[0, "text = 't.run_elevated = True'"]],
      [[0, 'log_task(x, run_elevated=True)']],
    ),
    pyValue.map((v): Block => [
      [0, 'for index in range(3):'],
      [1, `task = ${p}TaskAddParameter(id=str(index), command_line='x', run_elevated=${v})`],
      [1, 'tasks.append(task)'],
    ]),
    pyValue.map((v): Block => [
      [0, 'if quiet:'],
      [1, `pool.start_task.run_elevated = ${v}`],
    ]),
  );
}

export const pythonSource: fc.Arbitrary<string> = fc
  .tuple(styleArb, pyModels, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean())
  .chain(([style, models, docstring, osImport, inFunction, trailingEol]) =>
    statements(pyStatement(models.prefix)).map((body) => {
      const lines: Line[] = [];
      if (docstring) lines.push([0, '"""Submits the tasks."""']);
      if (osImport) lines.push([0, 'import os']);
      lines.push(...models.imports.map((i): Line => [0, i]), [0, '']);
      if (inFunction) lines.push([0, 'def submit(pool, tasks, quiet, a, b, x, INSTALL):'], ...indent(body, 1));
      else lines.push(...body);
      return render(lines, style, trailingEol);
    }),
  );

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/** A JSON value, kept as a tree so the printer can choose a layout and place comments. */
type Json = { readonly object: readonly (readonly [string, Json])[] } | { readonly array: readonly Json[] } | { readonly raw: string };

const raw = (text: string): Json => ({ raw: text });
const jstr = (text: string): Json => raw(JSON.stringify(text));

const jsonRunElevated = fc.constantFrom('true', 'false', '"[parameters(\'elevated\')]"', '"true"', 'null', '1').map(raw);
const jsonElevation = fc.constantFrom('admin', 'nonadmin', 'Admin', 'NonAdmin', 'nonAdmin', 'root').map(jstr);
const jsonScope = fc.constantFrom('task', 'pool', 'Task').map(jstr);

const jsonIdentity: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(jsonScope, jsonElevation).map(([scope, elevation]): Json => ({
    object: [
      [
        'autoUser',
        {
          object: [
            ['scope', scope],
            ['elevationLevel', elevation],
          ],
        },
      ],
    ],
  })),
  fc.constantFrom(...USERS).map((user): Json => ({ object: [['username', jstr(user)]] })),
  fc.constantFrom(...USERS).map((user): Json => ({ object: [['userName', jstr(user)]] })),
  fc.constant<Json>({
    object: [
      ['username', jstr('')],
      ['autoUser', { object: [] }],
    ],
  }),
  // Not an object: an ARM expression, a template variable, null (a fix must not add a second one).
  fc.constantFrom(raw('"[variables(\'identity\')]"'), raw('"[parameters(\'identity\')]"'), raw('null')),
);

function shuffledObject(entries: fc.Arbitrary<(readonly [string, Json] | undefined)[]>): fc.Arbitrary<Json> {
  return entries
    .chain((list) =>
      fc.shuffledSubarray(
        list.filter((e): e is readonly [string, Json] => !!e),
        { minLength: list.filter(Boolean).length },
      ),
    )
    .map((object) => ({ object }));
}

const jsonTask: fc.Arbitrary<Json> = fc
  .tuple(
    fc.nat({ max: 99 }),
    fc.option(jsonRunElevated, { nil: undefined }),
    fc.option(jsonIdentity, { nil: undefined }),
    // Now and then the key twice in one object (a merge gone wrong): most readers keep the last.
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: jsonRunElevated }),
  )
  .chain(([n, runElevated, identity, again]) =>
    shuffledObject(
      fc.constant([
        ['id', jstr(`task-${n}`)] as const,
        ['commandLine', jstr('cmd /c run.cmd')] as const,
        runElevated && (['runElevated', runElevated] as const),
        identity && (['userIdentity', identity] as const),
        runElevated && again && (['runElevated', again] as const),
      ]),
    ),
  );

const jsonAccount: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom(...USERS), fc.constantFrom(...PASSWORDS, "[parameters('password')]"), jsonElevation, fc.constantFrom(...KEYS))
  .map(([user, pw, elevation, key]): Json => ({
    object: [
      ['name', jstr(user)],
      ['password', jstr(pw)],
      ['elevationLevel', elevation],
      [
        'linuxUserConfiguration',
        {
          object: [
            ['uid', raw('1000')],
            ['gid', raw('1000')],
            ['sshPrivateKey', raw(JSON.stringify(key).replace(/\\\\/g, '\\'))],
          ],
        },
      ],
    ],
  }));

const jsonPoolProperties = fc
  .tuple(jsonTask, fc.array(jsonAccount, { maxLength: 3 }))
  .map(([startTask, accounts]): (readonly [string, Json])[] => [
    ['vmSize', jstr('standard_d2s_v3')],
    ['startTask', startTask],
    ['userAccounts', { array: accounts }],
  ]);

const obj = (...entries: (readonly [string, Json])[]): Json => ({ object: entries });
const expr = (expression: string): Json => jstr(`[${expression}]`);

/** An ARM template (languageVersion 2.0 keys resources by symbolic name, as Bicep writes them). */
function armDocument(sections: (readonly [string, Json])[], resources: Json[], languageVersion2 = false): Json {
  return obj(
    ['$schema', jstr('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#')],
    ['contentVersion', jstr('1.0.0.0')],
    ...(languageVersion2
      ? [['languageVersion', jstr('2.0')] as const, ['metadata', obj(['_generator', obj(['name', jstr('bicep')])])] as const]
      : []),
    ...sections,
    ['resources', languageVersion2 ? obj(...resources.map((r, i) => [`resource${i}`, r] as const)) : { array: resources }],
  );
}

/** A Microsoft.Batch pool resource whose properties are an object or an expression. */
const batchPool = (properties: Json, ...extra: (readonly [string, Json])[]): Json =>
  obj(['type', jstr('Microsoft.Batch/batchAccounts/pools')], ['name', jstr('pool')], ...extra, ['properties', properties]);

/** A nested deployment: an inline template with inner scope given parameter values, or a linked one. */
const nestedDeployment = (values: (readonly [string, Json])[], template?: Json): Json =>
  obj(
    ['type', jstr('Microsoft.Resources/deployments')],
    ['name', jstr('module')],
    [
      'properties',
      obj(
        ...(template ? [['expressionEvaluationOptions', obj(['scope', jstr('inner')])] as const] : []),
        ['mode', jstr('Incremental')],
        ...(template ? [] : [['templateLink', obj(['uri', jstr('https://example.com/pool.json')])] as const]),
        ['parameters', obj(...values.map(([name, value]) => [name, obj(['value', value])] as const))],
        ...(template ? [['template', template] as const] : []),
      ),
    ],
  );

/**
 * ARM templates whose pool objects reach the Batch pool resource through indirection (issue 12):
 * a parameter's defaultValue, a variable, variable and property copy loops, a nested deployment
 * (inner scope, or outer scope reading the parent's variable), a linked template, Bicep's
 * languageVersion 2.0; and deployment parameters files.
 */
const jsonArmIndirection: fc.Arbitrary<Json> = fc.oneof(
  fc
    .tuple(jsonTask, fc.array(jsonAccount, { maxLength: 2 }), fc.boolean())
    .map(([task, accounts, v2]) =>
      armDocument(
        [
          [
            'parameters',
            obj(
              ['startTask', obj(['type', jstr('object')], ['defaultValue', task])],
              ['accounts', obj(['type', jstr('array')], ['defaultValue', { array: accounts }])],
            ),
          ],
        ],
        [
          batchPool(
            obj(['vmSize', jstr('s')], ['startTask', expr("parameters('startTask')")], ['userAccounts', expr("parameters('accounts')")]),
          ),
        ],
        v2,
      ),
    ),
  jsonPoolProperties.map((props) =>
    armDocument([['variables', obj(['poolProperties', { object: props }])]], [batchPool(expr("variables('poolProperties')"))]),
  ),
  fc
    .tuple(jsonTask, jsonAccount)
    .map(([task, account]) =>
      armDocument(
        [['variables', obj(['copy', { array: [obj(['name', jstr('startTasks')], ['count', raw('2')], ['input', task])] }])]],
        [
          batchPool(
            obj(
              ['vmSize', jstr('s')],
              ['startTask', expr("variables('startTasks')[copyIndex()]")],
              ['copy', { array: [obj(['name', jstr('userAccounts')], ['count', raw('2')], ['input', account])] }],
            ),
            ['copy', obj(['name', jstr('poolLoop')], ['count', raw('2')])],
          ),
        ],
      ),
    ),
  fc.tuple(jsonTask, jsonAccount, fc.boolean()).map(([task, account, literal]) =>
    armDocument(
      [['parameters', obj(['startTask', obj(['type', jstr('object')], ['defaultValue', task])])]],
      [
        nestedDeployment(
          [
            ['startTask', literal ? task : expr("parameters('startTask')")],
            ['accounts', { array: [account] }],
          ],
          armDocument(
            [['parameters', obj(['startTask', obj(['type', jstr('object')])], ['accounts', obj(['type', jstr('array')])])]],
            [batchPool(obj(['startTask', expr("parameters('startTask')")], ['userAccounts', expr("parameters('accounts')")]))],
          ),
        ),
      ],
    ),
  ),
  jsonTask.map((task) =>
    armDocument(
      [['variables', obj(['startTask', task])]],
      [
        obj(
          ['type', jstr('Microsoft.Resources/deployments')],
          ['name', jstr('module')],
          [
            'properties',
            obj(
              ['mode', jstr('Incremental')],
              ['template', armDocument([], [batchPool(obj(['startTask', expr("variables('startTask')")]))])],
            ),
          ],
        ),
      ],
    ),
  ),
  fc.tuple(jsonTask, fc.array(jsonAccount, { maxLength: 2 })).map(([task, accounts]) =>
    armDocument(
      [],
      [
        nestedDeployment([
          ['startTask', task],
          ['accounts', { array: accounts }],
        ]),
      ],
    ),
  ),
  fc
    .tuple(jsonTask, fc.array(jsonAccount, { maxLength: 2 }))
    .map(([task, accounts]) =>
      obj(
        ['$schema', jstr('https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#')],
        ['contentVersion', jstr('1.0.0.0')],
        ['parameters', obj(['startTask', obj(['value', task])], ['accounts', obj(['value', { array: accounts }])])],
      ),
    ),
);

const jsonDocument: fc.Arbitrary<Json> = fc.oneof(
  jsonTask,
  fc.array(jsonTask, { minLength: 1, maxLength: 5 }).map((tasks): Json => ({ object: [['value', { array: tasks }]] })),
  jsonPoolProperties.map((props): Json => ({ object: [['id', jstr('pool')], ...props] })),
  fc.tuple(jsonTask, jsonTask, jsonTask).map(([m, p, r]): Json => ({
    object: [
      ['id', jstr('job')],
      ['poolInfo', { object: [['poolId', jstr('pool')]] }],
      ['jobManagerTask', m],
      ['jobPreparationTask', p],
      ['jobReleaseTask', r],
    ],
  })),
  jsonPoolProperties.map((props): Json => ({
    object: [
      ['$schema', jstr('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#')],
      [
        'resources',
        {
          array: [
            {
              object: [
                ['type', jstr('Microsoft.Batch/batchAccounts/pools')],
                ['name', jstr('pool')],
                ['properties', { object: props }],
              ],
            },
          ],
        },
      ],
    ],
  })),
  fc.array(jsonTask, { minLength: 1, maxLength: 3 }).map((tasks): Json => ({
    object: [
      [
        'job',
        {
          object: [
            ['type', jstr('Microsoft.Batch/batchAccounts/jobs')],
            [
              'properties',
              {
                object: [
                  [
                    'taskFactory',
                    {
                      object: [
                        ['type', jstr('taskCollection')],
                        ['tasks', { array: tasks }],
                      ],
                    },
                  ],
                ],
              },
            ],
          ],
        },
      ],
    ],
  })),
  jsonArmIndirection,
  fc
    .tuple(jsonTask, jsonTask)
    .map(([manager, preparation]) =>
      obj(
        ['templateMetadata', obj(['description', jstr('render')])],
        ['parameters', obj()],
        ['jobManagerTask', manager],
        ['jobPreparationTask', preparation],
      ),
    ),
  jsonPoolProperties.map((props) =>
    obj(
      [
        'parameters',
        obj(
          ['batchUrl', jstr('account.region.batch.azure.com')],
          ['api-version', jstr('2024-07-01.20.0')],
          ['pool', obj(['id', jstr('pool')], ...props)],
        ),
      ],
      ['responses', obj(['201', obj()])],
    ),
  ),
);

interface JsonLayout {
  readonly style: Style;
  /** Nesting depth from which objects are written on one line. */
  readonly inlineFrom: number;
  readonly colon: string;
  /** Where comments go (JSON with comments), by position in a pre-order walk. */
  readonly comments: readonly number[];
  readonly trailingComma: boolean;
}

function printJson(value: Json, layout: JsonLayout): string {
  let counter = 0;
  const { eol, indent: unit } = layout.style;
  const print = (v: Json, depth: number): string => {
    if ('raw' in v) return v.raw;
    const inline = depth >= layout.inlineFrom;
    const items: string[] =
      'object' in v
        ? v.object.map(([k, x]) => `${JSON.stringify(k)}${layout.colon}${print(x, depth + 1)}`)
        : v.array.map((x) => print(x, depth + 1));
    const [open, close] = 'object' in v ? ['{', '}'] : ['[', ']'];
    if (items.length === 0) return open + close;
    if (inline) return `${open}${items.join(', ')}${close}`;
    const pad = unit.repeat(depth + 1);
    const lines = items.map((item, k) => {
      const comment = layout.comments.includes(counter++) ? `${pad}// note ${k}${eol}` : '';
      return `${comment}${pad}${item}${k < items.length - 1 || layout.trailingComma ? ',' : ''}`;
    });
    return `${open}${eol}${lines.join(eol)}${eol}${unit.repeat(depth)}${close}`;
  };
  return print(value, 0) + eol;
}

export const jsonSource: fc.Arbitrary<string> = fc
  .tuple(
    jsonDocument,
    fc.record({
      style: styleArb,
      inlineFrom: fc.integer({ min: 1, max: 6 }),
      colon: fc.constantFrom(': ', ':', ' : '),
      comments: fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
      trailingComma: fc.boolean(),
    }),
  )
  .map(([document, layout]) => printJson(document, layout.comments.length === 0 ? { ...layout, trailingComma: false } : layout));

// ---------------------------------------------------------------------------------------------
// TypeScript / JavaScript
// ---------------------------------------------------------------------------------------------

/** How a file reaches the SDK: the import lines, and the models' prefix for typed objects (none: untyped). */
const tsModels = fc.constantFrom(
  { imports: ["import { BatchServiceClient, BatchServiceModels } from '@azure/batch';"], prefix: 'BatchServiceModels.' },
  { imports: ["import type { BatchServiceModels as M } from '@azure/batch';"], prefix: 'M.' },
  { imports: ["import * as models from 'azure-batch/lib/models';"], prefix: 'models.' },
  { imports: ["const batch = require('azure-batch');"], prefix: '' },
  { imports: ["const { BatchServiceClient } = require('@azure/batch');"], prefix: '' },
  { imports: [] as string[], prefix: '' },
);
const tsValue = fc.constantFrom('true', 'false', 'options.runElevated', 'i === 0', 'flag && i > 2', '!flag', 'isAdmin(i)');
const tsElevation = fc.constantFrom("'admin'", "'nonadmin'", "'nonAdmin'", "'Admin'", '"root"');
const tsScope = fc.constantFrom("'task'", "'pool'", "'Task'");
const tsType = (prefix: string, model: string) => (prefix ? `: ${prefix}${model}` : '');

const tsStatement = (prefix: string): fc.Arbitrary<Block> =>
  fc.oneof(
    numbered((n) =>
      tsValue.map((v): Block => [
        [0, `const t${n}${tsType(prefix, 'TaskAddParameter')} = { id: 'task-${n}', commandLine: 'run.sh', runElevated: ${v} };`],
      ]),
    ),
    numbered((n) =>
      fc.tuple(tsValue, fc.boolean()).map(([v, multiline]): Block =>
        multiline
          ? [
              [0, `await client.task.add(jobId, {`],
              [1, `id: 'task-${n}',`],
              [1, `commandLine: 'run.sh',`],
              [1, `runElevated: ${v},`],
              [0, `});`],
            ]
          : [[0, `client.task.add(jobId, { id: 'task-${n}', commandLine: "run.sh", runElevated: ${v} });`]],
      ),
    ),
    fc.tuple(tsValue, tsElevation, tsScope).map(([v, e, sc]): Block => [
      [0, `pool.startTask = {`],
      [1, `commandLine: 'setup.sh',`],
      [1, `runElevated: ${v},`],
      [1, `userIdentity: { autoUser: { scope: ${sc}, elevationLevel: ${e} } },`],
      [0, `};`],
    ]),
    numbered((n) =>
      fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...PASSWORDS), tsElevation).map(([user, password, e]): Block => [
        [0, `const pool${n}${tsType(prefix, 'PoolAddParameter')} = {`],
        [1, `id: 'pool-${n}',`],
        [1, `vmSize: 'standard_d2s_v3',`],
        [1, `virtualMachineConfiguration: { imageReference: { publisher: 'canonical' }, nodeAgentSKUId: 'batch.node.ubuntu 22.04' },`],
        [1, `userAccounts: [{ name: ${str(user)}, password: ${str(password)}, elevationLevel: ${e} }],`],
        [1, `startTask: { commandLine: 'x', userIdentity: { userName: ${str(user)} } },`],
        [0, `};`],
      ]),
    ),
    fc.constantFrom<Block>(
      [[0, '// batch-identity-disable-next-line run-elevated']],
      [[0, '/* a comment with runElevated: true */']],
      [[0, 'const options = { runElevated: true, frames: 24 };']],
    ),
  );

export const typescriptSource: fc.Arbitrary<string> = fc
  .tuple(styleArb, tsModels, fc.boolean(), fc.boolean(), fc.boolean())
  .chain(([style, models, inFunction, semicolons, trailingEol]) =>
    statements(tsStatement(models.prefix)).map((body) => {
      const lines: Line[] = models.imports.map((i): Line => [0, i]);
      lines.push([0, '']);
      if (inFunction)
        lines.push([0, 'export async function submit(client, jobId, pool, options, flag, i, isAdmin) {'], ...indent(body, 1), [0, '}']);
      else lines.push(...body);
      const text = render(lines, style, trailingEol);
      return semicolons ? text : text.replace(/;(\r?\n|$)/g, '$1');
    }),
  );

/** Generated sources of the code languages, which Markdown documents embed. */
export const GENERATED_CODE: Record<CodeLanguageId, fc.Arbitrary<string>> = {
  csharp: csharpSource,
  java: javaSource,
  python: pythonSource,
  json: jsonSource,
  typescript: typescriptSource,
};

// ---------------------------------------------------------------------------------------------
// Markdown: the other languages' sources in code blocks
// ---------------------------------------------------------------------------------------------

/** Where a code block stands: at the top level, in a list item, in a quote, in a list in a quote. */
export type Container = 'top' | 'bullet' | 'ordered' | 'quote' | 'quotedBullet';

/** A code block of a generated Markdown document. */
export interface EmbeddedCode {
  readonly language: CodeLanguageId;
  /** The block's text, with its own line breaks (written with the document's). */
  readonly code: string;
  readonly container: Container;
  /** The info string's language word (`cs`, `PY`). */
  readonly info: string;
  readonly marker: '```' | '~~~';
  /** The fence's own indentation, 0 to 3 spaces. */
  readonly indent: number;
}

/** The prefix of a container's first line (its marker) and of its other lines. */
const CONTAINER_PREFIX: Record<Container, readonly [first: string, rest: string]> = {
  top: ['', ''],
  bullet: ['- ', '  '],
  ordered: ['1. ', '   '],
  quote: ['> ', '> '],
  quotedBullet: ['> - ', '>   '],
};

/** A block of a document: its fence lines and content lines, each with its container's prefix (blank lines without trailing spaces). */
export function renderEmbedded(block: EmbeddedCode): string[] {
  const [first, rest] = CONTAINER_PREFIX[block.container];
  // In a list item the first line's spaces would move the item's content column: no fence indentation there.
  const listItem = block.container === 'bullet' || block.container === 'ordered' || block.container === 'quotedBullet';
  const fence = listItem ? '' : ' '.repeat(block.indent);
  const marker = block.code.includes(block.marker) ? block.marker + block.marker[0] : block.marker;
  const line = (prefix: string, text: string) => (text === '' ? prefix.trimEnd() : prefix + text);
  const code = block.code.replace(/(\r\n|\r|\n)$/, '');
  return [
    line(first, `${fence}${marker}${block.info}`),
    ...(code === '' ? [] : code.split(/\r\n|\r|\n/).map((text) => line(rest, text === '' ? '' : fence + text))),
    line(rest, `${fence}${marker}`),
  ];
}

/** The code of a block without its imports: how documentation shows code whose imports are elsewhere. */
export function withoutImports(language: CodeLanguageId, code: string): string {
  const imports: Record<CodeLanguageId, RegExp | undefined> = {
    csharp: /^\s*(?:global )?using [\w.]+;\s*$/,
    java: /^\s*import [\w.*]+;\s*$/,
    python: /^(?:import|from) [\w.]+/,
    json: undefined,
    typescript: /^\s*(?:import .* from '[^']+';?|const .* = require\('[^']+'\);?)\s*$/,
  };
  const pattern = imports[language];
  return pattern
    ? code
        .split(/(?<=\n)/)
        .filter((line) => !pattern.test(line))
        .join('')
    : code;
}

/** What tells a generated document is about Batch: front matter, prose, or nothing (its code may still import Batch). */
export type MarkdownEvidence = 'front matter' | 'prose' | 'none';

export function markdownDocument(blocks: readonly EmbeddedCode[], evidence: MarkdownEvidence, eol: '\n' | '\r\n'): string {
  const lines: string[] = [];
  if (evidence === 'front matter') lines.push('---', 'title: Render farm', 'services: batch', '---', '');
  lines.push('# Render farm', '', evidence === 'prose' ? 'The renders run on Azure Batch.' : 'The renders run in the cloud.', '');
  blocks.forEach((block, i) => {
    lines.push(...renderEmbedded(block), '', `Step ${i + 1} done; \`task.RunElevated = true;\` is what it used to say.`, '');
  });
  return lines.join(eol);
}

const embeddedArb: fc.Arbitrary<EmbeddedCode> = fc.constantFrom(...CODE_LANGUAGE_IDS).chain((language) =>
  fc.record({
    language: fc.constant(language),
    code: fc.tuple(GENERATED_CODE[language], fc.boolean()).map(([code, fragment]) => (fragment ? withoutImports(language, code) : code)),
    container: fc.constantFrom<Container>('top', 'bullet', 'ordered', 'quote', 'quotedBullet'),
    info: fc.constantFrom(...LANGUAGE_TABLE[language].fences.flatMap((f) => [f, f.toUpperCase()])),
    marker: fc.constantFrom<EmbeddedCode['marker']>('```', '~~~'),
    indent: fc.integer({ min: 0, max: 3 }),
  }),
);

export const markdownSource: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(embeddedArb, { minLength: 1, maxLength: 4 }),
    fc.constantFrom<MarkdownEvidence>('front matter', 'prose', 'none'),
    fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
  )
  .map(([blocks, evidence, eol]) => markdownDocument(blocks, evidence, eol));

export const GENERATED: Record<LanguageId, fc.Arbitrary<string>> = {
  ...GENERATED_CODE,
  markdown: markdownSource,
};

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

const ANCHORS: Record<LanguageId, string[]> = {
  csharp: [
    'RunElevated',
    'UserIdentity',
    'AutoUserSpecification',
    'ElevationLevel.NONADMIN',
    'new UserAccount("x", "y")',
    'RunElevated = true,',
    '.RunElevated = false;',
  ],
  java: [
    'withRunElevated(true)',
    'setRunElevated(',
    'UserIdentity',
    'ElevationLevel.NONADMIN',
    '.withScope(AutoUserScope.TASK)',
    'new UserAccount()',
  ],
  python: [
    'run_elevated=True',
    'run_elevated',
    'batchmodels.',
    'UserIdentity(',
    'ElevationLevel.nonadmin',
    'from azure.batch.models import *\n',
  ],
  json: ['"runElevated": true', '"runElevated"', '"userIdentity": {', '"userAccounts": [', '"elevationLevel": "root"', '"autoUser"'],
  typescript: [
    'runElevated: true',
    'runElevated',
    'userIdentity: {',
    'userAccounts: [',
    "elevationLevel: 'root'",
    'autoUser',
    "from '@azure/batch';\n",
  ],
  // Fences, containers and the other languages' anchors: a block opened, closed, moved or broken.
  markdown: ['```', '~~~', '```cs\n', '> ', '- ', '\n    ', '---\n', 'RunElevated = true;', 'run_elevated=True', '"runElevated": true'],
};
const GARBAGE = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '"',
  "'",
  '\n',
  '\r\n',
  '\r',
  '\t',
  '//',
  '/*',
  '*/',
  '#',
  '\\',
  'é',
  '😀',
  '\u00a0',
  '\u2028',
  ' ',
  'batch-identity-disable-next-line',
  '"""',
  '@',
  '=',
  '=>',
  '\u0000',
];

/** One edit to a text: offsets are taken modulo the length at the time it applies. */
export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicateLine'; readonly at: number }
  | { readonly kind: 'lineEndings'; readonly at: number; readonly eol: string }
  | { readonly kind: 'tabs' };

export function mutationArb(language: LanguageId, { binary = false } = {}): fc.Arbitrary<Mutation> {
  const garbage = binary ? GARBAGE : GARBAGE.filter((g) => g !== '\u0000');
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...garbage, ...ANCHORS[language]) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 6 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('lineEndings' as const), at: fc.nat(), eol: fc.constantFrom('\n', '\r\n', '\r') }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'tabs' as const }) },
  );
}

/** An offset that does not split a surrogate pair. */
function safeOffset(text: string, at: number): number {
  const offset = at % (text.length + 1);
  const code = text.charCodeAt(offset - 1);
  return code >= 0xd800 && code <= 0xdbff ? offset - 1 : offset;
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = safeOffset(text, m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = safeOffset(text, m.at);
      return text.slice(0, at) + text.slice(safeOffset(text, Math.min(text.length, at + m.length)));
    }
    case 'truncate':
      return text.slice(0, safeOffset(text, m.at));
    case 'duplicateLine': {
      const at = safeOffset(text, m.at);
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const newline = text.indexOf('\n', at);
      const end = newline === -1 ? text.length : newline + 1;
      return text.slice(0, end) + text.slice(start, end) + text.slice(end);
    }
    case 'lineEndings': {
      // From a random line on, every line break becomes `eol`: mixed line endings.
      const at = safeOffset(text, m.at);
      return text.slice(0, at) + text.slice(at).replace(/\r\n|\r|\n/g, m.eol);
    }
    case 'tabs':
      return text.replace(/^( {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4));
  }
}

/** A seed: a recorded or example text, or a generated one. */
export function seedArb(language: LanguageId): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...corpus(language)), GENERATED[language]);
}

export interface Mutated {
  readonly seed: string;
  readonly mutations: readonly Mutation[];
  readonly text: string;
}

/** A seed after 0–`maxEdits` random mutations (a quarter of the samples keep the seed as it is). */
export function mutatedArb(language: LanguageId, { maxEdits = 4, binary = false } = {}): fc.Arbitrary<Mutated> {
  return fc
    .tuple(
      seedArb(language),
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        { weight: 3, arbitrary: fc.array(mutationArb(language, { binary }), { minLength: 1, maxLength: maxEdits }) },
      ),
    )
    .map(([seed, mutations]) => ({ seed, mutations, text: mutations.reduce(applyMutation, seed) }));
}
