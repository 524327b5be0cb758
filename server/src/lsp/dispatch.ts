/**
 * Every handler behind a guard: a message with parameters the handler cannot read costs that
 * message only — a request gets −32602 with a sentence saying what is wrong, a notification a log
 * line — and a handler that fails costs its message only too (−32603 without JavaScript's own
 * words, the details in the log). Never the process.
 */
import { ErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { Check } from './params';

type Log = (message: string) => void;

const details = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

export function guardRequest<P, R>(
  log: Log,
  method: string,
  check: Check,
  handler: (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter) => R | Promise<R>,
): (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter) => Promise<R | ResponseError> {
  // `workDone`: the reporter on the client's `workDoneToken`, which the protocol library takes out of the parameters.
  return async (params, token, workDone) => {
    const problem = check(params);
    if (problem) return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
    try {
      return await handler(params, token, workDone);
    } catch (error) {
      // Cancelled, superseded, refused on purpose: the handler's own answer.
      if (error instanceof ResponseError) return error;
      log(`${method} failed: ${details(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `${method} failed inside the Batch Identity server; its output has the details.`);
    }
  };
}

/**
 * `invalid` is told about parameters that fail the check (after the log line), for notifications
 * whose loss leaves something to repair (a change not applied).
 */
export function guardNotification<P>(
  log: Log,
  method: string,
  check: Check,
  handler: (params: P) => void | Promise<void>,
  invalid?: (params: unknown, problem: string) => void,
): (params: P) => Promise<void> {
  return async (params) => {
    const problem = check(params);
    if (problem) {
      log(`Ignored ${method}: ${problem}.`);
      invalid?.(params, problem);
      return;
    }
    try {
      await handler(params);
    } catch (error) {
      log(`${method} failed: ${details(error)}`);
    }
  };
}
