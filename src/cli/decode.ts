/** Turns page bytes into text the way a browser would: BOM, then a declared charset, then UTF-8. */

/** Browsers look for a <meta charset> in the first 1024 bytes (HTML spec, "prescan"). */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

export function sniffEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  if (declared) {
    try {
      return new TextDecoder(declared).encoding;
    } catch {
      // An unknown label: fall through to UTF-8, as browsers do.
    }
  }
  return 'utf-8';
}

export function decodeHtml(bytes: Uint8Array): string {
  return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
}

/** Text files have no NUL bytes in their first few kilobytes; binaries almost always do. */
const BINARY_SNIFF_BYTES = 8192;

export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  // UTF-16 text has NULs by design; its BOM says so.
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return false;
  return head.includes(0);
}
