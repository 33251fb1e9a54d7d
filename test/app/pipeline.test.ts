import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { llmSettingsFromConfig } from "../../src/answer/llm/chat-model.js";
import { ConfigError, loadConfig } from "../../src/config/env.js";
import { openPipeline, resolveMode } from "../../src/app/pipeline.js";
import { CORPUS_DIR } from "../support/pipeline.js";
import { capturedLog } from "../answer/llm/support/llm-pipeline.js";
import { API_KEY, BASE, chatHandler, citingFirst, type ChatBody } from "../answer/llm/support/openai-mock.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const LLM = { LLM_BASE_URL: BASE, LLM_MODEL: "openweight-medium", LLM_API_KEY: API_KEY };

describe("resolveMode", () => {
  it("defaults to llm when LLM_BASE_URL is set, to extractive otherwise", () => {
    expect(resolveMode(loadConfig({}))).toBe("extractive");
    expect(resolveMode(loadConfig(LLM))).toBe("llm");
    expect(resolveMode(loadConfig(LLM), "extractive")).toBe("extractive");
  });

  it("refuses --mode llm without LLM_BASE_URL, naming the variable", () => {
    expect(() => resolveMode(loadConfig({}), "llm")).toThrow(ConfigError);
    expect(() => resolveMode(loadConfig({}), "llm")).toThrow(/LLM_BASE_URL: is required for --mode llm/);
  });
});

describe("llmSettingsFromConfig", () => {
  it("bounds the whole generation by LLM_TIMEOUT_MS and the rewrite by at most 5 s, with 2 retries", () => {
    expect(llmSettingsFromConfig(loadConfig({ ...LLM, LLM_TIMEOUT_MS: "30000" }))).toEqual({
      baseURL: BASE,
      apiKey: API_KEY,
      model: "openweight-medium",
      timeoutMs: 30_000,
      rewriteTimeoutMs: 5_000,
      maxRetries: 2,
    });
    const local = llmSettingsFromConfig(loadConfig({ LLM_BASE_URL: "http://localhost:11434/v1", LLM_MODEL: "qwen3:8b", LLM_TIMEOUT_MS: "3000" }));
    expect(local).toMatchObject({ apiKey: "none", timeoutMs: 3_000, rewriteTimeoutMs: 3_000 });
  });
});

describe("openPipeline", () => {
  const env = () => ({ ...LLM, CORPUS_DIR, INDEX_DIR: join(mkdtempSync(join(tmpdir(), "fdr-open-")), "index") });

  it("turns LangSmith tracing off before any model call, with a warning", async () => {
    const before = process.env.LANGSMITH_TRACING;
    process.env.LANGSMITH_TRACING = "true";
    try {
      server.use(chatHandler(citingFirst(), []));
      const { log, lines } = capturedLog();
      const pipeline = await openPipeline(loadConfig(env()), log, { llm: { maxRetries: 0 } });
      expect(process.env.LANGSMITH_TRACING).toBe("false");
      expect(lines.map((l) => JSON.parse(l) as { msg: string })).toContainEqual(
        expect.objectContaining({ level: "warn", msg: "LangSmith tracing turned off: it would send questions and answers to a third-party service" }),
      );
      expect((await pipeline.ask("c'est quoi l'ApCV ?")).mode).toBe("llm");
    } finally {
      if (before === undefined) delete process.env.LANGSMITH_TRACING;
      else process.env.LANGSMITH_TRACING = before;
    }
  });

  it("builds the LLM pipeline when LLM_BASE_URL is set", async () => {
    const seen: ChatBody[] = [];
    server.use(chatHandler(citingFirst(), seen));
    const { log } = capturedLog();
    const pipeline = await openPipeline(loadConfig(env()), log, { llm: { maxRetries: 0 } });
    const answer = await pipeline.ask("c'est quoi l'ApCV ?");
    expect(answer.mode).toBe("llm");
    expect(seen[0]!.model).toBe("openweight-medium");
  });

  it("stays extractive when asked, without calling the model", async () => {
    const seen: ChatBody[] = [];
    server.use(chatHandler(citingFirst(), seen));
    const pipeline = await openPipeline(loadConfig(env()), capturedLog().log, { mode: "extractive" });
    expect((await pipeline.ask("c'est quoi l'ApCV ?")).mode).toBe("extractive");
    expect(seen).toHaveLength(0);
  });
});
