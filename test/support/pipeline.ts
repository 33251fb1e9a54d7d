import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAnswerPipeline, type AnswerPipeline } from "../../src/answer/pipeline.js";
import { silentLogger } from "../../src/config/log.js";
import { localEmbedder } from "../../src/index/embedder.js";
import { openIndex } from "../../src/index/open.js";
import type { SearchIndex } from "../../src/index/build.js";

export const CORPUS_DIR = resolve(import.meta.dirname, "../../corpus");

let shared: Promise<SearchIndex> | null = null;

/** The real corpus, indexed once per test file into its own temporary folder (files run in parallel). */
export function realIndex(): Promise<SearchIndex> {
  shared ??= (async () => {
    const { embeddings, info } = localEmbedder();
    const indexDir = join(mkdtempSync(join(tmpdir(), "fdr-index-")), "index");
    return openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings, embedder: info, log: silentLogger });
  })();
  return shared;
}

export async function realPipeline(): Promise<AnswerPipeline> {
  return createAnswerPipeline({ index: await realIndex(), log: silentLogger });
}
