/** The channels of issue 21's memos, document attributes and analysis tables (contract-qda.ts), over the store. */
import { strToU8 } from 'fflate';
import type { ParsedInput } from '../../shared/contract.ts';
import { DossierError } from '../../shared/errors.ts';
import type { AnalysisMatrix } from '../../shared/qda.ts';
import type { Database } from '../store/database.ts';
import { transaction } from '../store/database.ts';
import { csvCell } from '../reports/redact-report.ts';
import { safeOutputPath, writeExport } from '../reports/write-export.ts';
import { recordExport } from '../custody/events.ts';
import { getMemo, listMemos, saveMemo } from './memos.ts';
import { searchMemos } from './memo-search.ts';
import { attributeTable, createAttribute, deleteAttribute, listAttributes, setAttributeValues, updateAttribute } from './attributes.ts';
import { cellPassages, codeByAttributeMatrix, codeByDocumentMatrix, cooccurrenceMatrix, matrixCsv } from './analysis.ts';
import { attributesCsv, memosCsv, memosMarkdown } from './qda-exports.ts';

export interface QdaDeps {
  db: Database;
  /** Tells the renderer (and the search index) that the library changed. */
  changed: (reason: string) => void;
  pickSavePath?: ((suggestedName: string) => Promise<string | null>) | undefined;
  /** The researcher's name from Settings, the author of memos written without one (issue 21). */
  researcher?: (() => string | null | undefined) | undefined;
}

export function qdaHandlers({ db, changed, pickSavePath, researcher }: QdaDeps) {
  /** Writes an export to the path given, or one the user picks; null path when the dialog was cancelled. */
  const save = async (given: string | undefined, suggested: string, extension: string, content: string, forced: boolean | undefined, format: string) => {
    let out = given;
    let force = forced ?? false;
    if (!out) {
      if (!pickSavePath) throw new DossierError('FORBIDDEN', 'There is no window to show a save dialog in; give a path.');
      const picked = await pickSavePath(suggested);
      if (!picked) return { path: null, bytes: 0 };
      out = picked;
      // The save dialog already asked before replacing a file.
      force = true;
    }
    const file = safeOutputPath(out, extension);
    const bytes = strToU8(content);
    await writeExport(file, bytes, { force });
    recordExport(db, { format }, [{ path: file, bytes }]);
    return { path: file, bytes: bytes.byteLength };
  };
  const matrix = (input: { kind: 'cooccurrence' | 'document' | 'attribute'; unit?: ParsedInput<'analysis:cooccurrence'>['unit'] | undefined; attributeId?: string | undefined; tagIds?: string[] | undefined }): AnalysisMatrix => {
    if (input.kind === 'cooccurrence') return cooccurrenceMatrix(db, { unit: input.unit ?? 'overlap', tagIds: input.tagIds });
    if (input.kind === 'document') return codeByDocumentMatrix(db, { tagIds: input.tagIds });
    if (!input.attributeId) throw new DossierError('BAD_INPUT', 'A code-by-attribute table needs its attribute.');
    return codeByAttributeMatrix(db, { attributeId: input.attributeId, tagIds: input.tagIds });
  };

  return {
    'memos:get': ({ scope, targetId }: ParsedInput<'memos:get'>) => getMemo(db, scope, targetId),
    'memos:save': ({ scope, targetId, body, author }: ParsedInput<'memos:save'>) => {
      const memo = transaction(db, () => saveMemo(db, { scope, targetId, body, author: author === undefined ? researcher?.() : author }));
      changed('memo');
      return memo;
    },
    'memos:list': () => listMemos(db),
    'memos:search': ({ query, limit }: ParsedInput<'memos:search'>) => searchMemos(db, query, limit),
    'memos:export': ({ format, path, force }: ParsedInput<'memos:export'>) => {
      const memos = listMemos(db);
      return format === 'md'
        ? save(path, 'memos.md', 'md', memosMarkdown(memos), force, 'memos-md')
        : save(path, 'memos.csv', 'csv', memosCsv(memos), force, 'memos-csv');
    },
    'attributes:list': () => listAttributes(db),
    'attributes:create': (input: ParsedInput<'attributes:create'>) => {
      const attribute = createAttribute(db, input);
      changed('attributes');
      return attribute;
    },
    'attributes:update': (input: ParsedInput<'attributes:update'>) => {
      const attribute = updateAttribute(db, input);
      changed('attributes');
      return attribute;
    },
    'attributes:delete': ({ id }: ParsedInput<'attributes:delete'>) => {
      const result = deleteAttribute(db, id);
      changed('attributes');
      return result;
    },
    'attributes:table': () => attributeTable(db),
    'attributes:set': (input: ParsedInput<'attributes:set'>) => {
      const result = setAttributeValues(db, input);
      changed('attributes');
      return result;
    },
    'attributes:exportCsv': ({ path, force }: ParsedInput<'attributes:exportCsv'>) => save(path, 'attributes.csv', 'csv', attributesCsv(attributeTable(db)), force, 'attributes-csv'),
    'analysis:cooccurrence': ({ unit, tagIds }: ParsedInput<'analysis:cooccurrence'>) => cooccurrenceMatrix(db, { unit, tagIds }),
    'analysis:codeByDocument': ({ tagIds }: ParsedInput<'analysis:codeByDocument'>) => codeByDocumentMatrix(db, { tagIds }),
    'analysis:codeByAttribute': ({ attributeId, tagIds }: ParsedInput<'analysis:codeByAttribute'>) => codeByAttributeMatrix(db, { attributeId, tagIds }),
    'analysis:cell': (input: ParsedInput<'analysis:cell'>) => cellPassages(db, input),
    'analysis:exportCsv': ({ path, force, ...which }: ParsedInput<'analysis:exportCsv'>) =>
      save(path, `${which.kind === 'cooccurrence' ? 'cooccurrence' : `code-by-${which.kind}`}.csv`, 'csv', matrixCsv(matrix(which), csvCell), force, `analysis-${which.kind}-csv`),
  };
}
