/**
 * Reading and writing source files without losing anything: the encoding (UTF-8 with or without
 * BOM, UTF-16 with BOM) is kept; bytes that are not valid UTF-8 are read as Windows-1252, one
 * character per byte, and written back byte for byte; a rewrite is atomic (temp file + rename) and
 * refused if the file changed since it was read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeWindows1252, encodeWindows1252 } from './windows1252';

/** `windows1252`: not valid UTF-8, so assumed (nothing in the file says it): see `assumedEncodingOf`. */
export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'windows1252';

export interface SourceText {
  readonly text: string;
  readonly encoding: Encoding;
  /** The bytes as read: a rewrite checks the file still holds them. */
  readonly bytes: Buffer;
}

export class UnreadableFile extends Error {}

/**
 * The text of a file's bytes. UTF-16 needs its byte-order mark; bytes that are not valid UTF-8
 * (with or without a BOM) are read as Windows-1252 — the legacy Windows sources this happens to are
 * in it, or in Latin-1, which it extends — so their findings are not lost; a UTF-8 BOM is then
 * three characters of the text, written back as they were.
 */
export function decode(bytes: Buffer): SourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le', bytes };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be', bytes };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = utf8(bom ? bytes.subarray(3) : bytes);
  if (text === undefined) return { text: decodeWindows1252(bytes), encoding: 'windows1252', bytes };
  return { text, encoding: bom ? 'utf8bom' : 'utf8', bytes };
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The encoding a file was read in without saying so itself, as a note names it; undefined when the file's bytes say. */
export function assumedEncodingOf(source: SourceText): string | undefined {
  return source.encoding === 'windows1252' ? 'Windows-1252' : undefined;
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
    case 'windows1252': {
      const encoded = encodeWindows1252(text);
      if ('unencodable' in encoded)
        throw new UnreadableFile(`the fixed text holds '${encoded.unencodable}', which Windows-1252 cannot; nothing written`);
      return encoded.bytes;
    }
  }
}

export function readSource(file: string): SourceText {
  return decode(fs.readFileSync(file));
}

/** Opening a named pipe without a writer would block: opened non-blocking, then refused by fstat. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads regular files only, with a hard byte cap checked while reading (a file growing meanwhile,
 * or a size the file system does not report, cannot make it read more), into one reused buffer:
 * a workspace of small files allocates almost nothing. Named pipes, devices and sockets are
 * refused without being read: a pipe would block for ever, `/dev/zero` never ends, and both report
 * the size 0.
 */
export class SourceReader {
  private buffer: Buffer;
  /** The stat of the file last read (taken from its open descriptor, before reading): what the CLI's cache records. */
  lastStats: fs.Stats | undefined;

  constructor(private readonly maxBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1));
  }

  /**
   * The file's bytes (valid until the next read), or undefined when it is larger than the cap.
   * Throws `UnreadableFile` for what is not a regular file, and the system's error when it cannot be read.
   */
  read(file: string): Buffer | undefined {
    this.lastStats = undefined;
    const fd = fs.openSync(file, OPEN_FLAGS);
    try {
      const stats = fs.fstatSync(fd);
      if (!stats.isFile()) throw new UnreadableFile('not a regular file');
      this.lastStats = stats;
      let length = 0;
      for (;;) {
        if (length > this.maxBytes) return undefined;
        if (length === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, this.maxBytes + 1));
          this.buffer.copy(bigger);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return this.buffer.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * Replaces the file's content atomically. Throws when the file no longer holds what was read
 * (changed or deleted meanwhile): nothing is written then.
 */
export function writeSourceAtomically(file: string, original: SourceText, text: string): void {
  let now: Buffer;
  try {
    now = fs.readFileSync(file);
  } catch {
    throw new UnreadableFile('it was deleted while being fixed; nothing written');
  }
  if (!now.equals(original.bytes)) throw new UnreadableFile('it changed on disk while being fixed; nothing written');
  const mode = fs.statSync(file).mode;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.batch-identity-${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, encode(text, original.encoding), { mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
