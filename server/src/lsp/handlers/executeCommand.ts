/** `workspace/executeCommand`: the commands the server carries out (`SERVER_COMMANDS`). */
import { ErrorCodes, ResponseError, type ExecuteCommandParams } from 'vscode-languageserver';
import { SERVER_COMMANDS } from '../../../../common/protocol';
import { fixAllEdit } from '../analysis';
import type { ServerState } from '../state';

export async function executeCommand(state: ServerState, { command, arguments: args }: ExecuteCommandParams): Promise<void> {
  if (command !== SERVER_COMMANDS.applyFixAll) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command '${command}'`);
  const uri = args?.[0];
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes the document's URI as its argument`);
  const document = state.documents.get(uri);
  if (!document || state.documents.isLost(uri)) return;
  const edit = await fixAllEdit(state, document);
  if (edit) await state.connection.workspace.applyEdit({ label: 'Fix all Batch identity problems', edit });
}
