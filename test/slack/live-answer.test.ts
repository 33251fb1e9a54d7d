import { HttpResponse } from "msw";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AskOptions } from "../../src/answer/pipeline.js";
import type { Answer } from "../../src/answer/schema.js";
import { cleanSlackText } from "../../src/slack/clean.js";
import type { SlackPipeline } from "../../src/slack/deps.js";
import { assistantUserMessage } from "../../src/slack/listeners/assistant/user-message.js";
import { appMention } from "../../src/slack/listeners/events/app-mention.js";
import { directMessage as dmListener } from "../../src/slack/listeners/events/message-im.js";
import { APOLOGY, THINKING, WRITING } from "../../src/slack/messages.js";
import { escapeMrkdwn, renderAnswer } from "../../src/slack/render.js";
import { llmPipeline } from "../answer/llm/support/llm-pipeline.js";
import { chatHandler, citingFirst, completion, groundedReply, isGeneration, type ChatBody } from "../answer/llm/support/openai-mock.js";
import { realPipeline } from "../support/pipeline.js";
import { fixedAnswer, stubPipeline } from "./support/answers.js";
import { waitFor } from "./support/fake-slack.js";
import { heldModel } from "./support/held-model.js";
import { context, mswSlack, testDeps, webClient } from "./support/msw-slack.js";
import { directMessage, envelope, mention } from "./support/slack-payloads.js";
import { botReplies } from "./support/thread-replay.js";

/** One msw server stands in for both Slack's Web API (recording every call) and the model (SSE). */
const slack = mswSlack();
beforeAll(() => slack.server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  slack.reset();
  slack.server.resetHandlers();
});
afterAll(() => slack.server.close());

const APCV = "c'est quoi l'ApCV ?";
// Long enough to be streamed in several calls, with the characters Slack needs escaped, and said
// by the excerpts each cites (action 13 of 2023-2027, action 7 of 2019): the answer is served.
const FIRST =
  "L'application carte Vitale (ApCV) est à diffuser largement & massivement <partout>, pour sécuriser la connexion des personnes " +
  "aux services numériques et permettre la bonne prise en charge de leurs frais de santé, en renforçant l'identitovigilance autour de l'Identité Nationale de Santé (INS).";
const SECOND = "Dès 2019, la mise à disposition de l'appli Carte Vitale (apCV) visait l'authentification numérique des usagers du système de santé.";
const twoStatements = (ids: string[]) => groundedReply([{ text: FIRST, citations: [ids[0]!] }, { text: SECOND, citations: [ids[1]!] }]);

type Block = { type: string; text?: { text: string }; elements?: { text?: string }[] };
type Metadata = { event_type: string; event_payload: { answer_id: string; citations: string } };

/** The LLM pipeline (model behind msw), keeping each answer it returns. */
async function modelPipeline(): Promise<SlackPipeline & { answers: Answer[] }> {
  const pipeline = await llmPipeline({ timeoutMs: 30_000 });
  const answers: Answer[] = [];
  return { answers, describe: () => pipeline.describe(), ask: async (q, o) => answers[answers.push(await pipeline.ask(q, o)) - 1]! };
}

function onMention(deps: ReturnType<typeof testDeps>, event: ReturnType<typeof mention>) {
  return appMention(deps)({ event, body: envelope(event) as never, client: webClient(), context });
}

/** A pipeline that writes a little live, waits until Slack shows it (`shown`), then answers. */
function writing(shown: () => boolean, finish: (q: string) => Answer | Promise<Answer> = (q) => fixedAnswer(q, { mode: "llm" })): SlackPipeline {
  return stubPipeline(async (q, o) => {
    o?.onDelta?.("x".repeat(300));
    await waitFor(shown, "the provisional answer");
    return finish(q);
  });
}
const posted = () => slack.callsTo("chat.postMessage").length === 1;
const started = () => slack.callsTo("chat.startStream").length === 1;

const chatMethods = () => slack.calls.filter((c) => c.method.startsWith("chat.")).map((c) => c.method);
const params = (method: string, i = 0) => slack.callsTo(method)[i]!.params;
/** What a non-streamed reply would have carried: the answer rendered with the ID it was stored under. */
const rendered = (answer: Answer, metadata: unknown) => renderAnswer(answer, (metadata as Metadata).event_payload.answer_id);

