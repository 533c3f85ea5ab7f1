import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.ts';
import { t } from './strings/t.ts';

export function HelpSheet({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="backdrop" onMouseDown={onClose}>
      <div
        className="dialog help-sheet"
        role="dialog"
        aria-modal="true"
        aria-label={t('help.title')}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2>{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((id) => (
              <tr key={id}>
                <th scope="row">
                  <kbd>{t(`shortcuts.${id}.keys`)}</kbd>
                </th>
                <td>{t(`shortcuts.${id}.action`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" ref={close} onClick={onClose}>
            {t('help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
