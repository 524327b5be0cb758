/**
 * Windows-1252, both ways, for source files that are not valid UTF-8 (legacy Windows sources,
 * typical of 2017-era .NET code). Every byte has exactly one character and back, so a file read
 * and written again is the same bytes wherever nothing was edited.
 *
 * Written here rather than taken from `TextDecoder('windows-1252')`: Node 20's decoder reads that
 * label as ISO-8859-1 (0x80 gives U+0080, not €), and Node has no encoder for it.
 */

/**
 * 0x80–0x9F, from the WHATWG Encoding Standard's index-windows-1252 (= Microsoft's CP1252.TXT at
 * unicode.org, where the five unassigned bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D map to the C1 controls
 * of the same number, as WHATWG does). Every other byte is the code point of the same number.
 */
const HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const CHAR_OF_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? HIGH[byte - 0x80] : byte),
);

const BYTE_OF_CHAR = new Map<string, number>(CHAR_OF_BYTE.map((char, byte) => [char, byte]));

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  // In slices: one string concatenation per byte would build a rope as long as the file.
  for (let start = 0; start < bytes.length; start += 8192) {
    const slice = bytes.subarray(start, start + 8192);
    text += Array.from(slice, (byte) => CHAR_OF_BYTE[byte]).join('');
  }
  return text;
}

/** The text's bytes, or the first character Windows-1252 has no byte for. */
export function encodeWindows1252(text: string): { bytes: Buffer } | { unencodable: string } {
  const bytes = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = BYTE_OF_CHAR.get(text[i]);
    if (byte === undefined) return { unencodable: String.fromCodePoint(text.codePointAt(i)!) };
    bytes[i] = byte;
  }
  return { bytes };
}
