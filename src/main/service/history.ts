/**
 * Undo for destructive codebook and passage actions (issue 5). Each action records a closure that
 * restores the rows it removed or changed; undo runs it in one transaction. The history lives in
 * memory with the service: it survives no restart, which is what users expect of Ctrl+Z.
 */
export interface UndoEntry {
  /** What undo will bring back, as a sentence fragment: "deletion of tag “Torture”". */
  label: string;
  undo(): void;
}

export interface History {
  push(entry: UndoEntry): void;
  pop(): UndoEntry | undefined;
  peek(): string | null;
}

export function createHistory(limit = 50): History {
  const entries: UndoEntry[] = [];
  return {
    push(entry) {
      entries.push(entry);
      if (entries.length > limit) entries.shift();
    },
    pop: () => entries.pop(),
    peek: () => entries.at(-1)?.label ?? null,
  };
}
