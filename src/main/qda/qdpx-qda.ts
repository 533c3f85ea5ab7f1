/**
 * Document attributes and memos in the REFI-QDA export (issue 21), to the project schema (QDA-XML
 * 1.0, Project-mrt2019.xsd): each attribute a <Variable> (text and choice → Text, number → Integer or
 * Float, date → Date when every value is a whole day, else Text), each value a <VariableValue> in
 * its <TextSource>; memos are <Note>s referred to by <NoteRef> from their source, code or the
 * project. Memo authors are not written: the export names nobody (export-qdpx.ts).
 */
import type { Attribute, MemoScope } from '../../shared/qda.ts';
import type { Database } from '../store/database.ts';
import { listAttributes } from './attributes.ts';
import { listMemos } from './memos.ts';

export interface QdaExportData {
  attributes: Attribute[];
  /** Values by document id, then attribute id. */
  values: Record<string, Record<string, string>>;
  memos: { id: string; scope: MemoScope; targetId: string | null; heading: string; body: string; createdAt: string; updatedAt: string }[];
}

/** The attributes, the values of `documentIds` and the memos on them, on any tag and on the investigation. */
export function loadQdaExportData(db: Database, documentIds: readonly string[]): QdaExportData {
  const wanted = new Set(documentIds);
  const values: QdaExportData['values'] = {};
  for (const r of db.prepare('SELECT document_id AS d, attribute_id AS a, value FROM document_attributes').all() as { d: string; a: string; value: string }[]) {
    if (wanted.has(r.d)) (values[r.d] ??= {})[r.a] = r.value;
  }
  const memos = listMemos(db)
    .filter((m) => m.scope !== 'document' || wanted.has(m.targetId ?? ''))
    .map((m) => ({
      id: m.id,
      scope: m.scope,
      targetId: m.targetId,
      heading: m.scope === 'investigation' ? 'Investigation memo' : `Memo: ${m.targetLabel ?? ''}`,
      body: m.body,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    }));
  return { attributes: listAttributes(db), values, memos };
}

type Xml = (s: string) => string;
type Guid = (...parts: string[]) => string;

const WHOLE_DAY = /^\d{4}-\d{2}-\d{2}$/;

function variableType(attribute: Attribute, data: QdaExportData): 'Text' | 'Integer' | 'Float' | 'Date' {
  const used = Object.values(data.values).flatMap((v) => (v[attribute.id] === undefined ? [] : [v[attribute.id]!]));
  if (attribute.type === 'number') return used.every((v) => /^-?\d+$/.test(v)) ? 'Integer' : 'Float';
  if (attribute.type === 'date') return used.every((v) => WHOLE_DAY.test(v)) ? 'Date' : 'Text';
  return 'Text';
}

/** A decimal as xsd:decimal writes it (no exponent). */
function decimal(value: string): string {
  const n = Number(value);
  return /e/i.test(String(n)) ? n.toFixed(20).replace(/\.?0+$/, '') : String(n);
}

export function qdaVariablesXml(data: QdaExportData, xml: Xml, guid: Guid): string {
  if (!data.attributes.length) return '';
  const variables = data.attributes.map((a) => {
    const description = a.type === 'choice' ? `\n    <Description>${xml(`One of: ${a.choices.join('; ')}`)}</Description>\n  ` : '';
    return `  <Variable guid="${guid('variable', a.id)}" name="${xml(a.name)}" typeOfVariable="${variableType(a, data)}"${description ? `>${description}</Variable>` : '/>'}`;
  });
  return `<Variables>\n${variables.join('\n')}\n</Variables>\n`;
}

/** The <VariableValue>s of one source, in attribute order. */
export function qdaVariableValuesXml(documentId: string, data: QdaExportData, xml: Xml, guid: Guid): string {
  const values = data.values[documentId];
  if (!values) return '';
  return data.attributes
    .filter((a) => values[a.id] !== undefined)
    .map((a) => {
      const value = values[a.id]!;
      const type = variableType(a, data);
      // A value redaction replaced (a long number read as a phone number) is no longer a number: written as text.
      const fits = type === 'Integer' ? /^-?\d+$/.test(value) : type === 'Float' ? Number.isFinite(Number(value)) : type === 'Date' ? WHOLE_DAY.test(value) : true;
      const element = !fits ? 'TextValue' : type === 'Integer' ? 'IntegerValue' : type === 'Float' ? 'FloatValue' : type === 'Date' ? 'DateValue' : 'TextValue';
      const shown = fits && type === 'Float' ? decimal(value) : value;
      return `\n    <VariableValue>\n      <VariableRef targetGUID="${guid('variable', a.id)}"/>\n      <${element}>${xml(shown)}</${element}>\n    </VariableValue>`;
    })
    .join('');
}

/** <NoteRef>s to the memos on one target (a document, a tag, or the investigation when scope is 'investigation'). */
export function qdaNoteRefsXml(scope: MemoScope, targetId: string | null, data: QdaExportData, guid: Guid, indent: string): string {
  return data.memos
    .filter((m) => m.scope === scope && m.targetId === targetId)
    .map((m) => `\n${indent}<NoteRef targetGUID="${guid('note', m.id)}"/>`)
    .join('');
}

export function qdaNotesXml(data: QdaExportData, xml: Xml, guid: Guid): string {
  if (!data.memos.length) return '';
  const notes = data.memos.map(
    (m) =>
      `  <Note guid="${guid('note', m.id)}" name="${xml(m.heading)}" creationDateTime="${xml(m.createdAt)}" modifiedDateTime="${xml(m.updatedAt)}">\n    <PlainTextContent>${xml(m.body)}</PlainTextContent>\n  </Note>`,
  );
  return `<Notes>\n${notes.join('\n')}\n</Notes>\n`;
}
