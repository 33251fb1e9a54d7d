import type { LlmSettings } from "../../../../src/answer/llm/chat-model.js";
import { createLlm } from "../../../../src/answer/llm/create.js";
import { createAnswerPipeline, type AnswerPipeline } from "../../../../src/answer/pipeline.js";
import { createLogger, type Logger } from "../../../../src/config/log.js";
import { realIndex } from "../../../support/pipeline.js";
import { API_KEY, BASE } from "./openai-mock.js";

export const TEST_SETTINGS: LlmSettings = {
  baseURL: BASE,
  apiKey: API_KEY,
  model: "openweight-medium",
  timeoutMs: 5_000,
  rewriteTimeoutMs: 2_000,
  maxRetries: 0,
};

/** Every log line, at debug level, for assertions; the logger is given no secrets so leaks would show. */
export function capturedLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger("debug", { write: (l) => lines.push(l) }), lines };
}

/** The real corpus's pipeline with the LLM parts pointed at the msw provider. */
export async function llmPipeline(overrides: Partial<LlmSettings> = {}, log: Logger = capturedLog().log): Promise<AnswerPipeline> {
  const index = await realIndex();
  return createAnswerPipeline({ index, log, ...createLlm({ ...TEST_SETTINGS, ...overrides }, index, log) });
}
