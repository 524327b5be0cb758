/**
 * The server's end of the connection, made robust before any handler runs:
 *
 * - **Framing** (stdio): a frame whose headers cannot be read (no or a bad `Content-Length`, a
 *   header block that never ends, a charset other than UTF-8) leaves no way to find the next
 *   message: the server says so (stderr and `window/logMessage`) and exits with code 1, so the
 *   client restarts it, instead of running on deaf. A body that is not JSON costs that message only:
 *   −32700, and reading goes on.
 * - **Messages** (every transport): what is not a JSON-RPC message gets −32600; `exit` ends the
 *   process at once (0 after `shutdown`, else 1), whatever work is queued before it; after
 *   `shutdown`, requests get −32600 and notifications are dropped; `initialize` with unreadable
 *   capabilities gets −32602 (the protocol library reads them before any handler could check).
 * - **Scheduling hooks**: the scheduler is told after each message is dispatched (to analyse only
 *   once the inbox is empty), and a request cancelled before it was dispatched is answered −32800
 *   at once instead of being run.
 */
import { format } from 'util';
import {
  AbstractMessageReader,
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  Disposable,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { initializeParams } from './params';

/** Headers longer than this are no LSP header block. */
const MAX_HEADER_BYTES = 16 * 1024;
/** A body longer than this is refused as a framing error (the default file size limit is 10 MB; JSON escaping can double it). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * LSP's base protocol over a byte stream: `Content-Length` framed JSON. Unlike vscode-jsonrpc's
 * reader (which reports a broken frame and then reads on from the wrong place, and drops a body
 * that is not JSON without an answer), it tells apart a frame it cannot delimit (`onFramingError`,
 * after which it reads nothing more) from a body it cannot parse (`onMalformedBody`).
 */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The current frame's body length, once its headers are read. */
  private bodyLength: number | undefined;
  private broken = false;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly onFramingError: (problem: string) => void,
    private readonly onMalformedBody: (problem: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string) => this.receive(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk, callback);
    const onError = (error: Error) => this.fireError(error);
    const onEnd = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onEnd);
    this.readable.on('close', onEnd);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('end', onEnd);
      this.readable.off('close', onEnd);
    });
  }

  private receive(chunk: Buffer, callback: DataCallback): void {
    if (this.broken) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.bodyLength === undefined) {
        const head = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, Math.min(this.buffered, MAX_HEADER_BYTES + 4));
        const end = head.indexOf(HEADER_END);
        if (end < 0) {
          if (this.buffered > MAX_HEADER_BYTES) this.fail(`no end of headers in the first ${MAX_HEADER_BYTES} bytes`);
          return;
        }
        const length = this.contentLength(head.subarray(0, end).toString('latin1'));
        if (length === undefined) return;
        this.take(end + HEADER_END.length);
        this.bodyLength = length;
      }
      if (this.buffered < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = undefined;
      let message: unknown;
      try {
        message = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
      } catch (error) {
        this.onMalformedBody(error instanceof Error ? error.message : String(error));
        continue;
      }
      callback(message as Message);
    }
  }

  /** The `Content-Length` of a header block; undefined (after `fail`) when the block is not one. */
  private contentLength(block: string): number | undefined {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) return this.fail(`a header line without a name and a colon: ${JSON.stringify(line.slice(0, 80))}`);
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        if (!/^\d+$/.test(value)) return this.fail(`Content-Length is not a number: ${JSON.stringify(value.slice(0, 80))}`);
        length = Number(value);
        if (length > MAX_BODY_BYTES) return this.fail(`Content-Length ${length} is over the limit of ${MAX_BODY_BYTES} bytes`);
      } else if (name === 'content-type') {
        const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1].toLowerCase();
        if (charset && charset !== 'utf-8' && charset !== 'utf8') return this.fail(`charset ${charset} (only UTF-8 is read)`);
      }
    }
    if (length === undefined) return this.fail('a header block without Content-Length');
    return length;
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return taken;
  }

  private fail(problem: string): undefined {
    this.broken = true;
    this.chunks = [];
    this.buffered = 0;
    this.onFramingError(problem);
    return undefined;
  }
}

