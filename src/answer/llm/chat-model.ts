import { ChatOpenAI } from "@langchain/openai";
import { ConfigError, type Config } from "../../config/env.js";

/** What the LLM path needs from the configuration, resolved once. */
export interface LlmSettings {
  baseURL: string;
  /** "none" when the server needs no key: the OpenAI SDK refuses to start without one. */
  apiKey: string;
  model: string;
  /** Deadline for a whole generation, retries included. */
  timeoutMs: number;
  /** Deadline for rewriting a follow-up: it delays every threaded answer, so it is kept short. */
  rewriteTimeoutMs: number;
  /** LangChain retries (its default of 6 would outlive any deadline); 0 in tests. */
  maxRetries: number;
}

const REWRITE_TIMEOUT_MS = 5_000;

/** The LLM_* settings; the llm mode cannot run without a server and a model. */
export function llmSettingsFromConfig(config: Config): LlmSettings {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) {
    throw new ConfigError([{ variable: config.LLM_BASE_URL ? "LLM_MODEL" : "LLM_BASE_URL", message: "is required for the llm mode" }]);
  }
  return {
    baseURL: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY ?? "none",
    model: config.LLM_MODEL,
    timeoutMs: config.LLM_TIMEOUT_MS,
    rewriteTimeoutMs: Math.min(config.LLM_TIMEOUT_MS, REWRITE_TIMEOUT_MS),
    maxRetries: 2,
  };
}

/**
 * A ChatOpenAI for any OpenAI-compatible server. Key and base URL are always explicit, or the
 * client would silently read OPENAI_API_KEY / OPENAI_BASE_URL; no `streaming: true` (with
 * `invoke` it fetches tiktoken ranks over the network); no `stream_options`, which Mistral
 * rejects with 422.
 */
export function createChatModel(settings: LlmSettings, maxTokens: number): ChatOpenAI {
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    maxTokens,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    streamUsage: false,
  });
}
