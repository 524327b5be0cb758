/**
 * When documents are analysed, in one place (as a real language server schedules its work):
 *
 * - **Coalescing.** A document asked for is marked, not analysed: analyses run only once the
 *   messages already received have been dispatched (`noteDispatch` tells the scheduler each one), so
 *   a burst of changes costs one analysis of the newest text. One analysis runs at a time.
 * - **Order.** Documents a request waits for come first, then documents the user opened or
 *   changed, then workspace re-checks; within each, visible documents first (the client says which,
 *   when it can), then the most recently changed.
 * - **Debounce and cancellation.** A change to the workspace (an account typed in a pool, a project
 *   import) re-checks the documents it concerns once changes pause; a newer change cancels the
 *   re-check under way, whose remaining documents wait for the next one.
 * - **Rescan.** The workspace is read again once typing that changed its project imports pauses.
 */

/** What the scheduler runs; the server supplies it (the scheduler knows no LSP and no engine). */
export interface SchedulerWork {
  /** Analyses a document's current text and publishes the result. */
  analyse(uri: string): Promise<void>;
  /**
   * Undefined when the document can be analysed without waiting for anything; else a promise that
   * settles when it can (its settings are still being asked for): other documents go first meanwhile.
   */
  prepare(uri: string): Promise<unknown> | undefined;
  /** Reads the workspace's unopened files again. */
  rescan(): void;
  /** The documents open now. */
  openDocuments(): readonly string[];
  log(message: string): void;
  /** A line for the client's trace of the server (`$/logTrace`), when it traces. */
  trace(message: string): void;
}

/** Why a document waits for an analysis; the earlier, the more urgent. */
export type Urgency = 'request' | 'edit' | 'recheck';
const RANK: Record<Urgency, number> = { request: 0, edit: 1, recheck: 2 };

/** How long account or import changes must pause before the documents they concern are re-checked. */
export const RECHECK_AFTER_MS = 300;
/** How long typing in a buffer that changes the project's imports must pause before the workspace is read again. */
const RESCAN_AFTER_TYPING_MS = 500;
/** However busy the inbox, an analysis runs after this many messages: a flood must not starve analyses (and the requests waiting for them). */
const MAX_DISPATCHES_BEFORE_WORK = 1000;

export class Scheduler {
  /** Documents waiting for an analysis, with how urgently. */
  private readonly dirty = new Map<string, Urgency>();
  /** Documents whose next analysis waits for `prepare`. */
  private readonly preparing = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();
  /** A counter of user changes, and the value at each document's last change: most recent first. */
  private changes = 0;
  private readonly lastChanged = new Map<string, number>();
  private visible = new Set<string>();
  private pendingRecheck = new Set<string>();
  private recheckTimer: NodeJS.Timeout | undefined;
  private rescanTimer: NodeJS.Timeout | undefined;
  private pumping = false;
  private stopped = false;
  private dispatched = false;
  private dispatchesWaitedFor = 0;
  /** The document being analysed now. */
  running: string | undefined;

  constructor(private readonly work: SchedulerWork) {}

  /** The connection dispatched a message (called after its handler's synchronous part). */
  noteDispatch(): void {
    this.dispatched = true;
  }

  /** The user opened or changed a document: analyse its new text, before re-checks. */
  changed(uri: string): void {
    this.lastChanged.set(uri, ++this.changes);
    this.mark(uri, 'edit');
  }

  /** Asks for an analysis of the document's current text. */
  schedule(uri: string, urgency: Urgency = 'recheck'): void {
    this.mark(uri, urgency);
  }

  /** Every open document: something they all depend on changed (the settings). */
  scheduleAll(): void {
    for (const uri of this.work.openDocuments()) this.mark(uri, 'recheck');
  }

