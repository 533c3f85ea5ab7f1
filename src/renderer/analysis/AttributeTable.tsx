import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ATTRIBUTE_TYPES, type Attribute, type AttributeRow, type AttributeType } from '../../shared/qda.ts';
import { invoke } from '../api.ts';
import { useNotify } from '../notice.ts';
import { t, tn } from '../strings/t.ts';
import { compareCells, rowsMatching } from './attribute-table-logic.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';

export const attributeKeys = { table: ['attributes', 'table'] as const, list: ['attributes', 'list'] as const };

/**
 * The library's attribute table (issue 21, item 2): a row per document, a column per attribute;
 * sort by any column, filter by any text, select rows and set one attribute on all of them at once.
 * A separate view beside the library list (which is paged for speed, issue 17), not a change to it.
 */
export function AttributeTable({ onOpen }: { onOpen(documentId: string): void }) {
  const client = useQueryClient();
  const notify = useNotify();
  const table = useQuery({ queryKey: attributeKeys.table, queryFn: () => invoke('attributes:table', {}) });
  const [sort, setSort] = useState<{ column: string; descending: boolean }>({ column: 'title', descending: false });
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ attributeId: string; value: string }>({ attributeId: '', value: '' });
  const [draft, setDraft] = useState<{ name: string; type: AttributeType; choices: string }>({
    name: '',
    type: 'text',
    choices: '',
  });
  // Deleting an attribute takes every document's value of it: asked first, saying how many.
  const [deleting, setDeleting] = useState<Attribute | null>(null);

  const attributes = useMemo(() => table.data?.attributes ?? [], [table.data]);
  const rows = useMemo(() => {
    const shown = rowsMatching(table.data?.rows ?? [], attributes, filter);
    const type = attributes.find((a) => a.id === sort.column)?.type ?? 'text';
    return [...shown].sort((a, b) => compareCells(a, b, sort.column, type) * (sort.descending ? -1 : 1));
  }, [table.data, attributes, filter, sort]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await client.invalidateQueries();
    } catch (e) {
      notify({ text: (e as Error).message, error: true });
    }
  };
  const create = () =>
    run(async () => {
      const choices = draft.choices
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      await invoke('attributes:create', { name: draft.name, type: draft.type, ...(draft.type === 'choice' ? { choices } : {}) });
      setDraft({ name: '', type: 'text', choices: '' });
    });
  const setOne = (row: AttributeRow, attribute: Attribute, value: string) => {
    if ((row.values[attribute.id] ?? '') === value) return;
    void run(() => invoke('attributes:set', { documentIds: [row.documentId], attributeId: attribute.id, value }));
  };
  const setSelection = (value: string | null) =>
    run(() => invoke('attributes:set', { documentIds: [...selected], attributeId: bulk.attributeId, value }));
  const bulkAttribute = attributes.find((a) => a.id === bulk.attributeId);
  const sortBy = (column: string) => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));
  const header = (column: string, label: string) => (
    <th key={column} aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" title={t('attributes.sortBy', { column: label })} onClick={() => sortBy(column)}>
        {label} {sort.column === column ? (sort.descending ? '↓' : '↑') : ''}
      </button>
    </th>
  );

  return (
    <div className="attribute-table">
      <form
        className="attribute-new"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3>{t('attributes.new')}</h3>
        <input
          aria-label={t('attributes.name')}
          placeholder={t('attributes.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <select
          aria-label={t('attributes.type')}
          value={draft.type}
          onChange={(e) => setDraft({ ...draft, type: e.target.value as AttributeType })}
        >
          {ATTRIBUTE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`attributes.type.${type}`)}
            </option>
          ))}
        </select>
        {draft.type === 'choice' && (
          <input
            aria-label={t('attributes.choices')}
            placeholder={t('attributes.choices')}
            value={draft.choices}
            onChange={(e) => setDraft({ ...draft, choices: e.target.value })}
          />
        )}
        <button type="submit" disabled={!draft.name.trim()}>
          {t('attributes.create')}
        </button>
      </form>
      {attributes.length === 0 && <p className="empty">{t('attributes.none')}</p>}
      <div className="attribute-tools">
        <input
          type="search"
          aria-label={t('attributes.filter')}
          placeholder={t('attributes.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="meta">{tn('attributes.count', rows.length)}</span>
        <button type="button" onClick={() => void run(() => invoke('attributes:exportCsv', {}))}>
          {t('attributes.exportCsv')}
        </button>
      </div>
      {selected.size > 0 && attributes.length > 0 && (
        <div className="attribute-bulk" role="group" aria-label={tn('attributes.selected', selected.size)}>
          <span>{tn('attributes.selected', selected.size)}</span>
          <select
            aria-label={t('attributes.bulkAttribute')}
            value={bulk.attributeId}
            onChange={(e) => setBulk({ attributeId: e.target.value, value: '' })}
          >
            <option value="">{t('attributes.bulkAttribute')}</option>
            {attributes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {bulkAttribute && (
            <ValueInput
              attribute={bulkAttribute}
              label={t('attributes.bulkValue')}
              value={bulk.value}
              onChange={(value) => setBulk({ ...bulk, value })}
            />
          )}
          <button type="button" disabled={!bulkAttribute || !bulk.value.trim()} onClick={() => void setSelection(bulk.value)}>
            {t('attributes.bulkSet')}
          </button>
          <button type="button" disabled={!bulkAttribute} onClick={() => void setSelection(null)}>
            {t('attributes.bulkClear')}
          </button>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('attributes.deleteTitle', { name: deleting.name })}
          message={tn('attributes.deleteMessage', (table.data?.rows ?? []).filter((r) => r.values[deleting.id] !== undefined).length, { name: deleting.name })}
          confirmLabel={t('attributes.deleteConfirm')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void run(() => invoke('attributes:delete', { id }));
          }}
        />
      )}
      <div className="attribute-scroll">
        <table>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('attributes.selectAll')}
                  checked={rows.length > 0 && rows.every((r) => selected.has(r.documentId))}
                  onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.documentId)) : new Set())}
                />
              </th>
              {header('title', t('attributes.title'))}
              {attributes.map((a) => (
                <th key={a.id} aria-sort={sort.column === a.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button
                    type="button"
                    className="link"
                    title={t('attributes.sortBy', { column: a.name })}
                    onClick={() => sortBy(a.id)}
                  >
                    {a.name} {sort.column === a.id ? (sort.descending ? '↓' : '↑') : ''}
                  </button>
                  <button
                    type="button"
                    className="link attribute-delete"
                    aria-label={t('attributes.delete', { name: a.name })}
                    onClick={() => setDeleting(a)}
                  >
                    ×
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.documentId} aria-selected={selected.has(row.documentId)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('attributes.select', { title: row.title })}
                    checked={selected.has(row.documentId)}
                    onChange={(e) =>
                      setSelected((s) => {
                        const next = new Set(s);
                        if (e.target.checked) next.add(row.documentId);
                        else next.delete(row.documentId);
                        return next;
                      })
                    }
                  />
                </td>
                <td>
                  <button type="button" className="link" dir="auto" onClick={() => onOpen(row.documentId)}>
                    {row.title}
                  </button>
                </td>
                {attributes.map((a) => (
                  <td key={a.id}>
                    <ValueInput
                      attribute={a}
                      label={t('attributes.cell', { attribute: a.name, title: row.title })}
                      value={row.values[a.id] ?? ''}
                      commit
                      onChange={(value) => setOne(row, a, value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A value of one attribute: a list of its choices, or a field that is saved when it loses the focus or on Enter (commit). */
function ValueInput({
  attribute,
  label,
  value,
  onChange,
  commit = false,
}: {
  attribute: Attribute;
  label: string;
  value: string;
  onChange(value: string): void;
  commit?: boolean;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  if (attribute.type === 'choice') {
    return (
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('attributes.noValue')}</option>
        {attribute.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    );
  }
  if (!commit) return <input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
  const done = () => {
    if (draft !== null) onChange(draft);
    setDraft(null);
  };
  return (
    <input
      aria-label={label}
      value={draft ?? value}
      inputMode={attribute.type === 'number' ? 'decimal' : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={done}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}
