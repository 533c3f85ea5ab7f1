/**
 * Issue 21's commands: memos (`memo`, `memos`), document attributes (`attribute`, `attributes`) and
 * analysis tables (`cooccurrence`, `matrix`), over the same channels as the app.
 */
import { DossierError } from '../shared/errors.ts';
import { ATTRIBUTE_TYPES, COOCCURRENCE_UNITS, type AnalysisMatrix, type AttributeType, type CooccurrenceUnit, type Memo } from '../shared/qda.ts';
import type { OpenedApp } from '../main/app/open-app.ts';
import { call } from '../main/dispatch.ts';
import { attributeByName } from '../main/qda/attributes.ts';

interface QdaValues {
  tag?: string[] | undefined;
  set?: string | undefined;
  investigation?: boolean | undefined;
  type?: string | undefined;
  choices?: string | undefined;
  unit?: string | undefined;
  out?: string | undefined;
  force?: boolean | undefined;
}

interface Output {
  json: unknown;
  text: string;
}

const QDA_COMMANDS = ['memo', 'memos', 'attribute', 'attributes', 'cooccurrence', 'matrix'];

/** A matrix as aligned text: a row per tag, a column per tag, document or value. */
export function formatMatrix(m: AnalysisMatrix): string {
  if (!m.rows.length) return 'No tagged passages yet.';
  const width = Math.min(24, Math.max(...m.rows.map((r) => r.name.length)));
  const cell = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padStart(w));
  const widths = m.columns.map((c) => Math.max(3, Math.min(14, c.label.length)));
  const header = `${''.padEnd(width)}  ${m.columns.map((c, i) => cell(c.label, widths[i]!)).join('  ')}`;
  const lines = m.rows.map((r, i) => `${(r.name.length > width ? `${r.name.slice(0, width - 1)}…` : r.name).padEnd(width)}  ${m.counts[i]!.map((n, j) => cell(String(n), widths[j]!)).join('  ')}`);
  return [header, ...lines].join('\n');
}

function memoText(memo: Memo | null, what: string): string {
  if (!memo) return `No memo on ${what} yet.`;
  const by = [memo.author, `updated ${memo.updatedAt.slice(0, 16).replace('T', ' ')}`].filter(Boolean).join(', ');
  return `${memo.body}\n\n(${by})`;
}

