/**
 * The researcher name of an investigation (issue 21): who codes in this copy. Kept in the
 * investigation's own store_meta (so two copies of one investigation, on two machines or for two
 * people on one machine, each name their coder), falling back to the user's Settings name.
 * An archive never carries it (archive-copy reads only the 'name' key of store_meta), so a colleague's
 * copy does not make you code under their name.
 */
import { RESEARCHER_NAME_MAX } from '../../shared/custody.ts';
import { DossierError } from '../../shared/errors.ts';
import type { Database } from '../store/database.ts';
import { cleanMetadataText } from '../store/clean-text.ts';

const KEY = 'researcher';

export function investigationResearcher(db: Database): string | null {
  const row = db.prepare('SELECT value FROM store_meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row?.value.trim() || null;
}

/** Sets (or, with an empty name, clears) the investigation's researcher name. */
export function setInvestigationResearcher(db: Database, name: string): string | null {
  const clean = cleanResearcherName(name);
  if (clean)
    db.prepare('INSERT INTO store_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      KEY,
      clean,
    );
  else db.prepare('DELETE FROM store_meta WHERE key = ?').run(KEY);
  return clean;
}

/** A name as typed (a command line, the Settings field, a REFI-QDA user): one line, controls removed, bounded. */
export function cleanResearcherName(name: string | null | undefined): string | null {
  if (name == null) return null;
  if (name.length > RESEARCHER_NAME_MAX * 4)
    throw new DossierError('BAD_INPUT', `A researcher name is at most ${RESEARCHER_NAME_MAX} characters.`);
  const clean = cleanMetadataText(name, RESEARCHER_NAME_MAX);
  return clean?.trim() || null;
}

/** Who codes now: the name given for this command, else the investigation's, else the user's Settings name. */
export function resolveResearcher(parts: {
  override?: string | null | undefined;
  investigation: string | null;
  settings: string | null | undefined;
}): string | null {
  return cleanResearcherName(parts.override) ?? parts.investigation ?? cleanResearcherName(parts.settings);
}
