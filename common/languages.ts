/**
 * The language table: the languages Batch Identity reads, one row each. Everything that names
 * the languages is derived from it — the engine's `LanguageId`, which documents and files are
 * read, the client's document selectors and file watcher, the tree-sitter grammars the build
 * ships, the code fence of hovers, the workspace index's prefilter, the `batchIdentity.languages`
 * setting — and package.json, which is static, is held to it by test/unit/manifest.test.ts.
 * How a row's code is parsed, turned into facts and rewritten is the engine's `LANGUAGES`
 * (server/src/engine/languages.ts), keyed by this table's ids.
 *
 * Plain data and small look-ups only: the client bundles this file (it must stay thin), and so do
 * the server, the CLI and the build script (scripts/build.mjs). See docs/adding-a-language.md.
 */

import { FORMAT_CONFIG_FILES } from './formatFiles';

export interface LanguageRow {
  /** The name in prose (`C#`): the CLI's usage and notes. */
  readonly name: string;
  /**
   * The VS Code language ids of the documents this language reads: the client asks for them
   * (document selectors, the language status item), the manifest activates on them and
   * contributes the language's snippets to them.
   */
  readonly vscodeLanguageIds: readonly string[];
  /**
   * Further language ids the server reads as this language when another LSP client sends them.
   * The extension does not ask for them.
   */
  readonly otherLanguageIds?: readonly string[];
  /** File extensions, lower case with the dot: what the CLI's walk and the workspace scan read (compared case-insensitively). */
  readonly extensions: readonly string[];
  /**
   * MSBuild project files whose `Using` items are imports of every file of the language (C#):
   * extensions (compared case-insensitively) and exact file names. The CLI's walk, the workspace
   * scan and the client's file watcher include them; server/src/workspace/msbuild.ts reads them.
   */
  readonly projectFiles?: { readonly extensions: readonly string[]; readonly names: readonly string[] };
  /**
   * The tree-sitter grammar: `tree-sitter-<grammar>.wasm` of @vscode/tree-sitter-wasm, which the
   * build copies to dist/wasm. None for a language parsed otherwise (JSON: jsonc-parser).
   */
  readonly grammar?: string;
  /**
   * Files of this language that another tree-sitter grammar reads (TypeScript's JSX files, and
   * JavaScript): each variant names its grammar and the extensions, VS Code language ids and
   * fences of its files. A file's grammar is chosen by `grammarOf`; every other file of the row
   * is read by `grammar`.
   */
  readonly grammarVariants?: readonly GrammarVariant[];
  /**
   * Line comment opener, for suppression directives (`//`, `#`). None for a language whose
   * directives go into the code it embeds (Markdown: each code block's own comment syntax).
   */
  readonly lineComment?: string;
  /**
   * Markdown code-fence info strings that mean this language, as VS Code's Markdown grammar reads
   * them (`fenced_code_block_*` of markdown.tmLanguage), compared case-insensitively. The first is
   * the one hovers write.
   */
  readonly fences: readonly string[];
  /**
   * Words of which a file of this language must contain one to define a pool user account (case
   * sensitive): a file without any is not analysed for the workspace's account index.
   */
  readonly accountWords: readonly string[];
  /** The TextMate scopes of VS Code's own grammars for these documents, into which our injection grammar goes (scripts/grammars.ts). */
  readonly textMateScopes: readonly string[];
  /**
   * A document language whose code is in other rows' languages (Markdown: its fenced code blocks).
   * The rules name the code languages only (`CODE_LANGUAGE_IDS`); such a document reports what its
   * code does.
   */
  readonly embedsCode?: boolean;
}

/** Files of a row that another grammar reads: by extension first (the CLI and the editor read a file alike), then language id, then fence. */
export interface GrammarVariant {
  /** `tree-sitter-<grammar>.wasm` of @vscode/tree-sitter-wasm. */
  readonly grammar: string;
  /** Among the row's `extensions`. */
  readonly extensions: readonly string[];
  /** Among the row's `vscodeLanguageIds`. */
  readonly languageIds: readonly string[];
  /** Among the row's `fences`. */
  readonly fences: readonly string[];
}

