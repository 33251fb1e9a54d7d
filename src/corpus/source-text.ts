import { CorpusError } from "./errors.js";

/** One line of a source file, with its 1-based line number. */
export interface SourceLine {
  line: number;
  text: string;
}

/**
 * Decodes a source file strictly: invalid UTF-8, a NUL byte (a binary file) or an empty file
 * is refused with the line where it is found, instead of indexing mojibake.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceLine[] {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CorpusError(file, lineAtByte(bytes, nul), "binary content (NUL byte): expected a UTF-8 text file");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, lineAtByte(bytes, firstInvalidUtf8(bytes)), "not valid UTF-8: save the file as UTF-8");
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim().length === 0) throw new CorpusError(file, 1, "the file is empty");
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t.replace(/\s+$/u, "") }));
}

function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
