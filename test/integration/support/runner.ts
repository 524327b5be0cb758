/**
 * The suites' line to the offline runner (scripts/vscode/run-integration.mjs), which drives the
 * page the workbench runs in: screenshots and assertions about what a person sees. The runner
 * passes a Unix socket in BATCH_IDENTITY_RUNNER_SOCKET; messages are JSON lines, and every request
 * gets one reply, sent when the runner has done what was asked (a handshake, no sleeps).
 * Under @vscode/test-electron there is no page to drive: `available` is false, screenshots are
 * skipped and the page tests skip themselves.
 */
import * as net from 'node:net';

export const RUNNER_SOCKET_ENV = 'BATCH_IDENTITY_RUNNER_SOCKET';

/** Where to look in the page: a CSS selector, optionally narrowed to elements containing `text`. */
export interface PageTarget {
  readonly selector: string;
  readonly text?: string;
}

/**
 * The part of the page a screenshot keeps: around every visible element of `targets`, inside the
 * first element matching `within` (a CSS selector).
 */
export interface Clip {
  readonly targets: readonly PageTarget[];
  readonly within?: string;
}

export type RunnerRequest =
  | { readonly type: 'screenshot'; readonly name: string; readonly waitFor?: PageTarget; readonly clipTo?: Clip }
  | { readonly type: 'expectVisible'; readonly target: PageTarget; readonly timeoutMs?: number }
  | { readonly type: 'press'; readonly key: string }
  | { readonly type: 'type'; readonly text: string }
  | { readonly type: 'click'; readonly target: PageTarget; readonly timeoutMs?: number }
  | { readonly type: 'measure'; readonly target: PageTarget; readonly part?: string; readonly timeoutMs?: number }
  | { readonly type: 'count'; readonly target: PageTarget }
  | { readonly type: 'viewport'; readonly width: number; readonly height: number };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What `measure` saw of an element (scripts/vscode/run-integration.mjs, `measure`). */
export interface Measured {
  readonly box: Box;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  /** Its text as rendered (innerText). */
  readonly text: string;
  /** The box of the text asked for (white space aside), null when the element does not hold it. */
  readonly part?: Box | null;
  /** The part of the viewport not clipped by the part's ancestors: what a person can see without scrolling. */
  readonly visible?: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

export interface RunnerReply {
  readonly ok: boolean;
  readonly error?: string;
  readonly path?: string;
  readonly measured?: Measured;
  readonly count?: number;
}

class RunnerChannel {
  private socket: Promise<net.Socket> | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: RunnerReply) => void>();

  constructor(private readonly socketPath: string | undefined) {}

  get available(): boolean {
    return this.socketPath !== undefined;
  }

  private connect(): Promise<net.Socket> {
    if (!this.socket) {
      const socketPath = this.socketPath;
      if (!socketPath) throw new Error('no runner');
      this.socket = new Promise((resolve, reject) => {
        const socket = net.connect(socketPath, () => resolve(socket));
        socket.once('error', reject);
        socket.unref(); // never keep the extension host alive
        let buffered = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          buffered += chunk;
          let newline: number;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const message = JSON.parse(buffered.slice(0, newline)) as RunnerReply & { id: number };
            buffered = buffered.slice(newline + 1);
            this.pending.get(message.id)?.(message);
            this.pending.delete(message.id);
          }
        });
      });
    }
    return this.socket;
  }

  /** A line for the runner's output (the suite's progress). */
  async log(line: string): Promise<void> {
    const socket = await this.connect();
    await new Promise<void>((resolve, reject) =>
      socket.write(JSON.stringify({ type: 'log', line }) + '\n', (e) => (e ? reject(e) : resolve())),
    );
  }

  async request(request: RunnerRequest): Promise<RunnerReply> {
    const socket = await this.connect();
    const id = this.nextId++;
    const reply = new Promise<RunnerReply>((resolve) => this.pending.set(id, resolve));
    socket.write(JSON.stringify({ id, ...request }) + '\n');
    return reply;
  }
}

export const runner = new RunnerChannel(process.env[RUNNER_SOCKET_ENV] || undefined);

