import type { Logger } from "../config/log.js";

/** An error as it may be logged: its kind and where it was thrown, never its message, which may quote a request. */
export function describeUnexpected(error: unknown): { name: string; code?: string; at?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const code = (error as { code?: unknown }).code;
  const at = error.stack
    ?.split("\n")
    .slice(1)
    .map((l) => l.trim())
    .find((l) => l.startsWith("at "));
  return { name: error.name, ...(typeof code === "string" ? { code } : {}), ...(at ? { at: at.slice(3) } : {}) };
}

/**
 * The last line of defence of a long-running bot: an error no code path caught is logged and the
 * process keeps serving, since one bad request must not stop everyone's answers. What it cannot
 * recover from (memory, a native crash) is the supervisor's job: README, « Déploiement ».
 */
export function guardProcess(log: Logger, target: NodeJS.EventEmitter = process): void {
  target.on("uncaughtException", (error: unknown) => log.error("unexpected error, still serving", describeUnexpected(error)));
  target.on("unhandledRejection", (reason: unknown) => log.error("unexpected rejection, still serving", describeUnexpected(reason)));
}
