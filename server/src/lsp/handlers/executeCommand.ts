/** `workspace/executeCommand`: the commands the server carries out (`SERVER_COMMANDS`). */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type ExecuteCommandParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { SERVER_COMMANDS, type MigrationSummary } from '../../../../common/protocol';
import { fixAllEdit } from '../analysis';
import type { ServerState } from '../state';
import { migrateWorkspace } from './migrateWorkspace';

export async function executeCommand(
  state: ServerState,
  params: ExecuteCommandParams,
  token: CancellationToken,
  workDone?: WorkDoneProgressReporter,
): Promise<MigrationSummary | void> {
  const { command, arguments: args } = params;
  if (command === SERVER_COMMANDS.migrateWorkspace) return migrateWorkspace(state, params, token, workDone);
  if (command !== SERVER_COMMANDS.applyFixAll) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command '${command}'`);
  const uri = args?.[0];
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes the document's URI as its argument`);
  const document = state.documents.get(uri);
  if (!document || state.documents.isLost(uri)) return;
  const edit = await fixAllEdit(state, document);
  if (edit) await state.connection.workspace.applyEdit({ label: 'Fix all Batch identity problems', edit });
}
