import type { PassageView, Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import type { AnalysisTab, MemoTarget } from './analysis-context.ts';
import { AttributeTable } from './AttributeTable.tsx';
import { MatrixTab } from './MatrixTab.tsx';
import { MemosTab } from './MemosTab.tsx';
import './analysis.css';

const TABS: AnalysisTab[] = ['memos', 'attributes', 'tables'];

interface Props {
  tab: AnalysisTab;
  onTab(tab: AnalysisTab): void;
  memo: { target: MemoTarget; label: string | null };
  onMemo(target: MemoTarget, label: string | null): void;
  tags: Tag[];
  onOpenDocument(documentId: string): void;
  onOpenPassage(passage: PassageView): void;
}

/** Issue 21's analysis pane: memos, the attribute table, and the analysis tables, as tabs. */
export function AnalysisPane({ tab, onTab, memo, onMemo, tags, onOpenDocument, onOpenPassage }: Props) {
  return (
    <div className="analysis-pane">
      <div className="analysis-head">
        <h2>{t('analysis.title')}</h2>
        <div role="tablist" aria-label={t('analysis.tabs')}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`analysis-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="analysis-panel"
              onClick={() => onTab(id)}
            >
              {t(`analysis.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="analysis-body" role="tabpanel" id="analysis-panel" aria-labelledby={`analysis-tab-${tab}`}>
        {tab === 'memos' && <MemosTab target={memo.target} label={memo.label} onChoose={onMemo} />}
        {tab === 'attributes' && <AttributeTable onOpen={onOpenDocument} />}
        {tab === 'tables' && <MatrixTab tags={tags} onOpen={onOpenPassage} />}
      </div>
    </div>
  );
}
