import { useRef, useState, type DragEvent } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import type { ReportBody, ReportItem, ReportSection } from '../../shared/reports.ts';
import { t } from '../strings/t.ts';
import { move, moveItem, moveStep } from './reorder.ts';
import { SectionMemo } from './SectionMemo.tsx';
import { TagOptions } from '../codebook/TagOptions.tsx';

interface Props {
  body: ReportBody;
  passages: Map<string, PassageView>;
  allPassages: PassageView[];
  tags: Tag[];
  onChange: (body: ReportBody) => void;
  /** Opens the quote's source at its spot, with its original pages shown (issue 16). */
  onOpenAtPage?: ((passage: PassageView) => void) | undefined;
}

type Drag = { kind: 'section'; section: number } | { kind: 'item'; section: number; item: number };

const newId = () => crypto.randomUUID();

/**
 * Drag handles are focusable spans, not buttons: Chromium does not start a drag from a <button>.
 *
 * Sections and their quotes: drag to reorder (items also across sections), or focus a handle and
 * press Alt+ArrowUp / Alt+ArrowDown; commentary on sections and items; remove; add sections and passages.
 */
export function SectionsEditor({ body, passages, allPassages, tags, onChange, onOpenAtPage }: Props) {
  const drag = useRef<Drag | null>(null);
  const [picking, setPicking] = useState<number | null>(null);
  const sections = body.sections;
  const setSection = (i: number, patch: Partial<ReportSection>) => onChange({ sections: sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setItem = (si: number, ii: number, patch: Partial<ReportItem>) =>
    setSection(si, { items: sections[si]!.items.map((it, j) => (j === ii ? { ...it, ...patch } : it)) });
  const focusLater = (selector: string) => requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());

  const start = (e: DragEvent, what: Drag) => {
    drag.current = what;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('application/x-dossier-report-move', JSON.stringify(what));
  };
  const dropOn = (target: Drag) => {
    const from = drag.current;
    drag.current = null;
    if (!from) return;
    if (from.kind === 'section' && target.kind === 'section') onChange({ sections: move(sections, from.section, target.section) });
    if (from.kind === 'item') {
      const to = target.kind === 'item' ? target : { section: target.section, item: sections[target.section]!.items.length };
      onChange(moveItem(body, from, to));
    }
  };

  return (
    <div className="sections">
      {sections.map((section, si) => (
        <section
          key={section.id}
          className="report-section"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            e.stopPropagation();
            dropOn({ kind: 'section', section: si });
          }}
        >
          <div className="section-head">
            <span
              role="button"
              tabIndex={0}
              className="handle"
              draggable
              data-section-handle={si}
              aria-label={t('reports.section.move', { name: section.heading || si + 1 })}
              title={t('reports.dragHint')}
              onDragStart={(e) => start(e, { kind: 'section', section: si })}
              onKeyDown={(e) => {
                const step = moveStep(e);
                if (!step) return;
                e.preventDefault();
                onChange({ sections: move(sections, si, si + step) });
                focusLater(`[data-section-handle="${Math.max(0, Math.min(sections.length - 1, si + step))}"]`);
              }}
            >
              ⠿
            </span>
            <input
              className="section-heading"
              aria-label={t('reports.section.heading')}
              defaultValue={section.heading}
              key={`${section.id}-${section.heading}`}
              onBlur={(e) => e.target.value !== section.heading && setSection(si, { heading: e.target.value })}
            />
            <button type="button" aria-label={t('reports.section.remove', { name: section.heading })} onClick={() => onChange({ sections: sections.filter((_, j) => j !== si) })}>
              ✕
            </button>
          </div>
          <textarea
            className="commentary"
            aria-label={t('reports.section.commentaryOn', { name: section.heading || t('reports.section.fallbackName') })}
            placeholder={t('reports.section.commentaryPlaceholder')}
            defaultValue={section.commentary}
            onBlur={(e) => e.target.value !== section.commentary && setSection(si, { commentary: e.target.value })}
          />
          <SectionMemo
            memoId={section.memoId}
            sectionName={section.heading || t('reports.section.fallbackName')}
            onChange={(memoId) => {
              const { memoId: _old, ...rest } = section;
              onChange({ sections: sections.map((s, j) => (j === si ? (memoId ? { ...rest, memoId } : rest) : s)) });
            }}
          />
          <ol className="report-items">
            {section.items.map((item, ii) => {
              const p = passages.get(item.passageId);
              return (
                <li
                  key={item.id}
                  className="report-item"
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    dropOn({ kind: 'item', section: si, item: ii });
                  }}
                >
                  <span
                    role="button"
                    tabIndex={0}
                    className="handle"
                    draggable
                    data-item-handle={`${si}-${ii}`}
                    aria-label={t('reports.quote.move', { n: ii + 1, section: section.heading })}
                    title={t('reports.dragHint')}
                    onDragStart={(e) => start(e, { kind: 'item', section: si, item: ii })}
                    onKeyDown={(e) => {
                      const step = moveStep(e);
                      if (!step) return;
                      e.preventDefault();
                      setSection(si, { items: move(section.items, ii, ii + step) });
                      focusLater(`[data-item-handle="${si}-${Math.max(0, Math.min(section.items.length - 1, ii + step))}"]`);
                    }}
                  >
                    ⠿
                  </span>
                  <div className="item-body">
                    <blockquote dir="auto">{p ? p.exact : <em className="error">{t('reports.quote.deleted')}</em>}</blockquote>
                    {p && (
                      <div className="meta">
                        {p.documentTitle}
                        {onOpenAtPage && (
                          <button type="button" className="link" onClick={() => onOpenAtPage(p)}>
                            {t('reports.quote.openAtPage')}
                          </button>
                        )}
                      </div>
                    )}
                    <textarea
                      className="commentary"
                      aria-label={t('reports.quote.commentary')}
                      placeholder={t('reports.quote.commentaryPlaceholder')}
                      defaultValue={item.commentary}
                      onBlur={(e) => e.target.value !== item.commentary && setItem(si, ii, { commentary: e.target.value })}
                    />
                  </div>
                  <button type="button" aria-label={t('reports.quote.remove')} onClick={() => setSection(si, { items: section.items.filter((_, j) => j !== ii) })}>
                    ✕
                  </button>
                </li>
              );
            })}
          </ol>
          {picking === si ? (
            <PassagePicker
              passages={allPassages}
              tags={tags}
              exclude={new Set(section.items.map((i) => i.passageId))}
              onAdd={(p) => setSection(si, { items: [...section.items, { id: newId(), passageId: p.id, commentary: '' }] })}
              onDone={() => setPicking(null)}
            />
          ) : (
            <button type="button" className="add" onClick={() => setPicking(si)}>
              {t('reports.addPassages')}
            </button>
          )}
        </section>
      ))}
      <button type="button" className="add" onClick={() => onChange({ sections: [...sections, { id: newId(), heading: t('reports.section.new'), commentary: '', items: [] }] })}>
        {t('reports.section.add')}
      </button>
    </div>
  );
}