describe("a model-written answer, streamed", () => {
  it("streams into the thread (startStream → appendStream), and stopStream carries the cited answer, sources and feedback", async () => {
    const model = heldModel(twoStatements);
    slack.server.use(model.handler);
    const pipeline = await modelPipeline();
    const deps = testDeps(pipeline);
    const event = mention(APCV, { channel: "C0GENERAL" });
    const answered = onMention(deps, event);
    await model.release();
    await waitFor(() => slack.callsTo("chat.startStream").length === 1, "the stream to start");
    await model.release();
    await waitFor(() => slack.callsTo("chat.appendStream").length === 1, "an append");
    await model.end();
    await answered;

    expect(chatMethods().join(" ")).toMatch(/^chat\.startStream( chat\.appendStream)+ chat\.stopStream chat\.update$/);
    const ts = slack.callsTo("chat.startStream")[0]!.response!.ts;
    expect(params("chat.startStream")).toMatchObject({ channel: "C0GENERAL", thread_ts: event.ts, recipient_user_id: "U0ALICE", recipient_team_id: "T0FDR" });
    const pieces = slack.calls.filter((c) => /^chat\.(start|append)Stream$/.test(c.method));
    expect(slack.callsTo("chat.appendStream").every((c) => c.params.ts === ts)).toBe(true);
    const streamed = pieces.map((c) => c.params.markdown_text).join("");
    // Provisional text, escaped like every answer: what the model wrote so far, without markers.
    expect(escapeMrkdwn(`${FIRST}\n${SECOND}`).startsWith(streamed)).toBe(true);
    expect(streamed).toContain("largement &amp; massivement &lt;partout&gt;");

    const [answer] = pipeline.answers;
    expect(answer!.mode).toBe("llm");
    const stop = params("chat.stopStream");
    const expected = rendered(answer!, stop.metadata);
    expect(stop).toMatchObject({ channel: "C0GENERAL", ts, blocks: expected.blocks, metadata: expected.metadata });
    const blocks = stop.blocks as Block[];
    expect(blocks.map((b) => b.type)).toEqual(["section", "section", "context_actions"]);
    expect(blocks[0]!.text!.text).toBe(`${escapeMrkdwn(FIRST)} [1]\n${escapeMrkdwn(SECOND)} [2]`);
    expect(blocks[1]!.text!.text).toMatch(/^\*Sources\*\n\[1\] Feuille de route 2023-2027 .*\n\[2\] /);
    expect((stop.metadata as Metadata).event_payload.citations).toBe(answer!.citations.map((c) => c.id).join(" "));
    // The streamed text is then replaced: the message is exactly what a posted answer would be.
    expect(params("chat.update")).toMatchObject({ channel: "C0GENERAL", ts, ...expected });
    expect(slack.callsTo("chat.postMessage")).toEqual([]);
    expect((await deps.stored()).answer(expected.metadata!.event_payload.answer_id as string)).toMatchObject({ question: APCV });
    expect(deps.records.find((r) => r.msg === "answered")).toMatchObject({ delivery: "stream", kind: "search" });
  });

  it("falls back to a placeholder edited with chat.update when Slack refuses chat.startStream", async () => {
    slack.on("chat.startStream", () => ({ ok: false, error: "not_allowed_token_type" }));
    const model = heldModel(twoStatements);
    slack.server.use(model.handler);
    const pipeline = await modelPipeline();
    const deps = testDeps(pipeline);
    const event = mention(APCV);
    const answered = onMention(deps, event);
    await model.release();
    await waitFor(() => slack.callsTo("chat.postMessage").length === 1, "the placeholder");
    await model.release();
    await waitFor(() => slack.callsTo("chat.update").length === 1, "an edit");
    await model.end();
    await answered;

    expect(chatMethods().join(" ")).toMatch(/^chat\.startStream chat\.postMessage( chat\.update)+$/);
    const placeholder = params("chat.postMessage");
    const ts = slack.callsTo("chat.postMessage")[0]!.response!.ts;
    expect(placeholder).toMatchObject({ channel: "C0GENERAL", thread_ts: event.ts });
    expect(placeholder.text).toMatch(new RegExp(`^L'application carte Vitale .*${WRITING}$`));
    const edits = slack.callsTo("chat.update").map((c) => c.params);
    for (const edit of edits.slice(0, -1)) {
      expect(edit.ts).toBe(ts);
      expect(escapeMrkdwn(`${FIRST}\n${SECOND}`).startsWith((edit.text as string).slice(0, -WRITING.length))).toBe(true);
    }
    const final = edits.at(-1)!;
    expect(final).toMatchObject({ channel: "C0GENERAL", ts, ...rendered(pipeline.answers[0]!, final.metadata) });
    expect(deps.records.find((r) => r.msg === "streaming refused, editing a placeholder instead")).toMatchObject({ level: "info", error: { message: expect.stringContaining("not_allowed_token_type") } });
    expect(deps.records.find((r) => r.msg === "answered")).toMatchObject({ delivery: "edit" });
  });

  it("ends a stream the model broke off halfway with the extractive answer and its note, and keeps answering", async () => {
    const model = heldModel(twoStatements);
    slack.server.use(model.handler);
    const pipeline = await modelPipeline();
    const deps = testDeps(pipeline);
    const answered = onMention(deps, mention(APCV));
    await model.release();
    await waitFor(() => slack.callsTo("chat.startStream").length === 1, "the stream to start");
    await model.cut();
    await answered;

    const [answer] = pipeline.answers;
    expect(answer).toMatchObject({ mode: "extractive", fallback_reason: "Réponse extractive : la réponse du modèle de langue a été interrompue." });
    expect(chatMethods()).toEqual(["chat.startStream", "chat.stopStream", "chat.update"]);
    const stop = params("chat.stopStream");
    const expected = rendered(answer!, stop.metadata);
    expect(stop.blocks).toEqual(expected.blocks);
    expect(JSON.stringify(stop.blocks)).toContain("_Réponse extractive : la réponse du modèle de langue a été interrompue._");
    expect(params("chat.update")).toMatchObject(expected);

    slack.reset();
    await onMention(deps, mention("action 14"));
    expect(chatMethods()).toEqual(["chat.postMessage"]);
    expect(params("chat.postMessage").text).toContain("action 14");
  });

  it("lets a follow-up in the thread see the streamed answer's citations", async () => {
    const model = heldModel(twoStatements, { rewrite: "Qu'est-ce que l'ApCV dans la feuille de route 2019 ?" });
    slack.server.use(model.handler);
    const pipeline = await modelPipeline();
    const asked: AskOptions[] = [];
    const deps = testDeps({ describe: pipeline.describe, ask: (q, o) => (asked.push(o ?? {}), pipeline.ask(q, o)) });
    const root = mention(APCV, { channel: "C0GENERAL" });
    const first = onMention(deps, root);
    await model.release();
    await waitFor(() => slack.callsTo("chat.startStream").length === 1, "the stream to start");
    await model.end();
    await first;

    // The thread as Slack would return it: the question, then the bot's message as streamed and edited.
    const followUp = mention("et en 2019 ?", { channel: "C0GENERAL", thread_ts: root.ts, ts: "1700000900.000001" });
    slack.on("conversations.replies", (p) => ({
      ok: true,
      messages: [{ ts: root.ts, user: "U0ALICE", text: root.text }, ...botReplies(slack.calls, String(p.channel), String(p.ts)), { ts: followUp.ts, user: "U0ALICE", text: followUp.text }],
    }));
    slack.server.use(chatHandler((body: ChatBody) => (isGeneration(body) ? citingFirst()(body) : HttpResponse.json(completion("Qu'est-ce que l'ApCV en 2019 ?")))));
    await onMention(deps, followUp);

    const streamed = pipeline.answers[0]!;
    expect(asked[1]!.history).toEqual([
      { role: "user", text: APCV, citations: [] },
      { role: "assistant", text: cleanSlackText(rendered(streamed, params("chat.stopStream").metadata).text), citations: streamed.citations.map((c) => c.id) },
    ]);
    expect(streamed.citations).toHaveLength(2);
  });
});