export async function runQdaCommand(app: OpenedApp, command: string, args: string[], values: QdaValues): Promise<Output | undefined> {
  if (!QDA_COMMANDS.includes(command)) return undefined;
  const h = app.handlers;
  const exported = (r: { path: string | null; bytes: number }) => ({ json: r, text: `Wrote ${r.path} (${r.bytes} bytes).` });
  switch (command) {
    case 'memo': {
      const tagName = values.tag?.[0];
      const chosen = [args[0] !== undefined, tagName !== undefined, values.investigation === true].filter(Boolean).length;
      if (chosen !== 1) throw new DossierError('BAD_INPUT', 'Give one of: a document ID, --tag NAME, or --investigation.');
      let target: { scope: 'document' | 'tag' | 'investigation'; targetId?: string };
      let what: string;
      if (tagName !== undefined) {
        const tag = (await call(h, 'tags:list', {})).find((t) => t.name.toLowerCase() === tagName.trim().toLowerCase());
        if (!tag) throw new DossierError('NOT_FOUND', `There is no tag named "${tagName}".`);
        target = { scope: 'tag', targetId: tag.id };
        what = `the tag "${tag.name}"`;
      } else if (values.investigation) {
        target = { scope: 'investigation' };
        what = 'the investigation';
      } else {
        target = { scope: 'document', targetId: args[0]! };
        what = `document ${args[0]}`;
      }
      if (values.set === undefined) {
        const memo = await call(h, 'memos:get', target);
        return { json: { memo }, text: memoText(memo, what) };
      }
      const memo = await call(h, 'memos:save', { ...target, body: values.set });
      return { json: { memo }, text: memo ? `Saved the memo on ${what} (${memo.body.length} characters).` : `Removed the memo on ${what}.` };
    }
    case 'memos': {
      if (values.out) {
        const format = values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'md';
        return exported(await call(h, 'memos:export', { format, path: values.out, force: values.force }));
      }
      const memos = await call(h, 'memos:list', {});
      const text = memos.length
        ? memos.map((m) => `${m.scope === 'investigation' ? 'investigation' : `${m.scope} ${m.targetLabel ?? m.targetId}`}  (${m.body.split('\n')[0]!.slice(0, 60)})`).join('\n')
        : 'No memos yet.';
      return { json: { memos }, text };
    }
    case 'attribute': {
      const [verb, ...rest] = args;
      if (verb === 'create') {
        const type = values.type ?? 'text';
        if (!(ATTRIBUTE_TYPES as readonly string[]).includes(type)) throw new DossierError('BAD_INPUT', `An attribute's --type is one of ${ATTRIBUTE_TYPES.join(', ')}.`);
        const choices = values.choices?.split(',').map((c) => c.trim()).filter(Boolean);
        const attribute = await call(h, 'attributes:create', { name: rest.join(' '), type: type as AttributeType, ...(choices ? { choices } : {}) });
        return { json: attribute, text: `Created the ${attribute.type} attribute "${attribute.name}"${attribute.choices.length ? ` (${attribute.choices.join(', ')})` : ''}.` };
      }
      if (verb === 'set') {
        if (rest.length !== 3) throw new DossierError('BAD_INPUT', 'Give a document id, an attribute name and a value: dossier attribute set ID NAME VALUE.');
        const [documentId, name, value] = rest as [string, string, string];
        const attribute = attributeByName(app.workspace.db, name);
        const result = await call(h, 'attributes:set', { documentIds: [documentId], attributeId: attribute.id, value });
        return { json: { documentId, attribute: attribute.name, value: result.value }, text: result.value === null ? `Cleared "${attribute.name}".` : `${attribute.name}: ${result.value}` };
      }
      if (verb === 'delete') {
        const attribute = attributeByName(app.workspace.db, rest.join(' '));
        const result = await call(h, 'attributes:delete', { id: attribute.id });
        return { json: result, text: `Deleted "${attribute.name}" and its ${result.values} value${result.values === 1 ? '' : 's'}.` };
      }
      throw new DossierError('BAD_INPUT', `"dossier attribute" takes create, set or delete (not "${verb ?? ''}").`);
    }
    case 'attributes': {
      if (values.out) return exported(await call(h, 'attributes:exportCsv', { path: values.out, force: values.force }));
      const table = await call(h, 'attributes:table', {});
      if (!table.attributes.length) return { json: table, text: 'No attributes yet. Create one with: dossier attribute create NAME --type text' };
      const lines = table.rows.map((r) => `${r.documentId}  ${r.title}\n    ${table.attributes.map((a) => `${a.name}: ${r.values[a.id] ?? '—'}`).join(' · ')}`);
      return { json: table, text: [`Attributes: ${table.attributes.map((a) => `${a.name} (${a.type})`).join(', ')}`, ...lines].join('\n') };
    }
    case 'cooccurrence': {
      const unit = (values.unit ?? 'overlap') as CooccurrenceUnit;
      if (!COOCCURRENCE_UNITS.includes(unit)) throw new DossierError('BAD_INPUT', `--unit is one of ${COOCCURRENCE_UNITS.join(', ')}.`);
      if (values.out) return exported(await call(h, 'analysis:exportCsv', { kind: 'cooccurrence', unit, path: values.out, force: values.force }));
      const matrix = await call(h, 'analysis:cooccurrence', { unit });
      return { json: matrix, text: formatMatrix(matrix) };
    }
    case 'matrix': {
      const [by, ...rest] = args;
      let which: { kind: 'document' } | { kind: 'attribute'; attributeId: string };
      if (by === 'document') which = { kind: 'document' };
      else if (by === 'attribute' && rest.length) which = { kind: 'attribute', attributeId: attributeByName(app.workspace.db, rest.join(' ')).id };
      else throw new DossierError('BAD_INPUT', 'Give "document" or "attribute NAME": dossier matrix document, dossier matrix attribute Camp.');
      if (values.out) return exported(await call(h, 'analysis:exportCsv', { ...which, path: values.out, force: values.force }));
      const matrix = which.kind === 'document' ? await call(h, 'analysis:codeByDocument', {}) : await call(h, 'analysis:codeByAttribute', { attributeId: which.attributeId });
      return { json: matrix, text: formatMatrix(matrix) };
    }
    default:
      return undefined;
  }
}
