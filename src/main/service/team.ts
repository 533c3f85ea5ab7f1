/**
 * Channels of teamwork (issue 21, qda-team): the investigation's researcher name, merge of a
 * colleague's copy, inter-coder agreement, and the REFI-QDA project import behind documents:import.
 */
import { strToU8 } from 'fflate';
import path from 'node:path';
import type { ParsedInput } from '../../shared/contract.ts';
import type { ImportSummary } from '../../shared/domain.ts';
import { DossierError, toErrorInfo } from '../../shared/errors.ts';
import { currentActor } from '../custody/custody-log.ts';
import { recordArchiveImport, recordExport } from '../custody/events.ts';
import { fileSha256 } from '../custody/archive-custody.ts';
import { readRegularFile } from '../importers/file-access.ts';
import { importQdpx } from '../importers/refi/qdpx-import.ts';
import { csvCell } from '../reports/redact-report.ts';
import { safeOutputPath, writeExport } from '../reports/write-export.ts';
import type { Database } from '../store/database.ts';
import { agreementCsv, computeAgreement, researchers } from '../team/agreement.ts';
import { mergeInvestigation } from '../team/merge/merge.ts';
import type { Unlock } from '../lock/key-file.ts';
import { openArchiveForMerge, type MergeSource } from '../team/merge/merge-source.ts';
import { investigationResearcher, setInvestigationResearcher } from '../team/researcher.ts';
import { readStoreName } from '../investigations/folders.ts';

export interface TeamDeps {
  db: Database;
  tmpDir: string;
  changed: (reason: string) => void;
  pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  pickArchive?: (() => Promise<string | null>) | undefined;
  /**
   * Opens the other copy for a merge: the plain archive reader by default. Issue 20 (locked
   * investigations) passes one that asks for the passphrase and decrypts before the same checks.
   */
  openMergeSource?: ((file: string, tmpDir: string, limits?: undefined, unlock?: Unlock) => MergeSource) | undefined;
}

export const isQdpx = (file: string) => /\.qdpx$/i.test(file);

export function teamHandlers(deps: TeamDeps) {
  const { db } = deps;
  const researcherView = () => ({
    investigation: investigationResearcher(db),
    effective: currentActor(db)?.researcherName ?? null,
  });
  return {
    'team:researcher': () => researcherView(),
    'team:setResearcher': ({ name }: ParsedInput<'team:setResearcher'>) => {
      setInvestigationResearcher(db, name);
      return researcherView();
    },
    'team:researchers': () => researchers(db),
    'team:merge': async ({ path: given, passphrase, recoveryKey }: ParsedInput<'team:merge'>) => {
      let file = given;
      if (!file) {
        if (!deps.pickArchive) throw new DossierError('BAD_INPUT', 'Say which archive to merge.');
        const chosen = await deps.pickArchive();
        if (!chosen) return { canceled: true as const };
        file = chosen;
      }
      file = path.resolve(file);
      const unlock: Unlock | undefined = passphrase ? { passphrase } : recoveryKey ? { recoveryKey } : undefined;
      const source = (deps.openMergeSource ?? openArchiveForMerge)(file, deps.tmpDir, undefined, unlock);
      try {
        const summary = mergeInvestigation(db, source);
        const changedSomething = Object.keys(summary.added).length > 0 || Object.keys(summary.updated).length > 0;
        // A merge that changed nothing (the same archive again) leaves the investigation, its log included, as it was.
        if (!changedSomething) return summary;
        recordArchiveImport(
          db,
          {
            name: source.label,
            sha256: fileSha256(file),
            createdAt: source.manifest.createdAt,
            appVersion: source.manifest.appVersion,
            investigation: readStoreName(source.db) ?? source.manifest.name,
            head: source.manifest.custody?.head ?? null,
          },
          currentActor(db) ?? { appVersion: 'unknown', researcherName: null },
        );
        deps.changed('merge');
        return summary;
      } finally {
        source.close();
      }
    },
    'team:agreement': ({ tagId, coders }: ParsedInput<'team:agreement'>) => computeAgreement(db, { tagId, coders }),
    'team:exportAgreement': async ({ tagId, coders, path: given, force }: ParsedInput<'team:exportAgreement'>) => {
      const report = computeAgreement(db, { tagId, coders });
      let out = given;
      if (!out) {
        if (!deps.pickSavePath) throw new DossierError('FORBIDDEN', 'There is no window to show a save dialog in; give a path.');
        const picked = await deps.pickSavePath('agreement.csv');
        if (!picked) return { path: null, bytes: 0 };
        out = picked;
      }
      const file = safeOutputPath(out, 'csv');
      const bytes = strToU8(agreementCsv(report, csvCell));
      await writeExport(file, bytes, { force: force ?? false });
      recordExport(db, { format: 'agreement-csv' }, [{ path: file, bytes }]);
      return { path: file, bytes: bytes.byteLength };
    },
  };
}

/** Imports REFI-QDA projects given by path or as bytes; each fails alone with a sentence naming it. */
export async function importQdpxSources(
  db: Database,
  sources: ({ path: string } | { path: string; bytes: Uint8Array })[],
  maxFileBytes: number,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], duplicates: [], failed: [], skipped: [], notes: [] };
  for (const source of sources) {
    const label = path.basename(source.path);
    try {
      const bytes = 'bytes' in source ? source.bytes : await readRegularFile(source.path, label, maxFileBytes);
      const result = importQdpx(db, bytes, label);
      summary.imported.push(...result.summary.imported);
      summary.duplicates.push(...result.summary.duplicates);
      summary.failed.push(...result.summary.failed);
      summary.skipped.push(...result.summary.skipped);
      summary.notes!.push(...(result.summary.notes ?? []));
    } catch (error) {
      const info = toErrorInfo(error);
      summary.failed.push({
        path: source.path,
        code: info.code,
        message: info.message.includes(label) ? info.message : `${label}: ${info.message}`,
      });
    }
  }
  return summary;
}
