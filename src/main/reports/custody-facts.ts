/**
 * The facts of the verification appendix's second part (issue 19, report setting custodyAppendix),
 * as plain text pieces: the HTML renderer (render-custody.ts) and the Word exporter (issue 21)
 * mark them up each in its own way, so both print the same facts. Per cited source, its capture
 * facts and its custody in brief, then the custody log's head when the report was made. Only facts
 * that identify nobody are given: no HTTP headers, file paths or researchers' names; the source's
 * address is the (redacted) one the citation shows.
 */
import type { CaptureFacts, CustodyHead } from '../../shared/custody.ts';
import type { Citations } from './citations.ts';
import type { ReportData, SourceDoc } from './report-data.ts';

/** A piece of a line: plain text, a hash (set in a monospace face) or an address. */
export interface Piece {
  text: string;
  kind?: 'hash' | 'url' | 'code' | undefined;
}
/** A line of an appendix cell: its pieces in order. */
export type Line = Piece[];

const CONTAINERS: Record<CaptureFacts['container'], string> = {
  warc: 'WARC',
  wacz: 'WACZ',
  mhtml: 'MHTML',
  singlefile: 'SingleFile HTML',
};

const KIND_WORDS: Record<string, string> = {
  import: 'import',
  // Words, not the kind: electron-vite's ESM shim mistakes a string ending in the word import for an import statement.
  'archive-import': 'import of an archive',
  'metadata-edit': 'metadata edit',
  'passage-create': 'passage created',
  'passage-edit': 'passage edited',
  'passage-delete': 'passage deleted',
  'tags-apply': 'tags applied',
  export: 'export',
};

const plain = (text: string): Line => [{ text }];
const kindWord = (kind: string) => KIND_WORDS[kind] ?? kind;

export const CUSTODY_HEADING = 'Appendix: capture and chain of custody';
export const CUSTODY_INTRO =
  "For each source, how it was captured (as recorded by the capturing tool and kept unchanged since import) and its entries in the investigation's custody log, a hash chain in which every entry carries the SHA-256 of the one before.";

export function captureLines(doc: SourceDoc): Line[] {
  const c = doc.capture;
  if (!c) return [plain('Not a web capture.')];
  // The citation's address is the redacted one; a capture address that differs from it is not printed.
  const url = c.url && c.url === doc.url ? c.url : doc.url;
  const lines: (Line | null)[] = [
    [{ text: `${CONTAINERS[c.container]} capture${url ? ' of ' : ''}` }, ...(url ? [{ text: url, kind: 'url' as const }] : [])],
    plain(c.capturedAt ? `captured ${c.capturedAt}` : 'capture time not recorded'),
    c.tool ? plain(`by ${c.tool}`) : null,
    c.httpStatus !== null ? plain(`HTTP status ${c.httpStatus}`) : null,
    c.payloadDigest ? [{ text: 'payload digest ' }, { text: c.payloadDigest, kind: 'hash' }] : null,
    c.recordId ? plain(`WARC record ${c.recordId}`) : null,
  ];
  if (c.wacz) {
    const w = c.wacz;
    lines.push(
      plain(
        w.hashMismatches.length
          ? `WACZ hashes: ${w.hashMismatches.length} of ${w.hashesChecked} files do not match (${w.hashMismatches.slice(0, 3).join(', ')})`
          : `WACZ hashes: all ${w.hashesChecked} files match`,
      ),
    );
    if (w.signature) lines.push(plain(`WACZ signature: ${w.signature.verified === true ? 'verified' : w.signature.verified === false ? 'does not verify' : 'present, not verified'}`));
  }
  return lines.filter((l): l is Line => l !== null);
}

export function custodyLines(doc: SourceDoc): Line[] {
  const s = doc.custody;
  if (!s || s.entries === 0) return [plain('No custody entries (imported before the log began).')];
  const kinds = Object.entries(s.kinds)
    .map(([kind, n]) => `${n} ${kindWord(kind)}`)
    .join(', ');
  const lines: (Line | null)[] = [
    plain(`${s.entries} entries: ${kinds}`),
    s.importedAt ? plain(`imported ${s.importedAt}`) : null,
    s.importedFileSha256 ? [{ text: 'imported file SHA-256: ' }, { text: s.importedFileSha256, kind: 'hash' }] : null,
    s.latest ? plain(`latest entry #${s.latest.seq} (${kindWord(s.latest.kind)}, ${s.latest.at})`) : null,
  ];
  return lines.filter((l): l is Line => l !== null);
}

/** The source cell's second line: the original file's hash, or why it is withheld. */
export function originalHashLine(doc: SourceDoc): Line {
  return doc.originalHash ? [{ text: 'original file SHA-256: ' }, { text: doc.originalHash, kind: 'hash' }] : plain('original file SHA-256: withheld (the source contains redacted text)');
}

export interface CustodyAppendix {
  /** The cited sources in the sources list's order. */
  docs: SourceDoc[];
  head: CustodyHead | null;
}

/** The sources the appendix lists, and the log's head; null when no source is cited. */
export function custodyAppendixFacts(data: ReportData, citations: Citations): CustodyAppendix | null {
  const docs = citations.sources.map((s) => data.documents[s.documentId]).filter((d): d is SourceDoc => !!d);
  if (!docs.length) return null;
  return { docs, head: docs.find((d) => d.custody?.logHead)?.custody?.logHead ?? null };
}

export function custodyHeadLine(head: CustodyHead): Line {
  return [
    { text: `When this report was made the custody log ended at entry #${head.seq}, SHA-256 ` },
    { text: head.hash, kind: 'hash' },
    { text: `. A copy of the log whose entry #${head.seq} has this hash, and whose chain verifies, has not been altered up to that entry.` },
  ];
}
