/** Issue 21: the analysis pane's state (open tab, memo shown) and the actions other views use to reach it, for App. */
import { useState } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { invoke } from '../api.ts';
import { useDocument } from '../queries.ts';
import type { AnalysisActions, AnalysisTab, MemoTarget } from './analysis-context.ts';

export interface AnalysisDrawerState {
  tab: AnalysisTab;
  memo: MemoTarget;
}

interface Options {
  tags: Tag[] | undefined;
  /** Brings the reader to the front with the document open (at a passage). */
  openDocument(documentId: string, at: { start: number; end: number } | null): void;
  /** Called before the pane opens (the reports drawer closes: one drawer at a time). */
  beforeOpen(): void;
  onError(error: unknown): void;
}

export function useAnalysisDrawer({ tags, openDocument, beforeOpen, onError }: Options) {
  const [state, setState] = useState<AnalysisDrawerState | null>(null);
  // The library is not held whole in the renderer (issue 17): the title of a document memo's document is asked for alone.
  const memoDocument = useDocument(state?.memo.scope === 'document' ? (state.memo.targetId ?? null) : null);
  const actions: AnalysisActions = {
    open: (tab, memo) => {
      beforeOpen();
      setState((s) => ({ tab, memo: memo ?? s?.memo ?? { scope: 'investigation' } }));
    },
    openDocument: (id, at) => openDocument(id, at ?? null),
    openPassage: (passageId) =>
      void invoke('passages:list', {})
        .then((all) => {
          const p = all.find((x) => x.id === passageId);
          if (p) openDocument(p.documentId, { start: p.start, end: p.end });
        })
        .catch(onError),
  };
  /** What the memo shown is about, in words: the document's title or the tag's name. */
  const memoLabel = (memo: MemoTarget): string | null =>
    memo.scope === 'document'
      ? memoDocument.data && memoDocument.data.id === memo.targetId
        ? memoDocument.data.title
        : null
      : memo.scope === 'tag'
        ? (tags?.find((x) => x.id === memo.targetId)?.name ?? null)
        : null;
  return { state, setState, actions, memoLabel };
}

export type AnalysisDrawerModel = ReturnType<typeof useAnalysisDrawer>;
