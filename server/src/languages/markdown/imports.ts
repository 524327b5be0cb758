/**
 * Imports in code blocks, and the imports a fragment is given. Documentation shows imports once
 * (or never) and the code that needs them in later blocks; the adapters decide whether code is
 * Batch's from its file's imports. So a block without imports of its own is analysed after the
 * imports of the document's other blocks of its language, taken from them as they are written (an
 * import a fix adds after them lands in their block), and, when the document is about Batch but
 * none of those imports is Batch's, after a synthetic import of the Batch models that no fact or
 * edit ever reaches (see evidence.ts).
 *
 * Which statements are imports is read from the syntax tree (the grammar's import nodes at the top
 * level); whether one names Batch, from the model's namespaces, packages and modules.
 */
import { grammarOf, languageRow, type TreeSitterLanguageId } from '../../../../common/languages';
import { CSHARP, JAVA, JAVASCRIPT, PYTHON } from '../../batch/sdks';
import { sdkOfModule } from '../typescript/imports';
import type { Span } from '../../engine/facts';
import { parserFor, type Node } from '../../parsing/treeSitter';
import type { CodeBlock, EmbeddedLanguageId } from './blocks';
import type { Part } from './composite';

interface ImportSyntax {
  /** The syntax nodes that are imports; those at the top level are what other blocks can take. */
  readonly nodeTypes: readonly string[];
  /** Top-level nodes that make a block a file of its own, which nothing may precede (Java's `package`). */
  readonly fileHeader?: readonly string[];
  /** Whether a dotted name an import names is Batch's. */
  isBatch(name: string): boolean;
  /** Imports of the Batch models, for a fragment of a document about Batch that imports nothing itself. */
  prelude(eol: string): string;
  /** The names an import's text holds, which `isBatch` judges: its dotted names unless said otherwise. */
  namesOf?(text: string): string[];
  /** Nodes that import without being import statements (CommonJS `require(…)`): they tell a block imports Batch, nothing more. */
  readonly otherImportTypes?: readonly string[];
}

/** `a.b` holds `a.b` and `a.b.C`, not `a.bc`. */
const within = (name: string, prefix: string): boolean => {
  const p = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix;
  return name === p || name.startsWith(`${p}.`);
};

const [PYTHON_MODELS_PARENT, PYTHON_MODELS_NAME] = [
  PYTHON.modelsModule.slice(0, PYTHON.modelsModule.lastIndexOf('.')),
  PYTHON.modelsModule.slice(PYTHON.modelsModule.lastIndexOf('.') + 1),
];

