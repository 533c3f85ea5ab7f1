/**
 * An archive's codebook, passages and reports, checked and cleaned as the app's own writes are
 * (issue 13): what a person typed (names, notes, headings, commentary) is cleaned; a passage must
 * still quote its text exactly, and report bodies and redaction settings must be exactly valid,
 * or the archive is refused. The rules: archive-row-rules.ts.
 */
import { z } from 'zod';
import { cleanUserText } from '../store/clean-text.ts';
import { quoteSelector } from '../store/passages-repo.ts';
import { TAG_PALETTE } from '../store/tags-repo.ts';
import {
  byRule,
  COLOR_RULE,
  ID,
  NOTE_MAX,
  offset,
  optionalText,
  parseJson,
  parseRow,
  REPORT_DATE_RULE,
  REPORT_SETTINGS_RULE,
  shown,
  TAG_DESCRIPTION_MAX,
  TAG_NAME_MAX,
  text,
  TIMESTAMP,
} from './archive-row-rules.ts';
import { ArchiveProblem } from './archive-schema.ts';

// ── tags ──

const tagRow = z.object({
  id: ID,
  name: text,
  parent_id: ID.nullable(),
  color: text,
  description: text,
  position: z.number().int(),
  created_at: TIMESTAMP,
});
export interface CleanTag {
  id: string;
  name: string;
  parentId: string | null;
  color: string;
  description: string;
  position: number;
  createdAt: string;
  colorReplaced: boolean;
}

export function cleanTag(raw: unknown, index: number): CleanTag {
  const what = `tag ${shown((raw as { name?: unknown } | null)?.name, 'without a name')}`;
  const row = parseRow(tagRow, raw, `a row of the tags table (${what})`);
  const name = cleanUserText(row.name, { multiline: false });
  if (!name) throw new ArchiveProblem(`a tag of the codebook has no name once cleaned; the store was altered.`);
  if (name.length > TAG_NAME_MAX) throw new ArchiveProblem(`the name of ${what} is longer than Dossier allows (${TAG_NAME_MAX} characters).`);
  const description = cleanUserText(row.description, { multiline: true });
  if (description.length > TAG_DESCRIPTION_MAX) throw new ArchiveProblem(`the description of ${what} is longer than Dossier allows.`);
  const color = byRule(COLOR_RULE, row.color, TAG_PALETTE[index % TAG_PALETTE.length]!)!;
  return { id: row.id, name, parentId: row.parent_id, color, description, position: row.position, createdAt: row.created_at, colorReplaced: color !== row.color };
}

/** Parents before children; a loop (a tag under its own subtag) cannot be shown as a tree and is refused. */
export function orderTags(tags: CleanTag[]): CleanTag[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const ordered: CleanTag[] = [];
  const done = new Set<string>();
  for (const tag of tags) {
    // Walk up to a placed ancestor or the top, then place the chain top-down (no recursion: a crafted chain may be deep).
    const chain: CleanTag[] = [];
    const onChain = new Set<string>();
    let current: CleanTag | undefined = tag;
    while (current && !done.has(current.id)) {
      if (onChain.has(current.id)) throw new ArchiveProblem(`the tag ${shown(current.name, current.id)} is inside one of its own subtags; the store was altered.`);
      onChain.add(current.id);
      chain.push(current);
      if (current.parentId === null) break;
      const parent = byId.get(current.parentId);
      if (!parent) throw new ArchiveProblem(`the tag ${shown(current.name, current.id)} is under a tag that is not in the store.`);
      current = parent;
    }
    for (const placed of chain.reverse()) {
      done.add(placed.id);
      ordered.push(placed);
    }
  }
  return ordered;
}

// ── passages ──

const passageRow = z.object({
  id: ID,
  document_id: ID,
  start: offset,
  end: offset,
  exact: text,
  note: text,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});
export interface CleanPassage {
  id: string;
  documentId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A passage must still quote its document exactly where it says: that is what `verify` and every
 * export's verification appendix prove. Prefix and suffix are derived from the text again.
 */
export function cleanPassage(raw: unknown, documentText: string | undefined, documentTitle: string): CleanPassage {
  const row = parseRow(passageRow, raw, 'a row of the passages table');
  const what = `passage ${row.id}`;
  if (documentText === undefined) throw new ArchiveProblem(`${what} belongs to a document that is not in the store.`);
  if (row.end <= row.start || row.end > documentText.length || documentText.slice(row.start, row.end) !== row.exact) {
    throw new ArchiveProblem(`${what} no longer matches the text of document ${shown(documentTitle, 'without a title')}: its quote is not at ${row.start}–${row.end}.`);
  }
  const note = cleanUserText(row.note, { multiline: true });
  if (note.length > NOTE_MAX) throw new ArchiveProblem(`the note of ${what} is longer than Dossier allows.`);
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    ...quoteSelector(documentText, row.start, row.end),
    note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const passageTagRow = z.object({ passage_id: ID, tag_id: ID });

// ── reports ──

const reportRow = z.object({
  id: ID,
  title: text,
  subtitle: text,
  author_line: text,
  report_date: optionalText,
  body: text,
  settings: text,
  created_at: TIMESTAMP,
  updated_at: TIMESTAMP,
});
/** The body as reports-repo reads it; the sample's sections also name their tag. Limits as in the contract. */
const reportBodySchema = z.object({
  sections: z
    .array(
      z.object({
        id: ID,
        heading: z.string().max(1000),
        commentary: z.string().max(200_000),
        tagId: ID.optional(),
        // Issue 21: a section may quote a memo.
        memoId: ID.optional(),
        items: z.array(z.object({ id: ID, passageId: ID, commentary: z.string().max(100_000) })).max(10_000),
      }),
    )
    .max(1000),
});
export interface CleanReport {
  id: string;
  title: string;
  subtitle: string;
  authorLine: string;
  reportDate: string | null;
  body: string;
  settings: string;
  createdAt: string;
  updatedAt: string;
}

export function cleanReport(raw: unknown): CleanReport {
  const what = `report ${shown((raw as { title?: unknown } | null)?.title, 'without a title')}`;
  const row = parseRow(reportRow, raw, `a row of the reports table (${what})`);
  const body = parseJson(reportBodySchema, row.body, `the body of ${what}`);
  for (const section of body.sections) {
    section.heading = cleanUserText(section.heading, { multiline: false });
    section.commentary = cleanUserText(section.commentary, { multiline: true });
    for (const item of section.items) item.commentary = cleanUserText(item.commentary, { multiline: true });
  }
  // Redaction rules protect sources: settings that are not exactly valid are refused, never guessed.
  const settings = parseJson(REPORT_SETTINGS_RULE.unwrap(), row.settings, `the settings (citation and redaction rules) of ${what}`);
  const line = (value: string, max: number, field: string) => {
    const cleaned = cleanUserText(value, { multiline: false });
    if (cleaned.length > max) throw new ArchiveProblem(`the ${field} of ${what} is longer than Dossier allows.`);
    return cleaned;
  };
  return {
    id: row.id,
    title: line(row.title, 500, 'title') || 'Untitled report',
    subtitle: line(row.subtitle, 1000, 'subtitle'),
    authorLine: line(row.author_line, 1000, 'author line'),
    reportDate: byRule(REPORT_DATE_RULE, row.report_date),
    body: JSON.stringify(body),
    settings: JSON.stringify(settings),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The investigation's name from store_meta, cleaned like a name typed in the app. */
export function cleanStoreName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return cleanUserText(value, { multiline: false }).slice(0, 200) || null;
}
