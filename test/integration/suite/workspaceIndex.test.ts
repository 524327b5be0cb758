/// <reference types="mocha" />
/**
 * Files that are not open still count, through the client's file watcher: a project file's
 * MSBuild `Using` items decide whether a C# file without usings of its own is Batch code.
 */
import * as vscode from 'vscode';
import { RUN_ELEVATED } from '../support/languages';
import { closeAllEditors, extensionApi, waitForFindings, workspaceFile } from '../support/workbench';

const TASKS = 'class Tasks\n{\n    void Configure(CloudTask task)\n    {\n        task.RunElevated = true;\n    }\n}\n';
const PROJECT =
  '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <Using Include="Microsoft.Azure.Batch" />\n  </ItemGroup>\n</Project>\n';

suite('workspace index', () => {
  suiteSetup(extensionApi);
  teardown(closeAllEditors);

  test('a project file created and deleted on disk decides whether an open C# file without usings is Batch code', async () => {
    const folder = vscode.Uri.joinPath(workspaceFile('scratch'), `project-${Date.now()}`);
    const tasks = vscode.Uri.joinPath(folder, 'Tasks.cs');
    const project = vscode.Uri.joinPath(folder, 'App.csproj');
    await vscode.workspace.fs.writeFile(tasks, new TextEncoder().encode(TASKS));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(tasks));
    await waitForFindings(tasks, RUN_ELEVATED, 0);
    try {
      await vscode.workspace.fs.writeFile(project, new TextEncoder().encode(PROJECT));
      await waitForFindings(tasks, RUN_ELEVATED, 1, 20_000);
    } finally {
      // Never left behind: the C# fixtures' fixes would stop adding the usings the project imports.
      await vscode.workspace.fs.delete(project);
    }
    await waitForFindings(tasks, RUN_ELEVATED, 0, 20_000);
  });
});
