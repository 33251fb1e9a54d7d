import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { EmbedderInfo } from "./index-manifest.js";
import { LocalFrenchEmbeddings } from "./local-embedder.js";

export interface Embedder {
  embeddings: EmbeddingsInterface;
  info: EmbedderInfo;
}

/** The embedded default: nothing to download, no key, the same vectors on every machine. */
export function localEmbedder(): Embedder {
  const embeddings = new LocalFrenchEmbeddings();
  return { embeddings, info: { id: `${LocalFrenchEmbeddings.ID}-${embeddings.dimensions}`, dimensions: embeddings.dimensions } };
}