export const LANGUAGE_TABLE = {
  csharp: {
    name: 'C#',
    vscodeLanguageIds: ['csharp'],
    extensions: ['.cs'],
    projectFiles: { extensions: ['.csproj'], names: ['Directory.Build.props', 'Directory.Build.targets'] },
    grammar: 'c-sharp',
    lineComment: '//',
    fences: ['csharp', 'cs', 'c#'],
    // `UserAccounts` and `List<UserAccount>` hold it too.
    accountWords: ['UserAccount'],
    textMateScopes: ['source.cs'],
  },
  java: {
    name: 'Java',
    vscodeLanguageIds: ['java'],
    extensions: ['.java'],
    grammar: 'java',
    lineComment: '//',
    fences: ['java'],
    // `withUserAccounts`, `setUserAccounts` hold it too.
    accountWords: ['UserAccount'],
    textMateScopes: ['source.java'],
  },
  python: {
    name: 'Python',
    vscodeLanguageIds: ['python'],
    extensions: ['.py'],
    grammar: 'python',
    lineComment: '#',
    fences: ['python', 'py', 'py3'],
    accountWords: ['UserAccount', 'user_accounts'],
    textMateScopes: ['source.python'],
  },
  json: {
    name: 'JSON',
    vscodeLanguageIds: ['json', 'jsonc'],
    otherLanguageIds: ['json5'],
    extensions: ['.json', '.jsonc'],
    lineComment: '//',
    fences: ['json', 'jsonc'],
    accountWords: ['userAccounts'],
    textMateScopes: ['source.json', 'source.json.comments'],
  },
  // TypeScript and JavaScript: one language to the rules (a JavaScript SDK call is TypeScript's
  // without types), three grammars to the parser — tree-sitter-typescript reads no JSX, and
  // JavaScript's own grammar reads `a < b > (c)` as JavaScript does (TypeScript's reads a call).
  typescript: {
    name: 'TypeScript/JavaScript',
    vscodeLanguageIds: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
    extensions: ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'],
    grammar: 'typescript',
    grammarVariants: [
      { grammar: 'tsx', extensions: ['.tsx'], languageIds: ['typescriptreact'], fences: ['tsx'] },
      {
        grammar: 'javascript',
        extensions: ['.js', '.mjs', '.cjs', '.jsx'],
        languageIds: ['javascript', 'javascriptreact'],
        fences: ['javascript', 'js', 'jsx', 'mjs', 'cjs', 'es6'],
      },
    ],
    lineComment: '//',
    fences: ['typescript', 'ts', 'tsx', 'javascript', 'js', 'jsx', 'mjs', 'cjs', 'es6'],
    accountWords: ['userAccounts'],
    textMateScopes: ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx'],
  },
  // Markdown documents: the code blocks fenced with another row's fence are read as that row's
  // language (server/src/languages/markdown/); prose and tables are not.
  markdown: {
    name: 'Markdown',
    vscodeLanguageIds: ['markdown'],
    extensions: ['.md', '.markdown'],
    fences: ['markdown', 'md'],
    // Its code blocks' words: every other row's.
    accountWords: ['UserAccount', 'user_accounts', 'userAccounts'],
    textMateScopes: ['text.html.markdown'],
    embedsCode: true,
  },
} as const satisfies Record<string, LanguageRow>;

type Table = typeof LANGUAGE_TABLE;

/** One of the languages the engine reads. */
export type LanguageId = keyof Table;
/** The languages in the table's order. */
export const LANGUAGE_IDS = Object.keys(LANGUAGE_TABLE) as readonly LanguageId[];

/** The languages code is written in: every row but those embedding code (Markdown). */
export type CodeLanguageId = { [K in LanguageId]: Table[K] extends { readonly embedsCode: true } ? never : K }[LanguageId];
/** The code languages in the table's order. */
export const CODE_LANGUAGE_IDS = LANGUAGE_IDS.filter((id) => !languageRow(id).embedsCode) as readonly CodeLanguageId[];

