import { join } from "node:path";
import type { Answer } from "../answer/schema.js";
import type { Logger } from "../config/log.js";
import { FEEDBACK_FILE, FeedbackStore, type FeedbackClick, type PendingRow, type RecordedClick } from "./feedback-store.js";
import { storageProblem, type StorageProblem } from "./problem.js";

/** A click's fate: `unavailable` when the store cannot be written now. */
export type ClickOutcome = RecordedClick["status"] | "unavailable";

/** What the chat surfaces use: writes never throw and never hold up an answer. */
export interface Storage {
  /** False while the file cannot be opened or written: answers go on, feedback is not kept. */
  readonly available: boolean;
  saveAnswer(id: string, answer: Answer): void;
  recordFeedback(click: FeedbackClick): Promise<ClickOutcome>;
  addPending(key: string, surface: string, payload: unknown, at?: Date): void;
  clearPending(key: string): void;
  /** The questions left pending by a previous run; empty when the store cannot be read. */
  pending(): PendingRow[];
  /** Resolves true once every queued write has been tried, or false after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
  close(): void;
}

export interface StorageOptions {
  /** How long one statement waits for another connection's lock; it blocks the event loop meanwhile. */
  lockWaitMs?: number;
  /** Waits between the tries of a write that failed: bounded, then the write is dropped. */
  retryDelaysMs?: readonly number[];
  /** While unavailable, how often opening the file is tried again. */
  reopenEveryMs?: number;
  /** Writes waiting at most; beyond, the oldest are dropped (memory stays bounded during an outage). */
  maxQueued?: number;
  /** Opens the file (tests inject faults here). */
  open?: (dataDir: string, lockWaitMs: number) => FeedbackStore;
  now?: () => number;
}

interface Write {
  /** True when it wrote: only a write proves the file writable again (a click on an unknown answer writes nothing). */
  run(store: FeedbackStore): boolean;
  /** Told whether the write reached the file. */
  settle?(ok: boolean): void;
}

const DEFAULTS = {
  lockWaitMs: 50,
  // ~16 s in all: a lock held by a backup or a `sqlite3` shell for a few seconds is waited out.
  retryDelaysMs: [100, 250, 500, 1000, 2000, 4000, 8000],
  reopenEveryMs: 30_000,
  maxQueued: 10_000,
} as const;

/**
 * The feedback and pending-work store as the bot uses it: best effort, off the answer path.
 * Writes queue and go to SQLite in one transaction per turn of the event loop, with a short lock
 * wait and a bounded retry. When the file cannot be opened or written, one warning names it and
 * says what to do; answering goes on without feedback, and each later write tries again, so
 * storing resumes by itself once the file can be written.
 */