/** Per language, its import syntax; none for a language without imports (JSON). */
const IMPORTS: Record<EmbeddedLanguageId, ImportSyntax | undefined> = {
  csharp: {
    nodeTypes: ['using_directive'],
    isBatch: (name) => CSHARP.namespaces[name] !== undefined || name.startsWith(CSHARP.namespacePrefix),
    // The SDK the documentation's samples are written for (Microsoft.Azure.Batch), and its enums.
    prelude: (eol) => `using ${CSHARP.legacy.namespace};${eol}using ${CSHARP.legacy.enumNamespace};${eol}`,
  },
  java: {
    nodeTypes: ['import_declaration'],
    fileHeader: ['package_declaration'],
    isBatch: (name) => !JAVA.otherServicePrefixes.some((p) => within(name, p)) && Object.values(JAVA.sdkRoots).some((p) => within(name, p)),
    prelude: (eol) => `import ${JAVA.packages.legacy}.*;${eol}`,
  },
  python: {
    nodeTypes: ['import_statement', 'import_from_statement'],
    isBatch: (name) => PYTHON.batchPackages.some((p) => within(name, p)),
    // The models' names themselves (`UserIdentity(…)`), the samples' alias (`batchmodels.X`), the
    // module by its own name (`models.X`) and the package's (`batch.models.X`), in this order: a fix
    // then writes the names the way the call it rewrites does. The adapter tells the SDK
    // generation from the code.
    prelude: (eol) =>
      `from ${PYTHON.modelsModule} import *${eol}` +
      `import ${PYTHON.modelsModule} as ${PYTHON.conventionalAlias}${eol}` +
      `from ${PYTHON_MODELS_PARENT} import ${PYTHON_MODELS_NAME}${eol}` +
      `import ${PYTHON_MODELS_PARENT} as ${PYTHON_MODELS_PARENT.slice(PYTHON_MODELS_PARENT.lastIndexOf('.') + 1)}${eol}`,
  },
  json: undefined,
  typescript: {
    nodeTypes: ['import_statement'],
    // Module names are strings (`'@azure/batch'`, `'azure-batch/lib/models'`).
    otherImportTypes: ['call_expression'],
    // The module names of `import … from '…'` and of a call `require('…')` / `import('…')`.
    namesOf: (text) => (/^(?:import|export|require\s*\()/.test(text) ? [...text.matchAll(/(['"])([^'"]+)\1/g)].map((m) => m[2]) : []),
    isBatch: (name) => sdkOfModule(name) !== undefined,
    prelude: (eol) => `import { ${JAVASCRIPT.modelsNamespace} } from '@azure/batch';${eol}`,
  },
};

/** A block's own imports. */
export interface BlockImports {
  /**
   * Its top-level imports, each as parts of an analysed text (its whole line when it stands alone
   * on it, else itself and a line break of ours) and its text, by which one written in several
   * blocks is taken once.
   */
  readonly imports: readonly { readonly parts: readonly Part[]; readonly text: string }[];
  /** Whether it imports Batch itself, at any level (C#: in a namespace too). */
  readonly batch: boolean;
  /** Whether it is a file of its own that nothing may precede (Java: it declares its package). */
  readonly header: boolean;
}

const NO_IMPORTS: BlockImports = { imports: [], batch: false, header: false };

/** The imports of a block. */
export async function importsOf(block: CodeBlock, eol: string): Promise<BlockImports> {
  const syntax = IMPORTS[block.language];
  if (!syntax || !languageRow(block.language).grammar) return NO_IMPORTS;
  const grammar = grammarOf(block.language as TreeSitterLanguageId, { fence: block.fence });
  const tree = (await parserFor(grammar)).parse(block.text);
  if (!tree) return NO_IMPORTS;
  try {
    const root = tree.rootNode;
    const imports: { parts: Part[]; text: string }[] = [];
    for (const node of root.namedChildren) {
      if (node && syntax.nodeTypes.includes(node.type) && !node.hasError)
        imports.push({ parts: linePartsOf(block, node, eol), text: node.text });
    }
    const batch = root
      .descendantsOfType([...syntax.nodeTypes, ...(syntax.otherImportTypes ?? [])])
      .some((node) => !!node && (syntax.namesOf ?? dottedNames)(node.text).some(syntax.isBatch));
    const header = root.namedChildren.some((node) => !!node && !!syntax.fileHeader?.includes(node.type));
    return { imports, batch, header };
  } finally {
    tree.delete();
  }
}

/** The synthetic imports of the Batch models for a language; undefined for a language without imports. */
export function syntheticPrelude(language: EmbeddedLanguageId, eol: string): string | undefined {
  return IMPORTS[language]?.prelude(eol);
}

/** Whether a language has imports at all. */
export function hasImports(language: EmbeddedLanguageId): boolean {
  return IMPORTS[language] !== undefined;
}

function linePartsOf(block: CodeBlock, node: Node, eol: string): Part[] {
  const text = block.text;
  const lineStart = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  const breakAt = text.slice(node.endIndex).search(/\r\n|\r|\n|$/);
  const lineEnd = node.endIndex + breakAt;
  const next = text.startsWith('\r\n', lineEnd) ? lineEnd + 2 : lineEnd < text.length ? lineEnd + 1 : lineEnd;
  const alone = lineStart === node.startIndex && text.slice(node.endIndex, lineEnd).trim() === '';
  const span: Span = alone ? { start: lineStart, end: next } : { start: node.startIndex, end: node.endIndex };
  return alone && next > lineEnd ? [{ block, span }] : [{ block, span }, eol];
}

/** The dotted names in an import's text (`Microsoft.Azure.Batch`, `azure.batch.models`). */
function dottedNames(text: string): string[] {
  return [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*/g)].map((m) => m[0].replace(/\s+/g, ''));
}
