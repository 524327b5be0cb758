/**
 * What mcs makes of a C# test row against the stub SDKs (./stubs, written from each SDK's
 * documented API; no .NET Batch SDK can be installed here): the rule tables' rows carry one of
 * these in `sdk` (test/unit/rules/table.ts), and `csharpStubRows()` turns each into a test of its
 * own. Every row expected to compile is compiled in one mcs run, each in a namespace of its own;
 * a row expected not to compile is compiled alone. Target-typed `new(…)`, which mcs cannot read,
 * is written out with the type the adapter gives it (targetTyped.ts).
 */
import assert from 'node:assert/strict';
import type { CheckedRow, RowCheck, RowChecker } from '../../helpers/rowChecks';
import { compileCSharp, skipWithoutMcs } from './mcs';
import { withTargetTypesWritten } from './targetTyped';

export type CSharpCompile =
  /** The row's text compiles, and so does its text after the fix. */
  | 'compiles'
  /** The row's text does not compile (mcs's message matches `fails`); its text after the fix, when it differs, compiles. */
  | { readonly fails: RegExp };

/** A row's text as a file of the shared compilation: inside a namespace of its own, so rows may reuse class names. */
function inNamespace(index: number, text: string): string {
  return `namespace Row${index}\n{\n${text}\n}\n`;
}

/** mcs's messages about one file of a compilation. */
function messagesFor(output: string, file: string): string[] {
  return output.split(/\r?\n/).filter((line) => line.includes(`/${file}(`) && /\berror\b/.test(line));
}

class CompileBatch {
  private readonly texts: string[] = [];
  private started?: Promise<string>;

  /** Declares a text that must compile; the returned function gives mcs's errors about it. */
  add(text: string): () => Promise<string[]> {
    if (this.started) throw new Error('a row was added after the compilation ran: declare every row before the tests run');
    const index = this.texts.push(text) - 1;
    return async () => {
      this.started ??= this.compile();
      return messagesFor(await this.started, `row${index}.cs`);
    };
  }

  private async compile(): Promise<string> {
    const sources: Record<string, string> = {};
    for (const [index, text] of this.texts.entries()) sources[`row${index}.cs`] = inNamespace(index, await withTargetTypesWritten(text));
    const all = compileCSharp(sources);
    if (all.ok) return '';
    // A file whose syntax mcs rejects can stop it before it checks the others: each alone, then.
    return Object.entries(sources)
      .map(([name, text]) => compileCSharp({ [name]: text }).output)
      .join('\n');
  }
}

/** The C# rows' checker: one compilation for a test file. */
export function csharpStubRows(): RowChecker<CSharpCompile> {
  const batch = new CompileBatch();
  const skip = skipWithoutMcs();
  return (row: CheckedRow<CSharpCompile>): RowCheck[] => {
    if (row.language !== 'csharp') throw new Error(`${row.name}: mcs compiles C# rows, not this ${row.language} row`);
    const name = `${row.name} · mcs with the stub SDKs`;
    const changed = row.output !== row.input;
    if (row.expect === 'compiles') {
      const input = batch.add(row.input);
      const output = changed ? batch.add(row.output) : input;
      return [
        {
          name,
          skip,
          run: async () => {
            assert.deepEqual(await input(), [], 'the text compiles');
            assert.deepEqual(await output(), [], 'the text after the fix compiles');
          },
        },
      ];
    }
    const fails = row.expect.fails;
    const output = changed ? batch.add(row.output) : undefined;
    return [
      {
        name,
        skip,
        run: async () => {
          const alone = compileCSharp({ 'row.cs': await withTargetTypesWritten(row.input) });
          assert.equal(alone.ok, false, 'the text does not compile');
          assert.match(alone.output, fails);
          if (output) assert.deepEqual(await output(), [], 'the text after the fix compiles');
        },
      },
    ];
  };
}
