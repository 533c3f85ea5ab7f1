import type { VerifyReport } from '../../shared/domain.ts';
import type { Database } from '../store/database.ts';
import { countDocuments } from '../store/documents-repo.ts';
import { iteratePassagesWithText } from '../store/passages-repo.ts';
import type { SearchEngine } from '../search/engine.ts';
import { custodyHeadFile } from '../custody/custody-log.ts';
import { verifyCustody } from '../custody/verify.ts';

/** Every passage still matches its document's text, and the index holds every document. */
export async function verifyWorkspace(db: Database, search: SearchEngine, backupsDir?: string): Promise<VerifyReport> {
  const problems: string[] = [];
  let passagesChecked = 0;
  for (const p of iteratePassagesWithText(db)) {
    passagesChecked++;
    if (p.end > p.text.length) problems.push(`Passage ${p.id} ends at ${p.end}, past the end of document ${p.documentId}.`);
    else if (p.text.slice(p.start, p.end) !== p.exact) problems.push(`Passage ${p.id} no longer matches the text of document ${p.documentId}.`);
  }
  const integrity = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
  if (integrity.integrity_check !== 'ok') problems.push(`The database reports damage: ${integrity.integrity_check}`);
  problems.push(...verifyCustody(db, { headFile: custodyHeadFile(db), backupsDir }).problems);
  const documentsChecked = countDocuments(db);
  const indexedDocuments = await search.indexedCount();
  if (indexedDocuments !== documentsChecked) {
    problems.push(`The search index holds ${indexedDocuments} documents but the store holds ${documentsChecked}.`);
  }
  return { ok: problems.length === 0, documentsChecked, passagesChecked, indexedDocuments, problems };
}