  /**
   * Resolves after the document's next analysis (the one under way, if any), which runs before any
   * other: a request waits for it.
   */
  analysed(uri: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push(resolve);
      this.waiters.set(uri, list);
      if (this.running !== uri || this.dirty.has(uri)) this.mark(uri, 'request');
    });
  }

  /** The documents the client shows; they are analysed first. */
  setVisible(uris: readonly string[]): void {
    this.visible = new Set(uris);
  }

  /**
   * The workspace changed in a way that concerns these documents: they are re-checked once changes
   * pause. A newer change cancels the re-check under way: what it had not reached yet waits too.
   */
  recheckSoon(uris: Iterable<string>): void {
    if (this.stopped) return;
    for (const uri of uris) this.pendingRecheck.add(uri);
    for (const [uri, urgency] of this.dirty) {
      if (urgency !== 'recheck') continue;
      this.dirty.delete(uri);
      this.pendingRecheck.add(uri);
    }
    clearTimeout(this.recheckTimer);
    this.recheckTimer = setTimeout(() => {
      const open = new Set(this.work.openDocuments());
      const due = [...this.pendingRecheck].filter((uri) => open.has(uri));
      this.pendingRecheck = new Set();
      if (due.length > 0) this.work.trace(`re-checking ${due.length} documents the workspace changes concern: ${due.join(' ')}`);
      for (const uri of due) this.mark(uri, 'recheck');
    }, RECHECK_AFTER_MS);
  }

  /**
   * Pools in unopened files may be typed through project imports that just changed in a buffer:
   * the workspace is read again once typing pauses (each keystroke may change them).
   */
  rescanSoon(): void {
    if (this.stopped) return;
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => this.work.rescan(), RESCAN_AFTER_TYPING_MS);
  }

  /** A document was closed: nothing more to do for it (requests waiting for it are released). */
  forget(uri: string): void {
    this.dirty.delete(uri);
    this.pendingRecheck.delete(uri);
    this.lastChanged.delete(uri);
    this.release(uri);
  }

  /** After `shutdown`: no more analyses. */
  stop(): void {
    this.stopped = true;
    this.dirty.clear();
    this.pendingRecheck.clear();
    clearTimeout(this.recheckTimer);
    clearTimeout(this.rescanTimer);
    for (const uri of [...this.waiters.keys()]) this.release(uri);
  }

  private mark(uri: string, urgency: Urgency): void {
    if (this.stopped) return;
    const before = this.dirty.get(uri);
    if (!before || RANK[urgency] < RANK[before]) this.dirty.set(uri, urgency);
    if (urgency !== 'recheck') this.pendingRecheck.delete(uri); // it will be analysed anyway
    this.pump();
  }

  private pump(): void {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    void this.drain().finally(() => {
      this.pumping = false;
      // More work may have become ready while the loop was ending.
      if ([...this.dirty.keys()].some((uri) => !this.preparing.has(uri))) this.pump();
    });
  }

  private async drain(): Promise<void> {
    while (this.dirty.size > 0 && !this.stopped) {
      await this.inboxIdle();
      const uri = this.next();
      if (!uri) return; // every document left waits for its settings; `prepare` pumps again
      this.dirty.delete(uri);
      this.running = uri;
      try {
        await this.work.analyse(uri);
      } catch (error) {
        this.work.log(`Could not analyse ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      } finally {
        this.running = undefined;
        this.release(uri);
      }
    }
  }

  /** The most urgent document that can be analysed now. */
  private next(): string | undefined {
    const candidates = [...this.dirty].sort(
      ([a, ua], [b, ub]) =>
        RANK[ua] - RANK[ub] ||
        Number(this.visible.has(b)) - Number(this.visible.has(a)) ||
        (this.lastChanged.get(b) ?? 0) - (this.lastChanged.get(a) ?? 0),
    );
    for (const [uri] of candidates) {
      if (this.preparing.has(uri)) continue;
      const waiting = this.work.prepare(uri);
      if (!waiting) return uri;
      this.preparing.add(uri);
      void waiting.finally(() => {
        this.preparing.delete(uri);
        this.pump();
      });
    }
    return undefined;
  }

  /**
   * Resolves once the connection has no message left to dispatch. It dispatches one message per
   * turn of the event loop while it has any, so a whole turn without a dispatch means its queue
   * is empty.
   */
  private inboxIdle(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.dispatched && this.dispatchesWaitedFor < MAX_DISPATCHES_BEFORE_WORK) {
          this.dispatched = false;
          this.dispatchesWaitedFor++;
          setImmediate(check);
          return;
        }
        this.dispatchesWaitedFor = 0;
        resolve();
      };
      setImmediate(check);
    });
  }

  private release(uri: string): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    this.waiters.delete(uri);
    for (const resolve of list) resolve();
  }
}
