/**
 * The code blocks of a Markdown document (server/src/languages/markdown/blocks.ts): which fences
 * are read and as which language, what each block's text is, and the map between the block's text
 * and the document — every offset, both ways — and edits mapped into the document with the
 * block's prefix in each new line, refused where they would join lines across a quote's `>` or
 * touch spaces the document does not have.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edits';
import { parseMarkdown, type CodeBlock } from '../../../server/src/languages/markdown/blocks';

function blocksOf(text: string): CodeBlock[] {
  return [...parseMarkdown(text).blocks];
}

/** Every offset of the block's text maps into the document onto the same character, and back. */
function assertExactMap(text: string, block: CodeBlock): void {
  for (let offset = 0; offset < block.text.length; offset++) {
    const at = block.map.toDocument(offset);
    if (at === undefined) continue;
    assert.equal(text[at], block.text[offset], `offset ${offset} of ${JSON.stringify(block.text)}`);
    assert.equal(block.map.fromDocument(at), offset, `back from ${at}`);
  }
}

describe('markdown blocks: which fences are code of which language', () => {
  it('fences naming a language of the table, in any case, with attributes after the word', () => {
    const text = [
      '```csharp',
      'a();',
      '```',
      '```CS title="Tasks.cs"',
      'b();',
      '```',
      '~~~c#',
      'c();',
      '~~~',
      '```py3',
      'd()',
      '```',
      '```python{.numbered}',
      'e()',
      '```',
      '```jsonc',
      '{}',
      '```',
      '```java,linenums',
      'f();',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(
      blocksOf(text).map((b) => [b.language, b.fence, b.text]),
      [
        ['csharp', 'csharp', 'a();\n'],
        ['csharp', 'CS', 'b();\n'],
        ['csharp', 'c#', 'c();\n'],
        ['python', 'py3', 'd()\n'],
        ['python', 'python', 'e()\n'],
        ['json', 'jsonc', '{}\n'],
        ['java', 'java', 'f();\n'],
      ],
    );
  });

  it('not: other languages, no info string, indented code blocks, Markdown samples, inline code', () => {
    const text = [
      '```sh',
      'task.RunElevated = true;',
      '```',
      '```',
      'task.RunElevated = true;',
      '```',
      '',
      '    task.RunElevated = true;',
      '',
      '```markdown',
      '```cs',
      'task.RunElevated = true;',
      '```',
      '````',
      '',
      'Inline `task.RunElevated = true;` and <code>task.RunElevated = true;</code>.',
      '',
    ].join('\n');
    // The Markdown sample ends at its first ``` (three backticks close three): the `cs` line is its content.
    assert.deepEqual(blocksOf(text), []);
  });

  it('front matter is not Markdown: a fence-like line in it opens no block, and the lines after keep their numbers', () => {
    const text = '---\ntitle: x\nnote: ```cs\n---\n```cs\nx();\n```\n';
    const [block] = blocksOf(text);
    assert.equal(block.text, 'x();\n');
    assert.deepEqual(block.lines, { first: 5, end: 6 });
    assert.equal(parseMarkdown(text).frontMatter, 'title: x\nnote: ```cs\n');
  });
});

describe('markdown blocks: the map between a block and the document', () => {
  const cases: [string, string, string][] = [
    ['top level', '```cs\na();\n  b();\n```\n', 'a();\n  b();\n'],
    ['an indented fence (its indentation is not the code’s)', '  ```cs\n  a();\n    b();\nc();\n  ```\n', 'a();\n  b();\nc();\n'],
    ['a bullet', '- item\n\n  ```cs\n  a();\n\n      b();\n  ```\n', 'a();\n\n    b();\n'],
    ['an ordered item', '1. ```cs\n   a();\n   ```\n', 'a();\n'],
    ['a quote', '> ```cs\n> a();\n>\n>     b();\n> ```\n', 'a();\n\n    b();\n'],
    ['a quote without the optional space', '>```cs\n>a();\n>```\n', 'a();\n'],
    ['a list in a quote', '> - ```cs\n>   a();\n>   ```\n', 'a();\n'],
    ['CRLF', '- ```cs\r\n  a();\r\n  b();\r\n  ```\r\n', 'a();\r\nb();\r\n'],
    ['an unclosed fence at the end', '```cs\na();\nb();', 'a();\nb();'],
    ['an empty block', '```cs\n```\n', ''],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: the block's text, every offset exact both ways`, () => {
      const [block] = blocksOf(text);
      assert.equal(block.text, expected);
      assertExactMap(text, block);
    });
  }

  it('a tab the fence’s indentation takes in part: the spaces written for it map nowhere, the rest exactly', () => {
    const text = '  ```cs\n\ta();\n  ```\n';
    const [block] = blocksOf(text);
    // The fence's two columns of indentation are half of the tab; the parser writes the other two as spaces.
    assert.equal(block.text, '  a();\n');
    assertExactMap(text, block);
    assert.deepEqual(
      [0, 1, 2].map((o) => block.map.toDocument(o)),
      [undefined, undefined, text.indexOf('a()')],
    );
    // An edit into those spaces has nowhere to go.
    assert.equal(block.map.editToDocument({ span: { start: 0, end: 0 }, newText: '// x\n' }), undefined);
  });

  it('the block’s end maps after the closing line’s prefix, so an added last line keeps it', () => {
    const text = '- ```cs\n  a();\n  ```\nafter\n';
    const [block] = blocksOf(text);
    const edit = block.map.editToDocument({ span: { start: block.text.length, end: block.text.length }, newText: 'b();\n' });
    assert.ok(edit);
    assert.equal(applyEdits(text, [edit]), '- ```cs\n  a();\n  b();\n  ```\nafter\n');
  });
});

describe('markdown blocks: edits into the document', () => {
  const edit = (text: string, start: number, end: number, newText: string) => {
    const [block] = blocksOf(text);
    const mapped = block.map.editToDocument({ span: { start, end }, newText });
    return mapped && applyEdits(text, [mapped]);
  };

  it('a new line gets the block’s prefix: in a list item, in a quote, in an indented fence', () => {
    assert.equal(edit('- ```cs\n  a();\n  ```\n', 0, 0, 'using X;\n'), '- ```cs\n  using X;\n  a();\n  ```\n');
    assert.equal(edit('> ```py\n> a()\n> ```\n', 0, 0, '# note\n'), '> ```py\n> # note\n> a()\n> ```\n');
    assert.equal(edit('   ```cs\n   a();\n   ```\n', 4, 4, '\nb();'), '   ```cs\n   a();\n   b();\n   ```\n');
    assert.equal(edit('- ```cs\r\n  a();\r\n  ```\r\n', 0, 0, 'using X;\r\n'), '- ```cs\r\n  using X;\r\n  a();\r\n  ```\r\n');
  });

  it('joining lines in a list item takes the indentation between them; in a quote it is refused', () => {
    assert.equal(edit('- ```cs\n  a();\n  b();\n  ```\n', 0, 5, ''), '- ```cs\n  b();\n  ```\n');
    assert.equal(edit('> ```cs\n> a();\n> b();\n> ```\n', 0, 5, ''), undefined);
    assert.equal(edit('> ```cs\n> a();\n> b();\n> ```\n', 0, 4, 'c();'), '> ```cs\n> c();\n> b();\n> ```\n');
  });
});
