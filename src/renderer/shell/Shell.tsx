import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App } from '../App.tsx';
import { ApiError, invoke, onEvent } from '../api.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { NoticeContext, type Notice } from '../notice.ts';
import { t } from '../strings/t.ts';
import { AboutDialog } from './AboutDialog.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { COMMANDS, type CommandHandlers, type DynamicCommand } from './commands.ts';
import { shellKeys, useInvestigationActions, useInvestigations } from './investigation-actions.ts';
import { NameDialog } from './NameDialog.tsx';
import { SandboxWarning } from './SandboxWarning.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { ShellContext, type IndexState, type ShellApi, type ShellDialog } from './shell-context.ts';
import { StartScreen } from './StartScreen.tsx';
import { LockDialog, RecoveryKeyDialog } from './LockDialog.tsx';
import { UnlockDialog } from './UnlockDialog.tsx';
import { useIdleLock } from './use-idle-lock.ts';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import { StatusBar } from './StatusBar.tsx';
import { useApplySettings, useSettings } from './theme.ts';
import { useMerge } from '../team/team-actions.ts';

/** A workspace opened outside a session (the single-workspace e2e bridge) answers FORBIDDEN here. */
const currentInvestigation = async () => {
  try {
    return { info: await invoke('investigations:current', {}), session: true };
  } catch (e) {
    if (e instanceof ApiError && e.code === 'FORBIDDEN') return { info: null, session: false };
    throw e;
  }
};

/**
 * The frame of the app (issue 8): the start screen when no investigation is open, the workspace
 * view when one is; settings, About, the command palette and the status of the investigation.
 */
