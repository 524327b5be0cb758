/**
 * Java run-elevated beyond the rule table (test/unit/rules/runElevated/java.ts): the facts the
 * adapter reports for a call, a suppression comment silencing exactly the next line, and the
 * hover's replacement in Java.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/hover/hover';
import { analyze, squiggles } from '../../helpers/engine';
import { inMethod, LEGACY } from '../rules/runElevated/java';

const rule = 'run-elevated';
const found = async (text: string) => (await squiggles('java', text)).filter((s) => s.rule === rule);

describe('java run-elevated: facts', () => {
  it('facts: form call, the replaced span, the holder with its task kind', async () => {
    const text = inMethod(LEGACY, '    StartTask s = new StartTask().withRunElevated(flag);', 'boolean flag');
    const analysis = await analyze('java', text);
    analysis.release();
    const [fact] = analysis.facts.runElevated;
    assert.equal(fact.form, 'call');
    assert.equal(text.slice(fact.span.start, fact.span.end), 'withRunElevated(flag)');
    assert.equal(fact.value?.kind, 'expr');
    assert.equal(fact.holder.taskKind, 'startTask');
    assert.equal(fact.holder.typeName, 'StartTask');
    assert.equal(fact.confidence, 'strong');
  });
});

describe('java in the editor: suppressions and hovers', () => {
  it('a line comment directive silences the next line only', async () => {
    const text = inMethod(
      LEGACY,
      '    // batch-identity-disable-next-line run-elevated\n    a.withRunElevated(true);\n    b.withRunElevated(true);',
      'CloudTask a, CloudTask b',
    );
    const result = await found(text);
    assert.equal(result.length, 1);
    const analysis = await analyze('java', text);
    analysis.release();
    assert.equal(text.slice(0, analysis.findings[0].span.start).split('\n').length, 7);
  });

  it("the hover shows this file's replacement in Java", async () => {
    const text = inMethod(LEGACY, '    a.withRunElevated(true);', 'CloudTask a');
    const analysis = await analyze('java', text);
    const md = hoverAt(analysis, text.indexOf('withRunElevated') + 3)?.markdown;
    analysis.release();
    // First, and broken after its parentheses: the run without spaces is too long for a hover to wrap.
    assert.ok(
      (md ?? '').startsWith(
        'In this file it becomes:\n\n```java\nwithUserIdentity(\n    new UserIdentity().withAutoUser(\n' +
          '        new AutoUserSpecification().withElevationLevel(\n            ElevationLevel.ADMIN)))\n```\n',
      ),
      md,
    );
  });
});
