/**
 * The fixed set of error codes that cross IPC, the CLI and the e2e bridge.
 * Every failure a user can see is one of these plus a sentence (STYLE.md rule 3).
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'NOT_FOUND',
  'DUPLICATE',
  'UNSUPPORTED_FORMAT',
  'TOO_LARGE',
  'EMPTY',
  'PARSE_FAILED',
  'AMBIGUOUS',
  'IO',
  'INDEX_BUSY',
  'FORBIDDEN',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** An expected failure: its message is written for the user and is shown as is. */
export class DossierError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into an ErrorInfo without leaking stacks or paths of our own code. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof DossierError) return { code: error.code, message: error.message };
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (code === 'ENOSPC') return { code: 'IO', message: 'The disk is full. Free some space and try again; nothing was changed.' };
    if (code === 'EACCES' || code === 'EPERM')
      return { code: 'IO', message: 'Dossier is not allowed to read or write this file. Check its permissions.' };
    if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'The file or folder does not exist.' };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Dossier. Your data was not changed; please try again.' };
}
