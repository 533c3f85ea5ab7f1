/** Exports of issue 21's analysis data: memos as Markdown or CSV, the attribute table as CSV. */
import type { AttributeTable, Memo } from '../../shared/qda.ts';
import { csvCell } from '../reports/redact-report.ts';

const heading = (m: Memo) =>
  m.scope === 'investigation' ? 'Investigation memo' : m.scope === 'tag' ? `Tag memo: ${m.targetLabel ?? m.targetId}` : `Document memo: ${m.targetLabel ?? m.targetId}`;

/** One Markdown file: a section per memo, its own headings pushed two levels down so they stay inside it. */
export function memosMarkdown(memos: readonly Memo[]): string {
  const parts = ['# Memos', ''];
  for (const m of memos) {
    parts.push(`## ${heading(m).replace(/\n/g, ' ')}`, '', `_${[m.author, `updated ${m.updatedAt.slice(0, 10)}`].filter(Boolean).join(', ')}_`, '');
    parts.push(m.body.replace(/^(#{1,4}) /gm, '##$1 ').trimEnd(), '');
  }
  return `${parts.join('\n')}\n`;
}

export const MEMO_CSV_COLUMNS = ['scope', 'target_id', 'target', 'author', 'created_at', 'updated_at', 'memo'] as const;

export function memosCsv(memos: readonly Memo[]): string {
  const lines = [MEMO_CSV_COLUMNS.join(',')];
  for (const m of memos) lines.push([m.scope, m.targetId ?? '', m.targetLabel ?? '', m.author ?? '', m.createdAt, m.updatedAt, m.body].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A row per document: its id and title, then a column per attribute (named as the attribute). */
export function attributesCsv(table: AttributeTable): string {
  const lines = [['document_id', 'title', ...table.attributes.map((a) => a.name)].map(csvCell).join(',')];
  for (const row of table.rows) lines.push([row.documentId, row.title, ...table.attributes.map((a) => row.values[a.id] ?? '')].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
