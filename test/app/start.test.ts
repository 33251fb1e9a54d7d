import { chmodSync, chownSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY, FEEDBACK_UNAVAILABLE, RESTART_APOLOGY } from "../../src/slack/messages.js";
import { FEEDBACK_FILE, FeedbackStore } from "../../src/storage/feedback-store.js";
import { FakeSlack, waitFor, type ApiCall } from "../slack/support/fake-slack.js";
import { envelope, feedbackClick, mention } from "../slack/support/slack-payloads.js";
import { builtIndex, startBot, tempFolder, type Bot } from "./support/bot.js";
import { FakeModel, hangsAfter } from "./support/fake-model.js";

/**
 * The bot as `npm start` runs it, in a process of its own, against a fake Slack Web API and, where
 * a model is configured, a fake model server, all on 127.0.0.1: what happens to acknowledged
 * questions when the store fails, when the process is told to stop, and when it is killed.
 */
const fake = new FakeSlack();
let indexDir: string;
const bots: Bot[] = [];
const models: FakeModel[] = [];

beforeAll(async () => {
  await fake.start();
  indexDir = await builtIndex();
});
afterEach(async () => {
  for (const bot of bots.splice(0)) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
  for (const model of models.splice(0)) await model.close();
});
afterAll(() => fake.close());

async function bot(env: Record<string, string>, options: { unprivileged?: boolean } = {}): Promise<Bot> {
  const started = await startBot({ SLACK_API_URL: fake.url, INDEX_DIR: indexDir, ...env }, options);
  bots.push(started);
  await started.ready();
  return started;
}

async function model(reply: ConstructorParameters<typeof FakeModel>[0]): Promise<FakeModel> {
  const m = new FakeModel(reply);
  await m.start();
  models.push(m);
  return m;
}

const inThread = (ts: string) => (c: ApiCall) => c.params.thread_ts === ts || c.params.ts === ts;
const answersIn = (channel: string) => fake.callsTo("chat.postMessage").filter((c) => c.params.channel === channel);
/** Search questions: the ones a configured model writes. */
const SEARCH = ["c'est quoi l'ApCV ?", "que prévoit-on pour la télésanté dans les zones sous-denses ?", "on fait quoi contre les attaques informatiques à l'hôpital ?", "le dossier médical partagé", "la e-prescription"];

