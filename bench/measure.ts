import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import { createAnswerPipeline } from "../src/answer/pipeline.js";
import { silentLogger } from "../src/config/log.js";
import { loadCorpus } from "../src/corpus/load.js";
import { loadDataset } from "../src/eval/dataset.js";
import { keywordBaseline } from "../src/eval/run.js";
import { buildIndex, MANIFEST_FILE } from "../src/index/build.js";
import { localEmbedder } from "../src/index/embedder.js";
import { HNSW_FILE } from "../src/index/hnsw-store.js";
import { IndexManifest } from "../src/index/index-manifest.js";
import { loadIndex } from "../src/index/open.js";
import { DEFAULT_RETRIEVER } from "../src/retrieval/retriever.js";
import { profiled } from "./profiler.js";
import { exactTopK, recallAtK, toUnit, type VectorMatrix } from "./recall.js";
import type { BuildJob, BuildResult, ServeJob, ServeResult } from "./schema.js";
import { distribution, megabytes, median, peakRssMb, round } from "./stats.js";
import { synthesizeCorpus } from "./synthetic-corpus.js";

const { HierarchicalNSW } = hnswlib;

/**
 * Ingestion as `npm run ingest` does it (read the corpus, then buildIndex: chunks, embeddings,
 * hnswlib, BM25, files with checksums), on the real corpus or a synthetic one `scale` times larger.
 */
export async function measureBuild(job: BuildJob, log: (msg: string) => void): Promise<BuildResult> {
  const { embeddings, info } = localEmbedder();
  const runs: number[] = [];
  const embedRuns: number[] = [];
  let synthesis = 0;
  let chunks = 0;
  await profiled(job.profile, async () => {
    for (let r = 0; r < job.repetitions; r++) {
      const started = performance.now();
      const real = loadCorpus(job.corpusDir);
      const read = performance.now();
      const corpus = synthesizeCorpus(real, job.scale, job.seed);
      const synthesized = performance.now();
      let embedded = synthesized;
      const index = await buildIndex(corpus, embeddings, info, job.indexDir, {
        onProgress: (done, total) => {
          if (done === total) embedded = performance.now();
        },
      });
      const built = performance.now();
      synthesis = synthesized - read;
      chunks = index.chunks.length;
      runs.push(read - started + (built - synthesized));
      embedRuns.push(embedded - synthesized);
      log(`build x${job.scale}: ${chunks} chunks in ${Math.round(runs.at(-1)!)} ms`);
    }
  });
  return { chunks, ingest_ms: median(runs), runs_ms: runs.map((x) => round(x)), embed_ms: median(embedRuns), synthesis_ms: round(synthesis), rss_mb: peakRssMb() };
}

/** Heap and RSS after a full collection, when the worker runs with --expose-gc (else as they are). */
function settledMemory(): { heap: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heap: megabytes(m.heapUsed), rss: megabytes(m.rss) };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** The vectors exactly as hnswlib holds them (normalised), read from the index file itself. */
function readMatrix(indexDir: string, dims: number): VectorMatrix {
  const index = new HierarchicalNSW("cosine", dims);
  index.readIndexSync(join(indexDir, HNSW_FILE));
  const rows = index.getCurrentCount();
  const data = new Float32Array(rows * dims);
  for (let row = 0; row < rows; row++) data.set(index.getPoint(row), row * dims);
  return { rows, dims, data };
}

/**
 * A loaded index answering the evaluation questions, warm: one unmeasured pass, then `passes`
 * measured ones through `ask` (timings_ms split retrieval / answer). Then the components and
 * the baselines on the same questions: hnswlib alone, BM25 alone (the evaluation's keyword
 * baseline), and an exact scan over the same vectors, which also gives hnswlib's recall.
 */
