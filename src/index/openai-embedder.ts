import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../config/env.js";
import { redact } from "../config/log.js";
import type { Embedder } from "./index-manifest.js";

export interface OpenAIEmbedderSettings {
  baseURL: string;
  /** "none" when the server needs no key: the OpenAI SDK refuses to start without one. */
  apiKey: string;
  model: string;
  /** The vector length the model returns, checked on every vector; null: learnt from the first reply. */
  dimensions: number | null;
  /** LangChain retries (its default is 6); 0 in tests. */
  maxRetries: number;
  /** Per attempt. */
  timeoutMs: number;
}

/** Albert's maximum inputs per call; the others accept more. */
export const EMBEDDING_BATCH = 64;

function origin(url: string): string {
  return new URL(url).origin;
}

/**
 * EMBEDDINGS_* settings, with the LLM server as the default. The LLM key is reused only for the
 * LLM's own server: it is never sent to another host.
 */
export function embeddingSettingsFromConfig(config: Config): OpenAIEmbedderSettings {
  const baseURL = config.EMBEDDINGS_BASE_URL ?? config.LLM_BASE_URL;
  if (!baseURL || !config.EMBEDDINGS_MODEL) throw new Error("EMBEDDINGS_PROVIDER=openai needs EMBEDDINGS_BASE_URL (or LLM_BASE_URL) and EMBEDDINGS_MODEL");
  const sameServer = !!config.LLM_BASE_URL && origin(config.LLM_BASE_URL) === origin(baseURL);
  return {
    baseURL,
    apiKey: config.EMBEDDINGS_API_KEY ?? (sameServer ? config.LLM_API_KEY : undefined) ?? "none",
    model: config.EMBEDDINGS_MODEL,
    dimensions: config.EMBEDDINGS_DIMENSIONS ?? null,
    maxRetries: 2,
    timeoutMs: 30_000,
  };
}

/** What the index manifest records: a change of provider, host, model or size rebuilds the index. Never the key. */
export function openaiEmbedderId(settings: Pick<OpenAIEmbedderSettings, "baseURL" | "model" | "dimensions">): string {
  return `openai:${new URL(settings.baseURL).host}:${settings.model}:${settings.dimensions ?? "auto"}`;
}

/** Raised when the provider fails or replies with vectors the index cannot use; the key is masked. */
export class EmbeddingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmbeddingsError";
  }
}

/**
 * OpenAIEmbeddings that asks for floats (the SDK's default, base64, silently yields vectors 4×
 * too short from servers that answer floats anyway), sends at most EMBEDDING_BATCH texts per
 * call, and checks every reply: one vector per text, in order, all of the expected length.
 */
class CheckedOpenAIEmbeddings extends OpenAIEmbeddings {
  private expected: number | null;

  constructor(private readonly settings: OpenAIEmbedderSettings) {
    super({
      model: settings.model,
      apiKey: settings.apiKey,
      configuration: { baseURL: settings.baseURL },
      encodingFormat: "float",
      batchSize: EMBEDDING_BATCH,
      // Only OpenAI's text-embedding-3 models take a size; Mistral rejects unknown fields with 422.
      ...(settings.dimensions && /^text-embedding-3/.test(settings.model) ? { dimensions: settings.dimensions } : {}),
      maxRetries: settings.maxRetries,
      timeout: settings.timeoutMs,
    });
    this.expected = settings.dimensions;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBEDDING_BATCH) out.push(...(await this.embedBatch(texts.slice(i, i + EMBEDDING_BATCH))));
    return out;
  }

  override async embedQuery(text: string): Promise<number[]> {
    return (await this.embedBatch([text]))[0]!;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    let data: { index: number; embedding: unknown }[];
    try {
      ({ data } = await this.embeddingWithRetry({ model: this.model, input, encoding_format: "float", ...(this.dimensions ? { dimensions: this.dimensions } : {}) }));
    } catch (e) {
      const status = (e as { status?: unknown }).status;
      throw new EmbeddingsError(`embeddings request failed${typeof status === "number" ? ` (HTTP ${status})` : ""}: ${redact(String((e as Error).message ?? e), [this.settings.apiKey]).slice(0, 300)}`);
    }
    if (!Array.isArray(data) || data.length !== input.length) {
      throw new EmbeddingsError(`the embeddings server returned ${Array.isArray(data) ? data.length : "no"} vectors for ${input.length} texts`);
    }
    const vectors = [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    for (const v of vectors) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === "number" && Number.isFinite(x))) throw new EmbeddingsError("the embeddings server returned a vector that is not a list of numbers");
      this.expected ??= v.length;
      if (v.length !== this.expected) throw new EmbeddingsError(`the embeddings server returned a vector of ${v.length} dimensions, expected ${this.expected}`);
    }
    return vectors as number[][];
  }
}

/** A remote OpenAI-compatible embedder (OpenAI, Albert, Mistral, Ollama, vLLM). */
export function openaiEmbedder(settings: OpenAIEmbedderSettings): Embedder {
  return { embeddings: new CheckedOpenAIEmbeddings(settings), info: { id: openaiEmbedderId(settings), dimensions: settings.dimensions } };
}
