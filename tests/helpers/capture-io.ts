import { Writable } from 'node:stream';

/** Buffers for the CLI's stdout and stderr, so a test reads what a user would see. */
export function captureIo() {
  let out = '';
  let err = '';
  const stdout = new Writable({ write: (chunk, _e, cb) => ((out += String(chunk)), cb()) });
  const stderr = new Writable({ write: (chunk, _e, cb) => ((err += String(chunk)), cb()) });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}
