/**
 * `workspace/executeCommand` `batchIdentity.migrateWorkspace`: fix-all (`Engine.fixAll`, the one
 * `check --fix` and fix on save use) over every file of the workspace folders — the open
 * documents' unsaved text, the others read from disk — leaving out what `.gitignore` and
 * `files.exclude` leave out. The result is one `workspace/applyEdit`: a `TextDocumentEdit` per
 * file (versioned for open documents, so an editor refuses it if the buffer changed meanwhile)
 * whose edits carry that file's change annotation, which needs confirmation: VS Code shows them in
 * its Refactor Preview, where files can be unticked. Progress goes to the client's work-done token
 * (or one the server creates), and the request can be cancelled until the edit is sent. Answered
 * with a `MigrationSummary`.
 *
 * A client without change annotations cannot show the changes for review: the server says so and
 * asks (`window/showMessageRequest`) before sending a plain edit; no answer, no edit.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type ChangeAnnotation,
  type ExecuteCommandParams,
  type TextDocumentEdit,
  type TextEdit,
  WorkDoneProgressReporter,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MigrateWorkspaceArguments, MigrationSummary } from '../../../../common/protocol';
import { resolveSettings, type Settings } from '../../../../common/settings';
import { diffEdits } from '../../engine/edits';
import { languageOfPath } from '../../engine/engine';
import { WorkspaceExclusions, type FilesExclude } from '../../workspace/exclusions';
import { looksBinary, mayConcernBatch } from '../../workspace/needles';
import { assumedEncodingOf, decode, SourceReader, UnreadableFile } from '../../workspace/sourceFiles';
import { collectFiles } from '../../workspace/walk';
import { requestCancelled } from '../analysis';
import { toRange } from '../convert';
import type { ServerState } from '../state';

export const MIGRATION_LABEL = 'Batch Identity: Migrate Workspace';
/** The prefix of each file's change annotation id (the rest is the file's path in the workspace). */
export const MIGRATION_ANNOTATION = 'batchIdentity.migrate:';

const yieldToMessages = () => new Promise<void>((resolve) => setImmediate(resolve));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function scopeOf(args: unknown[] | undefined): MigrateWorkspaceArguments['scope'] {
  const first = args?.[0] as MigrateWorkspaceArguments | undefined | null;
  if (first === undefined || first === null) return undefined;
  if (typeof first !== 'object' || (first.scope !== undefined && !['omit', 'task', 'pool'].includes(first.scope)))
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      'batchIdentity.migrateWorkspace takes [{"scope": "omit" | "task" | "pool"}] or nothing',
    );
  return first.scope;
}

/** A folder's `batchIdentity` settings and `files.exclude`, asked in one `workspace/configuration` (pushed settings for other clients). */
async function folderConfiguration(state: ServerState, folderUri: string): Promise<{ settings: Settings; filesExclude: FilesExclude }> {
  if (!state.settings.pulls) return { settings: await state.settings.forDocument(folderUri), filesExclude: {} };
  try {
    const [settings, filesExclude] = (await state.connection.workspace.getConfiguration([
      { scopeUri: folderUri, section: 'batchIdentity' },
      { scopeUri: folderUri, section: 'files.exclude' },
    ])) as unknown[];
    const excludes = filesExclude && typeof filesExclude === 'object' && !Array.isArray(filesExclude) ? (filesExclude as FilesExclude) : {};
    return { settings: resolveSettings(settings), filesExclude: excludes };
  } catch {
    return { settings: resolveSettings(undefined), filesExclude: {} };
  }
}

interface Plan {
  readonly documentChanges: TextDocumentEdit[];
  readonly annotations: Record<string, ChangeAnnotation>;
  readonly changes: number;
  readonly scanned: number;
  readonly excluded: number;
  readonly skipped: { uri: string; reason: string }[];
}

