import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { feedback } from "../../../../src/slack/listeners/actions/feedback.js";
import { FEEDBACK_THANKS, FEEDBACK_UNAVAILABLE } from "../../../../src/slack/messages.js";
import { hashUser } from "../../../../src/storage/feedback-store.js";
import { fixedAnswer, stubPipeline } from "../../support/answers.js";
import { mswSlack, testDeps, webClient } from "../../support/msw-slack.js";
import { feedbackClick } from "../../support/slack-payloads.js";
import { failingStorage } from "../../../storage/support/faults.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

function click(deps: ReturnType<typeof testDeps>, body: ReturnType<typeof feedbackClick>, respond = vi.fn(async () => undefined)) {
  const ack = vi.fn(async () => undefined);
  return { ack, respond, done: feedback(deps)({ ack, respond: respond as never, body: body as never, action: body.actions[0] as never, client: webClient() }) };
}

describe("feedback buttons", () => {
  it("stores the click with a hashed user and thanks the person privately in the thread", async () => {
    const deps = testDeps(stubPipeline());
    deps.storage.saveAnswer("a1", fixedAnswer("action 14"));
    const { ack, done } = click(deps, feedbackClick("negative:a1", { channel: "C0GENERAL", thread_ts: "1700000001.000100" }));
    await done;
    expect(ack).toHaveBeenCalledOnce();
    expect((await deps.stored()).feedback()).toMatchObject([{ answer_id: "a1", rating: "negative", user_hash: hashUser("U0ALICE"), question: "action 14" }]);
    expect(slack.calls.map((c) => [c.method, c.params])).toEqual([
      ["chat.postEphemeral", { channel: "C0GENERAL", user: "U0ALICE", text: FEEDBACK_THANKS.negative, thread_ts: "1700000001.000100" }],
    ]);
  });

  it("answers an ephemeral message's click through its response URL", async () => {
    const deps = testDeps(stubPipeline());
    deps.storage.saveAnswer("a2", fixedAnswer("action 14"));
    const { respond, done } = click(deps, feedbackClick("positive:a2", { is_ephemeral: true }));
    await done;
    expect(respond).toHaveBeenCalledWith({ response_type: "ephemeral", replace_original: false, text: FEEDBACK_THANKS.positive });
    expect(slack.calls).toEqual([]);
    expect((await deps.stored()).feedback()).toHaveLength(1);
  });

  it("still thanks, without storing, a click on an answer it no longer knows", async () => {
    const deps = testDeps(stubPipeline());
    const { done } = click(deps, feedbackClick("positive:gone"));
    await done;
    expect((await deps.stored()).feedback()).toEqual([]);
    expect(slack.callsTo("chat.postEphemeral")).toHaveLength(1);
    expect(deps.records.find((r) => r.msg === "feedback on an unknown answer")).toMatchObject({ level: "warn" });
  });

  it("stores and thanks a replayed click (same action timestamp, same person) once", async () => {
    const deps = testDeps(stubPipeline());
    deps.storage.saveAnswer("a3", fixedAnswer("action 14"));
    const body = feedbackClick("negative:a3", { channel: "C0GENERAL" });
    await click(deps, body).done;
    await click(deps, body).done;
    expect((await deps.stored()).feedback()).toHaveLength(1);
    expect(slack.callsTo("chat.postEphemeral")).toHaveLength(1);
    // Another person's click on the same answer, or the same person's next click, is its own.
    await click(deps, { ...body, user: { ...body.user, id: "U0BOB" } }).done;
    await click(deps, { ...body, actions: [{ ...body.actions[0]!, action_ts: "1700000700.000001" }] }).done;
    expect((await deps.stored()).feedback()).toHaveLength(3);
  });

  it("says the click was not kept when the store cannot be written", async () => {
    const deps = testDeps(stubPipeline());
    const down = failingStorage(deps.config.DATA_DIR, deps.log, "SQLITE_FULL");
    deps.storage.saveAnswer("a4", fixedAnswer("action 14"));
    await deps.storage.flush(5000);
    down.failWrites = true;
    const { done } = click({ ...deps, storage: down.storage }, feedbackClick("negative:a4", { channel: "C0GENERAL" }));
    await done;
    expect(slack.callsTo("chat.postEphemeral")[0]!.params).toMatchObject({ channel: "C0GENERAL", user: "U0ALICE", text: FEEDBACK_UNAVAILABLE });
    expect(deps.records.find((r) => r.msg === "feedback store unavailable, answering without feedback")).toMatchObject({ level: "warn", code: "SQLITE_FULL" });
  });
});
