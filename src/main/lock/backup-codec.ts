/**
 * Backups of a locked investigation (issue 20) are its whole store serialised and sealed with its
 * data key, the same format as a vault snapshot under another associated data ("backup"), so a
 * backup cannot be passed off as the live snapshot and a backup file holds no readable byte.
 */
import { DatabaseSync } from 'node:sqlite';
import type { BackupCodec } from '../store/backup.ts';
import type { LockedStore } from './locked-store.ts';
import { asRollbackJournal, unsealSnapshot, sealSnapshot } from './vault-files.ts';

/** Snapshot numbers are positive; backups use 0 so the two can never be exchanged. */
const BACKUP_SLOT = 0;

export function backupCodec(lock: LockedStore): BackupCodec {
  return {
    encode: () => sealSnapshot(lock.key, lock.keyFile, BACKUP_SLOT, lock.serialize()),
    decode(bytes, file) {
      const db = new DatabaseSync(':memory:');
      try {
        db.deserialize(asRollbackJournal(unsealSnapshot(lock.key, lock.keyFile, BACKUP_SLOT, bytes, file)));
      } catch (error) {
        db.close();
        throw error;
      }
      return db;
    },
    afterRestore: () => lock.compact(),
  };
}
