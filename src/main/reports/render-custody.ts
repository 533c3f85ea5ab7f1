/**
 * The verification appendix's second part (issue 19, report setting custodyAppendix): per cited
 * source, its capture facts and its custody in brief, then the custody log's head when the report
 * was made, so a reader can ask for the log and check it (`dossier custody verify`). Only facts
 * that identify nobody are printed: no HTTP headers, file paths or researchers' names; the
 * source's address is the (redacted) one the citation shows.
 */
import type { CaptureFacts } from '../../shared/custody.ts';
import type { Citations } from './citations.ts';
import type { ReportData, SourceDoc } from './report-data.ts';

type Escape = (text: string) => string;

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

function captureCell(doc: SourceDoc, esc: Escape): string {
  const c = doc.capture;
  if (!c) return 'Not a web capture.';
  // The citation's address is the redacted one; a capture address that differs from it is not printed.
  const url = c.url && c.url === doc.url ? c.url : doc.url;
  const lines = [
    `${CONTAINERS[c.container]} capture${url ? ` of <span class="url">${esc(url)}</span>` : ''}`,
    c.capturedAt ? `captured ${esc(c.capturedAt)}` : 'capture time not recorded',
    c.tool ? `by ${esc(c.tool)}` : null,
    c.httpStatus !== null ? `HTTP status ${c.httpStatus}` : null,
    c.payloadDigest ? `payload digest <span class="hash">${esc(c.payloadDigest)}</span>` : null,
    c.recordId ? `WARC record ${esc(c.recordId)}` : null,
  ];
  if (c.wacz) {
    const w = c.wacz;
    lines.push(
      w.hashMismatches.length
        ? `WACZ hashes: ${w.hashMismatches.length} of ${w.hashesChecked} files do not match (${esc(w.hashMismatches.slice(0, 3).join(', '))})`
        : `WACZ hashes: all ${w.hashesChecked} files match`,
    );
    if (w.signature) lines.push(`WACZ signature: ${w.signature.verified === true ? 'verified' : w.signature.verified === false ? 'does not verify' : 'present, not verified'}`);
  }
  return lines.filter(Boolean).join('<br>');
}

function custodyCell(doc: SourceDoc, esc: Escape): string {
  const s = doc.custody;
  if (!s || s.entries === 0) return 'No custody entries (imported before the log began).';
  const kinds = Object.entries(s.kinds)
    .map(([kind, n]) => `${n} ${esc(KIND_WORDS[kind] ?? kind)}`)
    .join(', ');
  return [
    `${s.entries} entries: ${kinds}`,
    s.importedAt ? `imported ${esc(s.importedAt)}` : null,
    s.importedFileSha256 ? `imported file SHA-256: <span class="hash">${s.importedFileSha256}</span>` : null,
    s.latest ? `latest entry #${s.latest.seq} (${esc(KIND_WORDS[s.latest.kind] ?? s.latest.kind)}, ${esc(s.latest.at)})` : null,
  ]
    .filter(Boolean)
    .join('<br>');
}

export function renderCustodyAppendix(data: ReportData, citations: Citations, esc: Escape): string {
  const docs = citations.sources.map((s) => data.documents[s.documentId]).filter((d): d is SourceDoc => !!d);
  if (!docs.length) return '';
  const rows = docs.map(
    (doc, i) =>
      `<tr><td>${i + 1}</td><td><bdi>${esc(doc.title)}</bdi><br>original file SHA-256: ${doc.originalHash ? `<span class="hash">${doc.originalHash}</span>` : 'withheld (the source contains redacted text)'}</td><td>${captureCell(doc, esc)}</td><td>${custodyCell(doc, esc)}</td></tr>`,
  );
  const head = docs.find((d) => d.custody?.logHead)?.custody?.logHead;
  return `<section class="appendix custody"><h2>Appendix: capture and chain of custody</h2>
<p>For each source, how it was captured (as recorded by the capturing tool and kept unchanged since import) and its entries in the investigation's custody log, a hash chain in which every entry carries the SHA-256 of the one before.</p>
<table><thead><tr><th>#</th><th>Source</th><th>Capture</th><th>Custody</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${head ? `<p>When this report was made the custody log ended at entry #${head.seq}, SHA-256 <span class="hash">${head.hash}</span>. A copy of the log whose entry #${head.seq} has this hash, and whose chain verifies, has not been altered up to that entry.</p>` : ''}
</section>`;
}
