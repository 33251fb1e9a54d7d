import { resolve } from "node:path";
import { ConfigError, type Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import { disableThirdPartyTracing } from "../config/tracing.js";
import type { LlmSettings } from "../answer/llm/chat-model.js";
import { createAnswerPipeline, type AnswerPipeline } from "../answer/pipeline.js";
import type { Answer } from "../answer/schema.js";
import { embedderFromConfig } from "../index/embedder.js";
import type { Embedder } from "../index/index-manifest.js";
import { openIndex } from "../index/open.js";
import { indexFolderProblem } from "./errors.js";

export interface OpenPipelineOptions {
  /** Rebuild the index even when it is current. */
  force?: boolean;
  /** Shown on long builds (remote embeddings). */
  onProgress?: (done: number, total: number) => void;
  embedder?: Embedder;
  /** Default: "llm" when LLM_BASE_URL is set, else "extractive". */
  mode?: Answer["mode"];
  /** Overrides of the LLM settings read from the configuration (tests: `{ maxRetries: 0 }`). */
  llm?: Partial<LlmSettings>;
}

/** The answer mode asked for, checked against the configuration. */
export function resolveMode(config: Config, requested?: Answer["mode"]): Answer["mode"] {
  if (requested === "llm" && !config.LLM_BASE_URL) {
    throw new ConfigError([{ variable: "LLM_BASE_URL", message: "is required for --mode llm (the OpenAI-compatible server to use; presets in the README)" }]);
  }
  return requested ?? (config.LLM_BASE_URL ? "llm" : "extractive");
}

/** Loads (or builds) the index for the configured corpus and embedder, and wraps it in the answer pipeline. */
export async function openPipeline(config: Config, log: Logger, options: OpenPipelineOptions = {}): Promise<AnswerPipeline> {
  const mode = resolveMode(config, options.mode);
  const embedder = options.embedder ?? (await embedderFromConfig(config));
  const indexDir = resolve(config.INDEX_DIR);
  const index = await openIndex({
    corpusDir: resolve(config.CORPUS_DIR),
    indexDir,
    embeddings: embedder.embeddings,
    embedder: embedder.info,
    log,
    ...(options.force ? { force: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  }).catch((error: unknown) => {
    throw indexFolderProblem(error, indexDir);
  });
  if (mode === "extractive") return createAnswerPipeline({ index, log });
  disableThirdPartyTracing(process.env, log);
  // Loaded only in llm mode: the OpenAI client adds half a second to every start.
  const { llmSettingsFromConfig } = await import("../answer/llm/chat-model.js");
  const { createLlm } = await import("../answer/llm/create.js");
  return createAnswerPipeline({ index, log, ...createLlm({ ...llmSettingsFromConfig(config), ...options.llm }, index, log) });
}
