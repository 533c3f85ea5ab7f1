import { useCallback, useState, type ReactNode } from 'react';
import type { Tag } from '../../shared/domain.ts';
import { t } from '../strings/t.ts';
import { Pane, type PaneState } from './Pane.tsx';
import { Splitter } from './Splitter.tsx';

type Two<T> = [T, T];

export interface OpenOptions {
  pane?: 0 | 1;
  search?: string | null;
  grab?: boolean;
}
let nonce = 0;

/** The state of the two reader panes: what each shows, which one documents open in, the split, linking. */
export function usePanes() {
  const [panes, setPanes] = useState<Two<PaneState | null>>([null, null]);
  const [active, setActive] = useState<0 | 1>(0);
  const [split, setSplit] = useState(50);
  const [linked, setLinked] = useState(false);
  const [linkTo, setLinkTo] = useState<Two<{ block: number; nonce: number } | null>>([null, null]);
  const [findNonce, setFindNonce] = useState(0);

  /**
   * Opens a document in a pane (the active one by default). `search`: the query it was opened
   * from, whose words the reader marks; `grab`: the reader takes the keyboard focus (issue 14,
   * item 10: after opening a hit or importing, the work goes on in the text).
   */
  const open = (docId: string, at: { start: number; end: number; pages?: boolean } | null, options: OpenOptions = {}) => {
    const pane = options.pane ?? active;
    setPanes((current) => {
      const next: Two<PaneState | null> = [...current];
      next[pane] = { docId, focus: at ? { ...at, nonce: ++nonce } : null, search: options.search ?? null, grab: options.grab ? ++nonce : 0 };
      return next;
    });
    setActive(pane);
  };
  const close = (pane: 0 | 1) => {
    setPanes((current) => {
      const next: Two<PaneState | null> = [...current];
      next[pane] = null;
      // the remaining document moves to the left, so one open document always fills the reading area
      return next[0] ? next : [next[1], null];
    });
    setActive(0);
  };
  const swap = () => setPanes(([a, b]) => [b, a]);
  /** Closes the panes whose document is no longer in the library (deleted here or elsewhere). */
  const retain = useCallback(
    (ids: Set<string>) =>
      setPanes((current) => {
        const kept = current.map((p) => (p && ids.has(p.docId) ? p : null));
        if (kept[0] === current[0] && kept[1] === current[1]) return current;
        return kept[0] ? [kept[0], kept[1] ?? null] : [kept[1] ?? null, null];
      }),
    [],
  );
  const reportTop = (from: 0 | 1, block: number) => {
    if (!linked) return;
    setLinkTo((current) => {
      const next: Two<{ block: number; nonce: number } | null> = [...current];
      next[from === 0 ? 1 : 0] = { block, nonce: ++nonce };
      return next;
    });
  };
  return {
    panes,
    active,
    setActive,
    split,
    setSplit,
    linked,
    setLinked,
    linkTo,
    findNonce,
    find: () => setFindNonce((n) => n + 1),
    open,
    close,
    swap,
    retain,
    reportTop,
    openIds: panes.filter((p): p is PaneState => !!p).map((p) => p.docId),
  };
}

export type PanesApi = ReturnType<typeof usePanes>;

/**
 * Two resizable reader panes side by side; one fills the area until a second document is opened.
 * Their bar holds which pane documents open in (out of the toolbar, so that fits at 1024 px:
 * issue 14, item 11), swap and link, and `leading` (the way back to the search results).
 */
export function Panes({ state, tags, leading }: { state: PanesApi; tags: Tag[]; leading?: ReactNode }) {
  const { panes, active, split, linked } = state;
  const two = panes[1] !== null || active === 1;
  if (!panes[0] && !two) {
    return (
      <>
        {leading && <div className="panes-bar">{leading}</div>}
        <div className="welcome">
          <h1>{t('panes.welcome.title')}</h1>
          <p>{t('panes.welcome.text')}</p>
          <p className="meta">{t('panes.welcome.help')}</p>
        </div>
      </>
    );
  }
  const pane = (i: 0 | 1) => (
    <Pane
      label={t(i === 0 ? 'panes.left' : 'panes.right')}
      closeLabel={t(i === 0 ? 'panes.closeLeft' : 'panes.closeRight')}
      state={panes[i]}
      tags={tags}
      active={active === i}
      linkTo={linked ? state.linkTo[i] : null}
      findNonce={state.findNonce}
      onActivate={() => active !== i && state.setActive(i)}
      onClose={() => state.close(i)}
      onTopBlock={linked ? (block) => state.reportTop(i, block) : undefined}
    />
  );
  return (
    <div className="panes-area">
      <div className="panes-bar">
        {leading}
        <div className="target-pane" role="radiogroup" aria-label={t('toolbar.openIn')}>
          <span className="meta">{t('toolbar.openInShort')}</span>
          {([t('toolbar.leftPane'), t('toolbar.rightPane')] as const).map((side, i) => (
            <label key={side} className={active === i ? 'on' : undefined}>
              <input type="radio" name="target-pane" checked={active === i} onChange={() => state.setActive(i as 0 | 1)} />
              {side}
            </label>
          ))}
        </div>
        {two && (
          <div className="panes-actions" role="toolbar" aria-label={t('panes.toolbar')}>
            <button type="button" onClick={state.swap} title={t('panes.swapKey')}>
              {t('panes.swap')}
            </button>
            <button type="button" aria-pressed={linked} onClick={() => state.setLinked(!linked)} title={t('panes.linkKey')}>
              {t('panes.link')}
            </button>
          </div>
        )}
      </div>
      <div
        className="panes"
        style={{ gridTemplateColumns: two ? `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)` : 'minmax(0, 1fr)' }}
      >
        {pane(0)}
        {two && <Splitter value={split} onChange={state.setSplit} />}
        {two && pane(1)}
      </div>
    </div>
  );
}
