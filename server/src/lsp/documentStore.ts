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
  /** Documents whose text is no longer the editor's (a change could not be applied): until a whole new text comes. */
  private readonly lost = new Set<string>();

  constructor(private readonly engine: Engine) {}

  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    this.engine.forget(uri);
    this.edited.delete(uri);
    this.lost.delete(uri);
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    return document;
  }

  /**
   * Applies a notification's changes, in order. A range whose end precedes its start is read with
   * its ends swapped, for the text and for the kept tree alike (the text library swaps them; the
   * tree must see the same edit). Undefined for a document that is not open, or whose text is lost
   * and gets no whole new text.
   */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): TextDocument | undefined {
    let document = this.documents.get(uri);
    if (!document) return undefined;
    if (this.lost.has(uri)) {
      // Only a whole text brings it back; what came before that whole text is moot.
      const whole = changes.map((c) => !('range' in c)).lastIndexOf(true);
      if (whole < 0) return undefined;
      changes = changes.slice(whole);
      this.lost.delete(uri);
    }
    this.edited.add(uri);
    for (const raw of changes) {
      let change = raw;
      if ('range' in raw) {
        const range = ordered(raw.range);
        change = { range, text: raw.text };
        this.engine.recordChange(uri, toTreeChange(document, { range, text: raw.text }));
      } else {
        this.engine.forget(uri);
      }
      document = TextDocument.update(document, [change], version);
    }
    this.documents.set(uri, document);
    return document;
  }

  /**
   * The editor sent a change that cannot be applied: the text is no longer the editor's. Nothing is
   * analysed from it until a whole new text comes (a full-content change, or the file reopened).
   */
  loseText(uri: string): boolean {
    if (!this.documents.has(uri)) return false;
    this.lost.add(uri);
    this.engine.forget(uri);
    return true;
  }

  /** Whether the document's text is the editor's (see `loseText`). */
  isLost(uri: string): boolean {
    return this.lost.has(uri);
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.edited.delete(uri);
    this.lost.delete(uri);
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

type Position = { line: number; character: number };
type Range = { start: Position; end: Position };

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** The range with its ends in order, as the text library reads it. */
function ordered(range: Range): Range {
  return before(range.end, range.start) ? { start: range.end, end: range.start } : range;
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
