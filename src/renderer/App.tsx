import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary, PassageView } from '../shared/domain.ts';
import { invoke, onEvent, pathForFile } from './api.ts';
import { mergeSummaries } from './import-summary.ts';
import { Codebook } from './codebook/Codebook.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { LibraryList } from './library/LibraryList.tsx';
import { useNotify } from './notice.ts';
import { Panes, usePanes } from './panes/Panes.tsx';
import { PassagesPanel } from './passages/PassagesPanel.tsx';
import { useDocuments, useHistory, useLibraryChanges, useTags } from './queries.ts';
import { ReportsPane } from './reports/ReportsPane.tsx';
import { SearchBox } from './search/SearchBox.tsx';
import { SearchPanel } from './search/SearchPanel.tsx';
import type { CommandHandlers } from './shell/commands.ts';
import { InvestigationMenu } from './shell/InvestigationMenu.tsx';
import { useRegisterCommands, useShell } from './shell/shell-context.ts';
import { StatusBar } from './shell/StatusBar.tsx';
import { useShortcuts } from './shortcuts.ts';
import { t } from './strings/t.ts';

function summarise(summary: ImportSummary): string {
  const parts = [t('import.summary', { n: summary.imported.length })];
  if (summary.duplicates.length) parts.push(t('import.duplicates', { n: summary.duplicates.length }));
  if (summary.failed.length) parts.push(t('import.failed', { n: summary.failed.length, messages: summary.failed.map((f) => f.message).join(' ') }));
  if (summary.skipped.length) parts.push(t('import.skipped', { n: summary.skipped.length, reasons: summary.skipped.map((s) => s.reason).join(' ') }));
  return `${parts.join('; ')}.`;
}