/**
 * Saves test-results/screenshots/<name>.png once `waitFor` is visible, of the whole page or of the
 * part `clipTo` names; nothing without a page.
 */
export async function screenshot(name: string, waitFor?: PageTarget, clipTo?: Clip): Promise<void> {
  if (!runner.available) return;
  const reply = await runner.request({ type: 'screenshot', name, waitFor, clipTo });
  if (!reply.ok) throw new Error(`screenshot ${name}: ${reply.error}`);
}

/** Fails unless the page shows `target` within the timeout. */
export async function expectVisible(target: PageTarget, timeoutMs = 10_000): Promise<void> {
  const reply = await runner.request({ type: 'expectVisible', target, timeoutMs });
  if (!reply.ok)
    throw new Error(
      `not visible in the page: ${target.selector}${target.text ? ` containing "${target.text}"` : ''}\n${reply.error ?? ''}`,
    );
}

export async function press(key: string): Promise<void> {
  const reply = await runner.request({ type: 'press', key });
  if (!reply.ok) throw new Error(`press ${key}: ${reply.error}`);
}

/** Types `text` into whatever has the keyboard focus, key by key, as a person would. */
export async function type(text: string): Promise<void> {
  const reply = await runner.request({ type: 'type', text });
  if (!reply.ok) throw new Error(`type ${JSON.stringify(text)}: ${reply.error}`);
}

/** Clicks `target` as a person would (the pointer moves there first, so hovers open on the way). */
export async function click(target: PageTarget, timeoutMs = 10_000): Promise<void> {
  const reply = await runner.request({ type: 'click', target, timeoutMs });
  if (!reply.ok) throw new Error(`click ${target.selector}${target.text ? ` containing "${target.text}"` : ''}: ${reply.error}`);
}

/**
 * Where the first visible element matching `target` is, and whether `part`, a text inside it, can
 * be seen without scrolling (its box inside `visible`).
 */
export async function measure(target: PageTarget, part?: string, timeoutMs = 10_000): Promise<Measured> {
  const reply = await runner.request({ type: 'measure', target, part, timeoutMs });
  if (!reply.ok || !reply.measured)
    throw new Error(`measure ${target.selector}${target.text ? ` containing "${target.text}"` : ''}: ${reply.error}`);
  return reply.measured;
}

/**
 * How many elements matching `target` are visible now, without waiting: for what must not show,
 * asked only once the page shows something that renders with it (a wait on a sibling's decoration,
 * say), so that 0 is not just "not yet".
 */
export async function countVisible(target: PageTarget): Promise<number> {
  const reply = await runner.request({ type: 'count', target });
  if (!reply.ok || reply.count === undefined)
    throw new Error(`count ${target.selector}${target.text ? ` containing "${target.text}"` : ''}: ${reply.error}`);
  return reply.count;
}

/** Resizes the page (the browser window VS Code runs in). */
export async function setViewport(width: number, height: number): Promise<void> {
  const reply = await runner.request({ type: 'viewport', width, height });
  if (!reply.ok) throw new Error(`viewport ${width}×${height}: ${reply.error}`);
}

/** The viewport the runner opens the page with (scripts/vscode/run-integration.mjs). */
export const DEFAULT_VIEWPORT = { width: 1200, height: 1400 } as const;

/** Whether `part` lies inside the visible area (half a pixel of rounding allowed). */
export function wholeVisible(measured: Measured): boolean {
  const { part, visible } = measured;
  if (!part || !visible) return false;
  const slack = 0.5;
  return (
    part.x >= visible.left - slack &&
    part.y >= visible.top - slack &&
    part.x + part.width <= visible.right + slack &&
    part.y + part.height <= visible.bottom + slack
  );
}

/** The lines of the active editor, with their numbers, and the widgets over them (`overlays`). */
export function editorClip(...overlays: PageTarget[]): Clip {
  const editor = '.part.editor .monaco-editor';
  return {
    within: editor,
    targets: [{ selector: `${editor} .margin-view-overlays .line-numbers` }, { selector: `${editor} .view-line` }, ...overlays],
  };
}
