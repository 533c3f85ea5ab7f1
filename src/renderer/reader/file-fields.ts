/**
 * The title, author and creation date a PDF or Word file carries in its own properties (kept in
 * meta at import: pdfInfo, docxProperties). They are often a template's or a stranger's, so they are
 * shown for the user to judge, never taken as the document's details unchecked (issue 14).
 */
export interface FileOwnFields {
  kind: 'pdf' | 'docx';
  title: string | null;
  author: string | null;
  created: string | null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const record = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

export function fileOwnFields(meta: Record<string, unknown>): FileOwnFields | null {
  const pdf = record(meta.pdfInfo);
  const docx = record(meta.docxProperties);
  const fields: FileOwnFields | null = pdf
    ? { kind: 'pdf', title: str(pdf.Title), author: str(pdf.Author), created: str(meta.pdfCreated) }
    : docx
      ? { kind: 'docx', title: str(docx.title), author: str(docx.author), created: str(meta.docxCreated) }
      : null;
  return fields && (fields.title || fields.author || fields.created) ? fields : null;
}
