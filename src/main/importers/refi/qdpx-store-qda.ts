/**
 * The parts of a REFI-QDA project that are memos and document attributes in Dossier (issue 21):
 * a <Note> on a source, a code or the project becomes that document's, tag's or the investigation's
 * memo (a memo already there gets the note appended under a heading naming its title and author,
 * and a note already in the memo is not added twice); a <Variable> becomes an attribute (matched by
 * name, case-insensitively, with one already there) and each <VariableValue> of a text source that
 * document's value. A value already set in this investigation is kept: an import changes nothing
 * stored before; what could not be kept is said in the import's notes.
 */
import type { Attribute, AttributeType, MemoScope } from '../../../shared/qda.ts';
import { DossierError } from '../../../shared/errors.ts';
import { createAttribute, getAttribute, normaliseValue } from '../../qda/attributes.ts';
import { MEMO_MAX } from '../../qda/memos.ts';
import type { Database } from '../../store/database.ts';
import { newId, nowIso } from '../../store/ids.ts';
import { cleanMetadataText, cleanUserText } from '../../store/clean-text.ts';
import type { RefiNote, RefiProject, RefiSource } from './qdpx-project.ts';

/** Writes one note as (or into) the memo of its target; true when the memo gained it. */
export function storeNoteAsMemo(
  db: Database,
  note: RefiNote,
  scope: MemoScope,
  targetId: string | null,
  author: string | null,
): boolean {
  const text = cleanUserText(note.text, { multiline: true }).trim();
  if (!text) return false;
  const documentId = scope === 'document' ? targetId : null;
  const tagId = scope === 'tag' ? targetId : null;
  const existing = db
    .prepare('SELECT id, body FROM memos WHERE scope = ? AND document_id IS ? AND tag_id IS ?')
    .get(scope, documentId, tagId) as { id: string; body: string } | undefined;
  const created = note.creationDateTime ?? nowIso();
  const updated = note.modifiedDateTime ?? created;
  if (!existing) {
    db.prepare('INSERT INTO memos(id, scope, document_id, tag_id, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      newId(),
      scope,
      documentId,
      tagId,
      text.slice(0, MEMO_MAX),
      author,
      created,
      updated,
    );
    return true;
  }
  if (existing.body.includes(text)) return false; // imported before
  const title = cleanMetadataText(note.name, 300) || 'Note';
  const body = `${existing.body}\n\n## ${title}${author ? ` (${author})` : ''}\n\n${text}`;
  if (body.length > MEMO_MAX) return false;
  db.prepare('UPDATE memos SET body = ?, updated_at = ? WHERE id = ?').run(body, nowIso(), existing.id);
  return true;
}

/** REFI typeOfVariable → Dossier's type; a Text variable whose description lists "One of: a; b" (Dossier's export) is a choice. */
function attributeShape(type: string, description: string): { type: AttributeType; choices: string[] } {
  const oneOf = /^One of: (.+)$/s.exec(description.trim());
  if (type === 'Integer' || type === 'Float') return { type: 'number', choices: [] };
  if (type === 'Date' || type === 'DateTime') return { type: 'date', choices: [] };
  if (type === 'Boolean') return { type: 'choice', choices: ['true', 'false'] };
  if (oneOf) return { type: 'choice', choices: oneOf[1]!.split('; ').filter((c) => c.trim()) };
  return { type: 'text', choices: [] };
}

/** The project's variables as this investigation's attributes, by variable GUID. */
export function storeVariables(db: Database, project: RefiProject, label: string, notes: string[]): Map<string, Attribute> {
  const byGuid = new Map<string, Attribute>();
  for (const variable of project.variables) {
    const name = cleanMetadataText(variable.name, 200);
    if (!name) continue;
    const shape = attributeShape(variable.type, variable.description);
    const row = db.prepare('SELECT id FROM attributes WHERE name = ? COLLATE NOCASE').get(name) as { id: string } | undefined;
    try {
      byGuid.set(variable.guid, row ? getAttribute(db, row.id) : createAttribute(db, { name, type: shape.type, choices: shape.choices }));
    } catch (error) {
      notes.push(`${label}: the variable “${name}” was not kept as an attribute: ${error instanceof DossierError ? error.message : String(error)}`);
    }
  }
  return byGuid;
}

/** One source's variable values on its document; a value the document already has is kept. */
export function storeVariableValues(
  db: Database,
  source: RefiSource,
  documentId: string,
  attributes: Map<string, Attribute>,
  label: string,
  notes: string[],
): void {
  const existing = db.prepare('SELECT value FROM document_attributes WHERE document_id = ? AND attribute_id = ?');
  const insert = db.prepare('INSERT INTO document_attributes(document_id, attribute_id, value, updated_at) VALUES (?, ?, ?, ?)');
  for (const { variableGuid, value: raw } of source.values) {
    const attribute = attributes.get(variableGuid);
    if (!attribute || !raw.trim()) continue;
    let value: string;
    try {
      value = normaliseValue(attribute, raw);
    } catch (error) {
      notes.push(`${label}: “${source.name}”: ${error instanceof DossierError ? error.message : String(error)} Not kept.`);
      continue;
    }
    if (!value) {
      notes.push(`${label}: “${source.name}”: “${raw.slice(0, 60)}” is not a date “${attribute.name}” can hold. Not kept.`);
      continue;
    }
    const had = existing.get(documentId, attribute.id) as { value: string } | undefined;
    if (had) {
      if (had.value !== value)
        notes.push(`${label}: “${source.name}” already has “${had.value}” as its ${attribute.name}; the project's “${value}” was not kept.`);
      continue;
    }
    insert.run(documentId, attribute.id, value, nowIso());
  }
}