/** Checks every message before the connection queues it (see the file's comment). */
export class ProtocolGuard implements MessageReader {
  private shutdownRequested = false;

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly exit: (code: number) => void,
    private readonly log: (message: string) => void,
  ) {}

  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      try {
        this.receive(message, callback);
      } catch (error) {
        this.log(`A message could not be handled: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** Whether `shutdown` was received (the exit code of `exit` and of a closed input). */
  get shutDown(): boolean {
    return this.shutdownRequested;
  }

  /** Answers a request the handlers never see. */
  reply(id: RequestMessage['id'], code: number, message: string): void {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code, message } };
    void this.writer.write(response).catch(() => undefined);
  }

  private receive(message: unknown, callback: DataCallback): void {
    if (!isObject(message)) return this.reply(null, ErrorCodes.InvalidRequest, 'Invalid request: a message must be a JSON object.');
    const { method, id } = message;
    const hasId = 'id' in message;
    if (hasId && typeof id !== 'string' && typeof id !== 'number' && id !== null)
      return this.reply(null, ErrorCodes.InvalidRequest, 'Invalid request: an id must be a number or a string.');
    if (typeof method !== 'string') {
      // A response to one of the server's requests (workspace/configuration, applyEdit).
      if (hasId && ('result' in message || 'error' in message)) return callback(message as unknown as Message);
      return this.reply((id as RequestMessage['id']) ?? null, ErrorCodes.InvalidRequest, 'Invalid request: no method.');
    }
    if (!hasId) {
      if (method === 'exit') return this.exit(this.shutdownRequested ? 0 : 1);
      if (this.shutdownRequested) return;
      if (method === '$/cancelRequest' && !(isObject(message.params) && ['number', 'string'].includes(typeof message.params.id)))
        return this.log('Ignored $/cancelRequest: params.id must be a number or a string.');
      return callback(message as unknown as Message);
    }
    const requestId = id as RequestMessage['id'];
    if (this.shutdownRequested)
      return this.reply(requestId, ErrorCodes.InvalidRequest, `${method}: the server is shut down; only exit is accepted.`);
    if (method === 'shutdown') this.shutdownRequested = true;
    if (method === 'initialize') {
      const problem = initializeParams(message.params);
      if (problem) return this.reply(requestId, ErrorCodes.InvalidParams, `initialize: ${problem}.`);
    }
    callback(message as unknown as Message);
  }
}

/** Told after the connection dispatches each message (set by the server once its scheduler exists). */
export interface DispatchObserver {
  dispatched?: () => void;
}

/**
 * The connection for `--stdio`, `--node-ipc`, `--socket=<port>` or `--pipe=<name>` (as
 * vscode-languageserver reads them from the command line), behind the guard.
 */
export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): {
  connection: Connection;
  observer: DispatchObserver;
} {
  const exit = (code: number) => process.exit(code);
  let writer: MessageWriter;
  let reader: MessageReader;
  const log = (message: string, type = 3) => {
    const notification: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type, message } };
    void writer.write(notification).catch(() => undefined);
  };
  const option = (name: string) => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    return i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  /** Set once the reader exists (the reader's callbacks need it). */
  const guarded: { guard?: ProtocolGuard } = {};
  if (argv.includes('--stdio')) {
    writer = new StreamMessageWriter(process.stdout);
    reader = new FramedMessageReader(
      process.stdin,
      (problem) => {
        // Nothing after a frame that cannot be delimited can be trusted: end, and let the client start a fresh server.
        const message = `Batch Identity server: unreadable LSP framing on stdin (${problem}); exiting so the client can restart the server.`;
        process.stderr.write(`${message}\n`);
        log(message, 1);
        setImmediate(() => exit(1));
      },
      (problem) => guarded.guard?.reply(null, ErrorCodes.ParseError, `Parse error: the message body is not JSON (${problem}).`),
    );
    // The input is gone: so is the client (as vscode-languageserver does for streams).
    const ended = () => exit(guarded.guard?.shutDown ? 0 : 1);
    process.stdin.on('end', ended);
    process.stdin.on('close', ended);
  } else if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (option('--socket') !== undefined) {
    [reader, writer] = createServerSocketTransport(Number(option('--socket')));
  } else if (option('--pipe') !== undefined) {
    [reader, writer] = createServerPipeTransport(option('--pipe')!);
  } else {
    throw new Error("Start the server with one of '--stdio', '--node-ipc', '--socket=<port>' or '--pipe=<name>'.");
  }
  const guard = new ProtocolGuard(reader, writer, exit, (message) => log(message));
  guarded.guard = guard;
  const observer: DispatchObserver = {};
  const connection = createConnection(ProposedFeatures.all, guard, writer, {
    messageStrategy: {
      handleMessage(message, next) {
        const result = next(message);
        observer.dispatched?.();
        return result;
      },
    },
    connectionStrategy: {
      cancelUndispatched: (message) => ({
        jsonrpc: '2.0',
        id: (message as RequestMessage).id,
        error: { code: LSPErrorCodes.RequestCancelled, message: 'cancelled before it was handled' },
      }),
    },
  });
  if (argv.includes('--stdio')) {
    // stdout carries the protocol: what a dependency prints goes to the client's log instead (as
    // vscode-languageserver does for stdio).
    const say =
      (write: (message: string) => void) =>
      (...args: unknown[]) =>
        write(format(...args));
    console.log = say((m) => connection.console.log(m));
    console.info = say((m) => connection.console.info(m));
    console.warn = say((m) => connection.console.warn(m));
    console.error = say((m) => connection.console.error(m));
    console.debug = say((m) => connection.console.log(m));
  }
  return { connection, observer };
}
