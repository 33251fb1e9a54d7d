/**
 * Where a cold `ask` spends its time, phase by phase, in a fresh process running the sources
 * through tsx (the compiled ask is profiled as a whole in bench/cold.ts). No static import: ESM
 * evaluates static imports before the first line, which would hide them from the timer. The ask's own modules are imported one group at a
 * time, in dependency order, so each group is charged with the packages it is first to load;
 * run under bench/module-census.mjs, each phase also lists those packages. The index steps then
 * repeat what loadIndex does (manifest, checksums, JSON files, BM25 postings, hnswlib), one timer each.
 *
 * Usage: node --import ./bench/module-census.mjs --import tsx bench/cold-phases.ts '{"corpusDir": …, "indexDir": …, "question": …}'
 */
const boot = performance.now();
const phases: { name: string; ms: number; modules?: Record<string, number> }[] = [];
import type { Chunk } from "../src/corpus/chunk.js";
import type { Corpus } from "../src/corpus/schema.js";

const drain = (globalThis as { __benchCensusDrain?: () => string[] }).__benchCensusDrain;
const { bucketOf } = await import("./origin.js");
drain?.();

/** Modules loaded since the last phase, counted by package (or repository folder). */
function newModules(): Record<string, number> | undefined {
  if (!drain) return undefined;
  const counts: Record<string, number> = {};
  for (const url of drain()) counts[bucketOf(url, "")] = (counts[bucketOf(url, "")] ?? 0) + 1;
  return counts;
}

async function phase<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const modules = newModules();
  phases.push({ name, ms, ...(modules && Object.keys(modules).length ? { modules } : {}) });
  return value;
}

const { readFileSync } = await import("node:fs");
const { join } = await import("node:path");
const { z } = await phase("import zod", () => import("zod"));
const job = z.object({ corpusDir: z.string(), indexDir: z.string(), question: z.string() }).parse(JSON.parse(process.argv[2] ?? "null"));

const [{ loadConfig }, { silentLogger }] = await phase("import src/config", () => Promise.all([import("../src/config/env.js"), import("../src/config/log.js")]));
const { fingerprintCorpus } = await phase("import src/corpus/load (corpus parsing)", () => import("../src/corpus/load.js"));
await phase("import src/corpus/chunk", () => import("../src/corpus/chunk.js"));
const { DEFAULT_HNSW, HnswStore } = await phase("import src/index/hnsw-store (LangChain VectorStore, hnswlib)", () => import("../src/index/hnsw-store.js"));
const { KeywordIndex } = await phase("import src/index/keyword-index (BM25, minisearch SearchableMap)", () => import("../src/index/keyword-index.js"));
const build = await phase("import src/index (build, open, embedders)", async () => {
  await import("../src/index/open.js");
  return import("../src/index/build.js");
});
const { createAnswerPipeline } = await phase("import src/answer + src/retrieval", () => import("../src/answer/pipeline.js"));
await phase("import src/app and src/cli (pipeline, render)", () => Promise.all([import("../src/app/pipeline.js"), import("../src/cli/render.js")]));
const { IndexManifest } = await import("../src/index/index-manifest.js");
const { localEmbedder } = await import("../src/index/embedder.js");

await phase("loadConfig", () => loadConfig({ ...process.env, CORPUS_DIR: job.corpusDir, INDEX_DIR: job.indexDir }));
await phase("fingerprintCorpus (hash of the corpus files)", () => fingerprintCorpus(job.corpusDir));
const manifest = await phase("manifest.json (read, zod)", () => IndexManifest.parse(JSON.parse(readFileSync(join(job.indexDir, build.MANIFEST_FILE), "utf8"))));
await phase("checksums (sha256 of every index file)", () => {
  for (const file of Object.keys(manifest.files)) build.sha256File(join(job.indexDir, file));
});
// Trusted as loadIndex trusts them: their checksums just matched.
const corpus = await phase("corpus.json: read + JSON.parse", () => JSON.parse(readFileSync(join(job.indexDir, build.CORPUS_FILE), "utf8")) as Corpus);
const chunks = await phase("chunks.json: read + JSON.parse", () => JSON.parse(readFileSync(join(job.indexDir, build.CHUNKS_FILE), "utf8")) as Chunk[]);
const keywords = await phase("keywords.json: KeywordIndex.fromJSON", () => KeywordIndex.fromJSON(readFileSync(join(job.indexDir, build.KEYWORDS_FILE), "utf8")));
const { embeddings } = localEmbedder();
const chunkById = new Map(chunks.map((c) => [c.id, c]));
const vectors = await phase("vectors: HnswStore.load (JSON, zod, hnswlib read)", () =>
  HnswStore.load(job.indexDir, embeddings, DEFAULT_HNSW, build.chunkText(chunkById)),
);
const index = { manifest, corpus, chunks, chunkById, vectors, keywords, embeddings };
const pipeline = await phase("createAnswerPipeline (retriever tables)", () => createAnswerPipeline({ index, log: silentLogger }));
const first = await phase("first ask (cold code)", () => pipeline.ask(job.question));
const second = await phase("second ask (same question, warm)", () => pipeline.ask(job.question));

const loaded = { chunks: chunks.length, vectors: vectors.size };
const answers = [first, second].map((a) => a.citations.map((c) => c.id));
process.stdout.write(`${JSON.stringify({ boot_ms: Math.round(boot * 10) / 10, phases, loaded, answers })}\n`);
