import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary, PassageView } from '../shared/domain.ts';
import { invoke, onEvent, pathForFile } from './api.ts';
import { Codebook } from './codebook/Codebook.tsx';
import { HelpSheet } from './HelpSheet.tsx';
import { mergeSummaries, summariseImport } from './import-summary.ts';
import { LibraryList } from './library/LibraryList.tsx';
import { useNotify } from './notice.ts';
import { Panes, usePanes } from './panes/Panes.tsx';
import { PassagesPanel } from './passages/PassagesPanel.tsx';
import { useLibraryChanges, useTags } from './queries.ts';
import { useExistingDocuments, useLibraryOverview } from './library/library-windows.ts';
import { ReportsPane } from './reports/ReportsPane.tsx';
import { SEARCH_HITS_ID } from './search/SearchBox.tsx';
import { SearchPanel } from './search/SearchPanel.tsx';
import { EntitiesDrawer } from './entities/EntitiesDrawer.tsx';
import type { CommandHandlers } from './shell/commands.ts';
import { useRegisterCommands } from './shell/shell-context.ts';
import { loadSidebar, saveSidebar, SidebarResizer } from './shell/SidebarResizer.tsx';
import { StatusBar } from './shell/StatusBar.tsx';
import { Toolbar } from './shell/Toolbar.tsx';
import { useShortcuts } from './shortcuts.ts';
import { t } from './strings/t.ts';
import { AnalysisContext } from './analysis/analysis-context.ts';
import { AnalysisDrawer } from './analysis/AnalysisDrawer.tsx';
import { useAnalysisDrawer } from './analysis/use-analysis-drawer.ts';
import { TeamPane } from './team/TeamPane.tsx';
import type { Disagreement } from '../shared/team.ts';

/** Focus after the next paint, when the element the work goes on in has rendered. */
const focusSoon = (find: () => HTMLElement | null | undefined) =>
  window.requestAnimationFrame(() => window.requestAnimationFrame(() => find()?.focus()));

