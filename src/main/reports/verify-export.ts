/**
 * `dossier verify-export`: checks a report's W3C JSON export against the documents of an
 * investigation, for a verifier who holds the originals (issue 13). A redacted export withholds
 * every hash that covers redacted text, so the check is by text: each quote must sit at its
 * position in a document, with its context around it, every redaction mark standing for some text.
 */
import { z } from 'zod';
import { DossierError } from '../../shared/errors.ts';

export interface VerifiableDocument {
  id: string;
  title: string;
  text: string;
  contentHash: string;
}

export interface QuoteCheck {
  /** 1-based, in the export's order. */
  n: number;
  ok: boolean;
  documentId: string | null;
  title: string | null;
  /** Whether the export gave the text's hash, and it matched (false when withheld). */
  hashChecked: boolean;
  message: string;
}

const Selector = z.union([
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string().default(''), suffix: z.string().default('') }),
  z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) }),
  z.object({ type: z.string() }),
]);
const ExportFile = z.object({
  type: z.literal('AnnotationCollection'),
  first: z.object({
    items: z.array(z.object({ target: z.object({ source: z.object({ id: z.string() }), selector: z.array(Selector) }) })).max(100_000),
  }),
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern where each redaction mark (or a run of blocks cut from one at an edge) matches some text. */
function redactedPattern(text: string): string {
  return text
    .split(/█+/)
    .map(escapeRegExp)
    .join('[\\s\\S]+?');
}

/**
 * Whether `original` is `redacted` with each mark filled in by some text. `open` lets either end take
 * any text: a context window may have cut a mark at its outer edge, and a quote that begins (ends)
 * inside a redacted span leaves the span's first (last) part out of its prefix (suffix).
 */
function matches(original: string, redacted: string, anchor: 'whole' | 'end' | 'start', open = false): boolean {
  let body = redactedPattern(redacted);
  if (anchor === 'end' && (open || redacted.startsWith('█'))) body = `[\\s\\S]*?${body}`;
  if (anchor === 'end' && open) body = `${body}[\\s\\S]*?`;
  if (anchor === 'start' && (open || redacted.endsWith('█'))) body = `${body}[\\s\\S]*?`;
  if (anchor === 'start' && open) body = `[\\s\\S]*?${body}`;
  const re = anchor === 'whole' ? new RegExp(`^${body}$`, 'u') : anchor === 'end' ? new RegExp(`${body}$`, 'u') : new RegExp(`^${body}`, 'u');
  return re.test(original);
}

export function verifyAnnotations(json: unknown, documents: VerifiableDocument[], fileName: string): QuoteCheck[] {
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) throw new DossierError('BAD_INPUT', `${fileName} is not a JSON export of a report (a W3C AnnotationCollection).`);
  const points = new Map<string, string[]>();
  const codePoints = (doc: VerifiableDocument) => points.get(doc.id) ?? (points.set(doc.id, [...doc.text]), points.get(doc.id)!);
  return parsed.data.first.items.map((item, i) => {
    const quote = item.target.selector.find((s): s is { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } => s.type === 'TextQuoteSelector' && 'exact' in s);
    const position = item.target.selector.find((s): s is { type: 'TextPositionSelector'; start: number; end: number } => s.type === 'TextPositionSelector' && 'start' in s);
    const n = i + 1;
    if (!quote || !position) return { n, ok: false, documentId: null, title: null, hashChecked: false, message: 'has no quote and position selectors' };
    const hash = /^urn:sha256:([0-9a-f]{64})$/.exec(item.target.source.id)?.[1];
    const candidates = hash ? documents.filter((d) => d.contentHash === hash) : documents;
    for (const doc of candidates) {
      const cps = codePoints(doc);
      if (position.end > cps.length || position.start > position.end) continue;
      const at = cps.slice(position.start, position.end).join('');
      const before = cps.slice(Math.max(0, position.start - [...quote.prefix].length - 64), position.start).join('');
      const after = cps.slice(position.end, position.end + [...quote.suffix].length + 64).join('');
      const opensInMark = quote.exact.startsWith('█');
      const closesInMark = quote.exact.endsWith('█');
      if (matches(at, quote.exact, 'whole') && matches(before, quote.prefix, 'end', opensInMark) && matches(after, quote.suffix, 'start', closesInMark)) {
        const how = hash ? 'its text hash matches' : 'hash withheld: checked by text';
        return { n, ok: true, documentId: doc.id, title: doc.title, hashChecked: !!hash, message: `matches “${doc.title}” at code points ${position.start}–${position.end} (${how})` };
      }
    }
    const why = hash && !candidates.length ? 'no document here has the text hash it names' : 'no document here holds it at its position with its context';
    return { n, ok: false, documentId: null, title: null, hashChecked: false, message: why };
  });
}
