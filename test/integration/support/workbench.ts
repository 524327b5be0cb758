/**
 * What the suites do in VS Code: reach the extension, open copies of the fixture files, wait for
 * diagnostics and server reports (events, with a deadline only to fail with a clear message),
 * change settings, find the language server process.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../client/src/extension';
import type { RestartingErrorHandler } from '../../../client/src/restarts';
import type { StatusParams, VisibleDocumentsParams } from '../../../common/protocol';
import { DIAGNOSTIC_SOURCE } from '../../../common/settings';

export const EXTENSION_ID = 'batch-identity.batch-identity';
/** The output channel's name (client/src/extension.ts). */
export const OUTPUT_CHANNEL = 'Batch Identity';
/** Only to fail with a message instead of Mocha's timeout; events end every wait that succeeds. */
const DEFAULT_DEADLINE_MS = 10_000;

let activated: ExtensionApi | undefined;

/** Activates the extension (once) and returns what it exports for tests. */
export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  activated = await extension.activate();
  return activated;
}

/** The API without waiting, so event subscriptions are in place before the caller acts. */
function activeApi(): ExtensionApi {
  if (!activated) throw new Error('call extensionApi() first (in suiteSetup)');
  return activated;
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return folder.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file of the fixture workspace (path relative to it). */
export function workspaceFile(fixturePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), fixturePath);
}

/**
 * Copies a fixture file (path relative to the workspace) to a new file under scratch/ and opens
 * it (in `viewColumn`, the active one unless said), so each test starts from the fixture's text
 * whatever the others did.
 */
export async function openCopy(
  fixturePath: string,
  label = 'copy',
  viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active,
): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor; original: string }> {
  const source = vscode.Uri.joinPath(workspaceRoot(), fixturePath);
  const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
  const dot = fixturePath.lastIndexOf('.');
  const name = (n: number) => `${fixturePath.slice(0, dot).replace(/\//g, '-')}-${label}-${n}${fixturePath.slice(dot)}`;
  // Never a name used before: an earlier test's document may still be open under it.
  let n = 1;
  while (await exists(vscode.Uri.joinPath(workspaceRoot(), 'scratch', name(n)))) n++;
  const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', name(n));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(original));
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, viewColumn);
  return { uri: target, editor, original };
}

/** Closes every editor, saving first what is dirty (scratch copies only) so closing never asks. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Only the editor in view: no side bar listing every scratch copy, no notifications. */
export async function tidyForScreenshots(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('notifications.clearAll');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

/** This extension's diagnostics for a document (other extensions', e.g. JSON's own, left out). */
export function ourDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && (rule === undefined || codeOf(d) === rule));
}

/** The text under each diagnostic, in order. */
export function squiggled(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => document.getText(d.range));
}

function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length === 0
    ? 'none'
    : all
        .map((d) => `${d.source}/${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${JSON.stringify(d.message.slice(0, 60))}`)
        .join('; ');
}

/** Resolves as soon as `ready()` returns a value, checking now and after each event of `on` (the deadline only turns a hang into a message). */
export function until<T>(on: vscode.Event<unknown>, ready: () => T | undefined, describe: () => string, deadlineMs: number): Promise<T> {
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const subscription = on(() => {
      const value = ready();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`gave up after ${deadlineMs} ms waiting for ${describe()}`));
    }, deadlineMs);
  });
}

/**
 * Waits until this extension's diagnostics for `uri` satisfy `accept`, analysed from the
 * document's current text (the server reports the version it analysed).
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<vscode.Diagnostic[]> {
  const api = activeApi();
  const document = await vscode.workspace.openTextDocument(uri);
  const events = anyOf(vscode.languages.onDidChangeDiagnostics, api.status.onDidReport);
  return until(
    events,
    () => {
      const report = api.status.statusOf(uri);
      if (!report || report.version !== document.version) return undefined;
      const diagnostics = ourDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    () =>
      `${what} in ${vscode.workspace.asRelativePath(uri)} (v${document.version}); last report ${JSON.stringify(api.status.statusOf(uri))}; diagnostics: ${describeDiagnostics(uri)}`,
    deadlineMs,
  );
}

/**
 * Waits until VS Code's own JSON support reports no syntax error for `uri` (its diagnostics follow
 * an edit asynchronously: ones from before it may still be shown).
 */
