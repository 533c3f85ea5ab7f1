import type { Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { AnalysisPane } from './AnalysisPane.tsx';
import type { AnalysisDrawerModel } from './use-analysis-drawer.ts';

/** Issue 21: the analysis pane in the workspace's drawer, beside the reader. */
export function AnalysisDrawer({ model, tags }: { model: AnalysisDrawerModel; tags: Tag[] }) {
  const { state, setState, actions, memoLabel } = model;
  if (!state) return null;
  return (
    <div className="drawer analysis-drawer">
      <button type="button" className="drawer-close" aria-label={t('analysis.close')} title={t('analysis.close')} onClick={() => setState(null)}>
        ×
      </button>
      <AnalysisPane
        tab={state.tab}
        onTab={(tab) => setState({ ...state, tab })}
        memo={{ target: state.memo, label: memoLabel(state.memo) }}
        onMemo={(memo) => setState({ tab: 'memos', memo })}
        tags={tags}
        onOpenDocument={(id) => actions.openDocument(id)}
        onOpenPassage={(p) => actions.openDocument(p.documentId, { start: p.start, end: p.end })}
      />
    </div>
  );
}
