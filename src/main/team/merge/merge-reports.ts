/**
 * Reports of a merge (issue 21): a report of the other copy is added with its passages and tags
 * pointing at this copy's rows. The same report (same id) edited in both copies: the later edit
 * keeps the report's place and the other version is added beside it as "… (other version)", under an
 * id derived from its content, so merging twice or the other way round gives the same reports.
 */
import type { ReportRow } from '../../reports/reports-repo.ts';
import { count, derivedId, idMap, type MergeContext, type MergeStep } from './merge-context.ts';

const COLUMNS = [
  'id',
  'title',
  'subtitle',
  'author_line',
  'report_date',
  'body',
  'settings',
  'created_at',
  'updated_at',
] as const;
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM reports`;

/** The body with every passage and tag id of the other copy replaced by this copy's. */
function remapBody(body: string, ctx: MergeContext): string {
  const passages = idMap(ctx, 'passages');
  const tags = idMap(ctx, 'tags');
  const parsed = JSON.parse(body) as { sections?: { tagId?: string; items?: { passageId?: string }[] }[] };
  for (const section of parsed.sections ?? []) {
    if (section.tagId) section.tagId = tags.get(section.tagId) ?? section.tagId;
    for (const item of section.items ?? []) if (item.passageId) item.passageId = passages.get(item.passageId) ?? item.passageId;
  }
  return JSON.stringify(parsed);
}

const sameContent = (a: ReportRow, b: ReportRow) =>
  COLUMNS.every((c) => c === 'created_at' || c === 'updated_at' || a[c] === b[c]);

export const mergeReports: MergeStep = {
  kind: 'reports',
  run(ctx) {
    const byId = ctx.target.prepare(`${SELECT} WHERE id = ?`);
    const insert = ctx.target.prepare(
      `INSERT OR IGNORE INTO reports(${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    const replace = ctx.target.prepare(
      `UPDATE reports SET ${COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = ?`)
        .join(', ')} WHERE id = ?`,
    );
    const values = (r: ReportRow) => COLUMNS.map((c) => r[c]);
    for (const raw of ctx.source.prepare(`${SELECT} ORDER BY id`).iterate()) {
      const source = raw as unknown as ReportRow;
      const theirs = { ...source, body: remapBody(source.body, ctx) };
      const ours = byId.get(theirs.id) as ReportRow | undefined;
      if (!ours) {
        insert.run(...values(theirs));
        count(ctx.added, 'reports');
        continue;
      }
      if (sameContent(ours, theirs)) continue;
      // The later edit keeps the place (ties by content, so both merge orders agree).
      const theirsNewer =
        theirs.updated_at > ours.updated_at ||
        (theirs.updated_at === ours.updated_at && theirs.body + theirs.title > ours.body + ours.title);
      const [kept, other] = theirsNewer ? [theirs, ours] : [ours, theirs];
      if (theirsNewer) replace.run(...values(kept).slice(1), kept.id);
      const copy = {
        ...other,
        id: derivedId('report', other.id, other.updated_at, other.title, other.body),
        title: `${other.title} (other version)`,
      };
      const added = Number(insert.run(...values(copy)).changes) > 0;
      if (added) count(ctx.added, 'reports');
      if (theirsNewer || added) {
        count(ctx.updated, 'reports');
        ctx.conflicts.push({
          kind: 'report',
          what: ours.title,
          ours: `edited ${ours.updated_at}`,
          theirs: `edited ${theirs.updated_at}`,
          resolution: `the later edit kept; the other is the report “${copy.title}”`,
        });
      }
    }
  },
};
