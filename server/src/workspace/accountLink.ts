/**
 * Where a pool user account is defined, as hovers and completion show it: a file name (relative to
 * the current file when near) and a Markdown link to the account's name line. One place, so a
 * hover and a completion item name and link a definition the same way.
 */
import type { AccountLocation } from '../engine/findings';
import * as path from 'path';
import { fileURLToPath } from 'url';

/** A file URI as a path of this machine (Windows drive letters included); undefined for other schemes. */
function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Where an account is defined, as text: relative to the current file when near, else the file's name. */
export function displayPath(uri: string, currentUri?: string): string {
  const file = fsPathOf(uri) ?? uri;
  const current = currentUri && fsPathOf(currentUri);
  if (current) {
    const relative = path.relative(path.dirname(current), file);
    if (!relative.startsWith('..') || relative.split(path.sep).length < 4) return relative;
  }
  return path.basename(file);
}

/** Markdown's special characters in link text, escaped (a path may hold `_`, `*` or brackets). */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);

/**
 * Where an account is defined, as a link to its name's line: `[pool.json:7](file:///…/pool.json#L7)`.
 * `#L7` is the line fragment VS Code's link opener (and GitHub) read; parentheses and spaces are
 * percent-encoded so the Markdown link ends where the URI does. A URI that already has a fragment
 * gets the text alone.
 */
export function definitionLink(defined: AccountLocation, currentUri?: string): string {
  const line = defined.line + 1;
  const text = escapeMarkdown(`${displayPath(defined.uri, currentUri)}:${line}`);
  if (defined.uri.includes('#')) return text;
  const target = `${defined.uri}#L${line}`.replace(/[() ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${text}](${target})`;
}
