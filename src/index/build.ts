import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { buildChunks, type Chunk } from "../corpus/chunk.js";
import type { Corpus } from "../corpus/schema.js";
import { DEFAULT_HNSW, DOCS_FILE, HNSW_FILE, HnswStore, ROWS_FILE } from "./hnsw-store.js";
import { ANALYSIS_ID } from "../language/french.js";
import { INDEX_FORMAT, type EmbedderInfo, type IndexManifest } from "./index-manifest.js";
import { KeywordIndex } from "./keyword-index.js";

export const MANIFEST_FILE = "manifest.json";
export const CHUNKS_FILE = "chunks.json";
export const CORPUS_FILE = "corpus.json";
export const KEYWORDS_FILE = "keywords.json";

/** Everything a question needs, loaded once. */
export interface SearchIndex {
  manifest: IndexManifest;
  corpus: Corpus;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  vectors: HnswStore;
  keywords: KeywordIndex;
  embeddings: EmbeddingsInterface;
}

export interface BuildOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Embeds in batches so a remote provider sees bounded requests and a long ingest can show progress. */
async function embedAll(embeddings: EmbeddingsInterface, texts: string[], options: BuildOptions): Promise<number[][]> {
  const size = options.batchSize ?? 64;
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i += size) {
    out.push(...(await embeddings.embedDocuments(texts.slice(i, i + size))));
    options.onProgress?.(Math.min(i + size, texts.length), texts.length);
  }
  return out;
}

/**
 * Chunks, embeds and indexes the corpus, then writes the index to `dir` through a temporary
 * folder renamed into place, so an interrupted build never leaves a half-written index.
 */
export async function buildIndex(
  corpus: Corpus,
  embeddings: EmbeddingsInterface,
  embedder: EmbedderInfo,
  dir: string,
  options: BuildOptions = {},
): Promise<SearchIndex> {
  const chunks = await buildChunks(corpus);
  const vectorsIn = await embedAll(embeddings, chunks.map((c) => c.text), options);
  const dimensions = vectorsIn[0]?.length ?? embedder.dimensions ?? 0;
  const wrong = vectorsIn.findIndex((v) => v.length !== dimensions || (embedder.dimensions !== null && v.length !== embedder.dimensions));
  if (wrong >= 0) {
    throw new Error(`the embedder returned a vector of ${vectorsIn[wrong]!.length} dimensions, expected ${embedder.dimensions ?? dimensions}`);
  }

  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const vectors = new HnswStore(embeddings, DEFAULT_HNSW, chunkText(chunkById));
  await vectors.addVectors(vectorsIn, chunks.map((c) => new Document({ pageContent: c.text, metadata: { chunkId: c.id, document: c.document } })));
  const keywords = KeywordIndex.build(chunks);

  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await vectors.save(tmp);
  writeFileSync(join(tmp, CHUNKS_FILE), JSON.stringify(chunks));
  writeFileSync(join(tmp, CORPUS_FILE), JSON.stringify(corpus));
  writeFileSync(join(tmp, KEYWORDS_FILE), keywords.toJSON());
  const files: Record<string, string> = {};
  for (const f of [HNSW_FILE, DOCS_FILE, ROWS_FILE, CHUNKS_FILE, CORPUS_FILE, KEYWORDS_FILE]) files[f] = sha256File(join(tmp, f));
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    corpusHash: corpus.hash,
    analysis: ANALYSIS_ID,
    embedder: { id: embedder.id, dimensions },
    builtAt: new Date().toISOString(),
    chunks: chunks.length,
    hnsw: { space: "cosine", m: DEFAULT_HNSW.m, efConstruction: DEFAULT_HNSW.efConstruction },
    files,
  };
  writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  renameSync(tmp, dir);

  return { manifest, corpus, chunks, chunkById, vectors, keywords, embeddings };
}

/** The vector store's documents are the chunks: it finds their text there instead of keeping a copy. */
export function chunkText(chunkById: ReadonlyMap<string, Chunk>): (metadata: Record<string, unknown>) => string {
  return (metadata) => chunkById.get(String(metadata.chunkId))?.text ?? "";
}
