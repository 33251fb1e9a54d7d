import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger, LogLevel as Level } from "../config/log.js";

/**
 * Bolt, its Web API clients and the Socket Mode client log through this: their lines become our
 * structured records (level filtering and secret redaction included). Only strings and error
 * names/messages are kept: objects Bolt may pass can hold message bodies.
 */
export function boltLogger(log: Logger, level: Level): BoltLogger {
  const emit = (write: Logger["info"]) => (...args: unknown[]) => {
    const text = args.filter((a): a is string | number => typeof a === "string" || typeof a === "number").join(" ");
    const error = args.find((a): a is Error => a instanceof Error);
    write(text || error?.message || "slack sdk", { source: "bolt", ...(error ? { error } : {}) });
  };
  return {
    debug: emit(log.debug),
    info: emit(log.info),
    warn: emit(log.warn),
    error: emit(log.error),
    // The level is ours (LOG_LEVEL); Bolt only reads it to configure its clients.
    setLevel: () => undefined,
    getLevel: () => (level === "silent" ? LogLevel.ERROR : LogLevel[level.toUpperCase() as keyof typeof LogLevel]),
    setName: () => undefined,
  };
}
