// The bytes of a log file as pieces of text, decompressed on the way when the file is gzipped
// (known by its first two bytes, 1f 8b, whatever its name says). The file is never held as one
// big string: readers parse piece by piece, report progress and can be cancelled between pieces.
import { Gunzip } from 'fflate';

/** What a log can be read from: the file's bytes, or a File/Blob (read as a stream). */
export type LogSource = Uint8Array | Blob;

/** Thrown when the user cancels a reading. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Reading the log was cancelled.');
  }
}

export interface ChunkOptions {
  signal?: AbortSignal;
  /** Bytes of the file read so far, and the file's size. */
  progress?: (done: number, total: number) => void;
  /** Stop after this many characters of text (for a preview). */
  limitChars?: number;
}

const PIECE = 1 << 20;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function sourceSize(src: LogSource): number {
  return src instanceof Uint8Array ? src.length : src.size;
}

async function* rawPieces(src: LogSource): AsyncGenerator<Uint8Array> {
  if (src instanceof Uint8Array) {
    for (let at = 0; at < src.length; at += PIECE) yield src.subarray(at, Math.min(src.length, at + PIECE));
    return;
  }
  const reader = src.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value && value.length > 0) yield value;
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The file's text, piece by piece (UTF-8; a byte-order mark is dropped). */
export async function* textChunks(src: LogSource, opts: ChunkOptions = {}): AsyncGenerator<string> {
  const total = sourceSize(src);
  const decoder = new TextDecoder('utf-8');
  let gunzip: Gunzip | undefined;
  let first = true;
  let done = 0;
  let chars = 0;
  let pending: string[] = [];
  const take = (bytes: Uint8Array, final: boolean) => {
    const text = decoder.decode(bytes, { stream: !final });
    if (text) pending.push(text);
  };
  for await (const piece of rawPieces(src)) {
    if (opts.signal?.aborted) throw new CancelledError();
    if (first) {
      first = false;
      if (isGzip(piece)) gunzip = new Gunzip((chunk, final) => take(chunk, final));
    }
    if (gunzip) {
      try {
        gunzip.push(piece, false);
      } catch (err) {
        throw new Error(`The file looks gzip-compressed but could not be decompressed (${err instanceof Error ? err.message : String(err)}).`);
      }
    } else take(piece, false);
    done += piece.length;
    for (const t of pending) {
      chars += t.length;
      yield chars === t.length ? t.replace(/^\uFEFF/, '') : t;
      if (opts.limitChars !== undefined && chars >= opts.limitChars) return;
    }
    pending = [];
    opts.progress?.(done, total);
    await nextTask(); // lets a cancel (or any message) in between pieces
  }
  if (gunzip) {
    try {
      gunzip.push(new Uint8Array(0), true);
    } catch {
      throw new Error('The gzip-compressed file ends early: it may be truncated.');
    }
  } else take(new Uint8Array(0), true);
  for (const t of pending) yield chars === 0 ? t.replace(/^\uFEFF/, '') : t;
  opts.progress?.(total, total);
}

/** The first `limitChars` characters of the file's text (for previews and sniffing). */
export async function headText(src: LogSource, limitChars = 256 * 1024): Promise<string> {
  let text = '';
  for await (const t of textChunks(src, { limitChars })) text += t;
  return text.slice(0, Math.max(limitChars, 0));
}

/** True when the text is XML (an XES log) rather than delimited text. */
export function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text.replace(/^\uFEFF/, ''));
}
