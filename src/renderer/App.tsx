import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportProgress, ImportSummary, PassageView } from '../shared/domain.ts';
import { invoke, onEvent } from './api.ts';
import { Codebook, PassageList } from './codebook/Codebook.tsx';
import { LibraryList } from './library/LibraryList.tsx';
import { useDocument, useDocuments, useLibraryChanges, usePassages, useSearch, useTags } from './queries.ts';
import { Reader } from './reader/Reader.tsx';
import { ReportsPane } from './reports/ReportsPane.tsx';
import { SearchResults } from './search/SearchResults.tsx';
import { useDebounced } from './use-debounced.ts';

function summarise(summary: ImportSummary): string {
  const parts = [`Imported ${summary.imported.length}`];
  if (summary.duplicates.length) parts.push(`${summary.duplicates.length} already in the library`);
  if (summary.failed.length) parts.push(`${summary.failed.length} failed: ${summary.failed.map((f) => f.message).join(' ')}`);
  return `${parts.join('; ')}.`;
}

export function App() {
  const client = useQueryClient();
  useLibraryChanges();
  const [openId, setOpenId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ start: number; end: number } | null>(null);
  const [query, setQuery] = useState('');
  const debouncedQuery = useDebounced(query, 150);
  const [tagId, setTagId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [showReports, setShowReports] = useState(false);

  const documents = useDocuments();
  const tags = useTags();
  const doc = useDocument(openId);
  const docPassages = usePassages({ documentId: openId ?? '' }, !!openId);
  const tagPassages = usePassages({ tagId: tagId ?? '' }, !!tagId);
  const search = useSearch(debouncedQuery);

  useEffect(() => onEvent('evt:import:progress', (p) => setProgress(p.currentFile ? p : null)), []);

  const afterImport = async (summary: ImportSummary) => {
    setNotice({ text: summarise(summary), error: summary.failed.length > 0 });
    await client.invalidateQueries();
    if (summary.imported.length === 1) setOpenId(summary.imported[0]!.id);
  };

  const importFromDialog = async () => {
    try {
      const { paths } = await invoke('dialog:pickFiles', {});
      if (paths.length) await afterImport(await invoke('documents:import', { paths }));
    } catch (e) {
      setNotice({ text: (e as Error).message, error: true });
    }
  };

  const importDropped = async (files: FileList) => {
    try {
      const payload = await Promise.all([...files].map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
      if (payload.length) await afterImport(await invoke('documents:importData', { files: payload }));
    } catch (e) {
      setNotice({ text: (e as Error).message, error: true });
    }
  };

  const open = (id: string, at: { start: number; end: number } | null) => {
    setOpenId(id);
    setFocus(at);
    setQuery('');
  };

  const openPassage = (p: PassageView) => open(p.documentId, { start: p.start, end: p.end });

  const showResults = query.trim().length > 0;
  return (
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
        <input
          type="search"
          className="search-box"
          aria-label="Search documents"
          placeholder="Search all documents…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="primary" onClick={() => void importFromDialog()}>
          Import…
        </button>
        <button type="button" aria-pressed={showReports} onClick={() => setShowReports((v) => !v)}>
          Reports
        </button>
      </header>
      <main className="layout">
        <aside className="sidebar">
          <h2>Library</h2>
          <LibraryList documents={documents.data ?? []} openId={openId} onOpen={(id) => open(id, null)} />
          <h2>Codebook</h2>
          <Codebook tags={tags.data ?? []} selectedTagId={tagId} onSelect={setTagId} />
        </aside>
        <section className="center">
          {showResults ? (
            <SearchResults response={search.data} loading={search.isFetching} onOpen={open} />
          ) : doc.data ? (
            <Reader
              doc={doc.data}
              passages={docPassages.data ?? []}
              tags={tags.data ?? []}
              focus={focus}
              onTag={async (range, choice) => {
                await invoke('passages:create', { documentId: doc.data.id, ...range, ...choice });
                await client.invalidateQueries();
              }}
            />
          ) : (
            <div className="welcome">
              <h1>Import, read, tag, report</h1>
              <p>Import articles, reports and testimony; search them in any script; select a passage to tag it with your codebook.</p>
            </div>
          )}
        </section>
        {showReports && <ReportsPane tags={tags.data ?? []} />}
        {tagId && !showReports && (
          <aside className="right">
            <PassageList tag={tags.data?.find((t) => t.id === tagId)} passages={tagPassages.data ?? []} onOpen={openPassage} />
          </aside>
        )}
      </main>
      <footer className="status" role="status">
        {progress ? (
          <>
            <progress max={progress.total} value={progress.done} /> Importing {progress.done + 1} of {progress.total}: {progress.currentFile}
          </>
        ) : notice ? (
          <span className={notice.error ? 'error' : undefined}>{notice.text}</span>
        ) : (
          <span>{documents.data?.length ?? 0} documents</span>
        )}
      </footer>
    </div>
  );
}
