import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appMention } from "../../src/slack/listeners/events/app-mention.js";
import { APOLOGY } from "../../src/slack/messages.js";
import { FEEDBACK_FILE } from "../../src/storage/feedback-store.js";
import { failingStorage } from "../storage/support/faults.js";
import { stubPipeline } from "./support/answers.js";
import { context, mswSlack, testDeps, webClient } from "./support/msw-slack.js";
import { envelope, mention } from "./support/slack-payloads.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

function ask(deps: ReturnType<typeof testDeps>, channel: string) {
  const event = mention("action 14", { channel });
  return appMention(deps)({ event: event as never, body: envelope(event) as never, client: webClient(), context });
}

describe("answering never depends on the feedback store", () => {
  it("answers every question while the disk is full (it used to apologise for each)", async () => {
    const base = testDeps(stubPipeline());
    const disk = failingStorage(base.config.DATA_DIR, base.log, "SQLITE_FULL");
    disk.failWrites = true;
    const deps = { ...base, storage: disk.storage };
    for (let i = 0; i < 5; i++) await ask(deps, `C0FULL${i}`);
    const posted = slack.callsTo("chat.postMessage");
    expect(posted).toHaveLength(5);
    for (const call of posted) {
      expect(call.params.text).not.toBe(APOLOGY);
      expect(call.params.metadata).toMatchObject({ event_type: "fdr_answer" });
    }
    await disk.storage.flush(5000);
    expect(base.records.filter((r) => r.level === "warn").map((r) => r.msg)).toEqual(["feedback store unavailable, answering without feedback"]);
    expect(base.records.filter((r) => r.msg === "answered")).toHaveLength(5);
  });

  it("answers at once while another process holds the store's lock, and stores the answer once it is released", async () => {
    const deps = testDeps(stubPipeline());
    await deps.storage.flush(5000);
    const other = new Database(join(deps.config.DATA_DIR, FEEDBACK_FILE));
    other.exec("BEGIN IMMEDIATE");
    other.prepare("DELETE FROM pending").run();
    const started = performance.now();
    await ask(deps, "C0LOCKED");
    // Posted while the lock is still held: nothing on the answer's path waited for it.
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2500);
    other.exec("COMMIT");
    other.close();
    const answerId = (slack.callsTo("chat.postMessage")[0]!.params.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id;
    expect((await deps.stored()).answer(answerId)).toMatchObject({ question: "action 14" });
  });
});
