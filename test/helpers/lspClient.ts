/** Drives `node dist/server.js --stdio` as any LSP client would: the server's public contract. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, ShowDocumentParams } from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export class LspClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    predicate: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every publishDiagnostics received, in order (diagnosticsFor keeps only the latest per document). */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly notificationWaiters: { method: string; predicate: (params: unknown) => boolean; resolve: (params: unknown) => void }[] =
    [];

  constructor(extraArgs: string[] = []) {
    this.child = spawn(process.execPath, [SERVER, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    const received = (method: string, params: unknown) => {
      this.notifications.push({ method, params });
      for (const waiter of [...this.notificationWaiters]) {
        if (waiter.method === method && waiter.predicate(params)) {
          this.notificationWaiters.splice(this.notificationWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    };
    this.connection.onNotification(received);
    // vscode-jsonrpc keeps `$/logTrace` for its own tracer: the server's trace lines are recorded like the rest.
    this.connection.onNotification('$/logTrace', (params: unknown) => received('$/logTrace', params));
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string }[] }) =>
      params.items.map((item) => (item.scopeUri !== undefined && this.settingsFor?.(item.scopeUri)) || this.settings),
    );
    this.connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    this.connection.listen();
  }

  /** The documents the server asked to be shown (`window/showDocument`), in order. */
  readonly shownDocuments: ShowDocumentParams[] = [];

  /** What the server gets when it asks for `batchIdentity` settings. */
  settings: unknown = {};
  /** A resource's own settings (a folder's override), when it has some; `settings` otherwise. */
  settingsFor: ((scopeUri: string) => unknown) | undefined;

  /**
   * `roots`: the workspace, as `workspaceFolders` (VS Code) or a lone `rootUri` (older clients);
   * none by default. `trace: 'messages'` makes the server send its `$/logTrace` lines (`traces`).
   */
  async initialize(
    capabilities: Record<string, unknown> = { workspace: { configuration: true } },
    initializationOptions?: unknown,
    roots: {
      rootUri?: string;
      workspaceFolders?: { uri: string; name: string }[];
      trace?: 'off' | 'messages' | 'verbose';
      clientInfo?: { name: string; version?: string };
    } = {},
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...roots,
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `predicate` (or the ones already received). */
  diagnosticsFor(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const known = this.diagnostics.get(uri);
    if (known && predicate(known)) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.push({ uri, predicate, resolve }));
  }

  /** Resolves with the first notification `method` (other than diagnostics) that satisfies `predicate`, received or to come. */
  notification<T>(method: string, predicate: (params: T) => boolean = () => true): Promise<T> {
    const known = this.notifications.find((n) => n.method === method && predicate(n.params as T));
    if (known) return Promise.resolve(known.params as T);
    return new Promise((resolve) =>
      this.notificationWaiters.push({ method, predicate: (params) => predicate(params as T), resolve: (params) => resolve(params as T) }),
    );
  }

  /** The server's `window/logMessage` notifications so far, with their types (1 error, 2 warning, 3 info, 4 log). */
  logMessages(): { type: number; message: string }[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params as { type: number; message: string });
  }

  /** The messages of the server's `window/logMessage` notifications so far. */
  logLines(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
  }

  /** The server's `$/logTrace` lines so far (sent when initialized with `trace`). */
  traces(): string[] {
    return this.notifications.filter((n) => n.method === '$/logTrace').map((n) => (n.params as { message: string }).message);
  }

  /** Every publishDiagnostics received for a document so far. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /**
   * Resolves once the server has handled every message sent before: a request's answer comes after
   * them, as the server dispatches in order. (Analyses they scheduled may still be to come.)
   */
  async roundTrip(): Promise<void> {
    await this.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///round-trip/none.json' },
      position: { line: 0, character: 0 },
    });
  }

  /** Forgets diagnostics received so far, so the next wait sees only new ones. */
  reset(uri: string): void {
    this.diagnostics.delete(uri);
  }

  open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }

  get process(): ChildProcess {
    return this.child;
  }
}

export type { Diagnostic };

/**
 * One server for the enclosing `describe`: started and initialized before its tests, shut down
 * after them. Returns the accessor the tests call (the client exists once the hook has run).
 */
export function serverForSuite(): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => client?.close());
  return () => {
    if (!client) throw new Error('the server is started by a before hook of the enclosing describe');
    return client;
  };
}

/** A server for one test, initialized with `initialize`'s arguments and shut down when the test ends, however it ends. */
export async function serverForTest(t: TestContext, ...initialize: Parameters<LspClient['initialize']>): Promise<LspClient> {
  const client = new LspClient();
  t.after(() => client.close());
  await client.initialize(...initialize);
  return client;
}

/** One frame of LSP's base protocol. */
export function frame(body: string | Buffer, headers = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`${headers}Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

/**
 * The built server over stdio at the byte level, for what a well-behaved client library never
 * sends (broken frames, bodies that are not JSON): raw writes, the messages read back from stdout,
 * stderr, and how the process ended.
 */
export class RawServer {
  readonly child: ChildProcess;
  readonly messages: Record<string, unknown>[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private pending = Buffer.alloc(0);
  private readonly waiters: { predicate: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];

  constructor() {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.stdout!.on('data', (chunk: Buffer) => this.read(chunk));
    // A server that exits closes the pipe: writes after that must not fail the test process.
    this.child.stdin!.on('error', () => undefined);
  }

  write(bytes: Buffer | string): void {
    this.child.stdin!.write(bytes);
  }

  send(message: Record<string, unknown>): void {
    this.write(frame(JSON.stringify({ jsonrpc: '2.0', ...message })));
  }

  /** The first message read (or to be read) that satisfies `predicate`. */
  next(predicate: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    const known = this.messages.find(predicate);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  /** The answer to request `id`. */
  answer(id: number | string | null): Promise<Record<string, unknown>> {
    return this.next((m) => m.id === id && ('result' in m || 'error' in m));
  }

  async initialize(): Promise<void> {
    this.send({ id: 'init', method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await this.answer('init');
    this.send({ method: 'initialized', params: {} });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private read(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.pending.subarray(0, end).toString())?.[1]);
      if (this.pending.length < end + 4 + length) return;
      const message = JSON.parse(this.pending.subarray(end + 4, end + 4 + length).toString()) as Record<string, unknown>;
      this.pending = this.pending.subarray(end + 4 + length);
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (!waiter.predicate(message)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }
}

/** A raw server for one test, killed when the test ends. */
export function rawServerForTest(t: TestContext): RawServer {
  const server = new RawServer();
  t.after(() => server.kill());
  return server;
}
