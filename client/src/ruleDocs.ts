/**
 * The rule pages shipped in the extension (`docs/rules/*.md`), opened in VS Code's Markdown
 * preview, offline. The server is told where they are (`initializationOptions.docsBase`) and links
 * there; a `file:` link would open the page's source, so the links it sends (diagnostics' code
 * links, hovers) are turned into a command that opens the preview, and a page it asks to be shown
 * (`window/showDocument`, from "Show documentation for ⟨rule⟩") goes to the preview too.
 *
 * The command takes a rule id, not a URI: a URI in a command link would cross from the extension
 * host to the window unconverted, which breaks in remote windows (code-server, SSH).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { COMMANDS } from '../../common/protocol';

/** A rule id as the pages are named: nothing that could leave the folder. */
const RULE_ID = /^[a-z][a-z0-9-]*$/;

export class RuleDocs {
  /** The folder of the packaged rule pages. */
  readonly folder: vscode.Uri;
  /** The folder as the server is told it, and as its links begin. */
  readonly docsBase: string;

  constructor(extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    this.docsBase = this.folder.toString();
  }

  /** The rule whose packaged page a URI is, or undefined. */
  ruleOf(uri: string | vscode.Uri): string | undefined {
    const text = typeof uri === 'string' ? vscode.Uri.parse(uri).toString() : uri.toString();
    const prefix = `${this.docsBase}/`;
    if (!text.startsWith(prefix) || !text.endsWith('.md')) return undefined;
    const rule = text.slice(prefix.length, -'.md'.length);
    return RULE_ID.test(rule) ? rule : undefined;
  }

  /** The link that opens a rule's page in the preview. */
  commandLink(rule: string): vscode.Uri {
    return vscode.Uri.parse(`command:${COMMANDS.showRuleDocumentation}?${encodeURIComponent(JSON.stringify([rule]))}`);
  }

  /** Opens a rule's packaged page in the Markdown preview; false when there is no such page. */
  async show(rule: unknown): Promise<boolean> {
    if (typeof rule !== 'string' || !RULE_ID.test(rule)) return false;
    const page = vscode.Uri.joinPath(this.folder, `${rule}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      return false;
    }
    await vscode.commands.executeCommand('markdown.showPreview', page);
    return true;
  }

  /** Rewrites the server's links to the packaged pages into command links, in a hover's Markdown. */
  private linkedHover(hover: vscode.Hover): vscode.Hover {
    let changed = false;
    const contents = hover.contents.map((content) => {
      if (!(content instanceof vscode.MarkdownString)) return content;
      const value = content.value.replace(/\]\(([^)\s]+)\)/g, (link, target: string) => {
        const rule = this.ruleOf(target);
        if (!rule) return link;
        changed = true;
        return `](${this.commandLink(rule).toString()})`;
      });
      if (value === content.value) return content;
      const trusted = new vscode.MarkdownString(value, content.supportThemeIcons);
      // Only this command runs from the hover's links.
      trusted.isTrusted = { enabledCommands: [COMMANDS.showRuleDocumentation] };
      trusted.supportHtml = content.supportHtml;
      trusted.baseUri = content.baseUri;
      return trusted;
    });
    return changed ? new vscode.Hover(contents, hover.range) : hover;
  }

  /** The language client's middleware: code links, hover links and shown documents. */
  middleware(): Middleware {
    return {
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const diagnostic of diagnostics) {
          const code = diagnostic.code;
          const rule = typeof code === 'object' ? this.ruleOf(code.target) : undefined;
          if (typeof code === 'object' && rule) diagnostic.code = { value: code.value, target: this.commandLink(rule) };
        }
        next(uri, diagnostics);
      },
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        return hover ? this.linkedHover(hover) : hover;
      },
      window: {
        showDocument: async (params, token, next) => {
          const rule = this.ruleOf(params.uri);
          if (rule && (await this.show(rule))) return { success: true };
          return next(params, token);
        },
      },
    };
  }
}
