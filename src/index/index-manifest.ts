import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { z } from "zod";

/** Bumped when the on-disk layout changes, so an old index is rebuilt rather than misread. */
export const INDEX_FORMAT = 3;

export const IndexManifest = z.object({
  format: z.literal(INDEX_FORMAT),
  corpusHash: z.string(),
  /** The reading of words the terms and local vectors were made with (stopwords, stemmer). */
  analysis: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  builtAt: z.string(),
  chunks: z.number().int().nonnegative(),
  hnsw: z.object({ space: z.literal("cosine"), m: z.number().int(), efConstruction: z.number().int() }),
  /** sha256 of every index file: a truncated or altered file is caught before hnswlib reads it. */
  files: z.record(z.string(), z.string()),
});
export type IndexManifest = z.infer<typeof IndexManifest>;

/** What an embedder must tell the index about itself. */
export interface EmbedderInfo {
  id: string;
  /** Known up front for the local embedder; otherwise learnt from the first vector. */
  dimensions: number | null;
}

/** An embedder and what it tells the index about itself: the local one or a remote one. */
export interface Embedder {
  embeddings: EmbeddingsInterface;
  info: EmbedderInfo;
}
