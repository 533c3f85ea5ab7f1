import type { ImportProgress } from '../shared/domain.ts';
import { escapeForTerminal } from './terminal-text.ts';

/** A stream the progress goes to; a terminal has `isTTY` and `columns` (process.stderr does). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR_WIDTH = 24;

/** "▕██████░░░░▏ 12/40": how far a batch is, in characters any terminal font has. */
function bar(done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `▕${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}▏ ${done}/${total}`;
}

/** A long path keeps its end (the file's name), cut from the left. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - Math.max(width - 1, 0))}`;
}

/**
 * Import progress on the CLI's stderr (issue 3). On a terminal, one line redrawn in place: the bar,
 * the counts and the file being read, fitted to the width; in a log (not a terminal), one line per
 * file, so nothing there depends on carriage returns. The last event (done = total) ends the line.
 */
export function importProgressPrinter(stream: ProgressStream): (progress: ImportProgress) => void {
  return ({ done, total, currentFile: file }) => {
    // A file name may hold escape sequences of its own: only the bar's own are sent as they are.
    const currentFile = escapeForTerminal(file).replace(/\n/g, '\\n');
    const finished = done >= total;
    const counts = bar(finished ? total : done, total);
    if (!stream.isTTY) {
      stream.write(finished ? `${counts}\n` : `${counts}  ${currentFile}\n`);
      return;
    }
    // One column spare: a line exactly as wide as the terminal wraps in some of them.
    const room = (stream.columns ?? 80) - 1 - counts.length - 2;
    stream.write(finished ? `\r\x1b[2K${counts}\n` : `\r\x1b[2K${counts}  ${fit(currentFile, Math.max(room, 8))}`);
  };
}
