import { App } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../../../src/config/log.js";
import { boltLogger } from "../../../../src/slack/bolt-logger.js";
import { registerListeners } from "../../../../src/slack/listeners/index.js";
import { assistantThreadStarted } from "../../../../src/slack/listeners/assistant/thread-started.js";
import { assistantUserMessage } from "../../../../src/slack/listeners/assistant/user-message.js";
import { THINKING } from "../../../../src/slack/messages.js";
import { fixedAnswer, stubPipeline } from "../../support/answers.js";
import { BOT } from "../../support/fake-slack.js";
import { API, context, mswSlack, testDeps, webClient } from "../../support/msw-slack.js";
import { directMessage, envelope } from "../../support/slack-payloads.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

const THREAD = "1700000020.000001";

function run(deps: ReturnType<typeof testDeps>, message: Record<string, unknown>, steps: string[], setStatus = async (s: unknown) => void steps.push(`status:${JSON.stringify(s)}`)) {
  return assistantUserMessage(deps)({
    message: message as never,
    body: envelope(message) as never,
    client: webClient(),
    context,
    setStatus: setStatus as never,
    setTitle: (async (t: string) => void steps.push(`title:${t}`)) as never,
  });
}

describe("assistant panel", () => {
  it("offers French suggested prompts when a thread starts: the pipeline's examples, as typed", async () => {
    const setSuggestedPrompts = vi.fn(async () => ({ ok: true }));
    await assistantThreadStarted(testDeps(stubPipeline()))({ setSuggestedPrompts } as never);
    expect(setSuggestedPrompts).toHaveBeenCalledWith({
      title: "Par exemple :",
      prompts: [
        { title: "C'est quoi le carnet R&D ?", message: "C'est quoi le carnet R&D ?" },
        { title: "Qu'est devenu le carnet depuis 2001 ?", message: "Qu'est devenu le carnet depuis 2001 ?" },
        { title: "Les volets de 2030-2034", message: "Les volets de 2030-2034" },
      ],
    });
  });

  it("shows a status, titles the thread with the first question, then answers in the thread", async () => {
    const steps: string[] = [];
    const deps = testDeps(stubPipeline(async (q) => (steps.push("ask"), fixedAnswer(q))));
    await run(deps, directMessage("c'est quoi l'ApCV ?", { thread_ts: THREAD }), steps);
    expect(steps).toEqual([`status:${JSON.stringify(THINKING)}`, "title:c'est quoi l'ApCV ?", "ask"]);
    expect(slack.calls.map((c) => c.method)).toEqual(["conversations.replies", "chat.postMessage"]);
    expect(slack.callsTo("chat.postMessage")[0]!.params).toMatchObject({ channel: "D0ALICE", thread_ts: THREAD });
  });

  it("keeps the title of a thread that already has a question", async () => {
    const steps: string[] = [];
    slack.on("conversations.replies", () => ({ ok: true, messages: [{ ts: THREAD, user: "U0ALICE", text: "action 14" }] }));
    await run(testDeps(stubPipeline()), directMessage("et en 2019 ?", { thread_ts: THREAD, ts: "1700000020.000009" }), steps);
    expect(steps).toEqual([`status:${JSON.stringify(THINKING)}`]);
  });

  it("answers even when the status cannot be set", async () => {
    const deps = testDeps(stubPipeline());
    await run(deps, directMessage("action 14", { thread_ts: THREAD }), [], async () => {
      throw new Error("not an assistant thread");
    });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(deps.records.find((r) => r.msg === "assistant status not set")).toMatchObject({ level: "warn" });
  });

  it("ignores a change of context, leaving the thread's messages alone (Bolt's default would rewrite its first answer)", async () => {
    // The thread opens with one of the bot's answers, carrying its citations in metadata.
    slack.on("auth.test", () => ({ ok: true, user_id: BOT.user_id, bot_id: BOT.bot_id, team_id: BOT.team_id }));
    slack.on("conversations.replies", () => ({
      ok: true,
      messages: [{ ts: THREAD, user: BOT.user_id, text: "Réponse", metadata: { event_type: "fdr_answer", event_payload: { citations: "fdr-2023-2027#action-14" } } }],
    }));
    const app = new App({ token: "xoxb-test-token", signingSecret: "unused", logger: boltLogger(createLogger("silent"), "silent"), clientOptions: { slackApiUrl: API, retryConfig: { retries: 0 } } });
    const deps = testDeps(stubPipeline());
    registerListeners(app, deps);
    const event = {
      type: "assistant_thread_context_changed",
      assistant_thread: { user_id: "U0ALICE", context: { channel_id: "C0OTHER", team_id: BOT.team_id, enterprise_id: null }, channel_id: "D0PANEL", thread_ts: THREAD },
      event_ts: "1700000030.000001",
    };
    await app.processEvent({ body: envelope(event), ack: async () => undefined });
    expect(slack.calls.map((c) => c.method).filter((m) => m !== "auth.test")).toEqual([]);
    expect(deps.records.filter((r) => r.level === "error")).toEqual([]);
  });
});
