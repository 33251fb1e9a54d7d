import { delay, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { answerJson } from "../../../src/cli/render.js";
import { capturedLog, llmPipeline } from "./support/llm-pipeline.js";
import { API_KEY, chatHandler, citingFirst, groundedReply, offeredIds, sseResponse, type ChatBody } from "./support/openai-mock.js";

const server = setupServer();
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onRejection);
  server.listen({ onUnhandledRequest: "error" });
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  process.off("unhandledRejection", onRejection);
});

const APCV = "c'est quoi l'ApCV ?";
const errorBody = (message: string) => ({ error: { message, type: "error", code: null } });

/** Every log line and every answer of this file: none may hold the key. */
const allLogs: string[] = [];
const allAnswers: string[] = [];

async function askWith(reply: (body: ChatBody) => Response | Promise<Response>, overrides = {}) {
  const { log, lines } = capturedLog();
  server.use(chatHandler(reply));
  const pipeline = await llmPipeline(overrides, log);
  const started = performance.now();
  const answer = await pipeline.ask(APCV);
  allLogs.push(...lines);
  allAnswers.push(JSON.stringify(answerJson(answer)));
  return { answer, lines, ms: performance.now() - started };
}

function expectExtractive(answer: Awaited<ReturnType<typeof askWith>>["answer"], note: RegExp) {
  expect(answer.mode).toBe("extractive");
  expect(answer.fallback_reason).toMatch(note);
  expect(answer.fallback_reason).not.toContain("\n");
  expect(answer.citations[0]!.id).toBe("fdr-2023-2027#action-13");
  expect(answer.statements.filter((s) => s.cites.length).length).toBeGreaterThan(0);
}

describe("faults: the person still gets the extractive answer with a one-line note", () => {
  it("timeout: the deadline covers the whole generation", async () => {
    const { answer, ms } = await askWith(async () => {
      await delay(5_000);
      return HttpResponse.json({});
    }, { timeoutMs: 300 });
    expectExtractive(answer, /^Réponse extractive : le modèle de langue n'a pas répondu à temps\.$/);
    expect(ms).toBeLessThan(2_000);
  });

  it("429 with Retry-After, no retry allowed", async () => {
    const { answer } = await askWith(() => HttpResponse.json(errorBody("Rate limit reached"), { status: 429, headers: { "Retry-After": "20" } }));
    expectExtractive(answer, /saturé/);
  });

  it("429 with Retry-After longer than the deadline: the retry wait is cut by the deadline", async () => {
    let calls = 0;
    const { answer, ms } = await askWith(
      () => {
        calls++;
        return HttpResponse.json(errorBody("Rate limit reached"), { status: 429, headers: { "Retry-After": "30" } });
      },
      { maxRetries: 2, timeoutMs: 500 },
    );
    expectExtractive(answer, /n'a pas répondu à temps/);
    expect(calls).toBe(1);
    expect(ms).toBeLessThan(3_000);
  });

  it("5xx", async () => {
    const { answer, lines } = await askWith(() => HttpResponse.json(errorBody("upstream failed"), { status: 502 }));
    expectExtractive(answer, /indisponible/);
    const warn = lines.map((l) => JSON.parse(l) as { msg: string; cause?: string; error?: { status?: number } }).find((l) => l.msg === "llm answer failed, extractive fallback");
    expect(warn).toMatchObject({ cause: "unavailable", error: { status: 502 } });
  });

  it("connection refused", async () => {
    const { answer } = await askWith(() => HttpResponse.error());
    expectExtractive(answer, /indisponible/);
  });

  it("malformed output", async () => {
    const { answer } = await askWith(() => sseResponse("Voici la réponse : l'ApCV est une application."));
    expectExtractive(answer, /illisible/);
  });

  it("output of the wrong shape", async () => {
    const { answer } = await askWith(() => sseResponse(JSON.stringify({ answer: "l'ApCV", citations: ["fdr-2023-2027#action-13"] })));
    expectExtractive(answer, /illisible/);
  });

  it("empty output", async () => {
    const { answer } = await askWith(() => sseResponse(""));
    expectExtractive(answer, /illisible/);
  });

  it("an empty answer", async () => {
    const { answer } = await askWith(() => sseResponse(groundedReply([])));
    expectExtractive(answer, /aucun extrait valide/);
  });

  it("a stream cut halfway", async () => {
    const deltas: string[] = [];
    const { log } = capturedLog();
    server.use(chatHandler((body) => sseResponse(groundedReply([{ text: "L'ApCV est diffusée largement.", citations: [offeredIds(body)[0]!] }]), { size: 10, cutAfter: 4 })));
    const answer = await (await llmPipeline({}, log)).ask(APCV, { onDelta: (d) => deltas.push(d) });
    expect(deltas.join("")).not.toBe("");
    expectExtractive(answer, /interrompue/);
  });

  it("a rejected request whose error echoes the key: the key is masked in the logs", async () => {
    const { answer, lines } = await askWith(() => HttpResponse.json(errorBody(`Incorrect API key provided: ${API_KEY}.`), { status: 401 }));
    expectExtractive(answer, /refusé la requête/);
    expect(lines.join("\n")).toContain("[redacted]");
  });

  it("keeps answering after faults", async () => {
    const { answer } = await askWith(citingFirst());
    expect(answer.mode).toBe("llm");
  });

  it("left no unhandled rejection and no key in any log line or answer", async () => {
    await delay(50);
    expect(rejections).toEqual([]);
    expect(allLogs.length).toBeGreaterThan(5);
    for (const text of [...allLogs, ...allAnswers]) expect(text).not.toContain(API_KEY);
  });
});
