import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AskOptions } from "../../../../src/answer/pipeline.js";
import { appMention } from "../../../../src/slack/listeners/events/app-mention.js";
import { APOLOGY, RATE_LIMITED, TOO_LONG } from "../../../../src/slack/messages.js";
import { realPipeline } from "../../../support/pipeline.js";
import { fixedAnswer, SHORT_HELP, stubPipeline } from "../../support/answers.js";
import { context, mswSlack, testDeps, webClient } from "../../support/msw-slack.js";
import { envelope, mention } from "../../support/slack-payloads.js";

const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => slack.reset());
afterAll(() => slack.server.close());

function run(deps: ReturnType<typeof testDeps>, event: ReturnType<typeof mention>) {
  return appMention(deps)({ event, body: envelope(event) as never, client: webClient(), context });
}

describe("app_mention", () => {
  it("answers in the mention's thread: text fallback, blocks, feedback and citation metadata", async () => {
    const deps = testDeps(stubPipeline());
    const event = mention("action 14", { channel: "C0GENERAL", ts: "1700000001.000100" });
    await run(deps, event);
    expect(slack.calls.map((c) => c.method)).toEqual(["chat.postMessage"]);
    const post = slack.calls[0]!.params;
    expect(post).toMatchObject({
      channel: "C0GENERAL",
      thread_ts: "1700000001.000100",
      text: "Feuille de route 2023-2027 — action 14 : « Cybersécurité ». [1]",
      metadata: { event_type: "fdr_answer", event_payload: { citations: "fdr-2023-2027#action-14" } },
    });
    expect((post.blocks as { type: string }[]).map((b) => b.type)).toEqual(["section", "section", "context_actions"]);
    const answerId = (post.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id;
    expect((await deps.stored()).answer(answerId)).toMatchObject({ question: "action 14", citations: [{ id: "fdr-2023-2027#action-14" }] });
    expect(deps.records.find((r) => r.msg === "answered")).toMatchObject({ surface: "mention", kind: "structural", answer_ms: expect.any(Number) });
  });

  it("cleans Slack markup before retrieval", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    await run(testDeps(stubPipeline(ask)), { ...mention(""), text: "<@UBOT> <!here> vu dans <#C1|e-sante> : R&amp;D <https://x.fr|ApCV> ?" });
    expect(ask).toHaveBeenCalledWith("vu dans #e-sante : R&D ApCV ?", { history: [], signal: expect.any(AbortSignal), onDelta: expect.any(Function) });
  });

  it("understands a follow-up from the thread's earlier turns (conversations.replies)", async () => {
    const pipeline = await realPipeline();
    const asked: AskOptions[] = [];
    const deps = testDeps({ describe: () => pipeline.describe(), ask: (q, o) => (asked.push(o ?? {}), pipeline.ask(q, o)) });
    const root = "1700000002.000100";
    slack.on("conversations.replies", (params) => {
      expect(params).toMatchObject({ channel: "C0GENERAL", ts: root, include_all_metadata: "true" });
      return {
        ok: true,
        messages: [
          { ts: root, user: "U0ALICE", text: "<@UBOT> c'est quoi l'ApCV ?" },
          {
            ts: "1700000002.000200",
            user: "UBOT",
            bot_id: "BBOT",
            text: "Action 13… [1] Action 7… [2]",
            metadata: { event_type: "fdr_answer", event_payload: { answer_id: "x", citations: "fdr-2023-2027#action-13 virage-numerique-2019#action-7" } },
          },
          { ts: "1700000002.000300", user: "U0ALICE", text: "<@UBOT> détaille la deuxième" },
        ],
      };
    });
    await run(deps, mention("détaille la deuxième", { ts: "1700000002.000300", thread_ts: root }));
    expect(asked[0]!.history).toEqual([
      { role: "user", text: "c'est quoi l'ApCV ?", citations: [] },
      { role: "assistant", text: "Action 13… [1] Action 7… [2]", citations: ["fdr-2023-2027#action-13", "virage-numerique-2019#action-7"] },
    ]);
    const post = slack.callsTo("chat.postMessage")[0]!.params;
    expect(post.thread_ts).toBe(root);
    expect((post.metadata as { event_payload: { citations: string } }).event_payload.citations.split(" ")[0]).toBe("virage-numerique-2019#action-7");
  });

  it("answers without history when the thread cannot be read", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    const deps = testDeps(stubPipeline(ask));
    slack.on("conversations.replies", () => ({ ok: false, error: "missing_scope" }));
    await run(deps, mention("et en 2019 ?", { thread_ts: "1700000003.000100" }));
    expect(ask).toHaveBeenCalledWith("et en 2019 ?", { history: [], signal: expect.any(AbortSignal), onDelta: expect.any(Function) });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(deps.records.find((r) => r.msg === "thread history unavailable, answered as a standalone question")).toMatchObject({ level: "warn" });
  });

  it("gives a short help for an empty mention, and the full help for « aide »", async () => {
    const ask = vi.fn();
    const deps = testDeps(stubPipeline(ask));
    await run(deps, { ...mention(""), text: "<@UBOT>" });
    await run(deps, mention("aide"));
    expect(ask).not.toHaveBeenCalled();
    const texts = slack.callsTo("chat.postMessage").map((c) => c.params.text as string);
    expect(texts[0]).toBe(SHORT_HELP);
    expect(texts[1]).toMatch(/^Je réponds à partir de ces textes : Feuille de route 2023-2027, Feuille de route 2019\./);
  });

  it("replies politely to a message over 4,000 characters, without searching", async () => {
    const ask = vi.fn();
    await run(testDeps(stubPipeline(ask)), mention("a".repeat(4000)));
    expect(ask).not.toHaveBeenCalled();
    expect(slack.callsTo("chat.postMessage").map((c) => c.params.text)).toEqual([TOO_LONG]);
  });

  it("limits each user's questions per minute, saying so kindly once", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    const deps = testDeps(stubPipeline(ask), { SLACK_RATE_LIMIT_PER_MINUTE: "1" });
    await run(deps, mention("action 1", { user: "U0BOB" }));
    await run(deps, mention("action 2", { user: "U0BOB" }));
    await run(deps, mention("action 3", { user: "U0BOB" }));
    await run(deps, mention("action 4", { user: "U0CAROL" }));
    expect(ask.mock.calls.map((c) => c[0])).toEqual(["action 1", "action 4"]);
    expect(slack.callsTo("chat.postMessage").map((c) => c.params.text)).toContain(RATE_LIMITED);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("ignores mentions written by bots", async () => {
    const ask = vi.fn();
    await run(testDeps(stubPipeline(ask)), { ...mention("action 14"), bot_id: "B0OTHER" } as never);
    expect(slack.calls).toEqual([]);
  });

  it("answers one message once, even delivered twice under different event IDs", async () => {
    const ask = vi.fn(async (q: string) => fixedAnswer(q));
    const deps = testDeps(stubPipeline(ask));
    const event = mention("action 14");
    await Promise.all([run(deps, event), run(deps, { ...event })]);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("apologises when the pipeline fails, and keeps answering", async () => {
    const deps = testDeps(stubPipeline(async (q) => (q === "panne" ? Promise.reject(new Error("index unreadable")) : fixedAnswer(q))));
    await run(deps, mention("panne"));
    await run(deps, mention("action 14"));
    const texts = slack.callsTo("chat.postMessage").map((c) => c.params.text);
    expect(texts[0]).toBe(APOLOGY);
    expect(texts[1]).toContain("action 14");
    expect(deps.records.find((r) => r.msg === "answer failed")).toMatchObject({ level: "error", error: { message: "index unreadable" } });
  });
});
