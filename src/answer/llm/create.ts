import type { Chunk } from "../../corpus/chunk.js";
import type { Logger } from "../../config/log.js";
import type { SearchIndex } from "../../index/build.js";
import { createChatModel, type LlmSettings } from "./chat-model.js";
import { createGenerator, type AnswerGenerator } from "./generate.js";
import { createLlmRewriter, type QuestionRewriter } from "./rewrite-question.js";

export interface LlmComponents {
  generator: AnswerGenerator;
  rewriter: QuestionRewriter;
}

// Reasoning models (gpt-oss behind Albert's openweight-large) spend their thinking out of max_tokens.
const ANSWER_MAX_TOKENS = 2048;
const REWRITE_MAX_TOKENS = 1024;

const CONTENT: ReadonlySet<Chunk["kind"]> = new Set(["action", "measure", "passage"]);

/** The LLM parts of the pipeline, for `createAnswerPipeline({ index, log, ...createLlm(…) })`. */
export function createLlm(settings: LlmSettings, index: SearchIndex, log: Logger): LlmComponents {
  const content = new Map<string, Chunk[]>();
  for (const c of index.chunks) if (CONTENT.has(c.kind)) content.set(c.citation, [...(content.get(c.citation) ?? []), c]);
  const secrets = [settings.apiKey];
  return {
    generator: createGenerator({
      model: createChatModel(settings, ANSWER_MAX_TOKENS),
      timeoutMs: settings.timeoutMs,
      secrets,
      corpus: index.corpus,
      contentOf: (id) => content.get(id) ?? [],
      log,
    }),
    rewriter: createLlmRewriter({
      model: createChatModel(settings, REWRITE_MAX_TOKENS),
      timeoutMs: settings.rewriteTimeoutMs,
      secrets,
      corpus: index.corpus,
      log,
    }),
  };
}