export function App() {
  const client = useQueryClient();
  useLibraryChanges();
  const panes = usePanes();
  const [query, setQuery] = useState('');
  const [selectedTags, setSelectedTags] = useState<string[]>([]);
  const [passageSearch, setPassageSearch] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [help, setHelp] = useState(false);
  const [showReports, setShowReports] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);

  const documents = useDocuments();
  const tags = useTags();
  const history = useHistory();
  const notify = useNotify();
  const shell = useShell();

  useEffect(() => onEvent('evt:import:progress', (p) => setProgress(p.currentFile ? p : null)), []);
  const retainPanes = panes.retain;
  useEffect(() => {
    if (documents.data) retainPanes(new Set(documents.data.map((d) => d.id)));
  }, [documents.data, retainPanes]);

  const report = (e: unknown) =>
    notify({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });

  const afterImport = async (summary: ImportSummary) => {
    notify({ text: summarise(summary), error: summary.failed.length > 0 });
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

  /**
   * Issue 12: in the app a drop is imported by path (no file bytes over IPC); where no path is known
   * (the e2e bridge), each file's bytes travel in a call of their own, never hundreds of MB at once.
   */
  const importDropped = async (files: FileList) => {
    try {
      const list = [...files];
      if (!list.length) return;
      const paths = list.map(pathForFile);
      if (paths.every(Boolean)) return await afterImport(await invoke('documents:import', { paths }));
      const summaries = [];
      for (const f of list) {
        summaries.push(await invoke('documents:importData', { files: [{ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }] }));
      }
      await afterImport(mergeSummaries(summaries));
    } catch (e) {
      report(e);
    }
  };

  const undo = async () => {
    try {
      const { undone } = await invoke('history:undo', {});
      notify({ text: undone ? t('undo.done', { what: undone }) : t('undo.nothing') });
      await client.invalidateQueries();
    } catch (e) {
      report(e);
      await client.invalidateQueries();
    }
  };

  const redo = async () => {
    try {
      const { redone } = await invoke('history:redo', {});
      notify({ text: redone ? t('redo.done', { what: redone }) : t('redo.nothing') });
    } catch (e) {
      report(e);
    }
    await client.invalidateQueries();
  };

  const open = (id: string, at: { start: number; end: number; pages?: boolean } | null) => {
    panes.open(id, at);
    setQuery('');
  };
  const openPassage = (p: PassageView) => open(p.documentId, { start: p.start, end: p.end });

  // The palette's commands that live here (shell/commands.ts lists them all), and every document by title.
  const commands = useRef<CommandHandlers>({});
  commands.current = {
    import: () => void importFromDialog(),
    search: () => searchBox.current?.focus(),
    passages: () => setPassageSearch(passageSearch === null ? '' : null),
    reports: () => setShowReports((v) => !v),
    undo: () => void undo(),
    redo: () => void redo(),
    help: () => setHelp(true),
  };
  const stableCommands = useMemo<CommandHandlers>(
    () => Object.fromEntries(Object.keys(commands.current).map((id) => [id, () => commands.current[id as keyof CommandHandlers]?.()])),
    [],
  );
  const documentCommands = useMemo(
    () => (documents.data ?? []).map((d) => ({ id: `doc:${d.id}`, label: t('cmd.openDocument', { title: d.title }), run: () => open(d.id, null) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open() only reaches the panes, which are stable
    [documents.data],
  );
  useRegisterCommands(stableCommands, documentCommands);

  useShortcuts({
    help: () => setHelp(true),
    search: () => searchBox.current?.focus(),
    find: panes.find,
    pane: panes.setActive,
    swap: panes.swap,
    link: () => panes.setLinked(!panes.linked),
    close: () => panes.close(panes.active),
    undo: () => void undo(),
    redo: () => void redo(),
  });

  const showResults = query.trim().length > 0;
  const showPassages = selectedTags.length > 0 || passageSearch !== null;
  return (
    <>
      <div
        className="app"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void importDropped(e.dataTransfer.files);
        }}
      >
        <header className="toolbar">
          <span className="brand">{t('app.name')}</span>
          <InvestigationMenu />
          <SearchBox ref={searchBox} value={query} onChange={setQuery} />
          <div className="target-pane" role="radiogroup" aria-label={t('toolbar.openIn')}>
            <span className="meta">{t('toolbar.openInShort')}</span>
            {([t('toolbar.leftPane'), t('toolbar.rightPane')] as const).map((side, i) => (
              <label key={side} className={panes.active === i ? 'on' : undefined}>
                <input
                  type="radio"
                  name="target-pane"
                  checked={panes.active === i}
                  onChange={() => panes.setActive(i as 0 | 1)}
                />
                {side}
              </label>
            ))}
          </div>
          <button
            type="button"
            aria-pressed={passageSearch !== null}
            onClick={() => setPassageSearch(passageSearch === null ? '' : null)}
          >
            {t('toolbar.passages')}
          </button>
          <button
            type="button"
            disabled={!history.data?.undo}
            title={history.data?.undo ? t('toolbar.undoTitle', { what: history.data.undo }) : t('toolbar.nothingToUndo')}
            onClick={() => void undo()}
          >
            {t('toolbar.undo')}
          </button>

          <button type="button" aria-label={t('toolbar.shortcuts')} onClick={() => setHelp(true)}>
            ?
          </button>
          <button type="button" className="primary" onClick={() => void importFromDialog()}>
            {t('toolbar.import')}
          </button>
          <button type="button" aria-pressed={showReports} onClick={() => setShowReports((v) => !v)}>
            {t('toolbar.reports')}
          </button>
          <button type="button" aria-label={t('toolbar.palette')} title={t('toolbar.palette')} onClick={() => shell.show('palette')}>
            ⌘K
          </button>
          <button type="button" aria-label={t('toolbar.settings')} title={t('toolbar.settings')} onClick={() => shell.show('settings')}>
            ⚙
          </button>
        </header>
        <main className="layout">
          <aside className="sidebar">
            <section className="sidebar-section library-section" aria-labelledby="library-heading">
              <h2 id="library-heading">{t('layout.library')}</h2>
              <LibraryList
                documents={documents.data ?? []}
                tags={tags.data ?? []}
                openIds={panes.openIds}
                onOpen={(id) => open(id, null)}
              />
            </section>
            <section className="sidebar-section codebook-section" aria-labelledby="codebook-heading">
              <h2 id="codebook-heading">{t('layout.codebook')}</h2>
              <Codebook tags={tags.data ?? []} selected={selectedTags} onSelect={setSelectedTags} />
            </section>
          </aside>
          <section className="center" aria-label={t('layout.reading')}>
            {showResults ? (
              <SearchPanel query={query} tags={tags.data ?? []} onOpen={open} onSuggest={setQuery} />
            ) : (
              <Panes state={panes} tags={tags.data ?? []} />
            )}
          </section>
          {showReports && <ReportsPane tags={tags.data ?? []} onOpenAtPage={(p) => open(p.documentId, { start: p.start, end: p.end, pages: true })} />}
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
        <StatusBar documents={documents.data?.length ?? 0} progress={progress} />
        {help && <HelpSheet onClose={() => setHelp(false)} />}
      </div>
    </>
  );
}
