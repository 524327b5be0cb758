/**
 * Deterministic inputs for the bench: big source files in the four languages with a few Batch
 * identity constructs among ordinary code, and a workspace tree in which about 1 % of the files
 * touch Batch identity.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LANGUAGE_TABLE, type LanguageId } from '../common/languages';

/** A small deterministic PRNG (mulberry32), so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The languages this file writes code in (the workspace tree: BENCH_LANGUAGES; big files: TypeScript too). */
export type BenchLanguage = Extract<LanguageId, 'csharp' | 'java' | 'python' | 'json' | 'typescript'>;
export const BENCH_LANGUAGES: readonly BenchLanguage[] = ['csharp', 'java', 'python', 'json'];
/** A file's extension: its language's first. */
export const extensionOf = (language: BenchLanguage): string => LANGUAGE_TABLE[language].extensions[0];

// Ordinary code, repeated with varying names: what most of a real file is.
function csharpMethod(i: number): string {
  return `        public int Compute${i}(int value, string label)
        {
            // Sum the digits of value ${i}.
            var total = 0;
            foreach (var c in value.ToString()) { total += c - '0'; }
            if (label.Length > ${i % 17}) { total += label.Length * ${i % 7}; }
            return total + Helper.Scale(${i}, "item-${i}");
        }
`;
}

function csharpBatch(i: number): string {
  return `        public void Submit${i}(JobOperations jobs, string jobId)
        {
            CloudTask task = new CloudTask("task-${i}", "cmd /c echo ${i}");
            task.RunElevated = ${i % 2 === 0 ? 'true' : 'false'};
            jobs.AddTask(jobId, task);
        }
`;
}

function javaMethod(i: number): string {
  return `    public int compute${i}(int value, String label) {
        // Sum the digits of value ${i}.
        int total = 0;
        for (char c : Integer.toString(value).toCharArray()) { total += c - '0'; }
        if (label.length() > ${i % 17}) { total += label.length() * ${i % 7}; }
        return total + Helper.scale(${i}, "item-${i}");
    }
`;
}

function javaBatch(i: number): string {
  return `    public TaskAddParameter task${i}() {
        return new TaskAddParameter()
                .withId("task-${i}")
                .withCommandLine("cmd /c echo ${i}")
                .withRunElevated(${i % 2 === 0 ? 'true' : 'false'});
    }
`;
}

function pythonFunction(i: number): string {
  return `def compute_${i}(value, label):
    """Sum the digits of value ${i}."""
    total = 0
    for c in str(value):
        total += int(c)
    if len(label) > ${i % 17}:
        total += len(label) * ${i % 7}
    return total + helper.scale(${i}, "item-${i}")


`;
}

function pythonBatch(i: number): string {
  return `def task_${i}():
    return batchmodels.TaskAddParameter(
        id="task-${i}",
        command_line="cmd /c echo ${i}",
        run_elevated=${i % 2 === 0 ? 'True' : 'False'})


`;
}

function typescriptFunction(i: number): string {
  return `export function compute${i}(value: number, label: string): number {
  // Sum the digits of value ${i}.
  let total = 0;
  for (const c of String(value)) total += Number(c);
  if (label.length > ${i % 17}) total += label.length * ${i % 7};
  return total + helper.scale(${i}, 'item-${i}');
}

`;
}

function typescriptBatch(i: number): string {
  return `export async function submit${i}(client: BatchServiceClient, jobId: string): Promise<void> {
  const task: BatchServiceModels.TaskAddParameter = { id: 'task-${i}', commandLine: 'cmd /c echo ${i}', runElevated: ${i % 2 === 0} };
  await client.task.add(jobId, task);
}

`;
}

/**
 * A source file of about `lines` lines in which one block in `batchEvery` is Batch code (none,
 * and no Batch import, when `batchEvery` is 0).
 */
