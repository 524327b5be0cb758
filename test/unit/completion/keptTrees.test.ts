/**
 * The trees completion parses are the document's kept trees: a document the prefilter did not
 * parse is parsed for a completion and that tree serves the next analysis, incrementally, and an
 * edit that comes while a completion's parse waits leaves no tree of the wrong text behind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../../server/src/engine/engine';
import type { TextChange } from '../../../server/src/engine/language';

function pointAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { row: before.split('\n').length - 1, column: offset - (before.lastIndexOf('\n') + 1) };
}

/** `inserted` at `start` of `text`: the change the server records, and the new text. */
function insertion(text: string, start: number, inserted: string): { change: TextChange; next: string } {
  const next = text.slice(0, start) + inserted + text.slice(start);
  return {
    next,
    change: {
      startIndex: start,
      oldEndIndex: start,
      newEndIndex: start + inserted.length,
      startPosition: pointAt(text, start),
      oldEndPosition: pointAt(text, start),
      newEndPosition: pointAt(next, start + inserted.length),
    },
  };
}

const uri = 'file:///work/Render.cs';
const TEXT = 'using Microsoft.Azure.Batch;\n\nclass Render\n{\n    CloudTask T() => new CloudTask("t", "x")\n    {\n        \n    };\n}\n';
const AT = TEXT.indexOf('        \n') + 8;

describe('completion and the kept trees', () => {
  it('a prefiltered document parsed for a completion: the next analysis after an edit reads the edited text right', async () => {
    const engine = new Engine();
    const doc = { uri, languageId: 'csharp', text: TEXT };
    const first = await engine.analyze(doc, { keepSyntax: true });
    assert.equal(first.prefiltered, true, 'no anchor word: not parsed by the analysis');
    const proposed = await engine.completionsAt(doc, AT, { accountNames: [] });
    assert.deepEqual(
      proposed.completions.map((c) => c.label),
      ['UserIdentity (auto-user)', 'UserIdentity (named user)'],
    );
    const { change, next } = insertion(TEXT, AT, 'RunElevated = true,');
    engine.recordChange(uri, change);
    const second = await engine.analyze({ ...doc, text: next }, { keepSyntax: true });
    assert.deepEqual(
      second.findings.map((f) => [f.rule, next.slice(f.span.start, f.span.end)]),
      [['run-elevated', 'RunElevated']],
    );
    engine.forget(uri);
  });

  it('an edit recorded while a completion parses: nothing proposed, and the next analysis is right', async () => {
    const engine = new Engine();
    const doc = { uri, languageId: 'csharp', text: TEXT };
    await engine.analyze(doc, { keepSyntax: true });
    await engine.completionsAt(doc, AT, { accountNames: [] });
    // The kept tree is edited, then a completion of the old text starts and an edit comes while it waits.
    const one = insertion(TEXT, AT, '// a\n        ');
    engine.recordChange(uri, one.change);
    const pending = engine.completionsAt({ ...doc, text: one.next }, AT + 13, { accountNames: [] });
    const two = insertion(one.next, AT + 13, 'RunElevated = true,');
    engine.recordChange(uri, two.change);
    assert.deepEqual((await pending).completions, []);
    const analysis = await engine.analyze({ ...doc, text: two.next }, { keepSyntax: true });
    assert.deepEqual(
      analysis.findings.map((f) => [f.rule, two.next.slice(f.span.start, f.span.end)]),
      [['run-elevated', 'RunElevated']],
    );
    engine.forget(uri);
  });
});
