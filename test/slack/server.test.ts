import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createLogger } from "../../src/config/log.js";
import type { SlackPipeline } from "../../src/slack/deps.js";
import { APOLOGY, FEEDBACK_THANKS, shortHelp, suggestedPrompts, THINKING, TOO_LONG } from "../../src/slack/messages.js";
import { shownExamples } from "../../src/slack/render.js";
import { startSlack, type SlackService } from "../../src/slack/server.js";
import { FeedbackStore } from "../../src/storage/feedback-store.js";
import { openStorage } from "../../src/storage/storage.js";
import { realPipeline } from "../support/pipeline.js";
import { deferred } from "./support/answers.js";
import { BOT, FakeSlack, waitFor, type ApiCall } from "./support/fake-slack.js";
import { signatureHeaders } from "./support/signing.js";
import { directMessage, envelope, feedbackClick, mention, slashCommand, userTs } from "./support/slack-payloads.js";

/**
 * End to end, HTTP mode: the real app on 127.0.0.1 (port 0), the real pipeline, Slack's signing
 * algorithm, and a fake Web API (SLACK_API_URL) recording every call the app makes.
 */
const TOKEN = "xoxb-1111-2222-e2etokenvalue";
const SECRET = "e2e-signing-secret-8f3a1c";
const fake = new FakeSlack();
const lines: string[] = [];
const asked: string[] = [];
const loaded = deferred<SlackPipeline>();
const slow = { started: deferred(), release: deferred() };
let dataDir: string;
let service: SlackService;
let base: string;