export function sourceFile(language: Exclude<BenchLanguage, 'json'>, lines: number, batchEvery = 50): string {
  const parts: string[] = [];
  let count = 0;
  let i = 0;
  const push = (text: string) => {
    parts.push(text);
    count += text.split('\n').length - 1;
  };
  const isBatch = () => batchEvery > 0 && i % batchEvery === 0;
  if (language === 'csharp') {
    push(`using System;\n${batchEvery ? 'using Microsoft.Azure.Batch;\n' : ''}\nnamespace Bench\n{\n    public class Generated\n    {\n`);
    while (count < lines - 3) push(isBatch() ? csharpBatch(i++) : csharpMethod(i++));
    push('    }\n}\n');
  } else if (language === 'java') {
    push(
      `package bench;\n\n${batchEvery ? 'import com.microsoft.azure.batch.protocol.models.*;\n' : 'import java.util.*;\n'}\npublic class Generated {\n`,
    );
    while (count < lines - 2) push(isBatch() ? javaBatch(i++) : javaMethod(i++));
    push('}\n');
  } else if (language === 'typescript') {
    push(
      `${batchEvery ? "import { BatchServiceClient, BatchServiceModels } from '@azure/batch';\n" : ''}import * as helper from './helper';\n\n`,
    );
    while (count < lines) push(isBatch() ? typescriptBatch(i++) : typescriptFunction(i++));
  } else {
    push(`${batchEvery ? 'import azure.batch.models as batchmodels\n' : 'import os\n'}\nimport helper\n\n\n`);
    while (count < lines) push(isBatch() ? pythonBatch(i++) : pythonFunction(i++));
  }
  return parts.join('');
}

/** A task collection (`{"value": [...]}`) of about `bytes` bytes; one task in `batchEvery` has runElevated. */
export function taskCollection(bytes: number, batchEvery = 50): string {
  const items: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const elevated = i % batchEvery === 0 ? `,\n      "runElevated": ${i % 2 === 0}` : '';
    const item = `    {\n      "id": "task-${i}",\n      "commandLine": "/bin/bash -c 'echo ${i}'",\n      "environmentSettings": [{"name": "INDEX", "value": "${i}"}],\n      "constraints": {"maxTaskRetryCount": ${i % 4}}${elevated}\n    }`;
    items.push(item);
    size += item.length + 2;
  }
  return `{\n  "value": [\n${items.join(',\n')}\n  ]\n}\n`;
}

/** An unrelated JSON document (package manifests, settings): what most JSON files are. */
function plainJson(i: number, rand: () => number): string {
  const deps = Array.from({ length: 20 + Math.floor(rand() * 40) }, (_, k) => `    "dep-${i}-${k}": "^${k}.${i % 10}.0"`).join(',\n');
  return `{\n  "name": "package-${i}",\n  "version": "1.${i % 50}.0",\n  "dependencies": {\n${deps}\n  }\n}\n`;
}

/**
 * A workspace of about `megabytes` MB: C#, Java, Python and JSON files of ordinary code, and
 * `touchRatio` of them carrying Batch identity code. Returns the number of files written.
 */
export function workspaceTree(
  root: string,
  megabytes: number,
  touchRatio = 0.01,
  seed = 42,
): { files: number; batchFiles: number; bytes: number } {
  const rand = random(seed);
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  let batchFiles = 0;
  while (bytes < target) {
    const language = BENCH_LANGUAGES[files % BENCH_LANGUAGES.length];
    const dir = path.join(root, `module-${Math.floor(files / 100)}`, language);
    fs.mkdirSync(dir, { recursive: true });
    const batch = rand() < touchRatio;
    const lines = 150 + Math.floor(rand() * 350);
    let text: string;
    if (language === 'json') text = batch ? taskCollection(lines * 40, 3) : plainJson(files, rand);
    else text = sourceFile(language, lines, batch ? 3 : 0);
    fs.writeFileSync(path.join(dir, `file-${files}${extensionOf(language)}`), text);
    bytes += text.length;
    files++;
    if (batch) batchFiles++;
  }
  return { files, batchFiles, bytes };
}

/** A JSON pool (REST body) defining user accounts of these names. */
export function accountPool(id: string, names: readonly string[]): string {
  const accounts = names.map((name) => `    {"name": "${name}", "password": "[parameters('pw')]", "elevationLevel": "admin"}`).join(',\n');
  return `{\n  "id": "${id}",\n  "vmSize": "standard_d2s_v3",\n  "userAccounts": [\n${accounts}\n  ]\n}\n`;
}

/** A JSON task collection of `count` tasks run as named users (taken in turn from `users`), among ordinary tasks. */
export function namedUserTasks(users: readonly string[], count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `    {\n      "id": "task-${i}",\n      "commandLine": "/bin/bash -c 'echo ${i}'",\n      "constraints": {"maxTaskRetryCount": ${i % 4}},\n      "userIdentity": {"username": "${users[i % users.length]}"}\n    }`,
  );
  return `{\n  "value": [\n${items.join(',\n')}\n  ]\n}\n`;
}