describe("a feedback store that cannot be used at start", () => {
  it.each([
    ["damaged", (dir: string) => writeFileSync(join(dir, FEEDBACK_FILE), "not a database ".repeat(500)), "is damaged: move it aside"],
    [
      "read-only",
      (dir: string) => {
        FeedbackStore.open(dir).close();
        const file = join(dir, FEEDBACK_FILE);
        if (process.getuid?.() === 0) chownSync(file, 65534, 65534);
        chmodSync(file, 0o444);
      },
      "cannot be written: give the bot's user write access",
    ],
  ] as const)("%s: the bot starts, says so once naming the file, answers, and tells a click it was not kept", async (name, spoil, advice) => {
    const dataDir = tempFolder(`fdr-bot-data-${name}-`, true);
    spoil(dataDir);
    const b = await bot({ DATA_DIR: dataDir }, { unprivileged: true });
    const channel = `C0STORE${name.toUpperCase().replace("-", "")}`;
    const question = mention("action 14", { channel });
    expect((await b.send(envelope(question))).status).toBe(200);
    await waitFor(() => answersIn(channel).length === 1, "the answer");
    expect(answersIn(channel)[0]!.params.text).not.toBe(APOLOGY);
    const answerId = (answersIn(channel)[0]!.params.metadata as { event_payload: { answer_id: string } }).event_payload.answer_id;
    const click = feedbackClick(`negative:${answerId}`, { channel, thread_ts: question.ts, user: "U0STORE" });
    expect((await b.sendForm({ payload: JSON.stringify(click) })).status).toBe(200);
    await waitFor(() => fake.callsTo("chat.postEphemeral").some((c) => c.params.channel === channel), "the reply to the click");
    expect(fake.callsTo("chat.postEphemeral").find((c) => c.params.channel === channel)!.params.text).toBe(FEEDBACK_UNAVAILABLE);
    const warnings = b.records().filter((r) => r.level === "warn");
    expect(warnings).toEqual([expect.objectContaining({ msg: "feedback store unavailable, answering without feedback", file: join(dataDir, FEEDBACK_FILE), advice: expect.stringContaining(advice) })]);
    expect(b.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    b.child.kill("SIGTERM");
    expect((await b.exited).code).toBe(0);
  });
});

describe("SIGTERM with a model that hangs", () => {
  it("cuts the model calls, closes each open stream with the extractive answer, answers every acknowledged question, and exits 0", async () => {
    const m = await model(hangsAfter("Texte provisoire sans citation"));
    const b = await bot({ DATA_DIR: tempFolder("fdr-bot-term-"), LLM_BASE_URL: m.url, LLM_MODEL: "hung-model", LLM_TIMEOUT_MS: "120000", SHUTDOWN_DRAIN_MS: "8000" });
    const questions = SEARCH.map((q, i) => mention(q, { channel: `C0TERM${i}` }));
    for (const q of questions) expect((await b.send(envelope(q))).status).toBe(200);
    await waitFor(() => m.requests.length === questions.length, "every question to reach the model");
    // Each answer shows provisional, uncited text in its thread while the model "writes".
    await waitFor(() => questions.every((q) => fake.callsTo("chat.startStream").some(inThread(q.ts))), "the streams to open");

    b.child.kill("SIGTERM");
    expect(await b.exited).toEqual({ code: 0, signal: null });
    for (const q of questions) {
      const stopped = fake.callsTo("chat.stopStream").filter((c) => c.params.channel === q.channel);
      expect(stopped, q.channel).toHaveLength(1);
      // The stream's message ends as the verified answer: the provisional text replaced, the fallback said.
      const final = fake.callsTo("chat.update").filter((c) => c.params.channel === q.channel).at(-1)!;
      expect(final.params.ts).toBe(stopped[0]!.params.ts);
      expect(String(final.params.text)).not.toContain("Texte provisoire");
      expect(JSON.stringify(final.params.blocks)).toContain("le service redémarrait, le modèle de langue a été interrompu");
      expect(final.params.metadata).toMatchObject({ event_type: "fdr_answer" });
    }
    expect(b.records().find((r) => r.msg === "slack stopped")).toMatchObject({ drained: true, unfinished: 0 });
  });
});

describe("SIGKILL with questions under way", () => {
  it("answers the acknowledged questions at the next start, once, and apologises for the old ones", async () => {
    const dataDir = tempFolder("fdr-bot-kill-");
    const m = await model(hangsAfter(""));
    const first = await bot({ DATA_DIR: dataDir, LLM_BASE_URL: m.url, LLM_MODEL: "hung-model", LLM_TIMEOUT_MS: "120000" });
    const events = SEARCH.map((q, i) => mention(q, { channel: `C0KILL${i}` }));
    const questions = events.map((e) => envelope(e));
    for (const q of questions) expect((await first.send(q)).status).toBe(200);
    await waitFor(() => m.requests.length === questions.length, "every question to reach the model");
    const file = join(dataDir, FEEDBACK_FILE);
    const pendingRows = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT key, payload FROM pending").all() as { key: string; payload: string }[]).map((r) => ({ key: r.key, payload: JSON.parse(r.payload) as Record<string, unknown> }));
      } finally {
        db.close();
      }
    };
    await waitFor(() => pendingRows().length === questions.length, "the questions to be recorded as pending");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(events.flatMap((e) => answersIn(e.channel))).toEqual([]);

    // A question acknowledged long before the crash: too old to answer now.
    const old = { ...pendingRows()[0]!.payload, channel: "C0KILLOLD", ts: "1700000000.999999", replyThreadTs: "1700000000.999999", eventId: "EvOLD" };
    const db = new Database(file);
    db.prepare("INSERT INTO pending (key, surface, payload, received_at) VALUES (?, 'mention', ?, ?)").run("C0KILLOLD/1700000000.999999", JSON.stringify(old), new Date(Date.now() - 30 * 60_000).toISOString());
    db.close();

    const second = await bot({ DATA_DIR: dataDir });
    for (const e of events) await waitFor(() => answersIn(e.channel).length === 1, `the answer in ${e.channel}`);
    await waitFor(() => answersIn("C0KILLOLD").length === 1, "the apology for the old question");
    expect(answersIn("C0KILLOLD")[0]!.params).toMatchObject({ text: RESTART_APOLOGY, thread_ts: "1700000000.999999" });
    for (const e of events) expect(answersIn(e.channel)[0]!.params).toMatchObject({ thread_ts: e.ts, metadata: { event_type: "fdr_answer" } });
    await waitFor(() => pendingRows().length === 0, "the pending questions to be cleared");

    // Slack redelivering one of them now is not a second question.
    expect((await second.send(questions[0], { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(200);
    const sentinel = mention("action 14", { channel: "C0KILLSENTINEL" });
    await second.send(envelope(sentinel));
    await waitFor(() => answersIn("C0KILLSENTINEL").length === 1, "the sentinel's answer");
    expect(answersIn(events[0]!.channel)).toHaveLength(1);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
