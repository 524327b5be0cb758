/** `workspace/executeCommand`: the commands the server carries out (`SERVER_COMMANDS`). */
import type { ExecuteCommandParams } from 'vscode-languageserver';
import { SERVER_COMMANDS } from '../../../../common/protocol';
import { fixAllEdit } from '../analysis';
import type { ServerState } from '../state';

export async function executeCommand(state: ServerState, { command, arguments: args }: ExecuteCommandParams): Promise<void> {
  if (command !== SERVER_COMMANDS.applyFixAll) return;
  const uri = typeof args?.[0] === 'string' ? args[0] : undefined;
  const document = uri ? state.documents.get(uri) : undefined;
  if (!document) return;
  const edit = await fixAllEdit(state, document);
  if (edit) await state.connection.workspace.applyEdit({ label: 'Fix all Batch identity problems', edit });
}
