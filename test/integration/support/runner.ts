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
  | { readonly type: 'click'; readonly target: PageTarget; readonly timeoutMs?: number };

export interface RunnerReply {
  readonly ok: boolean;
  readonly error?: string;
  readonly path?: string;
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

/** Clicks `target` as a person would (the pointer moves there first, so hovers open on the way). */
export async function click(target: PageTarget, timeoutMs = 10_000): Promise<void> {
  const reply = await runner.request({ type: 'click', target, timeoutMs });
  if (!reply.ok) throw new Error(`click ${target.selector}${target.text ? ` containing "${target.text}"` : ''}: ${reply.error}`);
}

/** The lines of the active editor, with their numbers, and the widgets over them (`overlays`). */
export function editorClip(...overlays: PageTarget[]): Clip {
  const editor = '.part.editor .monaco-editor';
  return {
    within: editor,
    targets: [{ selector: `${editor} .margin-view-overlays .line-numbers` }, { selector: `${editor} .view-line` }, ...overlays],
  };
}
