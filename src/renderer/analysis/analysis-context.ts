/**
 * Issue 21: how any view (reader header, codebook, search results) opens the analysis pane at a
 * memo or a tab, and how the pane opens a passage or document in the reader; App provides it.
 */
import { createContext, useContext } from 'react';
import type { MemoScope } from '../../shared/qda.ts';

export type AnalysisTab = 'memos' | 'attributes' | 'tables';

export interface MemoTarget {
  scope: MemoScope;
  targetId?: string | undefined;
}

export interface AnalysisActions {
  open(tab: AnalysisTab, memo?: MemoTarget): void;
  openDocument(documentId: string, at?: { start: number; end: number } | null): void;
  openPassage(passageId: string): void;
}

const none: AnalysisActions = { open: () => undefined, openDocument: () => undefined, openPassage: () => undefined };

export const AnalysisContext = createContext<AnalysisActions>(none);

export const useAnalysis = () => useContext(AnalysisContext);

export const memoKeys = {
  memo: (target: MemoTarget) => ['memo', target.scope, target.targetId ?? ''] as const,
  list: ['memos'] as const,
  search: (query: string) => ['memos-search', query] as const,
};
