/** The snippet expansion the snippet tests rely on: VS Code's syntax, every default accepted. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expand, tabStopIndices } from './expand';
import { insertAt } from './hosts';

describe('snippet expansion', () => {
  const cases: { body: string | string[]; expected: string; last?: string }[] = [
    { body: 'plain text', expected: 'plain text' },
    { body: 'a $1 b ${2} c $0', expected: 'a  b  c ' },
    { body: '${1:task}.run()', expected: 'task.run()' },
    { body: 'var ${1:x} = 1; use($1); use(${1});', expected: 'var x = 1; use(x); use(x);' },
    // The first value given to an index is every occurrence's, even when a bare mirror comes first.
    { body: '$1 = ${1:first}; ${1:second}', expected: 'first = first; first' },
    { body: '${1:outer ${2:inner} tail} $2', expected: 'outer inner tail inner' },
    { body: 'level.${1|Admin,NonAdmin|}', expected: 'level.Admin', last: 'level.NonAdmin' },
    { body: '${1|one|} $1', expected: 'one one' },
    { body: '${1|a\\,b,c\\|d,e\\\\f|}', expected: 'a,b', last: 'e\\f' },
    // `$` and `}` are plain inside a choice; `\$` there is two characters.
    { body: '${1|$x},\\$y|}', expected: '$x}', last: '\\$y' },
    { body: '"\\${${1:NAME}\\}"', expected: '"${NAME}"' },
    { body: 'cost: \\$5 \\\\ \\}', expected: 'cost: $5 \\ }' },
    { body: '${1:a \\} b}', expected: 'a } b' },
    { body: 'a \\n b', expected: 'a \\n b' },
    { body: 'if (x) { ${1:y}; }', expected: 'if (x) { y; }' },
    { body: ['line one ${1:x}', '\tline two $1'], expected: 'line one x\n\tline two x' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.body), () => {
      assert.equal(expand(c.body), c.expected);
      assert.equal(expand(c.body, { choice: 'last' }), c.last ?? c.expected);
    });
  }

  const rejected: { body: string; error: RegExp }[] = [
    { body: 'echo $HOME', error: /starts no tab stop/ },
    { body: '${TM_FILENAME}', error: /variable/ },
    { body: 'price $', error: /starts no tab stop/ },
    { body: '${1:open', error: /unterminated placeholder/ },
    { body: '${1|a,b}', error: /unterminated choice/ },
    { body: '${1:x ${1:y}}', error: /contains itself/ },
  ];
  for (const r of rejected) {
    it(`rejects ${JSON.stringify(r.body)}`, () => assert.throws(() => expand(r.body), r.error));
  }

  it('lists the tab stops, nested ones and mirrors included, once each', () => {
    assert.deepEqual(tabStopIndices('$3 ${1:a ${2:b}} ${1} ${4|x,y|} $0'), [0, 1, 2, 3, 4]);
  });

  it('inserts as the editor does: leading tabs become spaces, later lines take the indentation', () => {
    assert.equal(insertAt('a {\n\tb\n\t\tc\t d\n}', '    '), 'a {\n        b\n            c\t d\n    }');
  });
});
