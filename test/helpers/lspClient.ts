/** Drives `node dist/server.js --stdio` as any LSP client would: the server's public contract. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

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
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      for (const waiter of [...this.notificationWaiters]) {
        if (waiter.method === method && waiter.predicate(params)) {
          this.notificationWaiters.splice(this.notificationWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  /** What the server gets when it asks for `batchIdentity` settings. */
  settings: unknown = {};

  /** `roots`: the workspace, as `workspaceFolders` (VS Code) or a lone `rootUri` (older clients); none by default. */
  async initialize(
    capabilities: Record<string, unknown> = { workspace: { configuration: true } },
    initializationOptions?: unknown,
    roots: { rootUri?: string; workspaceFolders?: { uri: string; name: string }[] } = {},
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