/** Every file's fix-all, as edits of its text (the open document's, or the file's). */
async function plan(
  state: ServerState,
  scope: MigrateWorkspaceArguments['scope'],
  progress: WorkDoneProgressReporter,
  cancelled: () => boolean,
): Promise<Plan> {
  const documentChanges: TextDocumentEdit[] = [];
  const annotations: Record<string, ChangeAnnotation> = {};
  const skipped: { uri: string; reason: string }[] = [];
  let changes = 0;
  let scanned = 0;
  let excluded = 0;
  const roots = state.scanner.roots;
  for (const folder of roots) {
    const folderUri = pathToFileURL(folder).toString();
    const { settings: folderSettings, filesExclude } = await folderConfiguration(state, folderUri);
    const settings: Settings = scope ? { ...folderSettings, fix: { scope } } : folderSettings;
    const exclusions = new WorkspaceExclusions(folder, filesExclude);
    const reader = new SourceReader(settings.maxFileSizeKB * 1024);
    const { files, errors } = collectFiles([folder], { exclude: exclusions.exclude });
    for (const e of errors) skipped.push({ uri: pathToFileURL(e.path).toString(), reason: e.message });
    excluded += exclusions.excluded;
    let reported = Date.now();
    for (const [index, file] of files.entries()) {
      // One file per turn of the event loop: typing, hovers and `$/cancelRequest` are served meanwhile.
      await yieldToMessages();
      if (cancelled()) throw requestCancelled();
      if (Date.now() - reported > 100) {
        reported = Date.now();
        progress.report(
          Math.floor((100 * index) / files.length),
          `${index} of ${files.length} files${roots.length > 1 ? ` in ${path.basename(folder)}` : ''}`,
        );
      }
      const language = languageOfPath(file);
      if (!language) continue; // a project file: read by the workspace index, never rewritten
      const uri = pathToFileURL(file).toString();
      scanned++;
      const open = state.documents.get(uri);
      let text: string;
      if (open) {
        if (state.documents.isLost(uri)) {
          skipped.push({ uri, reason: 'the editor sent a change the server could not apply; reopen the file' });
          continue;
        }
        text = open.getText();
      } else {
        try {
          const bytes = reader.read(file);
          if (!bytes) {
            skipped.push({ uri, reason: `the file is larger than batchIdentity.maxFileSizeKB (${settings.maxFileSizeKB} KB)` });
            continue;
          }
          if (!mayConcernBatch(bytes, language)) continue;
          if (looksBinary(bytes)) {
            skipped.push({ uri, reason: 'the file looks binary' });
            continue;
          }
          const source = decode(bytes);
          // The editor applies the edit to the file as it decodes it, which for bytes that are not valid
          // UTF-8 is its `files.encoding` (UTF-8 unless set), not the Windows-1252 this edit is made of:
          // the edit would land on other text, and saving would replace the file's other characters.
          // An open document is safe (its text is the editor's); `check --fix` keeps the bytes.
          const assumed = assumedEncodingOf(source);
          if (assumed) {
            skipped.push({
              uri,
              reason: `not valid UTF-8 (read here as ${assumed}, which the editor may not): open it in its encoding and migrate again, or use check --fix`,
            });
            continue;
          }
          text = source.text;
        } catch (error) {
          skipped.push({
            uri,
            reason:
              error instanceof UnreadableFile ? error.message : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
          });
          continue;
        }
      }
      const languageId = open?.languageId ?? language;
      const fixed = await state.engine.fixAll(
        { uri, languageId, text },
        { settings, workspace: state.accounts, workspaceImports: state.projectImports.all() },
      );
      if (fixed.skipped) skipped.push({ uri, reason: fixed.skipped });
      if (!fixed.changed) continue;
      const name = (roots.length > 1 ? [path.basename(folder), path.relative(folder, file)] : [path.relative(folder, file)])
        .join(path.sep)
        .split(path.sep)
        .join('/');
      const annotationId = MIGRATION_ANNOTATION + name;
      annotations[annotationId] = {
        label: name,
        description: `${plural(fixed.fixed, 'problem')} fixed (${fixed.fixedRules.join(', ')})`,
        needsConfirmation: true,
      };
      // Positions in the text the fix was made from; line-level edits, so unchanged lines stay put.
      const document = TextDocument.create(uri, languageId, 0, text);
      const edits: TextEdit[] = diffEdits(text, fixed.text).map((edit) => ({
        range: toRange(document, edit.span),
        newText: edit.newText,
        annotationId,
      }));
      documentChanges.push({ textDocument: { uri, version: open ? open.version : null }, edits });
      changes += fixed.fixed;
      state.trace(`migrate ${uri}: ${fixed.fixed} fixed`);
    }
  }
  return { documentChanges, annotations, changes, scanned, excluded, skipped };
}

