/**
 * How a TypeScript/JavaScript file quotes its strings: the one reading of it. The facts carry it
 * (`RunElevatedFact.quote`, `EnumRefFact.quote`), so the renderer writes values in it and messages
 * and hovers quote values the same way; completion writes its proposals in it.
 */
import type { StringQuote } from '../../batch/sdks';
import type { Node, Tree } from '../toolkit/treeSitter';
import type { BatchImports } from './imports';
import { propertiesOf, stringQuote, unwrapped } from './syntax';

export class FileQuotes {
  private fileQuote: StringQuote | undefined;

  constructor(
    private readonly tree: Tree,
    private readonly text: string,
    private readonly imports: BatchImports,
  ) {}

  /** The quote to write a value in, in an object: the object's own string values first, then the Batch import's, else the file's first string, else single. */
  near(object: Node | undefined): StringQuote {
    const own =
      object &&
      propertiesOf(object)
        .properties.map((p) => unwrapped(p.value))
        .find((v) => v.type === 'string');
    if (own) return stringQuote(own);
    this.fileQuote ??= this.imports.quote ?? this.firstStringQuote() ?? "'";
    return this.fileQuote;
  }

  /** A value's own quote when it is a quoted string (what a fix of its contents keeps); else the quote `near` its object. */
  of(value: Node, object: Node | undefined): StringQuote {
    const node = unwrapped(value);
    return node.type === 'string' ? stringQuote(node) : this.near(object);
  }

  private firstStringQuote(): StringQuote | undefined {
    const match = /['"]/.exec(this.text);
    const node = match && this.tree.rootNode.descendantForIndex(match.index, match.index + 1);
    return node?.type === 'string' ? stringQuote(node) : undefined;
  }
}
