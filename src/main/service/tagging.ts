import type { PassageView } from '../../shared/domain.ts';
import { DossierError } from '../../shared/errors.ts';
import { transaction, type Database } from '../store/database.ts';
import { getDocumentText } from '../store/documents-repo.ts';
import { getPassage, insertPassage } from '../store/passages-repo.ts';
import { ensureTag, getTag } from '../store/tags-repo.ts';
import { recordPassageCreate } from '../custody/events.ts';
import { currentActor } from '../custody/custody-log.ts';

export interface NewPassage {
  documentId: string;
  start: number;
  end: number;
  tagIds?: string[] | undefined;
  tagNames?: string[] | undefined;
  note?: string | undefined;
}

/** Stores a passage with its quote selector and tags; tags given by name are created if new. */
export function createPassage(db: Database, input: NewPassage): PassageView {
  const text = getDocumentText(db, input.documentId);
  if (text === undefined) throw new DossierError('NOT_FOUND', 'That document is no longer in the investigation.');
  if (input.end > text.length || input.start >= input.end) {
    throw new DossierError('BAD_INPUT', `The passage ${input.start}–${input.end} lies outside the document (length ${text.length}).`);
  }
  if (!text.slice(input.start, input.end).trim()) throw new DossierError('BAD_INPUT', 'Select some words to tag, not only spaces.');
  return transaction(db, () => {
    const tagIds = new Set<string>();
    for (const id of input.tagIds ?? []) {
      if (!getTag(db, id)) throw new DossierError('NOT_FOUND', 'One of the chosen tags no longer exists.');
      tagIds.add(id);
    }
    for (const name of input.tagNames ?? []) tagIds.add(ensureTag(db, name).id);
    // The passage's author is whoever the connection's custody entries name (issue 21).
    const id = insertPassage(db, { ...input, text, note: input.note ?? '', tagIds: [...tagIds], author: currentActor(db)?.researcherName ?? null });
    recordPassageCreate(db, getPassage(db, id)!);
    return getPassage(db, id)!;
  });
}

/**
 * Finds the one place `quote` occurs in `text`. Fails clearly when it is absent or occurs more
 * than once, since a passage must point at exactly one spot.
 */
export function anchorQuote(text: string, quote: string): { start: number; end: number } {
  if (!quote) throw new DossierError('BAD_INPUT', 'The quote is empty.');
  const first = text.indexOf(quote);
  if (first < 0) throw new DossierError('NOT_FOUND', 'The quote does not occur in this document (it must match the text exactly).');
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf(quote, at + 1)) count++;
  if (count > 1) {
    throw new DossierError('AMBIGUOUS', `The quote occurs ${count} times in this document; quote more words so it occurs once.`);
  }
  return { start: first, end: first + quote.length };
}
