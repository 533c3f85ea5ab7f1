import { useRef } from 'react';
import { t } from '../strings/t.ts';

interface Props {
  /** Width of the left pane, in percent of the two. */
  value: number;
  onChange(value: number): void;
}

const clamp = (v: number) => Math.min(80, Math.max(20, v));

/** The draggable divider between the panes; arrow keys move it too. */
export function Splitter({ value, onChange }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('panes.resize')}
      aria-valuemin={20}
      aria-valuemax={80}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onChange(clamp(value - 5));
        else if (e.key === 'ArrowRight') onChange(clamp(value + 5));
        else return;
        e.preventDefault();
      }}
      onPointerDown={(e) => {
        const container = ref.current?.parentElement;
        if (!container) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const box = container.getBoundingClientRect();
        const move = (ev: PointerEvent) => onChange(clamp(((ev.clientX - box.left) / box.width) * 100));
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
