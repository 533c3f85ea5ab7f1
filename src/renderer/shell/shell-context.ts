import { createContext, useContext, useEffect } from 'react';
import type { InvestigationInfo } from '../../shared/investigations.ts';
import type { Notice } from '../notice.ts';
import type { CommandHandlers, DynamicCommand } from './commands.ts';

export type ShellDialog = 'settings' | 'about' | 'palette' | 'new' | 'rename' | 'delete' | 'lock' | null;

/** The search index of the open investigation, from 'evt:index:progress' (null: nothing heard yet). */
export interface IndexState {
  phase: 'load' | 'build';
  done: number;
  total: number;
}

/** What the shell (investigation, dialogs, status, commands) offers to the workspace view. */
export interface ShellApi {
  /** The open investigation; null when the app runs on one workspace outside a session (tests). */
  investigation: InvestigationInfo | null;
  notice: Notice | null;
  index: IndexState | null;
  show(dialog: ShellDialog): void;
  /** Issue 20: asks for the passphrase of a locked investigation, then opens it. */
  unlock(info: InvestigationInfo): void;
  /** The workspace view adds its commands (import, search, undo…) and its documents while mounted. */
  registerCommands(handlers: CommandHandlers, items: DynamicCommand[]): () => void;
}

export const ShellContext = createContext<ShellApi>({
  investigation: null,
  notice: null,
  index: null,
  show: () => undefined,
  unlock: () => undefined,
  registerCommands: () => () => undefined,
});

export const useShell = () => useContext(ShellContext);

/** Registers the caller's commands for the palette while it is mounted (re-registered when they change). */
export function useRegisterCommands(handlers: CommandHandlers, items: DynamicCommand[]): void {
  const { registerCommands } = useShell();
  useEffect(() => registerCommands(handlers, items), [registerCommands, handlers, items]);
}
