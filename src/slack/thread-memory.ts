import type { Turn } from "../answer/schema.js";
import { MAX_HISTORY_TURNS } from "./history.js";

/**
 * The turns of the threads the bot answered in, as it answered them, so that a follow-up there is
 * understood without reading the thread back from Slack (a read that a rate limit can hold for a
 * minute). Bounded in threads and in time: memory stays flat, and a thread quiet for a day is
 * read from Slack again if it resumes.
 */
export class ThreadMemory {
  private readonly threads = new Map<string, { turns: Turn[]; at: number }>();

  constructor(
    private readonly maxThreads = 5000,
    private readonly ttlMs = 24 * 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The thread's turns, oldest first; undefined when the bot has not answered there (or forgot). */
  turns(channel: string, threadTs: string): Turn[] | undefined {
    const key = `${channel}/${threadTs}`;
    const entry = this.threads.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      this.threads.delete(key);
      return undefined;
    }
    return entry.turns.map((t) => ({ ...t, citations: [...t.citations] }));
  }

  /** Appends turns to the thread (creating it, after `earlier` when the thread was read from Slack). */
  record(channel: string, threadTs: string, turns: readonly Turn[], earlier: readonly Turn[] = []): void {
    const key = `${channel}/${threadTs}`;
    const known = this.turns(channel, threadTs) ?? [...earlier];
    this.threads.delete(key); // re-inserted last: the map's order is least recently used first
    this.threads.set(key, { turns: [...known, ...turns].slice(-MAX_HISTORY_TURNS), at: this.now() });
    for (const oldest of this.threads.keys()) {
      if (this.threads.size <= this.maxThreads) break;
      this.threads.delete(oldest);
    }
  }
}
