import { Inflate, inflateSync, strFromU8, zipSync } from 'fflate';
import { DossierError } from '../../shared/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry over 1 MB, and for the whole file past 16 MB. */
  maxRatio: number;
}

export const DOCX_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 200 };

/** The entries of a zip that were verified, and the same entries as a new zip for a parser to open. */
export interface VerifiedZip {
  files: Record<string, Uint8Array>;
  /** Re-packed (stored, not compressed) from `files` only: what the parser reads is what was checked. */
  zip: Uint8Array;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const MAX_32 = 0xffffffff;
/** Compressed bytes given to the inflater at a time: deflate expands at most ~1,032 times, so a step yields at most ~4 MB. */
const SLICE = 4096;

/**
 * Opens a zip the way its parser will and verifies it before the parser sees it (issue 13, item 6).
 * Sizes come from the central directory, which JSZip (mammoth) reads, not from local headers, which
 * a streaming reader follows: a local header whose compressed size swallowed the next record hid
 * that record from the old streaming check, while JSZip inflated it to 1.8 GB. Each entry is
 * inflated, counting the real bytes in small steps and discarding them, and the count stops at the
 * budget; only then are the entries inflated for real, to the sizes just measured, and packed into
 * a new zip. The parser is handed that zip, so it can only read entries that were counted.
 */
export function readVerifiedZip(bytes: Uint8Array, fileName: string, limits: ZipLimits, kind = 'Word document'): VerifiedZip {
  const bomb = () => new DossierError('TOO_LARGE', `${fileName} expands to far more data than its size (a "zip bomb"); it was not opened.`);
  const damaged = () => new DossierError('PARSE_FAILED', `${fileName} is not a valid ${kind} (its zip structure is damaged).`);
  const entries = centralDirectory(bytes, limits, fileName, damaged);
  const budget = Math.min(limits.maxTotalBytes, Math.max(bytes.byteLength * limits.maxRatio, 16 * 1024 * 1024));
  let declared = 0;
  for (const entry of entries) {
    if (/(^|[\\/])\.\.([\\/]|$)/.test(entry.name) || /^([\\/]|[A-Za-z]:)/.test(entry.name)) {
      throw new DossierError('PARSE_FAILED', `${fileName} contains a file named "${entry.name.slice(0, 100)}" that points outside the archive; it was not opened.`);
    }
    if (entry.flags & 1) throw new DossierError('PARSE_FAILED', `${fileName} is encrypted; open it in Word, save an unprotected copy and import that.`);
    if (entry.method !== 0 && entry.method !== 8) throw damaged();
    declared += entry.declaredSize;
    if (declared > limits.maxTotalBytes) throw bomb();
    if (entry.declaredSize > 1024 * 1024 && entry.declaredSize / Math.max(1, entry.compressedSize) > limits.maxRatio) throw bomb();
  }
  // First pass: count what every entry really inflates to, keeping nothing, against one budget for
  // the whole file (entries that overlap in the file are counted each time, as a parser would inflate them).
  const realSizes: number[] = [];
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry, damaged);
    const real = entry.method === 0 ? data.byteLength : countInflated(data, budget - total, damaged);
    if (real === null || real > entry.declaredSize) throw bomb();
    total += real;
    realSizes.push(real);
  }
  // Second pass: every size is now known and within the budget.
  const files: Record<string, Uint8Array> = {};
  entries.forEach((entry, i) => {
    const data = entryData(bytes, entry, damaged);
    if (entry.name in files) throw damaged();
    if (entry.name.endsWith('/')) return;
    files[entry.name] = entry.method === 0 ? data.slice() : inflateSync(data, { out: new Uint8Array(realSizes[i]!) });
  });
  return { files, zip: zipSync(files, { level: 0 }) };
}

/** The entries listed in the central directory (ZIP64 included), found from the end of the file as JSZip and fflate find it. */
function centralDirectory(bytes: Uint8Array, limits: ZipLimits, fileName: string, damaged: () => DossierError): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= 0 && bytes.byteLength - at <= 22 + 65_535; at--) {
    if (u32(at) === SIG_EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === MAX_32) && eocd >= 20 && u32(eocd - 20) === SIG_ZIP64_LOCATOR) {
    const at = u64(eocd - 12);
    if (at + 56 > bytes.byteLength || u32(at) !== SIG_ZIP64_EOCD) throw damaged();
    count = u64(at + 32);
    offset = u64(at + 48);
  }
  if (count > limits.maxEntries) throw new DossierError('TOO_LARGE', `${fileName} holds more than ${limits.maxEntries} files; it was not opened.`);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || u32(at) !== SIG_CENTRAL) throw damaged();
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.byteLength) throw damaged();
    const entry: Entry = {
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (u16(at + 8) & 0x800) === 0),
      method: u16(at + 10),
      flags: u16(at + 8),
      compressedSize: u32(at + 20),
      declaredSize: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // ZIP64 extra field: the 64-bit values of the fields whose 32-bit value is all ones, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let field = x + 4;
      for (const key of ['declaredSize', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] === MAX_32 && field + 8 <= x + 4 + u16(x + 2)) {
          entry[key] = u64(field);
          field += 8;
        }
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's compressed bytes: located by its local header (name and extra lengths), sized by the central directory, as JSZip does. */
function entryData(bytes: Uint8Array, entry: Entry, damaged: () => DossierError): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== SIG_LOCAL) throw damaged();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw damaged();
  return bytes.subarray(start, end);
}

/** How many bytes a deflate stream inflates to, or null past `limit`; the output is dropped as it comes. */
function countInflated(data: Uint8Array, limit: number, damaged: () => DossierError): number | null {
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.byteLength;
  });
  try {
    for (let at = 0; at < data.byteLength || at === 0; at += SLICE) {
      inflater.push(data.subarray(at, Math.min(at + SLICE, data.byteLength)), at + SLICE >= data.byteLength);
      if (produced > limit) return null;
    }
  } catch {
    throw damaged();
  }
  return produced;
}

/** The text of a small entry (docProps/core.xml), or undefined. */
export function smallTextEntry(files: Record<string, Uint8Array>, name: string): string | undefined {
  const data = files[name];
  return data && data.byteLength < 1024 * 1024 ? strFromU8(data) : undefined;
}
