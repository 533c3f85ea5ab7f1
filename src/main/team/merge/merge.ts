/**
 * Merge of two copies of one investigation (issue 21, item 6): every row of the other copy is
 * brought into the open one, one step per row kind, in one transaction. The steps only add rows or
 * add to rows (tags on a passage, a note, a description), and settle what both copies hold the same
 * way whichever is "ours" (merge-context `settle`), so nothing of either side is lost, merging the
 * same archive twice changes nothing the second time, and A into B gives what B into A gives.
 */
import type { MergeSummary } from '../../../shared/team.ts';
import { bumpGeneration, transaction, type Database } from '../../store/database.ts';
import type { MergeContext, MergeStep } from './merge-context.ts';
import { mergeAttributes } from './merge-attributes.ts';
import { mergeDocuments } from './merge-documents.ts';
import { mergeMemos } from './merge-memos.ts';
import { mergeImportedNotes } from './merge-notes.ts';
import { mergePassages } from './merge-passages.ts';
import { mergeReports } from './merge-reports.ts';
import type { MergeSource } from './merge-source.ts';
import { mergeTags } from './merge-tags.ts';

/** In order: each step may read the id maps of those before it (memos and attributes read documents' and tags'). */
export const MERGE_STEPS: MergeStep[] = [
  mergeDocuments,
  mergeTags,
  mergePassages,
  mergeReports,
  mergeImportedNotes,
  mergeMemos,
  mergeAttributes,
];

export function mergeInvestigation(
  target: Database,
  source: MergeSource,
  steps: readonly MergeStep[] = MERGE_STEPS,
): MergeSummary {
  return transaction(target, () => {
    const ctx: MergeContext = { source: source.db, target, ids: {}, conflicts: [], added: {}, updated: {} };
    for (const step of steps) step.run(ctx);
    // Only a merge that changed something is a change the search index must see.
    if (Object.keys(ctx.added).length || Object.keys(ctx.updated).length) bumpGeneration(target);
    return { archive: source.label, added: ctx.added, updated: ctx.updated, conflicts: ctx.conflicts };
  });
}
