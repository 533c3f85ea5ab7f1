/**
 * REFI-QDA project export (.qdpx = zip of project.qde + sources/), the exchange format NVivo,
 * ATLAS.ti, MAXQDA and QualCoder read (https://www.qdasoftware.org). The codebook is the whole tag
 * tree; each cited document is a TextSource with its canonical text; each quote a
 * PlainTextSelection (positions in code points) coded with the passage's tags.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Report } from '../../shared/reports.ts';
import { codePointOffset, type ReportData, type TagData } from './report-data.ts';
import { qdaNoteRefsXml, qdaNotesXml, qdaVariablesXml, qdaVariableValuesXml, type QdaExportData } from '../qda/qdpx-qda.ts';

const xml = (s: string) =>
  s
    // XML 1.0 forbids most control characters even escaped; drop them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A stable GUID derived from names, so exporting twice gives the same file. */
function guid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const asGuid = (id: string) => (GUID_RE.test(id) ? id : guid('id', id));

function codes(tags: TagData[], parentId: string | null, indent: string, qda?: QdaExportData): string {
  return tags
    .filter((t) => t.parentId === parentId)
    .map((t) => {
      const children = codes(tags, t.id, `${indent}  `, qda);
      const description = t.description.trim() ? `\n${indent}  <Description>${xml(t.description)}</Description>` : '';
      // Issue 21: the tag's memo, as a note.
      const notes = qda ? qdaNoteRefsXml('tag', t.id, qda, guid, `${indent}  `) : '';
      const inner = description + notes + (children ? `\n${children}` : '');
      return `${indent}<Code guid="${asGuid(t.id)}" name="${xml(t.name)}" isCodable="true" color="${xml(t.color)}"${inner ? `>${inner}\n${indent}</Code>` : '/>'}`;
    })
    .join('\n');
}

export interface QdpxOptions {
  /** ISO date-time of the export, written as the project's creation time. */
  now: string;
}

export function buildQdpx(report: Report, data: ReportData, options: QdpxOptions): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const sources: string[] = [];
  const tagsKnown = new Set(data.tags.map((t) => t.id));
  const cited = new Set<string>();
  for (const item of report.body.sections.flatMap((s) => s.items)) {
    const q = data.passages[item.passageId];
    if (q) cited.add(q.passageId);
  }
  // A deleted document's text is gone, so there is nothing to anchor its codings in (issue 14).
  for (const doc of Object.values(data.documents).filter((d) => !d.deletedAt)) {
    const sourceGuid = asGuid(doc.id);
    // Give it redacted data: the text then has each redacted character replaced by a block.
    files[`sources/${sourceGuid}.txt`] = strToU8(doc.text);
    const selections = Object.values(data.passages)
      .filter((q) => q.documentId === doc.id && cited.has(q.passageId))
      .sort((a, b) => a.start - b.start)
      .map((q) => {
        const codings = q.tagIds
          .filter((id) => tagsKnown.has(id))
          .map((tagId) => `      <Coding guid="${guid('coding', q.passageId, tagId)}" creationDateTime="${xml(options.now)}">\n        <CodeRef targetGUID="${asGuid(tagId)}"/>\n      </Coding>`)
          .join('\n');
        const description = q.note.trim() ? `\n      <Description>${xml(q.note)}</Description>` : '';
        const inner = description + (codings ? `\n${codings}` : '');
        const start = codePointOffset(doc.text, q.start);
        const end = codePointOffset(doc.text, q.end);
        return `    <PlainTextSelection guid="${asGuid(q.passageId)}" name="${xml(q.exact.slice(0, 60))}" startPosition="${start}" endPosition="${end}"${inner ? `>${inner}\n    </PlainTextSelection>` : '/>'}`;
      })
      .join('\n');
    const meta = [doc.source, doc.author, doc.publishedAt, doc.url, doc.originalHash ? `original SHA-256 ${doc.originalHash}` : 'original SHA-256 withheld: the source contains redacted text'].filter(Boolean).join(' · ');
    // Issue 21: the document's memo as a note, its attributes as variable values (the schema's order: after the selections).
    const qda = data.qda ? qdaNoteRefsXml('document', doc.id, data.qda, guid, '    ') + qdaVariableValuesXml(doc.id, data.qda, xml, guid) : '';
    sources.push(
      `  <TextSource guid="${sourceGuid}" name="${xml(doc.title)}" plainTextPath="internal://${sourceGuid}.txt">\n    <Description>${xml(meta)}</Description>${selections ? `\n${selections}` : ''}${qda}\n  </TextSource>`,
    );
  }
  const codebook = data.tags.length ? `<CodeBook>\n<Codes>\n${codes(data.tags, null, '', data.qda)}\n</Codes>\n</CodeBook>\n` : '';
  const variables = data.qda ? qdaVariablesXml(data.qda, xml, guid) : '';
  const notes = data.qda ? qdaNotesXml(data.qda, xml, guid) : '';
  const projectNote = data.qda ? qdaNoteRefsXml('investigation', null, data.qda, guid, '') : '';
  const sourcesXml = sources.length ? `<Sources>\n${sources.join('\n')}\n</Sources>\n` : '';
  const description = [report.title, report.subtitle].filter((s) => s.trim()).join(': ');
  // No Users element and no creatingUser: the file must not name the person who made it.
  const project = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="${xml(report.title)}" origin="Dossier" creationDateTime="${xml(options.now)}">
${codebook}${variables}${sourcesXml}${notes}<Description>${xml(description)}</Description>${projectNote}
</Project>
`;
  files['project.qde'] = strToU8(project);
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
