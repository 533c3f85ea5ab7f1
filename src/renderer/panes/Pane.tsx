import type { Tag } from '../../shared/domain.ts';
import { useDocument, usePassages } from '../queries.ts';
import { Reader } from '../reader/Reader.tsx';
import { t } from '../strings/t.ts';

export interface PaneState {
  docId: string;
  /** `pages`: show the original pages too (issue 16: "Open at page" from a report). */
  focus: { start: number; end: number; nonce: number; pages?: boolean } | null;
  /** The search the document was opened from: its words are marked in the text. */
  search: string | null;
  /** Non-zero: the reader takes the keyboard focus (a new number asks again). */
  grab: number;
}

interface Props {
  label: string;
  closeLabel: string;
  state: PaneState | null;
  tags: Tag[];
  active: boolean;
  linkTo: { block: number; nonce: number } | null;
  findNonce: number;
  onActivate(): void;
  onClose(): void;
  onTopBlock?: ((block: number) => void) | undefined;
}

/** One of the two reader panes: any document, its own find and scroll. */
export function Pane({ label, closeLabel, state, tags, active, linkTo, findNonce, onActivate, onClose, onTopBlock }: Props) {
  const doc = useDocument(state?.docId ?? null);
  const passages = usePassages({ documentId: state?.docId ?? '' }, !!state);
  return (
    <section
      className={`pane${active ? ' active' : ''}`}
      aria-label={label}
      onMouseDownCapture={onActivate}
      onFocusCapture={onActivate}
    >
      <div className="pane-bar">
        <span className="pane-label">
          {label}
          {active ? t('panes.activeSuffix') : ''}
        </span>
        {state && (
          <button type="button" className="link" aria-label={closeLabel} onClick={onClose}>
            {t('panes.close')}
          </button>
        )}
      </div>
      {!state ? (
        <p className="empty pane-empty">{t('panes.empty')}</p>
      ) : doc.error ? (
        <p className="error pane-empty" role="alert">
          {doc.error.message}
        </p>
      ) : doc.data ? (
        <Reader
          key={doc.data.id}
          doc={doc.data}
          passages={passages.data ?? []}
          tags={tags}
          focus={state.focus}
          search={state.search}
          grab={state.grab}
          linkTo={linkTo}
          onTopBlock={onTopBlock}
          findNonce={active ? findNonce : 0}
        />
      ) : (
        <p className="empty pane-empty">{t('panes.opening')}</p>
      )}
    </section>
  );
}
