/**
 * The rules an archive's rows are held to (issue 13), shared by archive-document-rows.ts and
 * archive-coding-rows.ts: the app's own rules taken from the contract, so there is one of each, and
 * the parsing that turns a bad row into a sentence.
 */
import { z } from 'zod';
import { contract } from '../../shared/contract.ts';
import { cleanText } from '../store/clean-text.ts';
import { ArchiveProblem } from './archive-schema.ts';

export const metaRules = contract['documents:updateMeta'].input.shape;
export const ID = contract['documents:get'].input.shape.id;
export const URL_RULE = metaRules.url;
// The store's date form (ISO 8601, YYYY to YYYY-MM-DD): the contract's publishedAt takes dates as typed
// and the service reads them (issue 14), but a stored date is already in this form.
export const DATE_RULE = z.string().regex(/^$|^\d{4}(-\d{2}(-\d{2})?)?$/).nullable().optional();
export const LANGUAGE_RULE = metaRules.language;
export const COLOR_RULE = contract['tags:create'].input.shape.color;
export const REPORT_DATE_RULE = contract['reports:update'].input.shape.reportDate;
export const REPORT_SETTINGS_RULE = contract['reports:update'].input.shape.settings;
export const NOTE_MAX = 100_000;
export const TAG_NAME_MAX = 200;
export const TAG_DESCRIPTION_MAX = 10_000;

export const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
export const TIMESTAMP = z.iso.datetime({ offset: true });
export const text = z.string();
export const optionalText = z.string().nullable();
export const offset = z.number().int().min(0);

/** `what` for sentences: a stored title, cleaned and cut, so a refusal cannot carry markup or escapes either. */
export const shown = (value: unknown, fallback: string): string => `"${cleanText(value, 80) ?? fallback}"`;

/** The first problem zod found, as "title: expected string". */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'}: ${issue.message}`.slice(0, 200) : 'invalid';
}

export function parseRow<T>(schema: z.ZodType<T>, row: unknown, what: string): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new ArchiveProblem(`${what} cannot be read (${firstIssue(parsed.error)}); the store was altered.`);
  return parsed.data;
}

export function parseJson<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new ArchiveProblem(`${what} cannot be read (not valid JSON); the store was altered.`);
  }
  return parseRow(schema, value, what);
}

/** The value if the app would accept it as written, else `fallback` (null: left empty). */
export function byRule(rule: z.ZodType, value: string | null, fallback: string | null = null): string | null {
  if (value === null) return null;
  return rule.safeParse(value).success && value !== '' ? value : fallback;
}
