/** Issue 19: the History panel's sentences for each kind of custody entry, and the capture rows. */
import { describe, expect, it } from 'vitest';
import type { CustodyEntry } from '../../../src/shared/custody.ts';
import { captureRows, describeCustody } from '../../../src/renderer/reader/history-lines.ts';

const entry = (kind: CustodyEntry['kind'], details: Record<string, unknown>): CustodyEntry => ({
  seq: 1, at: '2026-12-01T10:00:00.000Z', kind, documentId: 'd', researcher: null, appVersion: '0.1.0', details, prevHash: '0'.repeat(64), hash: 'f'.repeat(64),
});

describe('History panel lines', () => {
  it('says what each entry did, with the facts a reader checks', () => {
    expect(describeCustody(entry('tags-apply', { tagsAdded: ['Torture'], tagsRemoved: [] }))).toBe('added: Torture; removed: (empty)');
    expect(describeCustody(entry('export', { format: 'pdf', files: [{ path: '/out/r.pdf', sha256: 'ab'.repeat(32) }] }))).toBe(`pdf: /out/r.pdf (SHA-256 ${'ab'.repeat(6)}…)`);
    expect(describeCustody(entry('passage-create', { exact: 'eleven months', tags: [] }))).toBe('“eleven months” tagged no tags');
    expect(describeCustody(entry('document-delete', { originalHash: 'cd'.repeat(32) }))).toBe(`original SHA-256 ${'cd'.repeat(6)}…`);
    // Damaged or unexpected details never throw: the panel still shows the entry.
    expect(describeCustody(entry('import', {}))).toBe('?, ? bytes, SHA-256 ?, from ');
    expect(describeCustody(entry('restore', { backup: 'dossier-1.sqlite', replacedHead: { seq: 9 } }))).toBe('from dossier-1.sqlite; it replaced the log up to entry #9');
    expect(describeCustody(entry('tag-merge', { tag: 'Beatings', into: 'Torture', passages: 3 }))).toBe('Beatings into Torture (3 passages)');
  });

  it('lists a WACZ capture’s hash check and signature', () => {
    const rows = captureRows({
      container: 'wacz', url: 'https://a.example/', capturedAt: '2026-11-29T10:00:00.000Z', tool: 'ArchiveWeb.page', httpStatus: 200, httpHeaders: {}, payloadDigest: 'sha256:1', recordId: null,
      wacz: { hashesChecked: 2, hashMismatches: ['archive/data.warc.gz'], datapackageDigest: null, signature: { present: true, verified: false, software: null, domain: null, created: null } },
    });
    expect(Object.fromEntries(rows)).toMatchObject({
      'Captured from': 'https://a.example/',
      'HTTP status': '200',
      'WACZ hashes': '1 of 2 files do not match: archive/data.warc.gz',
      'WACZ signature': 'does not verify',
    });
  });
});
