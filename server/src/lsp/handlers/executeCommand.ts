/** `workspace/executeCommand`: the commands the server carries out (`SERVER_COMMANDS`). */
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type ExecuteCommandParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { SERVER_COMMANDS, type MigrationSummary } from '../../../../common/protocol';
import { RULES } from '../../rules';
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
  if (command === SERVER_COMMANDS.showRuleDocumentation) return showRuleDocumentation(state, args?.[0]);
  if (command !== SERVER_COMMANDS.applyFixAll) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command '${command}'`);
  const uri = args?.[0];
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${command} takes the document's URI as its argument`);
  const document = state.documents.get(uri);
  if (!document || state.documents.isLost(uri)) return;
  const edit = await fixAllEdit(state, document);
  if (edit) await state.connection.workspace.applyEdit({ label: 'Fix all Batch identity problems', edit });
}

/**
 * Asks the client to show a rule's page (`window/showDocument`): the page under `docsBase` inside
 * the editor (VS Code's client opens it in the Markdown preview), else the online page externally.
 */
async function showRuleDocumentation(state: ServerState, rule: unknown): Promise<void> {
  if (typeof rule !== 'string' || !RULES.some((r) => r.id === rule))
    throw new ResponseError(ErrorCodes.InvalidParams, `${SERVER_COMMANDS.showRuleDocumentation} takes a rule id as its argument`);
  const uri = state.ruleDoc(rule);
  const shown = await state.connection.window.showDocument({ uri, external: !state.docsBase, takeFocus: true });
  if (!shown.success) state.log(`The client did not show ${uri}.`);
}
