import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { createLogger, silentLogger } from "../../src/config/log.js";
import { embedderFromConfig, localEmbedder } from "../../src/index/embedder.js";
import { LocalFrenchEmbeddings } from "../../src/index/local-embedder.js";
import { openIndex } from "../../src/index/open.js";
import {
  EMBEDDING_BATCH,
  embeddingSettingsFromConfig,
  EmbeddingsError,
  openaiEmbedder,
  openaiEmbedderId,
  type OpenAIEmbedderSettings,
} from "../../src/index/openai-embedder.js";
import { CORPUS_DIR } from "../support/pipeline.js";

const BASE = "https://llm.example.test/v1";
const KEY = "sk-test-EMBEDDINGS-KEY-77aa";

interface EmbeddingsBody {
  model: string;
  input: string[];
  encoding_format?: string;
  dimensions?: number;
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** An embeddings server giving real (local, hashed) vectors of `dims`, replying in shuffled order. */
function embeddingsServer(dims: number, seen: EmbeddingsBody[] = [], headers: Headers[] = [], shape: (v: number[], i: number) => unknown = (v) => v) {
  const local = new LocalFrenchEmbeddings(dims);
  return http.post(`${BASE}/embeddings`, async ({ request }) => {
    const body = (await request.json()) as EmbeddingsBody;
    seen.push(body);
    headers.push(request.headers);
    const data = body.input.map((t, index) => ({ object: "embedding", index, embedding: shape(local.embed(t), index) }));
    return HttpResponse.json({ object: "list", model: body.model, data: data.reverse() });
  });
}

const settings = (over: Partial<OpenAIEmbedderSettings> = {}): OpenAIEmbedderSettings => ({
  baseURL: BASE,
  apiKey: KEY,
  model: "openweight-embeddings",
  dimensions: 16,
  maxRetries: 0,
  timeoutMs: 5_000,
  ...over,
});

describe("openaiEmbedder", () => {
  it("asks for floats in batches of at most 64 and returns one vector per text, in order", async () => {
    const seen: EmbeddingsBody[] = [];
    const headers: Headers[] = [];
    server.use(embeddingsServer(16, seen, headers));
    const texts = Array.from({ length: 150 }, (_, i) => `action ${i} sur la télésanté`);
    const vectors = await openaiEmbedder(settings()).embeddings.embedDocuments(texts);
    expect(seen.map((b) => b.input.length)).toEqual([EMBEDDING_BATCH, EMBEDDING_BATCH, 22]);
    expect(seen.every((b) => b.encoding_format === "float" && b.model === "openweight-embeddings" && b.dimensions === undefined)).toBe(true);
    expect(headers[0]!.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(vectors).toHaveLength(150);
    expect(vectors[149]).toEqual(new LocalFrenchEmbeddings(16).embed(texts[149]!));
  });

  it("embeds a query the same way", async () => {
    server.use(embeddingsServer(16));
    expect(await openaiEmbedder(settings()).embeddings.embedQuery("ApCV")).toEqual(new LocalFrenchEmbeddings(16).embed("ApCV"));
  });

  it("rejects vectors of the wrong length (a base64 reply read as floats is 4× shorter)", async () => {
    server.use(embeddingsServer(4));
    await expect(openaiEmbedder(settings({ dimensions: 16 })).embeddings.embedDocuments(["a", "b"])).rejects.toThrow(
      new EmbeddingsError("the embeddings server returned a vector of 4 dimensions, expected 16"),
    );
  });

  it("learns the length from the first vector when none is configured, then holds every vector to it", async () => {
    server.use(embeddingsServer(8, [], [], (v, i) => (i === 1 ? v.slice(0, 6) : v)));
    await expect(openaiEmbedder(settings({ dimensions: null })).embeddings.embedDocuments(["a", "b", "c"])).rejects.toThrow(/6 dimensions, expected 8/);
  });

  it("rejects a reply with too few vectors or with non-numbers", async () => {
    server.use(http.post(`${BASE}/embeddings`, () => HttpResponse.json({ object: "list", data: [{ object: "embedding", index: 0, embedding: [0.1, 0.2] }] })));
    await expect(openaiEmbedder(settings({ dimensions: 2 })).embeddings.embedDocuments(["a", "b"])).rejects.toThrow(/1 vectors for 2 texts/);
    server.use(embeddingsServer(2, [], [], () => ["x", "y"]));
    await expect(openaiEmbedder(settings({ dimensions: 2 })).embeddings.embedDocuments(["a"])).rejects.toThrow(/not a list of numbers/);
  });

  it("fails with the HTTP status and never the key", async () => {
    server.use(http.post(`${BASE}/embeddings`, () => HttpResponse.json({ error: { message: `invalid key ${KEY}` } }, { status: 401 })));
    const error = await openaiEmbedder(settings()).embeddings.embedQuery("a").catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(EmbeddingsError);
    expect((error as Error).message).toMatch(/HTTP 401/);
    expect(`${(error as Error).message}\n${(error as Error).stack}`).not.toContain(KEY);
  });

  it("sends a size only to models that take one", async () => {
    const seen: EmbeddingsBody[] = [];
    server.use(embeddingsServer(256, seen));
    await openaiEmbedder(settings({ model: "text-embedding-3-small", dimensions: 256 })).embeddings.embedQuery("a");
    server.use(embeddingsServer(1024, seen));
    await openaiEmbedder(settings({ model: "mistral-embed", dimensions: 1024 })).embeddings.embedQuery("a");
    expect(seen.map((b) => b.dimensions)).toEqual([256, undefined]);
  });
});

describe("embedder identity and configuration", () => {
  it("names provider, host, model and size, never the key", () => {
    const id = openaiEmbedderId(settings({ baseURL: "https://albert.api.etalab.gouv.fr/v1", dimensions: 1024 }));
    expect(id).toBe("openai:albert.api.etalab.gouv.fr:openweight-embeddings:1024");
    expect(openaiEmbedderId(settings({ baseURL: "http://localhost:11434/v1", model: "bge-m3", dimensions: null }))).toBe("openai:localhost:11434:bge-m3:auto");
    expect(openaiEmbedder(settings()).info.id).not.toContain(KEY);
  });

  it("chooses the embedder from EMBEDDINGS_PROVIDER", async () => {
    expect((await embedderFromConfig(loadConfig({}))).info).toEqual(localEmbedder().info);
    const remote = await embedderFromConfig(loadConfig({ EMBEDDINGS_PROVIDER: "openai", EMBEDDINGS_BASE_URL: BASE, EMBEDDINGS_MODEL: "mistral-embed", EMBEDDINGS_DIMENSIONS: "1024" }));
    expect(remote.info).toEqual({ id: "openai:llm.example.test:mistral-embed:1024", dimensions: 1024 });
  });

  it("reuses the LLM server and its key by default, but never sends the LLM key to another host", () => {
    const llm = { EMBEDDINGS_PROVIDER: "openai", LLM_BASE_URL: BASE, LLM_MODEL: "m", LLM_API_KEY: KEY, EMBEDDINGS_MODEL: "e" };
    expect(embeddingSettingsFromConfig(loadConfig(llm))).toMatchObject({ baseURL: BASE, apiKey: KEY, dimensions: null, maxRetries: 2 });
    expect(embeddingSettingsFromConfig(loadConfig({ ...llm, EMBEDDINGS_BASE_URL: "https://other.example.test/v1" })).apiKey).toBe("none");
    expect(embeddingSettingsFromConfig(loadConfig({ ...llm, EMBEDDINGS_BASE_URL: "https://other.example.test/v1", EMBEDDINGS_API_KEY: "emb-key" })).apiKey).toBe("emb-key");
  });
});

describe("index rebuilt when the embedder changes", () => {
  it("builds with the remote embedder in batches, then reuses the index until provider, model or size change", async () => {
    const seen: EmbeddingsBody[] = [];
    server.use(embeddingsServer(16, seen));
    const indexDir = join(mkdtempSync(join(tmpdir(), "fdr-openai-index-")), "index");
    const lines: string[] = [];
    const log = createLogger("info", { write: (l) => lines.push(l) });
    const open = (e: ReturnType<typeof openaiEmbedder>, onProgress?: (done: number, total: number) => void) =>
      openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings: e.embeddings, embedder: e.info, log, ...(onProgress ? { onProgress } : {}) });

    const local = localEmbedder();
    expect((await openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings: local.embeddings, embedder: local.info, log: silentLogger })).built).toBe(true);

    const progress: number[] = [];
    const remote = await open(openaiEmbedder(settings()), (done) => progress.push(done));
    expect(remote.built).toBe(true);
    expect(remote.manifest.embedder).toEqual({ id: "openai:llm.example.test:openweight-embeddings:16", dimensions: 16 });
    expect(seen.every((b) => b.input.length <= EMBEDDING_BATCH)).toBe(true);
    expect(progress[0]).toBe(EMBEDDING_BATCH);
    expect(progress.at(-1)).toBe(remote.chunks.length);
    expect(lines.some((l) => l.includes("rebuilding the index") && l.includes("openai:llm.example.test"))).toBe(true);

    expect((await open(openaiEmbedder(settings()))).built).toBe(false);
    expect((await open(openaiEmbedder(settings({ model: "mistral-embed" })))).built).toBe(true);
    server.use(embeddingsServer(32));
    expect((await open(openaiEmbedder(settings({ model: "mistral-embed", dimensions: 32 })))).built).toBe(true);
    expect(lines.join("\n")).not.toContain(KEY);
  });
});