export function Shell() {
  const client = useQueryClient();
  const current = useQuery({ queryKey: shellKeys.current, queryFn: currentInvestigation });
  const investigations = useInvestigations();
  const settings = useSettings();
  const theme = useApplySettings(settings.data?.settings);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<ShellDialog>(null);
  const [unlocking, setUnlocking] = useState<InvestigationInfo | null>(null);
  const [newRecoveryKey, setNewRecoveryKey] = useState<string | null>(null);
  const [index, setIndex] = useState<IndexState | null>(null);
  const registered = useRef<{ handlers: CommandHandlers; items: DynamicCommand[] }>({ handlers: {}, items: [] });
  // The shell is outside its own NoticeContext provider: its actions report here directly.
  const actions = useInvestigationActions(setNotice);
  const investigation = current.data?.info ?? null;
  const idleMinutes = settings.data?.settings.lockIdleMinutes ?? 15;
  const lockIdle = useCallback(
    (info: InvestigationInfo) =>
      void actions.close().then(() => setNotice({ text: t('lock.idleClosed', { name: info.name, minutes: String(idleMinutes) }) })),
    [actions, idleMinutes],
  );
  useIdleLock(investigation, idleMinutes, lockIdle);
  const merge = useMerge(setNotice);

  useEffect(
    () =>
      onEvent('evt:investigation:changed', (change) => {
        // Everything cached belongs to the investigation that was open: drop it, keep the shell's own.
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'shell' });
        client.setQueryData(shellKeys.current, { info: change.current, session: true });
        void client.invalidateQueries({ queryKey: shellKeys.list });
        // No reset of the index state: the new investigation's engine reports while it opens,
        // which can be before this event arrives.
      }),
    [client],
  );
  useEffect(() => onEvent('evt:settings:changed', (view) => client.setQueryData(shellKeys.settings, view)), [client]);
  useEffect(() => onEvent('evt:index:progress', setIndex), []);
  useEffect(
    () =>
      onEvent('evt:menu:command', (m) => {
        if (m.command === 'investigation.new') setDialog('new');
        else if (m.command === 'settings.open') setDialog('settings');
        else if (m.command === 'about.open') setDialog('about');
        else if (m.message) setNotice({ text: m.message, error: true });
      }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrl = e.ctrlKey || e.metaKey;
      if (ctrl && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setDialog((d) => (d === 'palette' ? null : 'palette'));
      } else if (ctrl && e.key === ',') {
        e.preventDefault();
        setDialog('settings');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const registerCommands = useCallback((handlers: CommandHandlers, items: DynamicCommand[]) => {
    registered.current = { handlers, items };
    return () => {
      if (registered.current.handlers === handlers) registered.current = { handlers: {}, items: [] };
    };
  }, []);

  const toggleTheme = useCallback(async () => {
    try {
      const view = await invoke('settings:update', { theme: theme === 'dark' ? 'light' : 'dark' });
      client.setQueryData(shellKeys.settings, view);
    } catch (e) {
      setNotice({ text: e instanceof Error ? e.message : t('app.genericError'), error: true });
    }
  }, [client, theme]);

  const shellHandlers: CommandHandlers = {
    settings: () => setDialog('settings'),
    about: () => setDialog('about'),
    theme: () => void toggleTheme(),
    newInvestigation: () => setDialog('new'),
    openFolder: () => void actions.openFolder(),
    importArchive: () => void actions.importArchive(),
    sample: () => void actions.sample(),
    ...(investigation
      ? {
          exportInvestigation: () => void actions.exportArchive(),
          renameInvestigation: () => setDialog('rename'),
          revealInvestigation: () => void actions.reveal(investigation),
          closeInvestigation: () => void actions.close(),
          mergeInvestigation: () => void merge(),
        }
      : {}),
  };

  const paletteEntries = (): DynamicCommand[] => {
    const handlers = { ...shellHandlers, ...registered.current.handlers };
    const fixed = COMMANDS.flatMap((c) => {
      const run = handlers[c.id];
      return run ? [{ id: c.id, label: t(c.label), keys: 'keys' in c ? c.keys : undefined, run }] : [];
    });
    const switches = (investigations.data ?? [])
      .filter((i) => !i.current && i.exists)
      .map((i) => ({ id: `inv:${i.id}`, label: t('cmd.switchTo', { name: i.name }), run: () => (i.locked ? setUnlocking(i) : void actions.open(i.id)) }));
    return [...fixed, ...switches, ...registered.current.items];
  };

  const api: ShellApi = useMemo(
    () => ({ investigation, notice, index, show: setDialog, unlock: setUnlocking, registerCommands }),
    [investigation, notice, index, registerCommands],
  );

  const close = () => setDialog(null);
  let view;
  if (current.isPending) view = null;
  else if (investigation || current.data?.session === false) view = <App key={investigation?.id ?? 'workspace'} />;
  else
    view = (
      <div className="start-frame">
        <StartScreen />
        <StatusBar />
      </div>
    );

  return (
    <NoticeContext.Provider value={setNotice}>
      <ShellContext.Provider value={api}>
        <SandboxWarning />
        {view}
        {dialog === 'palette' && <CommandPalette entries={paletteEntries()} onClose={close} />}
        {dialog === 'settings' && <SettingsDialog onClose={close} />}
        {dialog === 'about' && <AboutDialog onClose={close} />}
        {dialog === 'new' && (
          <NameDialog
            title={t('inv.newTitle')}
            label={t('start.newName')}
            confirm={t('start.create')}
            offerLock
            onCancel={close}
            onConfirm={(name, passphrase) => {
              close();
              void actions.create(name, passphrase).then((made) => {
                if (made && 'recoveryKey' in made && made.recoveryKey) setNewRecoveryKey(made.recoveryKey);
              });
            }}
          />
        )}
        {dialog === 'rename' && investigation && (
          <NameDialog
            title={t('inv.rename')}
            label={t('inv.renameLabel')}
            confirm={t('inv.save')}
            initial={investigation.name}
            onCancel={close}
            onConfirm={(name) => {
              close();
              void actions.rename(investigation.id, name);
            }}
          />
        )}
        {newRecoveryKey && <RecoveryKeyDialog recoveryKey={newRecoveryKey} onDone={() => setNewRecoveryKey(null)} />}
        {unlocking && <UnlockDialog info={unlocking} onClose={() => setUnlocking(null)} />}
        {dialog === 'lock' && investigation && <LockDialog name={investigation.name} onClose={close} />}
        {dialog === 'delete' && investigation && (
          <ConfirmDialog
            title={t('inv.deleteTitle', { name: investigation.name })}
            message={t('inv.deleteMessage')}
            confirmLabel={t('inv.deleteConfirm')}
            onCancel={close}
            onConfirm={() => {
              close();
              void actions.trash(investigation);
            }}
          />
        )}
      </ShellContext.Provider>
    </NoticeContext.Provider>
  );
}
