import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PassageView, Tag } from '../../shared/domain.ts';
import { COOCCURRENCE_UNITS, type AnalysisMatrix, type CooccurrenceUnit } from '../../shared/qda.ts';
import { invoke } from '../api.ts';
import { useNotify } from '../notice.ts';
import { PassagesView } from '../passages/PassagesView.tsx';
import { t, tn } from '../strings/t.ts';
import { heat } from './heat.ts';

type Kind = AnalysisMatrix['kind'];
const KINDS: Kind[] = ['cooccurrence', 'document', 'attribute'];

/**
 * The analysis tables (issue 21, item 3): code co-occurrence (the user chooses what "together"
 * means), codes by document, codes by an attribute's values; counts coloured as a heat map. A click
 * on a count lists the passages behind it, each opening the reader at its place.
 */
export function MatrixTab({ tags, onOpen }: { tags: Tag[]; onOpen(passage: PassageView): void }) {
  const notify = useNotify();
  const [kind, setKind] = useState<Kind>('cooccurrence');
  const [unit, setUnit] = useState<CooccurrenceUnit>('overlap');
  const [attributeId, setAttributeId] = useState('');
  const [cell, setCell] = useState<{ row: number; column: number } | null>(null);
  const attributes = useQuery({ queryKey: ['attributes', 'list'], queryFn: () => invoke('attributes:list', {}) });
  const chosenAttribute = attributeId || attributes.data?.[0]?.id || '';
  const input = { kind, unit, attributeId: chosenAttribute };
  const matrix = useQuery({
    queryKey: ['analysis', input],
    queryFn: () =>
      kind === 'cooccurrence'
        ? invoke('analysis:cooccurrence', { unit })
        : kind === 'document'
          ? invoke('analysis:codeByDocument', {})
          : invoke('analysis:codeByAttribute', { attributeId: chosenAttribute }),
    enabled: kind !== 'attribute' || !!chosenAttribute,
  });
  const m = matrix.data;
  const selected = m && cell ? { row: m.rows[cell.row], column: m.columns[cell.column] } : null;
  const passages = useQuery({
    queryKey: ['analysis-cell', input, selected?.row?.id, selected?.column?.key],
    queryFn: () =>
      invoke('analysis:cell', {
        kind,
        rowTagId: selected!.row!.id,
        column: selected!.column!.key,
        ...(kind === 'cooccurrence' ? { unit } : {}),
        ...(kind === 'attribute' ? { attributeId: chosenAttribute } : {}),
      }),
    enabled: !!selected?.row && !!selected.column,
  });
  const exportCsv = async () => {
    try {
      const saved = await invoke('analysis:exportCsv', {
        kind,
        ...(kind === 'cooccurrence' ? { unit } : {}),
        ...(kind === 'attribute' ? { attributeId: chosenAttribute } : {}),
      });
      if (saved.path) notify({ text: t('memo.exported', { path: saved.path }) });
    } catch (e) {
      notify({ text: (e as Error).message, error: true });
    }
  };
  const colour = new Map(tags.map((tag) => [tag.id, tag.color]));
  const change = (next: () => void) => {
    next();
    setCell(null);
  };

  return (
    <div className="matrix-tab">
      <div className="matrix-controls">
        <label>
          {t('tables.kind')}{' '}
          <select value={kind} onChange={(e) => change(() => setKind(e.target.value as Kind))}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`tables.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'cooccurrence' && (
          <label>
            {t('tables.unit')}{' '}
            <select value={unit} onChange={(e) => change(() => setUnit(e.target.value as CooccurrenceUnit))}>
              {COOCCURRENCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`tables.unit.${u}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'attribute' && (attributes.data?.length ?? 0) > 0 && (
          <label>
            {t('tables.attribute')}{' '}
            <select value={chosenAttribute} onChange={(e) => change(() => setAttributeId(e.target.value))}>
              {(attributes.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={!m?.rows.length} onClick={() => void exportCsv()}>
          {t('tables.exportCsv')}
        </button>
      </div>
      {kind === 'attribute' && attributes.data?.length === 0 && <p className="empty">{t('tables.noAttribute')}</p>}
      {m && m.rows.length === 0 && <p className="empty">{t('tables.empty')}</p>}
      {m && m.rows.length > 0 && (
        <div className="matrix-scroll">
          <table className="matrix">
            <caption>{t('tables.caption', { kind: t(`tables.kind.${kind}`) })}</caption>
            <thead>
              <tr>
                <th />
                {m.columns.map((c) => (
                  <th key={c.key} scope="col" dir="auto" title={c.label}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.rows.map((row, i) => (
                <tr key={row.id}>
                  <th scope="row" dir="auto">
                    <span className="swatch" style={{ backgroundColor: colour.get(row.id) ?? row.color }} aria-hidden />{' '}
                    {row.name}
                  </th>
                  {m.counts[i]!.map((n, j) => {
                    const diagonal = kind === 'cooccurrence' && i === j;
                    return (
                      <td
                        key={m.columns[j]!.key}
                        className={diagonal ? 'diagonal' : undefined}
                        style={diagonal ? undefined : heat(n, m.max)}
                      >
                        <button
                          type="button"
                          aria-pressed={cell?.row === i && cell.column === j}
                          aria-label={t('tables.cell', { row: row.name, column: m.columns[j]!.label, n })}
                          disabled={n === 0}
                          onClick={() => setCell({ row: i, column: j })}
                        >
                          {n}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected?.row && selected.column && (
        <div className="matrix-cell">
          <button type="button" className="drawer-close" aria-label={t('tables.closeCell')} onClick={() => setCell(null)}>
            ×
          </button>
          <PassagesView
            label={tn('tables.cellPassages', passages.data?.length ?? 0, {
              row: selected.row.name,
              column: selected.column.label,
            })}
            passages={passages.data ?? []}
            tags={tags}
            loading={passages.isFetching}
            onOpen={onOpen}
          />
        </div>
      )}
    </div>
  );
}
