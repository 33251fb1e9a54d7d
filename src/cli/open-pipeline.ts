import { resolve } from "node:path";
import type { Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import { createAnswerPipeline, type AnswerPipeline } from "../answer/pipeline.js";
import { localEmbedder, type Embedder } from "../index/embedder.js";
import { openIndex } from "../index/open.js";

export interface OpenPipelineOptions {
  /** Rebuild the index even when it is current. */
  force?: boolean;
  /** Shown on long builds (remote embeddings). */
  onProgress?: (done: number, total: number) => void;
  embedder?: Embedder;
}

/** Loads (or builds) the index for the configured corpus and embedder, and wraps it in the answer pipeline. */
export async function openPipeline(config: Config, log: Logger, options: OpenPipelineOptions = {}): Promise<AnswerPipeline> {
  const embedder = options.embedder ?? localEmbedder();
  const index = await openIndex({
    corpusDir: resolve(config.CORPUS_DIR),
    indexDir: resolve(config.INDEX_DIR),
    embeddings: embedder.embeddings,
    embedder: embedder.info,
    log,
    ...(options.force ? { force: true } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return createAnswerPipeline({ index, log });
}