export function openStorage(dataDir: string, log: Logger, options: StorageOptions = {}): Storage {
  const { lockWaitMs, retryDelaysMs, reopenEveryMs, maxQueued } = { ...DEFAULTS, ...options };
  const open = options.open ?? ((dir, wait) => FeedbackStore.open(dir, { lockWaitMs: wait }));
  const now = options.now ?? Date.now;
  const file = join(dataDir, FEEDBACK_FILE);
  let store: FeedbackStore | undefined;
  let lastOpen = 0;
  /** Why the file could not be opened last time; a lock is tried again soon, anything else every reopenEveryMs. */
  let openFailure: StorageProblem | undefined;
  let down: StorageProblem | undefined;
  let queue: Write[] = [];
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  const idle: (() => void)[] = [];
  let closed = false;

  const report = (problem: StorageProblem) => {
    if (!down) {
      log.warn("feedback store unavailable, answering without feedback", {
        file,
        code: problem.code,
        advice: problem.advice,
        meanwhile: "clicks are not kept, and questions left unanswered by a crash are not answered at the next start",
      });
    }
    down = problem;
  };
  const fail = (error: unknown) => report(storageProblem(error, file));
  const recover = () => {
    if (down) log.info("feedback store writable again", { file });
    down = undefined;
  };

  function tryOpen(): FeedbackStore | undefined {
    if (store) return store;
    if (lastOpen && !openFailure?.transient && now() - lastOpen < reopenEveryMs) return undefined;
    lastOpen = now();
    try {
      store = open(dataDir, lockWaitMs);
      openFailure = undefined;
      return store;
    } catch (error) {
      openFailure = storageProblem(error, file);
      if (!openFailure.transient) fail(error);
      return undefined;
    }
  }

  function settleAll(writes: Write[], ok: boolean): void {
    for (const w of writes) w.settle?.(ok);
  }

  function schedule(delayMs = 0): void {
    if (scheduled || closed) return;
    scheduled = true;
    const go = () => {
      scheduled = false;
      timer = undefined;
      drain();
    };
    if (delayMs) timer = setTimeout(go, delayMs);
    else setImmediate(go);
  }

  function drain(): void {
    if (!queue.length) return notifyIdle();
    const batch = queue;
    queue = [];
    const target = tryOpen();
    if (!target) {
      // Another process holding the lock at start: waited out like a locked write.
      const retry = openFailure?.transient ? retryDelaysMs[attempt] : undefined;
      if (retry !== undefined) {
        attempt += 1;
        queue = [...batch, ...queue];
        schedule(retry);
        return;
      }
      if (openFailure?.transient) report(openFailure);
      attempt = 0;
      settleAll(batch, false);
      return notifyIdle();
    }
    try {
      const wrote = target.transaction(() => batch.map((w) => w.run(target)).some(Boolean));
      attempt = 0;
      if (wrote) recover();
      settleAll(batch, true);
    } catch (error) {
      // A lock is waited out; a full disk or a read-only file is reported at once (each later
      // write still tries once, so storing resumes when the file can be written again).
      const retry = storageProblem(error, file).transient ? retryDelaysMs[attempt] : undefined;
      if (retry !== undefined) {
        attempt += 1;
        queue = [...batch, ...queue];
        scheduled = false;
        schedule(retry);
        return;
      }
      attempt = 0;
      fail(error);
      settleAll(batch, false);
    }
    if (queue.length) schedule();
    else notifyIdle();
  }

  function notifyIdle(): void {
    if (queue.length || timer) return;
    for (const resolve of idle.splice(0)) resolve();
  }

  function enqueue(write: Write): void {
    if (closed) return write.settle?.(false);
    queue.push(write);
    if (queue.length > maxQueued) settleAll(queue.splice(0, queue.length - maxQueued), false);
    schedule();
  }

  tryOpen();
  return {
    get available() {
      return !down && !!store;
    },
    saveAnswer(id, answer) {
      enqueue({ run: (s) => (s.saveAnswer(id, answer), true) });
    },
    recordFeedback(click) {
      return new Promise<ClickOutcome>((resolve) => {
        let outcome: RecordedClick["status"] = "unknown";
        enqueue({
          run: (s) => {
            outcome = s.recordFeedback(click).status;
            return outcome === "stored";
          },
          // While writes fail, an unknown answer is most likely one that could not be stored.
          settle: (ok) => resolve(!ok || (outcome === "unknown" && down) ? "unavailable" : outcome),
        });
      });
    },
    addPending(key, surface, payload, at) {
      enqueue({ run: (s) => (s.addPending(key, surface, payload, at), true) });
    },
    clearPending(key) {
      enqueue({ run: (s) => (s.removePending(key), true) });
    },
    pending() {
      const s = tryOpen();
      if (!s) return [];
      try {
        return s.pending();
      } catch (error) {
        fail(error);
        return [];
      }
    },
    flush(timeoutMs) {
      if (!queue.length && !timer) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const limit = setTimeout(() => resolve(false), timeoutMs);
        idle.push(() => {
          clearTimeout(limit);
          resolve(true);
        });
      });
    },
    close() {
      closed = true;
      clearTimeout(timer);
      settleAll(queue.splice(0), false);
      for (const resolve of idle.splice(0)) resolve();
      store?.close();
      store = undefined;
    },
  };
}