describe("answers that are not streamed", () => {
  it("posts a deterministic answer with one chat.postMessage: extractive mode, and structural questions in llm mode", async () => {
    await onMention(testDeps(await realPipeline()), mention(APCV));
    expect(chatMethods()).toEqual(["chat.postMessage"]);
    expect(params("chat.postMessage").metadata).toMatchObject({ event_type: "fdr_answer" });

    slack.reset();
    const seen: ChatBody[] = [];
    slack.server.use(chatHandler(citingFirst(), seen));
    const deps = testDeps(await modelPipeline());
    await onMention(deps, mention("action 14"));
    expect(chatMethods()).toEqual(["chat.postMessage"]);
    expect(seen).toEqual([]);
    expect(deps.records.find((r) => r.msg === "answered")).toMatchObject({ kind: "structural", delivery: "post" });
  });

  it("posts once, with the note, when the model fails before writing anything", async () => {
    slack.server.use(chatHandler(() => HttpResponse.json({ error: { message: "down" } }, { status: 500 })));
    await onMention(testDeps(await modelPipeline()), mention(APCV));
    expect(chatMethods()).toEqual(["chat.postMessage"]);
    expect(JSON.stringify(params("chat.postMessage").blocks)).toContain("_Réponse extractive : le modèle de langue est indisponible._");
  });
});

