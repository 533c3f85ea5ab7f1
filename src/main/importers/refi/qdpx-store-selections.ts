/** REFI-QDA import (issue 21): each selection as passages, one per coder, with every coding checked against its quote. */
import { type Database } from '../../store/database.ts';
import { insertPassage } from '../../store/passages-repo.ts';
import { cleanMetadataText, cleanUserText } from '../../store/clean-text.ts';
import { defaultReading, offsetReadings, quoteMatches, type OffsetReading } from './qdpx-offsets.ts';
import { type RefiSelection, type RefiSource } from './qdpx-project.ts';
import { NOTE_MAX, type QdpxImportResult } from './qdpx-result.ts';

/** The reading under which most selections' quotes match; with no quote to tell, the one the project's origin suggests. */
function chooseReading(
  selections: RefiSelection[],
  text: string,
  origin: string,
): { reading: OffsetReading; readings: OffsetReading[] } {
  const readings = offsetReadings(text);
  // A quote equal to the text scores 2, one equal up to spacing or cut short 1; ties keep the origin's reading.
  const score = (reading: OffsetReading) => {
    let total = 0;
    for (const s of selections) {
      const start = reading.toUnits(s.start);
      const end = reading.toUnits(s.end);
      if (start === undefined || end === undefined || end <= start || !s.name.trim()) continue;
      const found = text.slice(start, end);
      total +=
        found === s.name || (s.name.length >= 20 && found.startsWith(s.name.replace(/(…|\.\.\.)$/, '')))
          ? 2
          : quoteMatches(found, s.name)
            ? 1
            : 0;
    }
    return total;
  };
  let best = defaultReading(origin, readings);
  let bestScore = score(best);
  for (const reading of readings) {
    const value = score(reading);
    if (value > bestScore) [best, bestScore] = [reading, value];
  }
  return { reading: best, readings };
}

export function storeSelections(
  db: Database,
  source: RefiSource,
  text: string,
  documentId: string,
  tagOf: Map<string, string>,
  userName: (guid: string | null) => string | null,
  noteText: (guid: string) => string,
  result: QdpxImportResult,
  origin: string,
): void {
  const { reading, readings } = chooseReading(source.selections, text, origin);
  result.readings[source.name] = reading.name;
  const mismatches: string[] = [];
  const uncertain: string[] = [];
  const sameSpan = db.prepare('SELECT id FROM passages WHERE document_id = ? AND start = ? AND end = ? AND author IS ?');
  const link = db.prepare('INSERT OR IGNORE INTO passage_tags(passage_id, tag_id) VALUES (?, ?)');
  for (const s of source.selections) {
    const start = s.wholeSource ? 0 : reading.toUnits(s.start);
    const end = s.wholeSource ? text.length : reading.toUnits(s.end);
    const where = `“${source.name}” ${s.written}`;
    if (start === undefined || end === undefined || !(end > start)) {
      result.dropped.push(`${where}: outside the text (length ${text.length})`);
      continue;
    }
    const found = text.slice(start, end);
    if (s.wholeSource) {
      result.wholeSource += s.codings.length;
    } else if (!s.name.trim()) {
      result.unchecked += Math.max(1, s.codings.length);
      // No quote: where the readings place it differently, say so rather than guess in silence.
      const places = new Set(readings.map((r) => `${r.toUnits(s.start)}-${r.toUnits(s.end)}`));
      if (places.size > 1) uncertain.push(`${s.start}–${s.end} (“${found.slice(0, 40)}”)`);
    } else if (quoteMatches(found, s.name)) result.verified += Math.max(1, s.codings.length);
    else {
      result.mismatched.push({ source: source.name, selection: s.guid, expected: s.name, found });
      result.mismatchedCodings += Math.max(1, s.codings.length);
      mismatches.push(`${s.start}–${s.end}: expected “${s.name.slice(0, 60)}”, found “${found.slice(0, 60)}”`);
    }
    const note = [cleanUserText(s.description, { multiline: true }), ...s.noteRefs.map(noteText)]
      .filter(Boolean)
      .join('\n\n')
      .slice(0, NOTE_MAX);
    // One passage per coder: inter-coder agreement compares them (team/agreement.ts).
    const byCoder = new Map<string | null, string[]>();
    const codings = s.codings.length ? s.codings : [{ codeGuid: '', creatingUser: s.creatingUser }];
    for (const c of codings) {
      const author = userName(c.creatingUser ?? s.creatingUser);
      const tags = byCoder.get(author) ?? [];
      const tagId = c.codeGuid ? tagOf.get(c.codeGuid) : undefined;
      if (c.codeGuid && !tagId) result.dropped.push(`${where}: its code ${c.codeGuid} is not in the codebook`);
      if (tagId) tags.push(tagId);
      byCoder.set(author, tags);
    }
    for (const [author, tagIds] of byCoder) {
      const existing = sameSpan.get(documentId, start, end, author) as { id: string } | undefined;
      if (existing) {
        for (const tagId of tagIds) link.run(existing.id, tagId);
        continue;
      }
      insertPassage(db, { documentId, start, end, text, note, tagIds, author });
      result.passages++;
    }
  }
  const flags: string[] = [];
  if (mismatches.length) {
    flags.push(
      `REFI-QDA import: ${mismatches.length} coding(s) do not match their quote (positions read as ${reading.name}): ${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? '…' : ''}`,
    );
  }
  if (uncertain.length) {
    flags.push(
      `REFI-QDA import: ${uncertain.length} coding(s) came without a quote and lie where tools count characters differently; placed by reading positions as ${reading.name}: ${uncertain.slice(0, 5).join('; ')}${uncertain.length > 5 ? '…' : ''}`,
    );
  }
  if (flags.length) {
    const row = db.prepare('SELECT review_flags FROM documents WHERE id = ?').get(documentId) as { review_flags: string };
    const all = [...(JSON.parse(row.review_flags) as string[]), ...flags.map((f) => cleanMetadataText(f, 2000) ?? f)];
    db.prepare('UPDATE documents SET review_flags = ? WHERE id = ?').run(JSON.stringify(all), documentId);
  }
}
