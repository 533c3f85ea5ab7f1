import { useEffect, useRef, useState } from 'react';
import { t } from '../strings/t.ts';
import { useInvestigationActions, useInvestigations } from './investigation-actions.ts';
import { useShell } from './shell-context.ts';
import { useMerge } from '../team/team-actions.ts';
import { useNotify } from '../notice.ts';

/** The open investigation's name in the toolbar, as a menu: switch, new, open, import, rename, reveal, export, close, delete. */
export function InvestigationMenu() {
  const { investigation, show, unlock } = useShell();
  const actions = useInvestigationActions();
  const investigations = useInvestigations();
  const [open, setOpen] = useState(false);
  const merge = useMerge(useNotify());
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);

  if (!investigation) return null;
  const others = (investigations.data ?? []).filter((i) => !i.current);
  const item = (label: string, action: () => void, extra?: { danger?: boolean; disabled?: boolean }) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={extra?.danger ? 'danger' : undefined}
      disabled={extra?.disabled}
      onClick={() => {
        setOpen(false);
        action();
      }}
    >
      {label}
    </button>
  );
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      button.current?.focus();
    }
    if (next !== null) {
      e.preventDefault();
      items[next]?.focus();
    }
  };

  return (
    <div className="inv-menu">
      <button
        ref={button}
        type="button"
        className="inv-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('inv.menu', { name: investigation.name })}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'ArrowDown' && (e.preventDefault(), setOpen(true))}
      >
        <span className="inv-name">{investigation.name}</span> ▾
      </button>
      {open && (
        <div ref={menu} className="menu" role="menu" aria-label={t('inv.menuLabel')} onKeyDown={onKeyDown}>
          {others.length > 0 && (
            <>
              <p className="menu-heading" aria-hidden>
                {t('inv.switchHeading')}
              </p>
              {others.map((info) => (
                <div key={info.id} role="none">
                  {item(info.exists ? info.name : `${info.name} (${t('start.missing')})`, () => (info.locked ? unlock(info) : void actions.open(info.id)), {
                    disabled: !info.exists,
                  })}
                </div>
              ))}
              <hr />
            </>
          )}
          {item(t('inv.new'), () => show('new'))}
          {item(t('inv.open'), () => void actions.openFolder())}
          {item(t('inv.import'), () => void actions.importArchive())}
          <hr />
          {item(t('inv.rename'), () => show('rename'))}
          {item(t('inv.reveal'), () => void actions.reveal(investigation))}
          {item(t('inv.export'), () => void actions.exportArchive())}
          {!investigation.locked && item(t('lock.menuLock'), () => show('lock'))}
          {item(t('team.merge'), () => void merge())}
          {item(t('inv.close'), () => void actions.close())}
          {item(t('inv.delete'), () => show('delete'), { danger: true })}
        </div>
      )}
    </div>
  );
}