beforeAll(async () => {
  await fake.start();
  dataDir = mkdtempSync(join(tmpdir(), "fdr-e2e-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    SLACK_RATE_LIMIT_PER_MINUTE: "1000",
  });
  // No `secrets` given: nothing may even try to log one (the shape guard would show "[redacted]").
  const log = createLogger("info", { write: (line) => lines.push(line) });
  service = await startSlack({ config, log, pipeline: loaded.promise, storage: openStorage(dataDir, log), host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${service.port}`;
});

afterAll(async () => {
  slow.release.resolve();
  await service?.stop();
  await fake.close();
});

async function pipelineReady(): Promise<void> {
  const real = await realPipeline();
  loaded.resolve({
    describe: () => real.describe(),
    ask: async (q, o) => {
      asked.push(q);
      if (q === "question piégée") throw new Error("index unreadable");
      if (q === "question lente") {
        slow.started.resolve();
        await slow.release.promise;
      }
      return real.ask(q, o);
    },
  });
}

function post(body: string, headers: Record<string, string>, contentType: string): Promise<Response> {
  return fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...headers }, body });
}

function sendEvent(payload: unknown, headers: Record<string, string> = {}, timestamp?: number): Promise<Response> {
  const body = JSON.stringify(payload);
  return post(body, { ...signatureHeaders(SECRET, body, timestamp), ...headers }, "application/json");
}

function sendForm(fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  return post(body, signatureHeaders(SECRET, body), "application/x-www-form-urlencoded");
}

const posts = (where: (c: ApiCall) => boolean = () => true) => fake.callsTo("chat.postMessage").filter(where);
const inThread = (ts: string) => (c: ApiCall) => c.params.thread_ts === ts;
const inChannel = (channel: string) => (c: ApiCall) => c.params.channel === channel;

describe("Slack over HTTP, end to end", () => {
  it("calls auth.test at start, on SLACK_API_URL with the bot token", () => {
    expect(fake.callsTo("auth.test")).toHaveLength(1);
    expect(fake.callsTo("auth.test")[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("answers /healthz 503 while the index loads, then 200 with the index's manifest summary", async () => {
    const before = await fetch(`${base}/healthz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: "loading" });
    await pipelineReady();
    const description = (await realPipeline()).describe();
    let after: Response | undefined;
    await waitFor(async () => (after = await fetch(`${base}/healthz`)).status === 200, "a healthy /healthz");
    expect(await after!.json()).toEqual({
      status: "ok",
      mode: "http",
      corpusHash: description.corpusHash,
      embedder: description.embedder,
      chunks: description.chunks,
      builtAt: description.builtAt,
      documents: description.documents.length,
    });
  });

  it("answers url_verification with the challenge", async () => {
    const res = await sendEvent({ token: "x", challenge: "chal-123", type: "url_verification" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "chal-123" });
  });

  it("rejects a bad signature and a timestamp older than 5 minutes with 401, without answering", async () => {
    const event = mention("action 14", { channel: "C0REJECTED" });
    const body = JSON.stringify(envelope(event));
    const forged = await post(body, { ...signatureHeaders("not-the-secret", body) }, "application/json");
    expect(forged.status).toBe(401);
    const stale = await sendEvent(envelope(event), {}, Math.floor(Date.now() / 1000) - 6 * 60);
    expect(stale.status).toBe(401);
    const unsigned = await post(body, {}, "application/json");
    expect(unsigned.status).toBe(401);
    // A correctly signed sentinel is answered; the rejected ones never were.
    const sentinel = mention("action 14", { channel: "C0SENTINEL" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("C0SENTINEL")).length === 1, "the sentinel's answer");
    expect(posts(inChannel("C0REJECTED"))).toEqual([]);
  });

  it("rejects a timestamp more than 5 minutes in the future with 401, like a stale one", async () => {
    const event = mention("action 14", { channel: "C0FUTURE" });
    const future = await sendEvent(envelope(event), {}, Math.floor(Date.now() / 1000) + 6 * 60);
    expect(future.status).toBe(401);
    const sentinel = mention("action 14", { channel: "C0FUTURE2" });
    expect((await sendEvent(envelope(sentinel), {}, Math.floor(Date.now() / 1000) + 60)).status).toBe(200);
    await waitFor(() => posts(inChannel("C0FUTURE2")).length === 1, "the sentinel's answer");
    expect(posts(inChannel("C0FUTURE"))).toEqual([]);
  });

  it("answers a correctly signed body Bolt cannot read with 400, and keeps serving", async () => {
    const signed = (body: string, contentType: string) => post(body, signatureHeaders(SECRET, body), contentType);
    for (const body of ["null", "[]", '"text"', "42", "{not json"]) expect((await signed(body, "application/json")).status, body).toBe(400);
    for (const payload of ["null", "[1]", "{not json"]) expect((await signed(`payload=${encodeURIComponent(payload)}`, "application/x-www-form-urlencoded")).status, payload).toBe(400);
    // Unsigned, the same body is refused as any unsigned request.
    expect((await post("null", {}, "application/json")).status).toBe(401);
    expect(lines.filter((l) => l.includes('"request refused"')).every((l) => !l.includes("not json"))).toBe(true);
    const sentinel = mention("action 14", { channel: "C0AFTERNULL" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("C0AFTERNULL")).length === 1, "the answer after the malformed bodies");
  });

  it("acknowledges an event at once and answers after", async () => {
    const event = mention("question lente", { channel: "C0SLOW" });
    const res = await sendEvent(envelope(event));
    expect(res.status).toBe(200);
    await slow.started.promise; // acknowledged while the answer is still being prepared
    expect(posts(inChannel("C0SLOW"))).toEqual([]);
    slow.release.resolve();
    await waitFor(() => posts(inChannel("C0SLOW")).length === 1, "the slow answer");
  });

  let answered: ApiCall;
  const mentionEvent = mention("c'est quoi l'ApCV ?", { channel: "C0GENERAL" });

  it("answers a mention in its thread, with blocks, sources, feedback buttons and citation metadata", async () => {
    const res = await sendEvent(envelope(mentionEvent, "Ev0MENTION"));
    expect(res.status).toBe(200);
    await waitFor(() => posts(inThread(mentionEvent.ts)).length === 1, "the mention's answer");
    answered = posts(inThread(mentionEvent.ts))[0]!;
    expect(answered.authorization).toBe(`Bearer ${TOKEN}`);
    expect(answered.params).toMatchObject({ channel: "C0GENERAL", thread_ts: mentionEvent.ts, metadata: { event_type: "fdr_answer" } });
    expect(String(answered.params.text)).toContain("ApCV");
    const blocks = answered.params.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.at(-1)?.type).toBe("context_actions");
    expect(blocks.some((b) => b.text?.text.startsWith("*Sources*\n[1] "))).toBe(true);
    expect((answered.params.metadata as { event_payload: { citations: string } }).event_payload.citations).toContain("fdr-2023-2027#action-13");
  });

  it("never answers a retried delivery (X-Slack-Retry-Num) twice", async () => {
    const res = await sendEvent(envelope(mentionEvent, "Ev0MENTION"), { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(res.status).toBe(200);
    await waitFor(() => lines.some((l) => l.includes('"duplicate delivery ignored"') && l.includes('"retry_num":1')), "the retry to be dropped");
    expect(posts(inThread(mentionEvent.ts))).toHaveLength(1);
  });

  it("answers once when the same message arrives as app_mention and as message", async () => {
    const event = mention("action 14", { channel: "C0TWIN" });
    await Promise.all([
      sendEvent(envelope(event)),
      sendEvent(envelope({ ...event, type: "message", channel_type: "channel" })),
      sendEvent(envelope({ ...event })),
    ]);
    await waitFor(() => posts(inChannel("C0TWIN")).length === 1, "one answer");
    const sentinel = mention("action 14", { channel: "C0TWIN2" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("C0TWIN2")).length === 1, "the sentinel's answer");
    expect(posts(inChannel("C0TWIN"))).toHaveLength(1);
  });

  it("understands a follow-up in the mention's thread from its own record of the thread, without reading Slack", async () => {
    const thread = mentionEvent.ts;
    const reads = fake.callsTo("conversations.replies").length;
    const followUp = mention("et en 2019 ?", { channel: "C0GENERAL", thread_ts: thread, ts: "1799999999.000001" });
    await sendEvent(envelope(followUp));
    await waitFor(() => posts(inThread(thread)).length === 2, "the follow-up's answer");
    expect(fake.callsTo("conversations.replies")).toHaveLength(reads);
    const metadata = posts(inThread(thread))[1]!.params.metadata as { event_payload: { citations: string } };
    expect(metadata.event_payload.citations).toMatch(/virage-numerique-2019|lancement-2019/);
  });

  it("reads a thread it did not answer in from Slack (conversations.replies) to understand a follow-up there", async () => {
    const thread = "1700000900.000001";
    fake.on("conversations.replies", () => ({
      ok: true,
      messages: [
        { ts: thread, user: "U0ALICE", text: mentionEvent.text },
        { ts: "1700000900.000002", user: BOT.user_id, bot_id: BOT.bot_id, text: answered.params.text, metadata: answered.params.metadata },
        { ts: "1800000000.000001", user: "U0ALICE", text: "later" },
      ],
    }));
    const followUp = mention("et en 2019 ?", { channel: "C0OTHER", thread_ts: thread, ts: "1799999999.000002" });
    await sendEvent(envelope(followUp));
    await waitFor(() => posts(inThread(thread)).length === 1, "the follow-up's answer");
    expect(fake.callsTo("conversations.replies").at(-1)?.params).toMatchObject({ channel: "C0OTHER", ts: thread, include_all_metadata: "true" });
    const metadata = posts(inThread(thread))[0]!.params.metadata as { event_payload: { citations: string } };
    expect(metadata.event_payload.citations).toMatch(/virage-numerique-2019|lancement-2019/);
  });

  it("answers a follow-up as a standalone question when the thread read is rate-limited, without holding up other answers", async () => {
    fake.onRaw("conversations.replies", () => ({ status: 429, headers: { "retry-after": "60" }, body: { ok: false, error: "ratelimited" } }));
    const reads = fake.callsTo("conversations.replies").length;
    const followUp = mention("et la cybersécurité ?", { channel: "C0LIMITED", thread_ts: "1700000950.000001" });
    await sendEvent(envelope(followUp));
    await waitFor(() => fake.callsTo("conversations.replies").length > reads, "the thread read");
    // Another person's question, sent once Slack has said Retry-After: 60 to the thread read.
    const other = directMessage("action 14", { channel: "D0BOB", user: "U0BOB" });
    await sendEvent(envelope(other));
    // Both well before the minute a paused Web API client would have waited.
    await waitFor(() => posts(inChannel("D0BOB")).length === 1 && posts(inChannel("C0LIMITED")).length === 1, "both answers", 20_000);
    expect(posts(inChannel("C0LIMITED"))[0]!.params).toMatchObject({ thread_ts: "1700000950.000001", metadata: { event_type: "fdr_answer" } });
    expect(lines.some((l) => l.includes('"thread history unavailable, answered as a standalone question"'))).toBe(true);
    fake.off("conversations.replies");
  });

  it("still retries an answer Slack rate-limits (429) and posts it once", async () => {
    let calls = 0;
    fake.onRaw("chat.postMessage", (params) => {
      if (params.channel === "C0POST429" && calls++ === 0) return { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } };
      return { status: 200, body: { ok: true, channel: params.channel, ts: fake.nextTs() } };
    });
    await sendEvent(envelope(mention("action 14", { channel: "C0POST429" })));
    await waitFor(() => posts(inChannel("C0POST429")).length === 2, "the retried answer", 20_000);
    fake.off("chat.postMessage");
    expect(calls).toBe(2);
    const sentinel = mention("action 14", { channel: "C0POST429B" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("C0POST429B")).length === 1, "the next answer");
    expect(posts(inChannel("C0POST429"))).toHaveLength(2); // one refused, one posted: a single answer
  });

  it("still retries an answer Slack fails to take (500) and posts it once", async () => {
    let calls = 0;
    fake.onRaw("chat.postMessage", (params) => {
      if (params.channel === "C0POST500" && calls++ === 0) return { status: 500, body: { ok: false, error: "internal_error" } };
      return { status: 200, body: { ok: true, channel: params.channel, ts: fake.nextTs() } };
    });
    await sendEvent(envelope(mention("action 14", { channel: "C0POST500" })));
    await waitFor(() => posts(inChannel("C0POST500")).length === 2, "the retried answer", 30_000);
    fake.off("chat.postMessage");
    const sentinel = mention("action 14", { channel: "C0POST500B" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("C0POST500B")).length === 1, "the next answer");
    expect(posts(inChannel("C0POST500"))).toHaveLength(2);
  });

  it("answers a direct message in the DM", async () => {
    const dm = directMessage("action 14", { channel: "D0ALICE" });
    await sendEvent(envelope(dm));
    await waitFor(() => posts(inChannel("D0ALICE")).length === 1, "the DM's answer");
    expect(posts(inChannel("D0ALICE"))[0]!.params).not.toHaveProperty("thread_ts");
  });

  it("in an assistant thread: status while preparing, a title, then the answer in the thread", async () => {
    const thread = userTs();
    fake.on("conversations.replies", () => ({ ok: true, messages: [] }));
    const dm = directMessage("2019 action 12", { channel: "D0PANEL", thread_ts: thread });
    await sendEvent(envelope(dm));
    await waitFor(() => posts(inChannel("D0PANEL")).length === 1, "the panel's answer");
    expect(fake.callsTo("assistant.threads.setStatus").at(-1)?.params).toEqual({ team_id: BOT.team_id, channel_id: "D0PANEL", thread_ts: thread, ...THINKING });
    expect(fake.callsTo("assistant.threads.setTitle").at(-1)?.params).toEqual({ team_id: BOT.team_id, channel_id: "D0PANEL", thread_ts: thread, title: "2019 action 12" });
    expect(posts(inChannel("D0PANEL"))[0]!.params.thread_ts).toBe(thread);
  });

  it("sets French suggested prompts when an assistant thread starts", async () => {
    const thread = userTs();
    await sendEvent(
      envelope({
        type: "assistant_thread_started",
        assistant_thread: { user_id: "U0ALICE", context: { channel_id: "C0GENERAL", team_id: BOT.team_id, enterprise_id: null }, channel_id: "D0PANEL", thread_ts: thread },
        event_ts: thread,
      }),
    );
    await waitFor(() => fake.callsTo("assistant.threads.setSuggestedPrompts").length === 1, "suggested prompts");
    const prompts = suggestedPrompts((await realPipeline()).describe().examples.fr);
    expect(prompts.prompts.map((p) => p.message)).toContain("Les axes de 2023-2027");
    expect(fake.callsTo("assistant.threads.setSuggestedPrompts")[0]!.params).toEqual({ team_id: BOT.team_id, channel_id: "D0PANEL", thread_ts: thread, ...prompts });
  });

  it("ignores bot messages, its own messages and edits", async () => {
    const dm = directMessage("action 14", { channel: "D0IGNORED" });
    await sendEvent(envelope({ ...dm, subtype: "bot_message", bot_id: "B0OTHER", user: undefined }));
    await sendEvent(envelope({ ...dm, ts: userTs(), user: BOT.user_id, bot_id: BOT.bot_id }));
    await sendEvent(envelope({ type: "message", subtype: "message_changed", channel_type: "im", channel: "D0IGNORED", hidden: true, ts: userTs(), message: { ...dm, text: "modifié" } }));
    await sendEvent(envelope({ type: "message", subtype: "message_deleted", channel_type: "im", channel: "D0IGNORED", hidden: true, ts: userTs(), deleted_ts: dm.ts }));
    const sentinel = directMessage("action 14", { channel: "D0SENTINEL" });
    await sendEvent(envelope(sentinel));
    await waitFor(() => posts(inChannel("D0SENTINEL")).length === 1, "the sentinel's answer");
    expect(fake.calls.filter((c) => c.params.channel === "D0IGNORED" || c.params.channel_id === "D0IGNORED")).toEqual([]);
  });

  it("gives a short help for an empty mention and a polite reply to a huge message", async () => {
    const empty = { ...mention(""), channel: "C0EMPTY", text: `<@${BOT.user_id}>` };
    const huge = mention("a".repeat(5000), { channel: "C0HUGE" });
    await sendEvent(envelope(empty));
    await sendEvent(envelope(huge));
    await waitFor(() => posts(inChannel("C0EMPTY")).length === 1 && posts(inChannel("C0HUGE")).length === 1, "both replies");
    expect(posts(inChannel("C0EMPTY"))[0]!.params).toMatchObject({ text: shortHelp(shownExamples((await realPipeline()).describe())), thread_ts: empty.ts });
    expect(posts(inChannel("C0HUGE"))[0]!.params).toMatchObject({ text: TOO_LONG, thread_ts: huge.ts });
    expect(asked.some((q) => q.startsWith("aaaa"))).toBe(false);
  });

  it("apologises when a listener fails, and keeps serving", async () => {
    const broken = mention("question piégée", { channel: "C0BROKEN" });
    await sendEvent(envelope(broken));
    await waitFor(() => posts(inChannel("C0BROKEN")).length === 1, "the apology");
    expect(posts(inChannel("C0BROKEN"))[0]!.params).toMatchObject({ text: APOLOGY, thread_ts: broken.ts });
    const next = mention("action 14", { channel: "C0AFTER" });
    await sendEvent(envelope(next));
    await waitFor(() => posts(inChannel("C0AFTER")).length === 1, "the next answer");
    expect(String(posts(inChannel("C0AFTER"))[0]!.params.text)).toContain("14");
  });

  it("stores a feedback click (form-encoded payload) and thanks privately", async () => {
    const answerId = (answered.params.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id;
    const click = feedbackClick(`negative:${answerId}`, { channel: "C0GENERAL", thread_ts: mentionEvent.ts, user: "U0ALICE" });
    const res = await sendForm({ payload: JSON.stringify(click) });
    expect(res.status).toBe(200);
    await waitFor(() => fake.callsTo("chat.postEphemeral").length === 1, "the thanks");
    expect(fake.callsTo("chat.postEphemeral")[0]!.params).toEqual({
      team_id: BOT.team_id,
      channel: "C0GENERAL",
      user: "U0ALICE",
      text: FEEDBACK_THANKS.negative,
      thread_ts: mentionEvent.ts,
    });
    const store = FeedbackStore.open(dataDir);
    expect(store.feedback()).toMatchObject([{ answer_id: answerId, rating: "negative", question: "c'est quoi l'ApCV ?" }]);
    expect(store.candidates()[0]?.expected).toContain("fdr-2023-2027#action-13");
    store.close();
  });

  it("answers /feuille-de-route through the response URL", async () => {
    const res = await sendForm(slashCommand("action 14", fake.responseUrl("cmd1")));
    expect(res.status).toBe(200);
    await waitFor(() => fake.callsTo("response_url:cmd1").length === 1, "the command's answer");
    const reply = fake.callsTo("response_url:cmd1")[0]!.params;
    expect(reply).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("14") });
    expect(JSON.stringify(reply.blocks)).toContain("Action 14");
  });

  it("publishes the App Home", async () => {
    await sendEvent(envelope({ type: "app_home_opened", user: "U0ALICE", channel: "D0ALICE", tab: "home", event_ts: userTs() }));
    await waitFor(() => fake.callsTo("views.publish").length === 1, "the Home view");
    const view = fake.callsTo("views.publish")[0]!.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(JSON.stringify(view.blocks)).toContain("Feuille de route 2023-2027");
  });

  it("logs structured lines with the answer latency, and no token, secret or message text at info", () => {
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const answeredRecords = records.filter((r) => r.msg === "answered");
    expect(answeredRecords.length).toBeGreaterThan(5);
    for (const r of answeredRecords) expect(r.answer_ms).toEqual(expect.any(Number));
    const all = lines.join("\n");
    for (const secret of [TOKEN, SECRET, "[redacted]", "xoxb-"]) expect(all).not.toContain(secret);
    for (const text of ["ApCV", "question lente", "question piégée", "et en 2019", "action 14", "aaaaaaaaaa"]) expect(all).not.toContain(text);
    // Only the expected failure was an error: no Web API call went anywhere but SLACK_API_URL.
    expect(records.filter((r) => r.level === "error").map((r) => r.msg)).toEqual(["answer failed"]);
  });

  it("on stop: takes no new event, finishes the answer under way, then closes", async () => {
    const gate = { started: deferred(), release: deferred() };
    slow.started = gate.started;
    slow.release = gate.release;
    const inFlight = mention("question lente", { channel: "C0DRAIN" });
    await sendEvent(envelope(inFlight));
    await gate.started.promise;
    const stopped = service.stop();
    const late = await sendEvent(envelope(mention("action 14", { channel: "C0LATE" }))).then(
      (r) => r.status,
      () => "refused",
    );
    expect([503, "refused"]).toContain(late);
    gate.release.resolve();
    await stopped;
    expect(posts(inChannel("C0DRAIN"))).toHaveLength(1);
    expect(posts(inChannel("C0LATE"))).toEqual([]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
