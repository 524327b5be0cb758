/**
 * `batchIdentity.trace.server` as users know it from other language extensions: `off`, `messages`
 * or `verbose`, applied at once, into an output channel of its own ("Batch Identity Trace").
 *
 * Why a channel of our own: vscode-languageclient 10 traces only while its trace channel's log
 * level is Trace (the setting then only picks the verbosity, and `off` means `messages`), so with
 * a plain log channel the setting alone would do nothing. This channel reports the log level the
 * setting implies, and tells the client when it changes.
 */
import * as vscode from 'vscode';

export const TRACE_CHANNEL = 'Batch Identity Trace';
const SETTING = 'batchIdentity.trace.server';

function levelOfSetting(): vscode.LogLevel {
  const value = vscode.workspace.getConfiguration().get<string>(SETTING, 'off');
  return value === 'messages' || value === 'verbose' ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
}

export class ServerTraceChannel implements vscode.LogOutputChannel {
  readonly name = TRACE_CHANNEL;
  private level = levelOfSetting();
  /** Created on the first line, so the channel list holds it only for those who trace. */
  private channel: vscode.OutputChannel | undefined;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelChanged.event;
  private readonly watcher = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SETTING)) return;
    const level = levelOfSetting();
    if (level === this.level) return;
    this.level = level;
    this.levelChanged.fire(level);
  });

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  private get output(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(TRACE_CHANNEL);
    return this.channel;
  }

  private write(level: string, message: string | Error): void {
    if (this.level === vscode.LogLevel.Off) return;
    const text = message instanceof Error ? (message.stack ?? message.message) : message;
    this.output.appendLine(`${new Date().toISOString()} [${level}] ${text}`);
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warning', message);
  }
  error(error: string | Error): void {
    this.write('error', error);
  }

  append(value: string): void {
    this.output.append(value);
  }
  appendLine(value: string): void {
    this.output.appendLine(value);
  }
  replace(value: string): void {
    this.output.replace(value);
  }
  clear(): void {
    this.channel?.clear();
  }
  show(preserveFocusOrColumn?: boolean | vscode.ViewColumn, preserveFocus?: boolean): void {
    if (typeof preserveFocusOrColumn === 'boolean' || preserveFocusOrColumn === undefined) this.output.show(preserveFocusOrColumn);
    else this.output.show(preserveFocusOrColumn, preserveFocus);
  }
  hide(): void {
    this.channel?.hide();
  }
  dispose(): void {
    this.watcher.dispose();
    this.levelChanged.dispose();
    this.channel?.dispose();
  }
}
