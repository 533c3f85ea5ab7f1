/** A title of last resort: the first line of the text, or the file name without its extension. */
export function fallbackTitle(text: string, fileName: string): string {
  const firstLine = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  if (firstLine && firstLine.length <= 200) return firstLine;
  if (firstLine) return `${firstLine.slice(0, 197)}…`;
  return fileName.replace(/\.[^.]+$/, '');
}