/** The languages' names as prose lists them: `C#, Java, Python and JSON` (or `or`). */
export function languageNames(conjunction: 'and' | 'or'): string {
  const names = LANGUAGE_IDS.map((id) => LANGUAGE_TABLE[id].name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** A row, typed as the interface (the table's own type is the literal one). */
export function languageRow(id: LanguageId): LanguageRow {
  return LANGUAGE_TABLE[id];
}

/** The languages parsed by tree-sitter. */
export type TreeSitterLanguageId = { [K in LanguageId]: Table[K] extends { readonly grammar: string } ? K : never }[LanguageId];
type VariantGrammar = {
  [K in LanguageId]: Table[K] extends { readonly grammarVariants: readonly (infer V)[] }
    ? V extends { readonly grammar: infer G }
      ? G
      : never
    : never;
}[LanguageId];
/** A tree-sitter grammar name (`c-sharp`). */
export type GrammarName = Table[TreeSitterLanguageId]['grammar'] | VariantGrammar;

/** The grammars to ship, in the table's order (each row's own, then its variants'). */
export const TREE_SITTER_GRAMMARS: readonly GrammarName[] = LANGUAGE_IDS.flatMap((id) => {
  const row = languageRow(id);
  return [row.grammar, ...(row.grammarVariants ?? []).map((v) => v.grammar)].filter((g): g is GrammarName => !!g);
});

/** What tells which grammar reads a text of a row: its file (uri or path), its VS Code language id, its Markdown fence. */
export interface GrammarSource {
  readonly uri?: string;
  readonly languageId?: string;
  readonly fence?: string;
}

/**
 * The grammar of a text of a tree-sitter row: the file's extension decides first (the CLI knows
 * nothing else, and the editor must read a file as the CLI does), then the document's language id
 * (an untitled document), then the Markdown fence, else the row's own grammar.
 */
export function grammarOf(id: TreeSitterLanguageId, source: GrammarSource = {}): GrammarName {
  const row = languageRow(id);
  const variants = row.grammarVariants ?? [];
  const path = source.uri?.replace(/[?#].*$/, '');
  const dot = path ? path.lastIndexOf('.') : -1;
  const extension = path && dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : undefined;
  const byExtension = extension && variants.find((v) => v.extensions.includes(extension));
  if (byExtension) return byExtension.grammar as GrammarName;
  const ownExtension = !!extension && row.extensions.includes(extension);
  const byLanguageId = !ownExtension && source.languageId !== undefined && variants.find((v) => v.languageIds.includes(source.languageId!));
  if (byLanguageId) return byLanguageId.grammar as GrammarName;
  const fence = source.fence?.toLowerCase();
  const byFence = !ownExtension && fence !== undefined && variants.find((v) => v.fences.includes(fence));
  if (byFence) return byFence.grammar as GrammarName;
  return row.grammar as GrammarName;
}
/** The tree-sitter runtime, loaded before any grammar. */
export const TREE_SITTER_RUNTIME_WASM = 'tree-sitter.wasm';
/** A grammar's file in @vscode/tree-sitter-wasm (and in dist/wasm). */
export const grammarFile = (grammar: GrammarName): string => `tree-sitter-${grammar}.wasm`;

/** Every VS Code language id the extension asks for, in the table's order (`csharp`, …, `json`, `jsonc`). */
export const DOCUMENT_LANGUAGE_IDS: readonly string[] = LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].vscodeLanguageIds);

const byLanguageId = new Map<string, LanguageId>(
  LANGUAGE_IDS.flatMap((id) =>
    [id, ...languageRow(id).vscodeLanguageIds, ...(languageRow(id).otherLanguageIds ?? [])].map((l) => [l, id] as const),
  ),
);
const byExtension = new Map<string, LanguageId>(LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].extensions.map((e) => [e, id] as const)));
const byFence = new Map<string, LanguageId>(
  LANGUAGE_IDS.flatMap((id) => LANGUAGE_TABLE[id].fences.map((f) => [f.toLowerCase(), id] as const)),
);

/** The language of a document by its VS Code (or LSP) language id, `jsonc` is `json`, or by one of ours. */
export function languageOfLanguageId(languageId: string): LanguageId | undefined {
  return byLanguageId.get(languageId);
}

/** The language of a file by its extension, in any case (`Tasks.CS` is C#). */
export function languageOfPath(path: string): LanguageId | undefined {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? undefined : byExtension.get(path.slice(dot).toLowerCase());
}

/** The language of a Markdown code fence's info string (its first word), in any case: `cs` is C#. */
export function languageOfFence(info: string): LanguageId | undefined {
  return byFence.get(info.toLowerCase());
}

/** Whether a file name (no folder) is one of the project files some language reads (`App.csproj`, `Directory.Build.props`). */
export function isProjectFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return LANGUAGE_IDS.some((id) => {
    const project = languageRow(id).projectFiles;
    return !!project && (project.extensions.some((e) => lower.endsWith(e)) || project.names.includes(name));
  });
}

/**
 * The client's file watcher: every file the workspace indexes read (the languages' files and
 * their project files), `**∕{*.cs,…,*.csproj,Directory.Build.props,…}`, and the files saying how
 * they are written (formatFiles.ts: pyproject.toml, .editorconfig…), which fixes follow.
 */
export function watchedFilesGlob(): string {
  const rows = LANGUAGE_IDS.map(languageRow);
  const patterns = [
    ...rows.flatMap((row) => row.extensions.map((e) => `*${e}`)),
    ...rows.flatMap((row) => row.projectFiles?.extensions.map((e) => `*${e}`) ?? []),
    ...rows.flatMap((row) => row.projectFiles?.names ?? []),
    ...FORMAT_CONFIG_FILES,
  ];
  return `**/{${patterns.join(',')}}`;
}
