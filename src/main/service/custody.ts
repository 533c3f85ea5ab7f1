/** The custody channels (issue 19): a document's history or the whole log, its check, and a CSV of it. */
import { strToU8 } from 'fflate';
import type { ParsedInput } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import { renderCustodyCsv } from '../custody/custody-csv.ts';
import { listCustody } from '../custody/custody-log.ts';
import { recordExport } from '../custody/events.ts';
import { verifyCustody } from '../custody/verify.ts';
import { safeOutputPath, writeExport } from '../reports/write-export.ts';
import type { Workspace } from '../store/workspace.ts';
import { custodyHeadFile } from '../custody/custody-log.ts';

export function custodyHandlers(workspace: Workspace, pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined) {
  const { db } = workspace;
  const verify = () => verifyCustody(db, { headFile: custodyHeadFile(db), backupsDir: workspace.paths.backupsDir });
  return {
    'custody:list': ({ documentId, limit }: ParsedInput<'custody:list'>) => listCustody(db, { documentId, limit }),
    'custody:verify': () => verify(),
    'custody:exportCsv': async ({ path: given, force }: ParsedInput<'custody:exportCsv'>) => {
      let out = given;
      if (!out) {
        if (!pickSavePath) throw new DossierError('FORBIDDEN', 'There is no window to show a save dialog in; give a path.');
        const picked = await pickSavePath('custody-log.csv');
        if (!picked) return { path: null, bytes: 0, entries: 0 };
        out = picked;
      }
      const file = safeOutputPath(out, 'csv');
      const entries = listCustody(db).reverse();
      const bytes = strToU8(renderCustodyCsv(entries));
      await writeExport(file, bytes, { force: force ?? false });
      recordExport(db, { format: 'custody-csv' }, [{ path: file, bytes }]);
      return { path: file, bytes: bytes.byteLength, entries: entries.length };
    },
  };
}