export async function measureServe(job: ServeJob, log: (msg: string) => void): Promise<ServeResult> {
  const manifest = IndexManifest.parse(JSON.parse(readFileSync(join(job.indexDir, MANIFEST_FILE), "utf8")));
  const { embeddings, info } = localEmbedder();
  const items = loadDataset(job.datasetFile).items;
  const depth = DEFAULT_RETRIEVER.depth;
  const before = settledMemory();
  const loaded = await timed(() => loadIndex(job.indexDir, manifest.corpusHash, embeddings, info));
  const index = loaded.value;
  const afterLoad = settledMemory();
  const pipeline = createAnswerPipeline({ index, log: silentLogger });
  const ready = settledMemory();
  const memory = {
    index_heap_mb: round(afterLoad.heap - before.heap, 1),
    pipeline_heap_mb: round(ready.heap - afterLoad.heap, 1),
    hnsw_file_mb: megabytes(statSync(join(job.indexDir, HNSW_FILE)).size),
    settled_rss_mb: ready.rss,
    load_peak_rss_mb: peakRssMb(),
  };

  for (const item of items.slice(0, job.warmup ?? items.length)) await pipeline.ask(item.question);
  const total: number[] = [];
  const retrieval: number[] = [];
  const answer: number[] = [];
  const byKind = new Map<string, number[]>();
  await profiled(job.profile, async () => {
    for (let pass = 0; pass < job.passes; pass++) {
      for (const item of items) {
        const { timings_ms: t } = await pipeline.ask(item.question);
        total.push(t.total);
        retrieval.push(t.retrieval);
        answer.push(t.answer);
        byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), t.total]);
      }
    }
  });
  log(`serve ${index.chunks.length} chunks: ${total.length} answers, p95 ${distribution(total).p95} ms`);

  const common = {
    queries: items.length,
    load_ms: round(loaded.ms),
    total: distribution(total),
    retrieval: distribution(retrieval),
    answer: distribution(answer),
    total_p95_by_kind: Object.fromEntries([...byKind].map(([k, xs]) => [k, distribution(xs).p95])),
    depth,
    memory,
  };
  if (!job.baselines) return { ...common, hnsw: null, bm25: null, brute_force: null, recall_at_10: null, recall_at_depth: null, rss_mb: peakRssMb() };

  const rowOf = new Map(index.chunks.map((c, row) => [c.id, row]));
  const queries = await Promise.all(items.map((i) => embeddings.embedQuery(i.question)));
  const hnsw: number[] = [];
  const bm25: number[] = [];
  const found: number[][] = [];
  for (let pass = 0; pass < job.passes; pass++) {
    for (const [i, item] of items.entries()) {
      const search = await timed(() => index.vectors.similaritySearchVectorWithScore(queries[i]!, depth));
      hnsw.push(search.ms);
      found[i] = search.value.map(([d]) => rowOf.get(String(d.metadata.chunkId))!);
      const started = performance.now();
      keywordBaseline(index, item.question);
      bm25.push(performance.now() - started);
    }
  }
  const rss = peakRssMb();

  const matrix = readMatrix(job.indexDir, manifest.embedder.dimensions);
  const bruteForce: number[] = [];
  const recall10: number[] = [];
  const recallDepth: number[] = [];
  for (const [i, q] of queries.entries()) {
    const unit = toUnit(q);
    const started = performance.now();
    const exact = exactTopK(matrix, unit, depth);
    bruteForce.push(performance.now() - started);
    const top10 = (await index.vectors.similaritySearchVectorWithScore(q, 10)).map(([d]) => rowOf.get(String(d.metadata.chunkId))!);
    recall10.push(recallAtK(matrix, unit, exact, top10, 10));
    recallDepth.push(recallAtK(matrix, unit, exact, found[i]!, depth));
  }
  const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), 4);
  return {
    ...common,
    hnsw: distribution(hnsw),
    bm25: distribution(bm25),
    brute_force: distribution(bruteForce),
    recall_at_10: mean(recall10),
    recall_at_depth: mean(recallDepth),
    rss_mb: rss,
  };
}
