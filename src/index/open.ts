import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Chunk } from "../corpus/chunk.js";
import { ANALYSIS_ID } from "../language/french.js";
import { fingerprintCorpus, loadCorpus } from "../corpus/load.js";
import type { Corpus } from "../corpus/schema.js";
import type { Logger } from "../config/log.js";
import { buildIndex, chunkText, CHUNKS_FILE, CORPUS_FILE, KEYWORDS_FILE, MANIFEST_FILE, sha256File, type BuildOptions, type SearchIndex } from "./build.js";
import { DEFAULT_HNSW, HnswStore } from "./hnsw-store.js";
import { INDEX_FORMAT, IndexManifest, type EmbedderInfo } from "./index-manifest.js";
import { KeywordIndex } from "./keyword-index.js";

/** Why a saved index cannot be used as it is. Never fatal: the caller rebuilds. */
export class IndexUnusable extends Error {
  constructor(
    readonly kind: "missing" | "stale" | "corrupt",
    message: string,
  ) {
    super(message);
    this.name = "IndexUnusable";
  }
}

/**
 * Loads the saved index after checking, in this order: the manifest, the corpus hash and the
 * embedder (else "stale"), then every file's checksum (else "corrupt") — before hnswlib, which
 * does not validate what it reads, ever sees a byte.
 */
export async function loadIndex(
  dir: string,
  corpusHash: string,
  embeddings: EmbeddingsInterface,
  embedder: EmbedderInfo,
): Promise<SearchIndex> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    // Index files without their manifest are a damaged index, not a first start.
    const leftovers = existsSync(dir) ? readdirSync(dir).length : 0;
    if (leftovers) throw new IndexUnusable("corrupt", `${MANIFEST_FILE} is missing beside ${leftovers} index file(s)`);
    throw new IndexUnusable("missing", `no index at ${dir}`);
  }
  let manifest: IndexManifest;
  try {
    const raw: unknown = JSON.parse(readFileSync(manifestPath, "utf8"));
    const format = (raw as { format?: unknown } | null)?.format;
    if (typeof format === "number" && format !== INDEX_FORMAT) {
      throw new IndexUnusable("stale", `the index is in format ${format}, this version writes format ${INDEX_FORMAT}`);
    }
    manifest = IndexManifest.parse(raw);
  } catch (e) {
    if (e instanceof IndexUnusable) throw e;
    throw new IndexUnusable("corrupt", `unreadable ${MANIFEST_FILE}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (manifest.corpusHash !== corpusHash) throw new IndexUnusable("stale", "the corpus has changed since the index was built");
  if (manifest.analysis !== ANALYSIS_ID) throw new IndexUnusable("stale", "the index was built with another reading of words (stopwords, stemmer)");
  if (manifest.embedder.id !== embedder.id) {
    throw new IndexUnusable("stale", `the index was built with embedder ${manifest.embedder.id}, now ${embedder.id}`);
  }
  if (embedder.dimensions !== null && manifest.embedder.dimensions !== embedder.dimensions) {
    throw new IndexUnusable("stale", `the index has ${manifest.embedder.dimensions}-dimension vectors, the embedder gives ${embedder.dimensions}`);
  }
  for (const [file, sum] of Object.entries(manifest.files)) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new IndexUnusable("corrupt", `${file} is missing`);
    if (sha256File(path) !== sum) throw new IndexUnusable("corrupt", `${file} does not match its checksum (truncated or altered)`);
  }
  try {
    // These two files were written by buildIndex in this format (INDEX_FORMAT) and their checksums
    // just matched: validating them again with zod would copy every chunk on every start.
    const corpus = JSON.parse(readFileSync(join(dir, CORPUS_FILE), "utf8")) as Corpus;
    const chunks = JSON.parse(readFileSync(join(dir, CHUNKS_FILE), "utf8")) as Chunk[];
    const keywords = KeywordIndex.fromJSON(readFileSync(join(dir, KEYWORDS_FILE), "utf8"));
    const chunkById = new Map(chunks.map((c) => [c.id, c]));
    const vectors = await HnswStore.load(dir, embeddings, DEFAULT_HNSW, chunkText(chunkById));
    if (vectors.size !== chunks.length) throw new Error(`${vectors.size} vectors for ${chunks.length} chunks`);
    return { manifest, corpus, chunks, chunkById, vectors, keywords, embeddings };
  } catch (e) {
    throw new IndexUnusable("corrupt", (e as Error).message.split("\n")[0] ?? "unreadable index");
  }
}

export interface OpenIndexOptions extends BuildOptions {
  corpusDir: string;
  indexDir: string;
  embeddings: EmbeddingsInterface;
  embedder: EmbedderInfo;
  log: Logger;
  /** Rebuild even when the saved index is current (npm run ingest). */
  force?: boolean;
}

/** The index for this corpus and embedder: loaded when current, (re)built otherwise. */
export async function openIndex(options: OpenIndexOptions): Promise<SearchIndex & { built: boolean }> {
  const { corpusDir, indexDir, embeddings, embedder, log } = options;
  if (!options.force) {
    try {
      const index = await loadIndex(indexDir, fingerprintCorpus(corpusDir), embeddings, embedder);
      log.debug("index loaded", { chunks: index.manifest.chunks, embedder: embedder.id });
      return { ...index, built: false };
    } catch (e) {
      if (!(e instanceof IndexUnusable)) throw e;
      const level = e.kind === "corrupt" ? "warn" : "info";
      log[level](e.kind === "missing" ? "building the index" : `rebuilding the index: ${e.message}`, { reason: e.kind });
    }
  }
  const started = performance.now();
  const corpus = loadCorpus(corpusDir);
  const index = await buildIndex(corpus, embeddings, embedder, indexDir, options);
  log.info("index built", { chunks: index.chunks.length, embedder: embedder.id, ms: Math.round(performance.now() - started) });
  return { ...index, built: true };
}
