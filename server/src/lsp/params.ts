/**
 * Checks of what clients send, before a handler sees it: each returns undefined when the
 * parameters have the shape the handler reads, else a sentence saying what is wrong (the answer of
 * −32602, or the log line of an ignored notification). Only what the handlers read is checked.
 */
export type Check = (params: unknown) => string | undefined;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** LSP's `uinteger`. */
const isUinteger = (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2 ** 31 - 1;

function object(value: unknown, where: string): string | undefined {
  return isObject(value) ? undefined : `${where} must be an object`;
}

function string(value: unknown, where: string): string | undefined {
  return typeof value === 'string' ? undefined : `${where} must be a string`;
}

function boolean(value: unknown, where: string): string | undefined {
  return typeof value === 'boolean' ? undefined : `${where} must be true or false`;
}

function integer(value: unknown, where: string): string | undefined {
  return Number.isInteger(value) ? undefined : `${where} must be an integer`;
}

function position(value: unknown, where: string): string | undefined {
  if (!isObject(value) || !isUinteger(value.line) || !isUinteger(value.character))
    return `${where} must be a position: {"line", "character"}, both whole numbers of at least 0`;
  return undefined;
}

function range(value: unknown, where: string): string | undefined {
  return object(value, where) ?? position((value as Json).start, `${where}.start`) ?? position((value as Json).end, `${where}.end`);
}

function documentUri(params: unknown): string | undefined {
  return (
    object(params, 'params') ??
    object((params as Json).textDocument, 'textDocument') ??
    string(((params as Json).textDocument as Json).uri, 'textDocument.uri')
  );
}

function all(value: unknown, where: string, each: (item: unknown, where: string) => string | undefined): string | undefined {
  if (!Array.isArray(value)) return `${where} must be an array`;
  for (const [i, item] of value.entries()) {
    const problem = each(item, `${where}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

export const didOpenParams: Check = (params) => {
  const problem = documentUri(params);
  if (problem) return problem;
  const document = (params as Json).textDocument as Json;
  return (
    string(document.languageId, 'textDocument.languageId') ??
    integer(document.version, 'textDocument.version') ??
    string(document.text, 'textDocument.text')
  );
};

/** The document a `didChange` is about, with its version (checked apart from the changes: a change that is wrong still concerns it). */
export const didChangeDocument: Check = (params) =>
  documentUri(params) ?? integer(((params as Json).textDocument as Json).version, 'textDocument.version');

export const didChangeParams: Check = (params) =>
  didChangeDocument(params) ??
  all((params as Json).contentChanges, 'contentChanges', (change, where) => {
    if (!isObject(change)) return `${where} must be an object`;
    if (change.range !== undefined) return range(change.range, `${where}.range`) ?? string(change.text, `${where}.text`);
    return string(change.text, `${where}.text`);
  });

export const textDocumentParams: Check = documentUri;

export const positionParams: Check = (params) => documentUri(params) ?? position((params as Json).position, 'position');

export const referenceParams: Check = (params) =>
  positionParams(params) ??
  object((params as Json).context, 'context') ??
  boolean(((params as Json).context as Json).includeDeclaration, 'context.includeDeclaration');

export const renameParams: Check = (params) => positionParams(params) ?? string((params as Json).newName, 'newName');

/** `textDocument/inlayHint`: the document and the range shown. */
export const rangeParams: Check = (params) => documentUri(params) ?? range((params as Json).range, 'range');

export const workspaceSymbolParams: Check = (params) => object(params, 'params') ?? string((params as Json).query, 'query');

export const codeActionParams: Check = (params) => {
  const problem = documentUri(params) ?? range((params as Json).range, 'range') ?? object((params as Json).context, 'context');
  if (problem) return problem;
  const context = (params as Json).context as Json;
  if (context.only !== undefined) {
    const only = all(context.only, 'context.only', string);
    if (only) return only;
  }
  return all(
    context.diagnostics,
    'context.diagnostics',
    (diagnostic, where) => object(diagnostic, where) ?? range((diagnostic as Json).range, `${where}.range`),
  );
};

export const codeActionResolveParams: Check = (params) => object(params, 'params') ?? string((params as Json).title, 'title');

export const executeCommandParams: Check = (params) => {
  const problem = object(params, 'params') ?? string((params as Json).command, 'command');
  if (problem) return problem;
  const args = (params as Json).arguments;
  return args === undefined || Array.isArray(args) ? undefined : 'arguments must be an array';
};

export const didChangeWatchedFilesParams: Check = (params) =>
  object(params, 'params') ??
  all((params as Json).changes, 'changes', (change, where) => {
    if (!isObject(change)) return `${where} must be an object`;
    if (change.type !== 1 && change.type !== 2 && change.type !== 3) return `${where}.type must be 1 (created), 2 (changed) or 3 (deleted)`;
    return string(change.uri, `${where}.uri`);
  });

/** Settings may be anything (they are normalised): only the parameters must be an object. */
export const didChangeConfigurationParams: Check = (params) => object(params, 'params');

export const visibleDocumentsParams: Check = (params) => object(params, 'params') ?? all((params as Json).uris, 'uris', string);

/**
 * `initialize`: the capabilities must be an object (the protocol library reads them). Workspace
 * folders are not checked here: one that cannot be read is left out with a log line, not a failure.
 */
export const initializeParams: Check = (params) => object(params, 'params') ?? object((params as Json).capabilities, 'capabilities');

/** The workspace folders of `initialize`, those that have a string `uri` (others are named in `skipped`). */
export function workspaceFolderUris(params: unknown): { uris: string[]; skipped: string[] } {
  const p = isObject(params) ? params : {};
  const uris: string[] = [];
  const skipped: string[] = [];
  if (Array.isArray(p.workspaceFolders)) {
    for (const folder of p.workspaceFolders) {
      if (isObject(folder) && typeof folder.uri === 'string') uris.push(folder.uri);
      else skipped.push(JSON.stringify(folder) ?? String(folder));
    }
  } else if (typeof p.rootUri === 'string') {
    uris.push(p.rootUri);
  }
  return { uris, skipped };
}