describe("when Slack refuses a step", () => {
  it("deletes the placeholder and posts the answer once when chat.update is refused too", async () => {
    slack.on("chat.startStream", () => ({ ok: false, error: "unknown_method" }));
    slack.on("chat.update", () => ({ ok: false, error: "cant_update_message" }));
    await onMention(testDeps(writing(posted)), mention("action 14"));
    expect(chatMethods()).toEqual(["chat.startStream", "chat.postMessage", "chat.update", "chat.delete", "chat.postMessage"]);
    expect(params("chat.delete").ts).toBe(slack.callsTo("chat.postMessage")[0]!.response!.ts);
    expect(params("chat.postMessage", 1)).toMatchObject({ metadata: { event_type: "fdr_answer" } });
    expect((params("chat.postMessage", 1).blocks as Block[]).at(-1)!.type).toBe("context_actions");
  });

  it("deletes a stream it cannot stop and posts the answer instead", async () => {
    slack.on("chat.stopStream", () => ({ ok: false, error: "message_not_in_streaming_state" }));
    await onMention(testDeps(writing(started)), mention("action 14"));
    expect(chatMethods()).toEqual(["chat.startStream", "chat.stopStream", "chat.delete", "chat.postMessage"]);
    expect(params("chat.postMessage")).toMatchObject({ metadata: { event_type: "fdr_answer" } });
  });

  it("replaces the streamed text with the apology when answering fails after it began", async () => {
    const deps = testDeps(writing(started, () => Promise.reject(new Error("index unreadable"))));
    await onMention(deps, mention("action 14"));
    expect(chatMethods()).toEqual(["chat.startStream", "chat.stopStream", "chat.update"]);
    expect(params("chat.stopStream")).not.toHaveProperty("blocks");
    expect(params("chat.update")).toMatchObject({ text: APOLOGY, blocks: [] });
    expect(deps.records.find((r) => r.msg === "answer failed")).toMatchObject({ level: "error" });
  });

  it("sends a burst of deltas in one call", async () => {
    const deps = testDeps(
      stubPipeline(async (q, o) => {
        for (let i = 0; i < 100; i++) o?.onDelta?.(`mot${i} `);
        await waitFor(started, "the stream");
        return fixedAnswer(q, { mode: "llm" });
      }),
    );
    await onMention(deps, mention("action 14"));
    expect(chatMethods()).toEqual(["chat.startStream", "chat.stopStream", "chat.update"]);
    expect(params("chat.startStream").markdown_text).toBe(Array.from({ length: 100 }, (_, i) => `mot${i} `).join(""));
  });
});

describe("other surfaces", () => {
  it("edits a placeholder for a direct message outside a thread (the stream methods need one)", async () => {
    const dm = directMessage("action 14", { channel: "D0ALICE" });
    await dmListener(testDeps(writing(posted)))({ event: dm as never, body: envelope(dm) as never, client: webClient(), context });
    expect(chatMethods()).toEqual(["chat.postMessage", "chat.update"]);
    expect(params("chat.postMessage")).not.toHaveProperty("thread_ts");
    expect(params("chat.update")).toMatchObject({ channel: "D0ALICE", metadata: { event_type: "fdr_answer" } });
  });

  it("clears the assistant panel's status just before the stream starts", async () => {
    const thread = "1700000020.000001";
    const message = directMessage("c'est quoi l'ApCV ?", { thread_ts: thread });
    const statuses: { status: unknown; methods: string[] }[] = [];
    await assistantUserMessage(testDeps(writing(started)))({
      message: message as never,
      body: envelope(message) as never,
      client: webClient(),
      context,
      setStatus: (async (status: unknown) => void statuses.push({ status, methods: slack.calls.map((c) => c.method) })) as never,
      setTitle: (async () => undefined) as never,
    });
    expect(statuses).toEqual([
      { status: THINKING, methods: ["conversations.replies"] },
      { status: "", methods: ["conversations.replies"] },
    ]);
    expect(chatMethods()).toEqual(["chat.startStream", "chat.stopStream", "chat.update"]);
    expect(params("chat.startStream")).toMatchObject({ channel: "D0ALICE", thread_ts: thread, recipient_user_id: "U0ALICE" });
  });
});
