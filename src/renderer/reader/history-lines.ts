/**
 * What a custody entry says, in the UI's words (issue 19): one sentence per entry for the
 * document's History panel. Pure, so it is tested without a browser.
 */
import type { CaptureFacts, CustodyEntry } from '../../shared/custody.ts';
import { t, tn } from '../strings/t.ts';

const short = (hash: unknown) => (typeof hash === 'string' ? `${hash.slice(0, 12)}…` : '?');
const value = (v: unknown) => (v === null || v === undefined || v === '' ? t('history.empty') : String(v));

export function describeCustody(entry: CustodyEntry): string {
  const d = entry.details as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- facts of many shapes, read defensively below
  switch (entry.kind) {
    case 'import':
      return t('history.import', { name: String(d.file?.name ?? '?'), size: String(d.file?.size ?? '?'), hash: short(d.file?.sha256), path: String(d.file?.sourcePath ?? '') });
    case 'archive-import':
      return t('history.archiveImport', { name: String(d.archive?.name ?? '?'), hash: short(d.archive?.sha256) });
    case 'metadata-edit':
      return t('history.metadataEdit', {
        changes: Object.entries((d.changes ?? {}) as Record<string, { old: unknown; new: unknown }>)
          .map(([field, c]) => `${field}: ${value(c.old)} → ${value(c.new)}`)
          .join('; '),
      });
    case 'passage-create':
      return t('history.passageCreate', { quote: String(d.exact ?? ''), tags: ((d.tags ?? []) as string[]).join(', ') || t('reader.passages.noTags') });
    case 'passage-edit':
      return t('history.passageEdit', { old: value(d.note?.old), new: value(d.note?.new) });
    case 'tags-apply':
      return t('history.tagsApply', { added: ((d.tagsAdded ?? []) as string[]).join(', ') || t('history.empty'), removed: ((d.tagsRemoved ?? []) as string[]).join(', ') || t('history.empty') });
    case 'passage-delete':
      return t('history.passageDelete', { quote: String(d.exact ?? '') });
    case 'document-delete':
      return t('history.documentDelete', { hash: short(d.originalHash) });
    case 'export':
      return tn('history.export', ((d.files ?? []) as unknown[]).length, {
        format: String(d.format ?? '?'),
        files: ((d.files ?? []) as { path?: string; sha256?: string }[]).map((f) => `${f.path ?? '?'} (SHA-256 ${short(f.sha256)})`).join(', '),
      });
    case 'archive-export':
      return t('history.archiveExport', { path: String(d.path ?? '?'), hash: short(d.sha256) });
    case 'restore':
      return t('history.restore', { backup: String(d.backup ?? '?'), seq: String(d.replacedHead?.seq ?? '?') });
    case 'undo':
    case 'redo':
      return String(d.label ?? '');
    case 'tag-merge':
      return t('history.tagMerge', { tag: String(d.tag ?? '?'), into: String(d.into ?? '?'), n: String(d.passages ?? '?') });
    case 'tag-delete':
      return t('history.tagDelete', { tag: String(d.tag ?? '?'), n: String(d.passages ?? '?') });
    default:
      return t('history.otherKind', { kind: entry.kind });
  }
}

/** The capture facts as label/value rows, in the order an investigator reads them. */
export function captureRows(c: CaptureFacts): [string, string][] {
  const rows: [string, string][] = [
    [t('history.capture.url'), value(c.url)],
    [t('history.capture.at'), value(c.capturedAt)],
    [t('history.capture.tool'), value(c.tool)],
    [t('history.capture.container'), c.container.toUpperCase()],
  ];
  if (c.httpStatus !== null) rows.push([t('history.capture.status'), String(c.httpStatus)]);
  if (c.payloadDigest) rows.push([t('history.capture.digest'), c.payloadDigest]);
  if (c.recordId) rows.push([t('history.capture.record'), c.recordId]);
  if (c.wacz) {
    rows.push([
      t('history.capture.waczHashes'),
      c.wacz.hashMismatches.length
        ? t('history.capture.waczMismatch', { n: c.wacz.hashMismatches.length, of: c.wacz.hashesChecked, files: c.wacz.hashMismatches.join(', ') })
        : t('history.capture.waczOk', { n: c.wacz.hashesChecked }),
    ]);
    const s = c.wacz.signature;
    rows.push([t('history.capture.signature'), !s ? t('history.capture.unsigned') : s.verified === true ? t('history.capture.signed') : s.verified === false ? t('history.capture.badSignature') : t('history.capture.signatureUnchecked')]);
  }
  return rows;
}
