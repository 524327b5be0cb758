/** Document URIs and the paths of this machine. */
import { fileURLToPath } from 'url';

/**
 * The local path of a `file:` URI, or undefined when it has none: other schemes (`untitled:`,
 * `vscode-vfs:`), a share on another host (`file://server/share/…` outside Windows), an escaped
 * separator (`%2F`) or a bad escape. Such documents are analysed from their text, never read from disk.
 */
export function localPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
