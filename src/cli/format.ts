import type { DocumentSummary, ImportSummary, PassageView, SearchResponse, Tag } from '../shared/domain.ts';

/** Human-readable output of the CLI; `--json` prints the service's objects instead. */

export function formatImportSummary(summary: ImportSummary): string {
  const lines = [
    `Imported ${summary.imported.length}, duplicates ${summary.duplicates.length}, failed ${summary.failed.length}${summary.skipped.length ? `, skipped ${summary.skipped.length}` : ''}.`,
  ];
  for (const item of summary.imported) lines.push(`  + ${item.title}  [${item.id}]`);
  for (const dup of summary.duplicates) lines.push(`  = ${dup.path}: already imported as "${dup.existingTitle}" [${dup.existingId}]`);
  for (const fail of summary.failed) lines.push(`  ! ${fail.message}`);
  for (const skip of summary.skipped) lines.push(`  - ${skip.reason}  (${skip.path})`);
  for (const note of summary.notes ?? []) lines.push(`  i ${note}`);
  return lines.join('\n');
}

export function formatDocuments(documents: DocumentSummary[]): string {
  if (documents.length === 0) return 'No documents yet. Import some with: dossier import PATH...';
  return documents
    .map((d) => `${d.id}  ${d.title}\n    ${[d.format, d.language ?? '?', d.source, d.publishedAt, d.originalName].filter(Boolean).join(' · ')}`)
    .join('\n');
}

/** Marks highlights with ⟦ ⟧ so matches stand out in a terminal without colour. */
export function formatSearch(response: SearchResponse): string {
  if (response.results.length === 0) {
    const tryInstead = response.suggestions?.length ? ` Try: ${response.suggestions.join(' or ')}` : '';
    return `No documents match "${response.query}".${tryInstead}`;
  }
  const lines = [`${response.total} document(s) match "${response.query}".`];
  for (const hit of response.results) {
    lines.push(`\n${hit.title}  [${hit.documentId}]  score ${hit.score.toFixed(2)}`);
    const other = (hit.matched ?? []).filter((m) => m.forms.some((f) => f.toLowerCase() !== m.query.toLowerCase()));
    if (other.length) lines.push(`  matched ${other.map((m) => `${m.forms.join(', ')} for ${m.query}`).join('; ')}`);
    for (const snippet of hit.snippets) {
      let out = '';
      let at = 0;
      for (const [s, e] of snippet.highlights) {
        out += `${snippet.text.slice(at, s)}⟦${snippet.text.slice(s, e)}⟧`;
        at = e;
      }
      out += snippet.text.slice(at);
      lines.push(`  … ${out.replace(/\s+/g, ' ').trim()} …`);
    }
  }
  return lines.join('\n');
}

export function formatPassages(passages: PassageView[], tags: Tag[]): string {
  if (passages.length === 0) return 'No passages.';
  const names = new Map(tags.map((t) => [t.id, t.name]));
  return passages
    .map((p) => {
      const tagNames = p.tagIds.map((id) => names.get(id) ?? id).join(', ');
      const note = p.note ? `\n    note: ${p.note}` : '';
      return `${p.id}  ${p.documentTitle} [${p.start}–${p.end}]  {${tagNames}}  by ${p.author ?? 'unknown'}\n    “${p.exact.replace(/\s+/g, ' ')}”${note}`;
    })
    .join('\n');
}
