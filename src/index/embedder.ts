import type { Config } from "../config/env.js";
import type { Embedder } from "./index-manifest.js";
import { LocalFrenchEmbeddings } from "./local-embedder.js";

/** The embedded default: nothing to download, no key, the same vectors on every machine. */
export function localEmbedder(): Embedder {
  const embeddings = new LocalFrenchEmbeddings();
  return { embeddings, info: { id: `${LocalFrenchEmbeddings.ID}-${embeddings.dimensions}`, dimensions: embeddings.dimensions } };
}

/**
 * The embedder EMBEDDINGS_PROVIDER names; its id, in the index manifest, rebuilds the index when
 * it changes. The OpenAI client is loaded only when used: it adds half a second to every start.
 */
export async function embedderFromConfig(config: Config): Promise<Embedder> {
  if (config.EMBEDDINGS_PROVIDER !== "openai") return localEmbedder();
  const { embeddingSettingsFromConfig, openaiEmbedder } = await import("./openai-embedder.js");
  return openaiEmbedder(embeddingSettingsFromConfig(config));
}
