/**
 * Open documents: their text (vscode-languageserver-textdocument) and, through the engine, their
 * syntax trees. Each incremental change is handed to the tree before the text moves on, so the
 * next parse reuses everything outside the edit.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Engine } from '../engine/engine';
import type { TextChange } from '../engine/language';

export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();
  /** Documents changed since they were opened: the ones worth an incremental parse. */
  private readonly edited = new Set<string>();

  constructor(private readonly engine: Engine) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.engine.forget(uri);
    this.edited.delete(uri);
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    return document;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): TextDocument | undefined {
    let document = this.documents.get(uri);
    if (!document) return undefined;
    this.edited.add(uri);
    for (const change of changes) {
      if ('range' in change) {
        this.engine.recordChange(uri, toTreeChange(document, change));
      } else {
        this.engine.forget(uri);
      }
      document = TextDocument.update(document, [change], version);
    }
    this.documents.set(uri, document);
    return document;
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.edited.delete(uri);
    this.engine.forget(uri);
  }

  isEdited(uri: string): boolean {
    return this.edited.has(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }
}

function toTreeChange(
  document: TextDocument,
  change: TextDocumentContentChangeEvent & {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  },
): TextChange {
  const startIndex = document.offsetAt(change.range.start);
  const oldEndIndex = document.offsetAt(change.range.end);
  const lines = change.text.split('\n');
  const lastLine = lines[lines.length - 1];
  // Positions as the document sees them (offsetAt clamps), in UTF-16 columns like the tree's.
  const start = document.positionAt(startIndex);
  const oldEnd = document.positionAt(oldEndIndex);
  return {
    startIndex,
    oldEndIndex,
    newEndIndex: startIndex + change.text.length,
    startPosition: { row: start.line, column: start.character },
    oldEndPosition: { row: oldEnd.line, column: oldEnd.character },
    newEndPosition:
      lines.length === 1
        ? { row: start.line, column: start.character + lastLine.length }
        : { row: start.line + lines.length - 1, column: lastLine.length },
  };
}
