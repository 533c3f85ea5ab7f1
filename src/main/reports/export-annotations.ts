/**
 * JSON of a report's passages as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/):
 * each quote a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector over the source's
 * canonical text. W3C positions count Unicode code points, ours UTF-16 units: converted here.
 */
import type { Report } from '../../shared/reports.ts';
import { fullCitation } from './citations.ts';
import type { ReportData } from './report-data.ts';

export function renderAnnotationsJson(report: Report, data: ReportData): string {
  const tagNames = new Map(data.tags.map((t) => [t.id, t.name]));
  const seen = new Set<string>();
  const items: unknown[] = [];
  for (const section of report.body.sections) {
    for (const item of section.items) {
      const quote = data.passages[item.passageId];
      const doc = quote && data.documents[quote.documentId];
      if (!quote || !doc || seen.has(quote.passageId)) continue;
      seen.add(quote.passageId);
      const body: unknown[] = quote.tagIds
        .map((id) => tagNames.get(id))
        .filter((name): name is string => Boolean(name))
        .map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
      if (quote.note.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: quote.note, format: 'text/plain' });
      if (item.commentary.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: item.commentary, format: 'text/plain' });
      items.push({
        id: `urn:uuid:${quote.passageId}`,
        type: 'Annotation',
        motivation: body.some((b) => (b as { purpose: string }).purpose === 'tagging') ? 'tagging' : 'highlighting',
        body,
        target: {
          type: 'SpecificResource',
          source: {
            // The selectors refer to the canonical text, which this hash identifies; when redaction
            // touched the source the hash is withheld (it would let anyone test guesses) and the
            // document is named by its id: `dossier verify-export` checks against a copy of the original.
            id: doc.contentHash ? `urn:sha256:${doc.contentHash}` : `urn:uuid:${doc.id}`,
            type: 'Text',
            format: 'text/plain',
            ...(doc.language ? { language: doc.language } : {}),
            title: doc.title,
            ...(doc.url ? { canonical: doc.url } : {}),
          },
          selector: [
            { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
            { type: 'TextPositionSelector', start: quote.textPosition.start, end: quote.textPosition.end },
          ],
        },
        // A human citation, so the file is useful without Dossier.
        'dc:bibliographicCitation': fullCitation(doc, quote.locator),
        ...(doc.originalHash ? { 'dc:source': `urn:sha256:${doc.originalHash}` } : {}),
      });
    }
  }
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { dc: 'http://purl.org/dc/terms/' }],
    id: `urn:uuid:${report.id}`,
    type: 'AnnotationCollection',
    label: report.title,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
