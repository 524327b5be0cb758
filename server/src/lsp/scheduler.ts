/**
 * When documents are analysed, in one place: analyses run after the messages already received,
 * so a burst of changes costs one analysis of the newest text; one analysis per document at a
 * time (requests meanwhile make one more run after it); the workspace is read again once typing
 * that changed its project imports pauses.
 */

/** What the scheduler runs; the server supplies it (the scheduler knows no LSP and no engine). */
export interface SchedulerWork {
  /** Analyses a document's current text and publishes the result. */
  analyse(uri: string): Promise<void>;
  /** Reads the workspace's unopened files again. */
  rescan(): void;
  /** The documents open now. */
  openDocuments(): readonly string[];
}

/** How long typing in a buffer that changes the project's imports must pause before the workspace is read again. */
const RESCAN_AFTER_TYPING_MS = 500;

export class Scheduler {
  private readonly scheduled = new Set<string>();
  /** Documents being analysed, and those asked for again meanwhile (analysed once more after). */
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private rescanTimer: NodeJS.Timeout | undefined;

  constructor(private readonly work: SchedulerWork) {}

  /** Asks for an analysis of the document's current text. */
  schedule(uri: string): void {
    if (this.running.has(uri)) {
      this.again.add(uri);
      return;
    }
    if (this.scheduled.has(uri)) return;
    this.scheduled.add(uri);
    setImmediate(() => {
      this.scheduled.delete(uri);
      this.running.add(uri);
      void this.work.analyse(uri).finally(() => {
        this.running.delete(uri);
        if (this.again.delete(uri)) this.schedule(uri);
      });
    });
  }

  /** Every open document (but `except`) again: something they may depend on changed. */
  scheduleAll(except?: string): void {
    for (const uri of this.work.openDocuments()) if (uri !== except) this.schedule(uri);
  }

  /**
   * Pools in unopened files may be typed through project imports that just changed in a buffer:
   * the workspace is read again once typing pauses (each keystroke may change them).
   */
  rescanSoon(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => this.work.rescan(), RESCAN_AFTER_TYPING_MS);
  }
}
