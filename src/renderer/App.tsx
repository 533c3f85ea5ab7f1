import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary, PassageView } from '../shared/domain.ts';
import { invoke, onEvent } from './api.ts';
import { Codebook } from './codebook/Codebook.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { LibraryList } from './library/LibraryList.tsx';
import { NoticeContext, type Notice } from './notice.ts';
import { Panes, usePanes } from './panes/Panes.tsx';
import { PassagesPanel } from './passages/PassagesPanel.tsx';
import { useDocuments, useHistory, useLibraryChanges, useTags } from './queries.ts';
import { ReportsPane } from './reports/ReportsPane.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { SearchPanel } from './search/SearchPanel.tsx';
import { useShortcuts } from './shortcuts.ts';

function summarise(summary: ImportSummary): string {
  const parts = [`Imported ${summary.imported.length}`];
  if (summary.duplicates.length) parts.push(`${summary.duplicates.length} already in the library`);
  if (summary.failed.length) parts.push(`${summary.failed.length} failed: ${summary.failed.map((f) => f.message).join(' ')}`);
  return `${parts.join('; ')}.`;
}

export function App() {
  const client = useQueryClient();
  useLibraryChanges();
  const panes = usePanes();
  const [query, setQuery] = useState('');
  const [selectedTags, setSelectedTags] = useState<string[]>([]);
  const [passageSearch, setPassageSearch] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [help, setHelp] = useState(false);
  const [showReports, setShowReports] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);

  const documents = useDocuments();
  const tags = useTags();
  const history = useHistory();
  const notify = useCallback((n: Notice) => setNotice(n), []);

  useEffect(() => onEvent('evt:import:progress', (p) => setProgress(p.currentFile ? p : null)), []);
  const retainPanes = panes.retain;
  useEffect(() => {
    if (documents.data) retainPanes(new Set(documents.data.map((d) => d.id)));
  }, [documents.data, retainPanes]);

  const report = (e: unknown) =>
    setNotice({ text: e instanceof Error ? e.message : 'That did not work; nothing was changed.', error: true });

  const afterImport = async (summary: ImportSummary) => {
    setNotice({ text: summarise(summary), error: summary.failed.length > 0 });
    await client.invalidateQueries();
    if (summary.imported.length === 1) panes.open(summary.imported[0]!.id, null);
  };

  const importFromDialog = async () => {
    try {
      const { paths } = await invoke('dialog:pickFiles', {});
      if (paths.length) await afterImport(await invoke('documents:import', { paths }));
    } catch (e) {
      report(e);
    }
  };

  const importDropped = async (files: FileList) => {
    try {
      const payload = await Promise.all(
        [...files].map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
      );
      if (payload.length) await afterImport(await invoke('documents:importData', { files: payload }));
    } catch (e) {
      report(e);
    }
  };

  const undo = async () => {
    try {
      const { undone } = await invoke('history:undo', {});
      setNotice({ text: undone ? `Undid the ${undone}.` : 'There is nothing to undo.' });
      await client.invalidateQueries();
    } catch (e) {
      report(e);
      await client.invalidateQueries();
    }
  };

  const open = (id: string, at: { start: number; end: number } | null) => {
    panes.open(id, at);
    setQuery('');
  };
  const openPassage = (p: PassageView) => open(p.documentId, { start: p.start, end: p.end });

  useShortcuts({
    help: () => setHelp(true),
    search: () => searchBox.current?.focus(),
    find: panes.find,
    pane: panes.setActive,
    swap: panes.swap,
    link: () => panes.setLinked(!panes.linked),
    close: () => panes.close(panes.active),
    undo: () => void undo(),
  });

  const showResults = query.trim().length > 0;
  const showPassages = selectedTags.length > 0 || passageSearch !== null;
  return (
    <NoticeContext.Provider value={notify}>
      <div
        className="app"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void importDropped(e.dataTransfer.files);
        }}
      >
        <header className="toolbar">
          <span className="brand">Dossier</span>
          <SearchBox ref={searchBox} value={query} onChange={setQuery} />
          <div className="target-pane" role="radiogroup" aria-label="Open documents in">
            <span className="meta">Open in</span>
            {(['Left', 'Right'] as const).map((side, i) => (
              <label key={side} className={panes.active === i ? 'on' : undefined}>
                <input
                  type="radio"
                  name="target-pane"
                  checked={panes.active === i}
                  onChange={() => panes.setActive(i as 0 | 1)}
                />
                {side} pane
              </label>
            ))}
          </div>
          <button
            type="button"
            aria-pressed={passageSearch !== null}
            onClick={() => setPassageSearch(passageSearch === null ? '' : null)}
          >
            Passages
          </button>
          <button
            type="button"
            disabled={!history.data?.undo}
            title={history.data?.undo ? `Undo the ${history.data.undo} (Ctrl+Z)` : 'Nothing to undo'}
            onClick={() => void undo()}
          >
            Undo
          </button>
          <button type="button" aria-label="Keyboard shortcuts" onClick={() => setHelp(true)}>
            ?
          </button>
          <button type="button" className="primary" onClick={() => void importFromDialog()}>
            Import…
          </button>
          <button type="button" aria-pressed={showReports} onClick={() => setShowReports((v) => !v)}>
            Reports
          </button>
        </header>
        <main className="layout">
          <aside className="sidebar">
            <section className="sidebar-section library-section" aria-labelledby="library-heading">
              <h2 id="library-heading">Library</h2>
              <LibraryList
                documents={documents.data ?? []}
                tags={tags.data ?? []}
                openIds={panes.openIds}
                onOpen={(id) => open(id, null)}
              />
            </section>
            <section className="sidebar-section codebook-section" aria-labelledby="codebook-heading">
              <h2 id="codebook-heading">Codebook</h2>
              <Codebook tags={tags.data ?? []} selected={selectedTags} onSelect={setSelectedTags} />
            </section>
          </aside>
          <section className="center" aria-label="Reading area">
            {showResults ? (
              <SearchPanel query={query} tags={tags.data ?? []} onOpen={open} />
            ) : (
              <Panes state={panes} tags={tags.data ?? []} />
            )}
          </section>
          {showReports && <ReportsPane tags={tags.data ?? []} />}
          {showPassages && !showReports && (
            <PassagesPanel
              tags={tags.data ?? []}
              tagIds={selectedTags}
              text={passageSearch ?? ''}
              onText={setPassageSearch}
              onClose={() => {
                setSelectedTags([]);
                setPassageSearch(null);
              }}
              onOpen={openPassage}
            />
          )}
        </main>
        <footer className="status" role="status">
          {progress ? (
            <>
              <progress max={progress.total} value={progress.done} /> Importing {progress.done + 1} of {progress.total}:{' '}
              {progress.currentFile}
            </>
          ) : notice ? (
            <span className={notice.error ? 'error' : undefined}>{notice.text}</span>
          ) : (
            <span>
              {documents.data?.length ?? 0} document{documents.data?.length === 1 ? '' : 's'}
            </span>
          )}
        </footer>
        {help && <HelpSheet onClose={() => setHelp(false)} />}
      </div>
    </NoticeContext.Provider>
  );
}
