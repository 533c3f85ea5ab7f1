import { t } from '../strings/t.ts';

export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 560;
export const clampSidebar = (width: number) => Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));

interface Props {
  width: number;
  onChange(width: number): void;
}

/**
 * The divider between the side column (library, codebook) and the reading area (issue 14, item
 * 11): drag it, or focus it and use ←/→ (Home and End for the narrowest and widest).
 */
export function SidebarResizer({ width, onChange }: Props) {
  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layout.sidebarResize')}
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clampSidebar(width - 20));
        else if (e.key === 'ArrowRight') onChange(clampSidebar(width + 20));
        else if (e.key === 'Home') onChange(SIDEBAR_MIN);
        else if (e.key === 'End') onChange(SIDEBAR_MAX);
        else return;
        e.preventDefault();
      }}
      onPointerDown={(e) => {
        const sidebar = e.currentTarget.previousElementSibling;
        if (!sidebar) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const left = sidebar.getBoundingClientRect().left;
        const move = (ev: PointerEvent) => onChange(clampSidebar(ev.clientX - left));
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
    />
  );
}

const KEY = 'dossier.sidebar';

/** The side column's width and whether it is hidden, kept between sessions in this window's storage. */
export function loadSidebar(): { width: number; hidden: boolean } {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as { width?: unknown; hidden?: unknown } | null;
    return { width: clampSidebar(typeof saved?.width === 'number' ? saved.width : 280), hidden: saved?.hidden === true };
  } catch {
    return { width: 280, hidden: false };
  }
}

export function saveSidebar(state: { width: number; hidden: boolean }): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage may be unavailable (a locked-down profile): the layout simply is not remembered.
  }
}
