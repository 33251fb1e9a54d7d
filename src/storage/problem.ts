/** What went wrong with the store's file, and what a person can do about it. */
export interface StorageProblem {
  /** SQLite's or the system's error code (SQLITE_FULL, EACCES…). */
  code: string;
  /** Worth retrying by itself (another process holds the lock). */
  transient: boolean;
  advice: string;
}

/**
 * Reads an error from better-sqlite3 or the file system. The advice names the file: it is the
 * one line an operator sees.
 */
export function storageProblem(error: unknown, file: string): StorageProblem {
  const code = typeof (error as { code?: unknown })?.code === "string" ? String((error as { code: string }).code) : "unknown";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return { code, transient: true, advice: `${file} is locked by another process: the bot retries, stop whatever holds it if this lasts` };
  }
  if (code === "SQLITE_FULL" || code === "ENOSPC" || code === "EDQUOT") {
    return { code, transient: false, advice: `the disk holding ${file} is full: free space there (or set DATA_DIR elsewhere); feedback is stored again as soon as it can be written` };
  }
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return { code, transient: false, advice: `${file} cannot be written: give the bot's user write access to it and to its folder (SQLite writes -wal and -shm files beside it), or set DATA_DIR to a writable folder` };
  }
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return { code, transient: false, advice: `${file} is damaged: move it aside (it holds past feedback) and restart the bot to start a new one` };
  }
  if (code.startsWith("SQLITE_CANTOPEN") || code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR") {
    return { code, transient: false, advice: `${file} cannot be opened: check that DATA_DIR is a folder the bot can write` };
  }
  return { code, transient: false, advice: `${file} cannot be used (${code}): check DATA_DIR and the disk` };
}