export function App() {
  const client = useQueryClient();
  useLibraryChanges();
  const panes = usePanes();
  const [query, setQuery] = useState('');
  // Issue 14, item 5: opening a hit shows the panes but keeps the query and the results (one key back).
  const [resultsShown, setResultsShown] = useState(false);
  const [selectedTags, setSelectedTags] = useState<string[]>([]);
  const [passageSearch, setPassageSearch] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [help, setHelp] = useState(false);
  const [showReports, setShowReports] = useState(false);
  // Issue 21: the Team pane (merge, inter-coder agreement).
  const [showTeam, setShowTeam] = useState(false);
  const [showEntities, setShowEntities] = useState(false);
  const [sidebar, setSidebar] = useState(loadSidebar);
  const searchBox = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  // Issue 17: the library is never listed whole here: its count and newest documents, and which open documents still exist.
  const documents = useLibraryOverview();
  const tags = useTags();
  const notify = useNotify();

  useEffect(() => onEvent('evt:import:progress', (p) => setProgress(p.currentFile ? p : null)), []);
  const retainPanes = panes.retain;
  const existing = useExistingDocuments(panes.openIds);
  useEffect(() => {
    if (existing.data) retainPanes(new Set(existing.data));
  }, [existing.data, retainPanes]);
  useEffect(() => saveSidebar(sidebar), [sidebar]);

  // An investigation just created or opened: the focus goes to what comes next, importing into an
  // empty one or searching a full one, rather than falling to the page (issue 14, item 10).
  const loaded = documents.data !== undefined;
  const empty = documents.data?.all === 0;
  useEffect(() => {
    if (!loaded) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    (empty ? importButton.current : searchBox.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the library first arrives
  }, [loaded]);

  const report = (e: unknown) => notify({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });

  const afterImport = async (summary: ImportSummary) => {
    notify({ text: summariseImport(summary), error: summary.failed.length > 0 });
    await client.invalidateQueries();
    const first = summary.imported[0];
    if (summary.imported.length === 1) panes.open(first!.id, null, { grab: true });
    else if (first) {
      setSidebar((s) => (s.hidden ? { ...s, hidden: false } : s));
      focusSoon(
        () =>
          document.querySelector<HTMLElement>(`.doc-list [data-doc-id="${first.id}"]`) ??
          document.querySelector<HTMLElement>('.doc-list li > button'),
      );
    }
  };

  const importFromDialog = async (folders = false) => {
    try {
      const { paths } = await invoke('dialog:pickFiles', folders ? { folders: true } : {});
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

  const open = (id: string, at: { start: number; end: number; pages?: boolean } | null) => panes.open(id, at);
  /** From the search results: the reader marks the query's words and takes the focus; the results wait one key away. */
  const openHit = (id: string, at: { start: number; end: number } | null) => {
    panes.open(id, at, { search: query, grab: true });
    setResultsShown(false);
  };
  /** A disagreement side by side: its span on the left, the other researcher's nearest coding on the right (issue 21). */
  const openDisagreement = (d: Disagreement) => {
    panes.open(d.documentId, { start: d.start, end: d.end }, { pane: 0 });
    panes.open(d.documentId, d.otherSpan ?? { start: d.start, end: d.end }, { pane: 1 });
  };
  const openPassage = (p: PassageView) => panes.open(p.documentId, { start: p.start, end: p.end }, { grab: true });
  const hasQuery = query.trim().length > 0;
  const backToResults = () => {
    if (!hasQuery) return;
    setResultsShown(true);
    focusSoon(() => document.getElementById(SEARCH_HITS_ID));
  };
  const onQuery = (value: string) => {
    setQuery(value);
    setResultsShown(true);
  };

  // The palette's commands that live here (shell/commands.ts lists them all), and every document by title.
  const commands = useRef<CommandHandlers>({});
  commands.current = {
    import: () => void importFromDialog(),
    importFolder: () => void importFromDialog(true),
    search: () => searchBox.current?.focus(),
    passages: () => setPassageSearch(passageSearch === null ? '' : null),
    reports: () => setShowReports((v) => !v),
    analysis: () => (analysis.state ? analysis.setState(null) : analysis.actions.open('memos', { scope: 'investigation' })),
    team: () => setShowTeam((v) => !v),
    entities: () => setShowEntities((v) => !v),
    undo: () => void undo(),
    redo: () => void redo(),
    help: () => setHelp(true),
  };
  const stableCommands = useMemo<CommandHandlers>(
    () => Object.fromEntries(Object.keys(commands.current).map((id) => [id, () => commands.current[id as keyof CommandHandlers]?.()])),
    [],
  );
  const documentCommands = useMemo(
    () =>
      (documents.data?.documents ?? []).map((d) => ({
        id: `doc:${d.id}`,
        label: t('cmd.openDocument', { title: d.title }),
        run: () => panes.open(d.id, null, { grab: true }),
      })),
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
    back: backToResults,
  });

  // Issue 21: memos, attributes and analysis tables; opening the reader from there brings it to the front (results one key away).
  const analysis = useAnalysisDrawer({
    tags: tags.data,
    openDocument: (id, at) => {
      setResultsShown(false);
      panes.open(id, at, { grab: true });
    },
    beforeOpen: () => setShowReports(false),
    onError: report,
  });
  const showResults = hasQuery && resultsShown;
  const showPassages = selectedTags.length > 0 || passageSearch !== null;
  const view = (
    <div
      className="app"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void importDropped(e.dataTransfer.files);
      }}
    >
      <Toolbar
        searchRef={searchBox}
        importRef={importButton}
        query={query}
        onQuery={onQuery}
        onSubmitQuery={() => setResultsShown(true)}
        passages={passageSearch !== null}
        onPassages={() => setPassageSearch(passageSearch === null ? '' : null)}
        reports={showReports}
        onReports={() => {
          analysis.setState(null);
          setShowReports((v) => !v);
        }}
        team={showTeam}
        onTeam={() => setShowTeam((v) => !v)}
        entities={showEntities}
        onEntities={() => setShowEntities((v) => !v)}
        onUndo={() => void undo()}
        onHelp={() => setHelp(true)}
        onImport={(folders) => void importFromDialog(folders)}
      />
      <main className={`layout${sidebar.hidden ? ' sidebar-hidden' : ''}`} style={{ '--sidebar-width': `${sidebar.width}px` } as React.CSSProperties}>
        {sidebar.hidden ? (
          <div className="sidebar-rail">
            <button type="button" aria-label={t('layout.sidebarShow')} title={t('layout.sidebarShow')} onClick={() => setSidebar({ ...sidebar, hidden: false })}>
              »
            </button>
          </div>
        ) : (
          <>
            <aside className="sidebar">
              <section className="sidebar-section library-section" aria-labelledby="library-heading">
                <div className="sidebar-head">
                  <h2 id="library-heading">{t('layout.library')}</h2>
                  {/* Issue 21: memos, the attribute table and the analysis tables, beside the library. */}
                  <button
                    type="button"
                    className="link analysis-open"
                    title={t('analysis.openTitle')}
                    aria-pressed={analysis.state !== null}
                    onClick={() => (analysis.state ? analysis.setState(null) : analysis.actions.open('attributes'))}
                  >
                    {t('analysis.open')}
                  </button>
                  <button type="button" className="link" aria-label={t('layout.sidebarHide')} title={t('layout.sidebarHide')} onClick={() => setSidebar({ ...sidebar, hidden: true })}>
                    «
                  </button>
                </div>
                <LibraryList tags={tags.data ?? []} openIds={panes.openIds} onOpen={(id) => open(id, null)} />
              </section>
              <section className="sidebar-section codebook-section" aria-labelledby="codebook-heading">
                <h2 id="codebook-heading">{t('layout.codebook')}</h2>
                <Codebook tags={tags.data ?? []} selected={selectedTags} onSelect={setSelectedTags} />
              </section>
            </aside>
            <SidebarResizer width={sidebar.width} onChange={(width) => setSidebar({ ...sidebar, width })} />
          </>
        )}
        <section className="center" aria-label={t('layout.reading')}>
          {/* Both stay mounted: going back to the results keeps their filters, scroll and current hit, and the panes keep theirs. */}
          {hasQuery && (
            <div className="results-holder" hidden={!showResults}>
              <SearchPanel query={query} tags={tags.data ?? []} onOpen={openHit} onSuggest={onQuery} />
            </div>
          )}
          <div className="panes-holder" hidden={showResults}>
            <Panes
              state={panes}
              tags={tags.data ?? []}
              leading={
                hasQuery && (
                  <div className="search-return">
                    <button type="button" className="link" title={t('search.backTitle')} onClick={backToResults}>
                      <bdi>{t('search.back', { query: query.trim() })}</bdi>
                    </button>
                    <kbd>{t('shortcuts.back.keys')}</kbd>
                  </div>
                )
              }
            />
          </div>
        </section>
        {showReports && (
          <div className="drawer reports-drawer">
            <button type="button" className="drawer-close" aria-label={t('reports.closePane')} title={t('reports.closePane')} onClick={() => setShowReports(false)}>
              ×
            </button>
            <ReportsPane tags={tags.data ?? []} onOpenAtPage={(p) => open(p.documentId, { start: p.start, end: p.end, pages: true })} />
          </div>
        )}
        {!showReports && <AnalysisDrawer model={analysis} tags={tags.data ?? []} />}
        {showTeam && !showReports && !analysis.state && (
          <div className="drawer team-drawer">
            <button type="button" className="drawer-close" aria-label={t('team.closePane')} title={t('team.closePane')} onClick={() => setShowTeam(false)}>
              ×
            </button>
            <TeamPane tags={tags.data ?? []} onOpenSideBySide={openDisagreement} />
          </div>
        )}
        {showEntities && !showReports && !analysis.state && !showTeam && (
          <div className="drawer entities-drawer">
            <EntitiesDrawer tags={tags.data ?? []} onClose={() => setShowEntities(false)} onOpen={(id, at) => (open(id, at), setResultsShown(false))} />
          </div>
        )}
        {showPassages && !showReports && !analysis.state && !showTeam && !showEntities && (
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
      <StatusBar documents={documents.data?.all ?? 0} progress={progress} />
      {help && <HelpSheet onClose={() => setHelp(false)} />}
    </div>
  );
  return <AnalysisContext.Provider value={analysis.actions}>{view}</AnalysisContext.Provider>;
}