function PassagePicker(props: { passages: PassageView[]; tags: Tag[]; exclude: Set<string>; onAdd: (p: PassageView) => void; onDone: () => void }) {
  const [tagId, setTagId] = useState('');
  const [filter, setFilter] = useState('');
  const shown = props.passages
    .filter((p) => !props.exclude.has(p.id) && (!tagId || p.tagIds.includes(tagId)))
    .filter((p) => !filter || `${p.exact} ${p.documentTitle}`.toLowerCase().includes(filter.toLowerCase()))
    .slice(0, 100);
  return (
    <div className="passage-picker">
      <div className="picker-filters">
        <select aria-label={t('reports.picker.filterTag')} value={tagId} onChange={(e) => setTagId(e.target.value)}>
          <option value="">{t('reports.picker.allTags')}</option>
          <TagOptions tags={props.tags} />
        </select>
        <input aria-label={t('reports.picker.filter')} placeholder={t('reports.picker.filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={props.onDone}>
          {t('reports.picker.done')}
        </button>
      </div>
      <ul>
        {shown.map((p) => (
          <li key={p.id}>
            <button type="button" onClick={() => props.onAdd(p)} title={t('reports.picker.add')}>
              <span dir="auto">{p.exact.length > 160 ? `${p.exact.slice(0, 160)}…` : p.exact}</span>
              <span className="meta">{p.documentTitle}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="empty">{t('reports.picker.none')}</li>}
      </ul>
    </div>
  );
}