/** The edit as a client that cannot review it takes it: no annotations (and per URI, for clients without `documentChanges`). */
function plainEdit(plan: Plan, documentChanges: boolean): WorkspaceEdit {
  const strip = (edits: TextEdit[]) => edits.map(({ range, newText }) => ({ range, newText }));
  if (documentChanges) return { documentChanges: plan.documentChanges.map((c) => ({ ...c, edits: strip(c.edits as TextEdit[]) })) };
  return { changes: Object.fromEntries(plan.documentChanges.map((c) => [c.textDocument.uri, strip(c.edits as TextEdit[])])) };
}

export async function migrateWorkspace(
  state: ServerState,
  params: ExecuteCommandParams,
  token: CancellationToken,
  workDone?: WorkDoneProgressReporter,
): Promise<MigrationSummary> {
  const scope = scopeOf(params.arguments);
  if (state.migrating) throw new ResponseError(ErrorCodes.InvalidRequest, 'Migrate Workspace is already running; wait for it or cancel it');
  state.migrating = true;
  // On the client's token when it sent one, else on one the server creates (which the user can cancel).
  const progress =
    workDone && !WorkDoneProgressReporter.isNullInstance(workDone) ? workDone : await state.connection.window.createWorkDoneProgress();
  const progressCancelled = 'token' in progress ? (progress.token as CancellationToken) : undefined;
  const cancelled = () => token.isCancellationRequested || !!progressCancelled?.isCancellationRequested;
  let ended = false;
  const endProgress = () => {
    if (!ended) progress.done();
    ended = true;
  };
  try {
    progress.begin(MIGRATION_LABEL, 0, 'reading the workspace', true);
    // The workspace's accounts and project imports must be complete: fixes depend on them.
    await state.scanner.settled();
    if (cancelled()) throw requestCancelled();
    const migration = await plan(state, scope, progress, cancelled);
    endProgress();
    const summary = {
      files: migration.documentChanges.length,
      changes: migration.changes,
      scanned: migration.scanned,
      excluded: migration.excluded,
      skipped: migration.skipped,
    };
    state.log(
      `Migrate Workspace: ${plural(summary.changes, 'problem')} to fix in ${plural(summary.files, 'file')} of ${summary.scanned} read` +
        `${summary.excluded ? `, ${summary.excluded} left out by .gitignore and files.exclude` : ''}` +
        `${summary.skipped.length ? `, ${summary.skipped.length} skipped: ${summary.skipped.map((s) => `${s.uri} (${s.reason})`).join('; ')}` : ''}.`,
    );
    if (summary.files === 0) return { ...summary, applied: false };

    const workspaceEdit = state.clientCapabilities.workspace?.workspaceEdit;
    if (!state.clientCapabilities.workspace?.applyEdit)
      return { ...summary, applied: false, notApplied: 'the editor cannot apply workspace edits (workspace.applyEdit)' };
    let edit: WorkspaceEdit;
    if (workspaceEdit?.documentChanges && workspaceEdit.changeAnnotationSupport) {
      edit = { documentChanges: migration.documentChanges, changeAnnotations: migration.annotations };
    } else {
      // No review possible: say so, and apply only when the user agrees.
      const apply = { title: 'Apply' };
      const choice = await state.connection.window
        .showInformationMessage(
          `${MIGRATION_LABEL}: this editor cannot show the ${plural(summary.changes, 'change')} in ${plural(summary.files, 'file')} for review before they are applied. Apply them now?`,
          apply,
          { title: 'Cancel' },
        )
        .catch(() => undefined);
      if (choice?.title !== apply.title)
        return { ...summary, applied: false, notApplied: 'not confirmed (this editor cannot show the changes for review first)' };
      edit = plainEdit(migration, !!workspaceEdit?.documentChanges);
    }
    const result = await state.connection.workspace.applyEdit({ label: MIGRATION_LABEL, edit, metadata: { isRefactoring: true } });
    if (!result.applied)
      state.log(`Migrate Workspace: the editor did not apply the edit${result.failureReason ? ` (${result.failureReason})` : ''}.`);
    return {
      ...summary,
      applied: result.applied,
      notApplied: result.applied
        ? undefined
        : (result.failureReason ?? 'the editor did not apply it (a document may have changed meanwhile, or the preview was discarded)'),
    };
  } finally {
    endProgress();
    state.migrating = false;
  }
}
