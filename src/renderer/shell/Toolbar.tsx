import type { Ref } from 'react';
import { useHistory } from '../queries.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { t } from '../strings/t.ts';
import { InvestigationMenu } from './InvestigationMenu.tsx';
import { currentPlatform, paletteKeys } from './platform.ts';
import { useShell } from './shell-context.ts';

interface Props {
  searchRef: Ref<HTMLInputElement>;
  importRef: Ref<HTMLButtonElement>;
  query: string;
  onQuery(query: string): void;
  onSubmitQuery(): void;
  passages: boolean;
  onPassages(): void;
  reports: boolean;
  onReports(): void;
  /** Issue 21: the Team pane. */
  team?: boolean | undefined;
  onTeam?: (() => void) | undefined;
  /** Issue 18: the entities and timeline drawer. */
  entities?: boolean;
  onEntities?(): void;
  onUndo(): void;
  onHelp(): void;
  onImport(folders: boolean): void;
}

/**
 * The workspace's toolbar. At 1024 px it must fit whole (issue 14, item 11): the search field
 * gives way first, then the investigation's name; secondary labels shorten in app.css.
 */
export function Toolbar(props: Props) {
  const shell = useShell();
  const history = useHistory();
  const keys = paletteKeys(currentPlatform());
  return (
    <header className="toolbar">
      <span className="brand">{t('app.name')}</span>
      <InvestigationMenu />
      <SearchBox ref={props.searchRef} value={props.query} onChange={props.onQuery} onSubmit={props.onSubmitQuery} />
      <button type="button" aria-pressed={props.passages} onClick={props.onPassages}>
        {t('toolbar.passages')}
      </button>
      <button
        type="button"
        disabled={!history.data?.undo}
        title={history.data?.undo ? t('toolbar.undoTitle', { what: history.data.undo }) : t('toolbar.nothingToUndo')}
        onClick={props.onUndo}
      >
        {t('toolbar.undo')}
      </button>
      <button type="button" aria-label={t('toolbar.shortcuts')} onClick={props.onHelp}>
        ?
      </button>
      <span className="import-group">
        <button type="button" ref={props.importRef} className="primary" onClick={() => props.onImport(false)}>
          {t('toolbar.import')}
        </button>
        <button type="button" className="import-folder" title={t('toolbar.importFolderTitle')} onClick={() => props.onImport(true)}>
          {t('toolbar.importFolder')}
        </button>
      </span>
      <button type="button" aria-pressed={props.reports} onClick={props.onReports}>
        {t('toolbar.reports')}
      </button>
      {props.onTeam && (
        <button type="button" aria-pressed={props.team ?? false} onClick={props.onTeam}>
          {t('team.toolbar')}
        </button>
      )}
      {props.onEntities && (
        <button type="button" aria-pressed={props.entities} onClick={props.onEntities}>
          {t('toolbar.entities')}
        </button>
      )}
      <button type="button" aria-label={t('toolbar.palette', { keys })} title={t('toolbar.palette', { keys })} onClick={() => shell.show('palette')}>
        {keys}
      </button>
      <button type="button" aria-label={t('toolbar.settings')} title={t('toolbar.settings')} onClick={() => shell.show('settings')}>
        ⚙
      </button>
    </header>
  );
}
