/**
 * A start-up problem a person fixes outside the code (a folder, a permission): its message is one
 * line that names the path and what to do, printed without a stack trace.
 */
export class SetupError extends Error {
  override name = "SetupError";
}

/** Node's file-system errors carry a code and the path they were about. */
function fsError(error: unknown): { code: string; path: string | undefined } | undefined {
  const e = error as { code?: unknown; path?: unknown } | null;
  if (!e || typeof e.code !== "string" || !/^E[A-Z]+$/.test(e.code)) return undefined;
  return { code: e.code, path: typeof e.path === "string" ? e.path : undefined };
}

/**
 * The index folder's file-system failures as one line naming the folder (and the file, when it
 * is another one); anything else is returned as it was.
 */
export function indexFolderProblem(error: unknown, indexDir: string): unknown {
  const fs = fsError(error);
  if (!fs) return error;
  const where = fs.path && fs.path !== indexDir ? ` (${fs.path})` : "";
  switch (fs.code) {
    case "ENOTDIR":
    case "EEXIST":
      return new SetupError(`INDEX_DIR ${indexDir} is not a folder${where}: set INDEX_DIR to a folder, or move the file away`);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new SetupError(`INDEX_DIR ${indexDir} is not writable${where} (${fs.code}): give the bot's user write access to it, or set INDEX_DIR to a writable folder`);
    case "ENOSPC":
    case "EDQUOT":
      return new SetupError(`INDEX_DIR ${indexDir}: the disk is full${where}: free some space, or set INDEX_DIR elsewhere`);
    default:
      return error;
  }
}
