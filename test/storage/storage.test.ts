import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FEEDBACK_FILE, FeedbackStore } from "../../src/storage/feedback-store.js";
import { openStorage } from "../../src/storage/storage.js";
import { memoryLogger } from "../slack/support/msw-slack.js";
import { fixedAnswer } from "../slack/support/answers.js";
import { failingStorage } from "./support/faults.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "fdr-storage-"));
const warnings = (records: Record<string, unknown>[]) => records.filter((r) => r.level === "warn");

/** The longest the event loop was held, sampled every 5 ms while `during` runs. */
async function longestBlock(during: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await during();
  } finally {
    clearInterval(tick);
  }
  return longest;
}

describe("the bot's store, best effort", () => {
  it("a full disk: one warning naming the file and what to do, clicks told unavailable, storing resumed once space is back", async () => {
    const dir = tempDir();
    const { log, records } = memoryLogger();
    const disk = failingStorage(dir, log, "SQLITE_FULL");
    const { storage } = disk;
    expect(storage.available).toBe(true);
    disk.failWrites = true;
    storage.saveAnswer("a1", fixedAnswer("action 14"));
    storage.addPending("C1/1.1", "mention", { text: "action 14" });
    expect(await storage.flush(5000)).toBe(true);
    expect(storage.available).toBe(false);
    expect(await storage.recordFeedback({ answerId: "a1", rating: "negative", userId: "U1" })).toBe("unavailable");
    storage.saveAnswer("a2", fixedAnswer("action 15"));
    await storage.flush(5000);
    expect(warnings(records)).toEqual([
      expect.objectContaining({ msg: "feedback store unavailable, answering without feedback", file: join(dir, FEEDBACK_FILE), code: "SQLITE_FULL", advice: expect.stringContaining("is full: free space") }),
    ]);

    disk.failWrites = false;
    storage.saveAnswer("a3", fixedAnswer("action 16"));
    expect(await storage.recordFeedback({ answerId: "a3", rating: "positive", userId: "U1" })).toBe("stored");
    expect(storage.available).toBe(true);
    expect(records.find((r) => r.msg === "feedback store writable again")).toMatchObject({ level: "info" });
    storage.close();
    const file = FeedbackStore.open(dir);
    expect(file.answer("a1")).toBeUndefined();
    expect(file.answer("a3")?.question).toBe("action 16");
    file.close();
  });

  it("a lock held by another connection: each try waits briefly, then the write lands once the lock is released", async () => {
    const dir = tempDir();
    const { log, records } = memoryLogger();
    const storage = openStorage(dir, log);
    storage.saveAnswer("a0", fixedAnswer("action 1"));
    await storage.flush(5000);
    const other = new Database(join(dir, FEEDBACK_FILE));
    other.exec("BEGIN IMMEDIATE");
    other.prepare("INSERT INTO pending (key, surface, payload, received_at) VALUES ('held', 'mention', '{}', '2025-01-01T00:00:00.000Z')").run();

    const block = await longestBlock(async () => {
      storage.saveAnswer("a1", fixedAnswer("action 14"));
      // The first tries fail on the lock; the write waits in the queue, not on the event loop.
      expect(await storage.flush(300)).toBe(false);
    });
    // better-sqlite3's default lock wait (5 s) held the whole process; a short wait holds it briefly.
    expect(block).toBeLessThan(1000);
    // Reads go on meanwhile (WAL): a click on an answer already stored still finds it.
    other.exec("COMMIT");
    other.close();
    expect(await storage.flush(20_000)).toBe(true);
    expect(await storage.recordFeedback({ answerId: "a1", rating: "negative", userId: "U1" })).toBe("stored");
    expect(warnings(records)).toEqual([]);
    storage.close();
  });

  it("a lock held longer than the retries: the writes are dropped with one warning, and the next ones land", async () => {
    const dir = tempDir();
    const { log, records } = memoryLogger();
    const storage = openStorage(dir, log, { retryDelaysMs: [10, 10] });
    const other = new Database(join(dir, FEEDBACK_FILE));
    other.exec("BEGIN IMMEDIATE");
    other.prepare("DELETE FROM answers").run();
    storage.saveAnswer("a1", fixedAnswer("action 14"));
    await storage.flush(5000);
    expect(warnings(records)).toEqual([expect.objectContaining({ code: "SQLITE_BUSY", advice: expect.stringContaining("is locked by another process") })]);
    other.exec("COMMIT");
    other.close();
    storage.saveAnswer("a2", fixedAnswer("action 15"));
    expect(await storage.recordFeedback({ answerId: "a2", rating: "positive", userId: "U1" })).toBe("stored");
    storage.close();
  });

  it("a damaged file at start: no throw, one warning naming it, answers without feedback or pending work", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, FEEDBACK_FILE), "this is not a SQLite database, just some text that happens to be long enough\n".repeat(100));
    const { log, records } = memoryLogger();
    const storage = openStorage(dir, log);
    expect(storage.available).toBe(false);
    expect(storage.pending()).toEqual([]);
    storage.saveAnswer("a1", fixedAnswer("action 14"));
    expect(await storage.recordFeedback({ answerId: "a1", rating: "negative", userId: "U1" })).toBe("unavailable");
    expect(warnings(records)).toEqual([
      expect.objectContaining({ file: join(dir, FEEDBACK_FILE), code: "SQLITE_NOTADB", advice: expect.stringContaining("is damaged: move it aside") }),
    ]);
    storage.close();
  });

  it("a file that cannot be written at start: no throw, one warning naming it", async () => {
    const dir = tempDir();
    const { log, records } = memoryLogger();
    const storage = openStorage(dir, log, {
      open: () => {
        throw new Database.SqliteError("attempt to write a readonly database", "SQLITE_READONLY");
      },
    });
    expect(storage.available).toBe(false);
    storage.addPending("C1/1.1", "mention", {});
    expect(await storage.flush(5000)).toBe(true);
    expect(warnings(records)).toEqual([expect.objectContaining({ code: "SQLITE_READONLY", advice: expect.stringContaining("cannot be written: give the bot's user write access") })]);
    storage.close();
  });

  it("a file locked while it is opened: opening is tried again soon, and the write lands without a warning", async () => {
    const dir = tempDir();
    const { log, records } = memoryLogger();
    let refusals = 2;
    const storage = openStorage(dir, log, {
      retryDelaysMs: [10, 10, 10],
      open: (d, lockWaitMs) => {
        if (refusals-- > 0) throw new Database.SqliteError("database is locked", "SQLITE_BUSY");
        return FeedbackStore.open(d, { lockWaitMs });
      },
    });
    storage.saveAnswer("a1", fixedAnswer("action 14"));
    expect(await storage.recordFeedback({ answerId: "a1", rating: "positive", userId: "U1" })).toBe("stored");
    expect(warnings(records)).toEqual([]);
    storage.close();
  });

  it("keeps pending questions across a restart until they are cleared", async () => {
    const dir = tempDir();
    const { log } = memoryLogger();
    const first = openStorage(dir, log);
    first.addPending("C1/1.1", "mention", { text: "action 14" }, new Date("2025-01-01T10:00:00Z"));
    first.addPending("C1/1.2", "dm", { text: "action 15" }, new Date("2025-01-01T10:00:01Z"));
    first.clearPending("C1/1.1");
    await first.flush(5000);
    first.close();
    const second = openStorage(dir, log);
    expect(second.pending()).toEqual([{ key: "C1/1.2", surface: "dm", payload: { text: "action 15" }, received_at: "2025-01-01T10:00:01.000Z" }]);
    second.close();
  });
});