export function waitForNoJsonSyntaxErrors(uri: vscode.Uri, what: string, deadlineMs = DEFAULT_DEADLINE_MS): Promise<true> {
  const errors = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'json');
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => (errors().length === 0 ? true : undefined),
    () =>
      `no JSON syntax errors in ${what}: ${JSON.stringify(errors().map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`))}`,
    deadlineMs,
  );
}

/** Exactly `count` findings of `rule`. */
export function waitForFindings(uri: vscode.Uri, rule: string, count: number, deadlineMs?: number): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(
    uri,
    (ds) => ds.filter((d) => codeOf(d) === rule).length === count,
    `${count} ${rule} diagnostic(s)`,
    deadlineMs,
  ).then((ds) => ds.filter((d) => codeOf(d) === rule));
}

/**
 * The quick fixes VS Code offers at `range`. `resolved`: every action resolved, as the quick-fix
 * menu resolves the one the user picks (the server computes a suppression's edit only then).
 */
export function quickFixesAt(uri: vscode.Uri, range: vscode.Range, resolved = false): Thenable<vscode.CodeAction[]> {
  const args: unknown[] = ['vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value];
  // The number of actions VS Code resolves (`itemResolveCount`): more than any list here holds.
  if (resolved) args.push(100);
  return vscode.commands.executeCommand<vscode.CodeAction[]>(...(args as [string, ...unknown[]]));
}

/** Waits for the server's next report about `uri` that satisfies `accept` (call before acting). */
export function nextReport(
  uri: vscode.Uri,
  accept: (report: StatusParams) => boolean,
  what: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<StatusParams> {
  const { status } = activeApi();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`gave up after ${deadlineMs} ms waiting for ${what}; last report ${JSON.stringify(status.statusOf(uri))}`));
    }, deadlineMs);
    const subscription = status.onDidReport((report) => {
      if (report.uri !== uri.toString() || !accept(report)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(report);
    });
  });
}

/** Waits for the client's next `batchIdentity/visibleDocuments` that satisfies `accept` (call before acting). */
export function nextVisibleDocuments(
  accept: (params: VisibleDocumentsParams) => boolean,
  what: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<VisibleDocumentsParams> {
  const { visible } = activeApi();
  return new Promise((resolve, reject) => {
    const seen: VisibleDocumentsParams[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`gave up after ${deadlineMs} ms waiting for ${what}; sent ${JSON.stringify(seen)}`));
    }, deadlineMs);
    const subscription = visible.onDidSend((params) => {
      seen.push(params);
      if (!accept(params)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(params);
    });
  });
}

/**
 * Resolves with the first value `probe` gives, asking now and again after each server report about
 * `uri`: for answers that change once the server has re-analysed (e.g. code actions after a
 * settings change).
 */
export function untilAnswered<T>(
  uri: vscode.Uri,
  probe: () => Thenable<T | undefined>,
  what: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
): Promise<T> {
  const { status } = activeApi();
  return new Promise((resolve, reject) => {
    let done = false;
    let asking = false;
    let askAgain = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const ask = async (): Promise<void> => {
      if (asking) {
        askAgain = true;
        return;
      }
      asking = true;
      try {
        do {
          askAgain = false;
          const value = await probe();
          if (value !== undefined) return finish(() => resolve(value));
        } while (askAgain && !done);
      } catch (error) {
        finish(() => reject(error));
      } finally {
        asking = false;
      }
    };
    const subscription = status.onDidReport((report) => {
      if (report.uri === uri.toString()) void ask();
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`gave up after ${deadlineMs} ms waiting for ${what}; last report ${JSON.stringify(status.statusOf(uri))}`)),
        ),
      deadlineMs,
    );
    void ask();
  });
}

function anyOf(...events: vscode.Event<unknown>[]): vscode.Event<unknown> {
  return (listener) => vscode.Disposable.from(...events.map((e) => e(listener)));
}

/** The hovers VS Code shows at a position (every provider's), each as its markdown and range. */
export async function hoversAt(
  uri: vscode.Uri,
  position: vscode.Position,
): Promise<{ markdown: string; range: vscode.Range | undefined }[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.map((hover) => ({
    markdown: hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'),
    range: hover.range,
  }));
}

/** The Markdown preview tab of a file named `name` (VS Code labels it "Preview <name>"), if open. */
export function previewTab(name: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('markdown.preview') && tab.label === `Preview ${name}`,
    );
}

/** Waits until a Markdown preview of a file named `name` is open. */
export function waitForPreview(name: string, deadlineMs = DEFAULT_DEADLINE_MS): Promise<vscode.Tab> {
  return until(
    vscode.window.tabGroups.onDidChangeTabs,
    () => previewTab(name),
    () =>
      `a Markdown preview of ${name}; tabs: ${JSON.stringify(
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .map((t) => [t.label, t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input]),
      )}`,
    deadlineMs,
  );
}

/** The extension's output channel as VS Code shows it: its document, once visible. */
function visibleOutput(channel: string): vscode.TextDocument | undefined {
  return vscode.window.visibleTextEditors
    .map((e) => e.document)
    .find((d) => d.uri.scheme === 'output' && decodeURIComponent(d.uri.path).endsWith(channel));
}

/** Waits until the output channel (ours by default) is visible and holds `text`. */
export function waitForOutputShowing(
  text: string,
  deadlineMs = DEFAULT_DEADLINE_MS,
  channel = OUTPUT_CHANNEL,
): Promise<vscode.TextDocument> {
  return until(
    anyOf(vscode.window.onDidChangeVisibleTextEditors, vscode.workspace.onDidChangeTextDocument),
    () => {
      const output = visibleOutput(channel);
      return output?.getText().includes(text) ? output : undefined;
    },
    () =>
      `the output channel ${channel} showing ${JSON.stringify(text)}; visible: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ') || 'none'}; last lines: ${JSON.stringify(visibleOutput(channel)?.getText().slice(-300))}`,
    deadlineMs,
  );
}

/** Sets `batchIdentity.<key>` (or any section's key) in the workspace settings; `undefined` removes it. */
export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function errorHandlerOf(api: ExtensionApi): RestartingErrorHandler {
  return api.client.clientOptions.errorHandler as RestartingErrorHandler;
}

/**
 * The language server's process id: the child of this extension host running dist/server.js.
 * Read from /proc where there is one (Linux), otherwise from `ps`.
 */
export function serverPid(serverModule: string): number | undefined {
  const children: { pid: number; ppid: number; command: string }[] = [];
  if (fs.existsSync('/proc/self/stat')) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // The command name in parentheses may hold spaces: the fields after it are fixed.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
        children.push({ pid: Number(entry), ppid, command });
      } catch {
        // the process ended while we looked
      }
    }
  } else {
    for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid=,command='], { encoding: 'utf8' }).split('\n')) {
      const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
      if (match) children.push({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3] });
    }
  }
  return children.find((p) => p.ppid === process.pid && p.command.includes(serverModule))?.pid;
}
