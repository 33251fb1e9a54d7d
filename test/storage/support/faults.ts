import Database from "better-sqlite3";
import type { Logger } from "../../../src/config/log.js";
import { FeedbackStore } from "../../../src/storage/feedback-store.js";
import { openStorage, type StorageOptions } from "../../../src/storage/storage.js";

const WRITES = ["saveAnswer", "recordFeedback", "addPending", "removePending"] as const;

/**
 * The bot's store on a real SQLite file whose writes fail, while `failWrites` is set, with the
 * error SQLite itself raises for `code` (SQLITE_FULL: a full disk; SQLITE_READONLY: a read-only
 * file). Reads go through untouched.
 */
export function failingStorage(dataDir: string, log: Logger, code: string, options: StorageOptions = {}) {
  const control = { failWrites: false, storage: undefined as unknown as ReturnType<typeof openStorage> };
  const messages: Record<string, string> = { SQLITE_FULL: "database or disk is full", SQLITE_READONLY: "attempt to write a readonly database" };
  control.storage = openStorage(dataDir, log, {
    ...options,
    open: (dir, lockWaitMs) => {
      const store = FeedbackStore.open(dir, { lockWaitMs });
      for (const method of WRITES) {
        const real = store[method].bind(store) as (...args: unknown[]) => unknown;
        (store as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          if (control.failWrites) throw new Database.SqliteError(messages[code] ?? code, code);
          return real(...args);
        };
      }
      return store;
    },
  });
  return control;
}
