import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate';
import { DossierError } from '../../shared/errors.ts';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry over 1 MB. */
  maxRatio: number;
}

export const DOCX_LIMITS: ZipLimits = { maxEntries: 5000, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 200 };

/**
 * Checks a zip before any library opens it (issue 3): entry count, names that climb out of the
 * archive, the declared sizes and ratios in the central directory, and then the real inflated
 * sizes, counted while inflating, because a bomb can lie in its directory. Returns the small
 * entries asked for in `read` (e.g. docProps/core.xml).
 */
export function checkZip(bytes: Uint8Array, fileName: string, limits: ZipLimits, read: string[] = []): Record<string, string> {
  const bomb = () => new DossierError('TOO_LARGE', `${fileName} expands to far more data than its size (a "zip bomb"); it was not opened.`);
  let entries = 0;
  let declared = 0;
  const wanted: Record<string, string> = {};
  let extracted: Record<string, Uint8Array>;
  try {
    extracted = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (entries > limits.maxEntries) throw new DossierError('TOO_LARGE', `${fileName} holds more than ${limits.maxEntries} files; it was not opened.`);
        if (/(^|[\\/])\.\.([\\/]|$)/.test(file.name) || /^([\\/]|[A-Za-z]:)/.test(file.name)) {
          throw new DossierError('PARSE_FAILED', `${fileName} contains a file named "${file.name.slice(0, 100)}" that points outside the archive; it was not opened.`);
        }
        declared += file.originalSize;
        if (declared > limits.maxTotalBytes) throw bomb();
        if (file.originalSize > 1024 * 1024 && file.originalSize / Math.max(1, file.size) > limits.maxRatio) throw bomb();
        return read.includes(file.name) && file.originalSize < 1024 * 1024;
      },
    });
  } catch (error) {
    if (error instanceof DossierError) throw error;
    throw new DossierError('PARSE_FAILED', `${fileName} is not a valid Word document (its zip structure is damaged).`);
  }
  for (const [name, data] of Object.entries(extracted)) wanted[name] = strFromU8(data);
  let inflated = 0;
  let exceeded = false;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error || exceeded) return;
      inflated += chunk.byteLength;
      if (inflated > limits.maxTotalBytes || inflated > Math.max(bytes.byteLength * limits.maxRatio, 16 * 1024 * 1024)) {
        exceeded = true;
        file.terminate();
      }
    };
    if (!exceeded) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Small slices, so one step can inflate at most a few MB before the count is checked.
    const SLICE = 16 * 1024;
    for (let at = 0; at < bytes.byteLength && !exceeded; at += SLICE) {
      unzip.push(bytes.subarray(at, Math.min(at + SLICE, bytes.byteLength)), at + SLICE >= bytes.byteLength);
    }
  } catch {
    // Damage in a local header is mammoth's to report; the sizes counted so far still apply.
  }
  if (exceeded) throw bomb();
  return wanted;
}
