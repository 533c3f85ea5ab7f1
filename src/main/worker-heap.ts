/**
 * Heap caps of the worker threads (issue 12). Electron's V8 uses pointer compression: one 4 GB
 * cage holds the JavaScript heaps of the whole main process, its worker threads included. The
 * caps below add up, with the main thread, to less than that cage, so a decompression bomb or a
 * huge file fills its own worker's heap and fails that one file ("too large to parse"), never
 * the app:
 *   2 parse workers × 512 MB + 2 search workers × 1,024 MB = 3 GB, leaving ~1 GB for the main thread.
 * A file's text needs about four times its size in a worker (bytes, string, blocks, tokens), so
 * 512 MB parses the 200 MB default import limit's files of text; bigger ones fail alone.
 */
export const PARSE_WORKER_HEAP_MB = 512;
export const SEARCH_WORKER_HEAP_MB = 1024;
/** Issue 17: the search workers' young generation (their garbage is short-lived; see worker-pool.ts). */
export const SEARCH_WORKER_YOUNG_MB = 8;
/**
 * Issue 18: the entity worker holds the gazetteer, the transliteration tables and one document's
 * tokens at a time; a text too large for it fails alone (recorded as read with nothing found).
 */
export const ENTITY_WORKER_HEAP_MB = 256;
