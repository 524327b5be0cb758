/**
 * Restart a crashed server, and tell the user once per session rather than on every crash.
 * Gives up after five crashes in three minutes, saying so, instead of looping.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type Message,
} from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  /** Restarts so far, and how often the user was told (the integration tests read both). */
  restarts = 0;
  notices = 0;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`Connection to the server failed: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      const message = `The Batch Identity server stopped ${this.crashes.length} times in three minutes and will not be restarted. Run "Batch Identity: Restart Server" to try again.`;
      this.output.error(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.restarts++;
    this.output.warn('The server stopped unexpectedly; restarting it.');
    if (this.notices === 0) {
      this.notices++;
      void vscode.window
        .showWarningMessage('Batch Identity: the language server stopped unexpectedly and was restarted.', 'Show Output')
        .then((choice) => {
          if (choice) this.output.show(true);
        });
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
