/**
 * The building blocks of the IPC contract's schemas (./contract.ts): ids, bounded text, report
 * bodies and settings, OCR languages. Kept apart so the contract stays one readable list of channels.
 */
import { z } from 'zod';
import { CITATION_STYLES, PAGE_SIZES } from './reports.ts';

/** An output type carried by the contract for typing only; outputs are produced by our own code. */
export const out = <T>() => z.custom<T>(() => true);

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'An id has only letters, digits, "-" and "_".');
export const text = (max: number) => z.string().max(max);
export const MAX_PATH = 4096;
/** Bytes of a file dropped on the window; the store enforces its own size limit. */
export const MAX_DROPPED_BYTES = 512 * 1024 * 1024;

// ── Report schemas (issue 6) ──
export const reportDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date is YYYY, YYYY-MM or YYYY-MM-DD.');
export const reportItem = z.object({ id, passageId: id, commentary: text(100_000) }).strict();
export const reportBody = z
  .object({
    sections: z
      // memoId: issue 21, a memo the section quotes.
      .array(z.object({ id, heading: text(1000), commentary: text(200_000), items: z.array(reportItem).max(10_000), memoId: id.optional() }).strict())
      .max(1000),
  })
  .strict();
/** Issue 18: whether a report carries the timeline, and its tag and entity filters. */
export const reportTimeline = z
  .object({
    include: z.boolean().optional(),
    tagIds: z.array(id).max(200).optional(),
    entities: z.array(z.string().trim().min(1).max(300)).max(20).optional(),
  })
  .strict();

export const reportSettings = z
  .object({
    citationStyle: z.enum(CITATION_STYLES).optional(),
    pageSize: z.enum(PAGE_SIZES).optional(),
    quoteChain: z.boolean().optional(),
    /** Issue 19: the verification appendix also gives each source's capture facts and custody summary. */
    custodyAppendix: z.boolean().optional(),
    /** Issue 18: the timeline as a section of the report, limited as the timeline view is. */
    timeline: reportTimeline.optional(),
    redaction: z
      .object({
        emails: z.boolean().optional(),
        phones: z.boolean().optional(),
        terms: z.array(text(500)).max(10_000).optional(),
        keep: z.array(text(300)).max(100_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// ── OCR (issue 16): the languages a scan may be recognised in; none given means guessed from a first pass ──
export const OCR_LANGUAGE_CODES = ['en', 'ru', 'zh', 'kk', 'ug', 'ar'] as const;
export const ocrLanguages = z.array(z.enum(OCR_LANGUAGE_CODES)).min(1).max(OCR_LANGUAGE_CODES.length);

