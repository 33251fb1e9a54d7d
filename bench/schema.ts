import { z } from "zod";

/**
 * What crosses the process boundary between the benchmark and its workers: each measurement
 * that must not share a heap or an event loop with another runs in a child process, takes one
 * job as a JSON argument and prints one JSON line of results.
 */
export const Distribution = z.object({ n: z.number(), p50: z.number(), p95: z.number(), p99: z.number(), max: z.number() });

export const BuildJob = z.object({
  job: z.literal("build"),
  corpusDir: z.string(),
  indexDir: z.string(),
  scale: z.number().int().positive(),
  seed: z.number().int(),
  repetitions: z.number().int().positive(),
  /** Where to write a CPU profile of the builds, if wanted. */
  profile: z.string().optional(),
});
export type BuildJob = z.infer<typeof BuildJob>;

export const BuildResult = z.object({
  chunks: z.number(),
  /** Median over the repetitions: reading the corpus (loadCorpus) plus buildIndex. */
  ingest_ms: z.number(),
  runs_ms: z.array(z.number()),
  /** Of which chunking and embedding (until the embedder's last batch), median. */
  embed_ms: z.number(),
  /** Making the synthetic corpus: a cost of the benchmark, not of ingestion. */
  synthesis_ms: z.number(),
  rss_mb: z.number(),
});
export type BuildResult = z.infer<typeof BuildResult>;

export const ServeJob = z.object({
  job: z.literal("serve"),
  indexDir: z.string(),
  datasetFile: z.string(),
  passes: z.number().int().positive(),
  /** Questions in the unmeasured warm-up pass: all of them by default, fewer where each answer takes seconds. */
  warmup: z.number().int().nonnegative().optional(),
  /** Off for a CPU profile of answering alone. */
  baselines: z.boolean(),
  /** Where to write a CPU profile of the measured answers, if wanted. */
  profile: z.string().optional(),
});
export type ServeJob = z.infer<typeof ServeJob>;

export const ServeResult = z.object({
  queries: z.number(),
  load_ms: z.number(),
  total: Distribution,
  retrieval: Distribution,
  answer: Distribution,
  /** p95 of the full answer per question kind: where a slow tail comes from. */
  total_p95_by_kind: z.record(z.string(), z.number()),
  /** The components and baselines: null when the job ran without them. */
  hnsw: Distribution.nullable(),
  bm25: Distribution.nullable(),
  brute_force: Distribution.nullable(),
  recall_at_10: z.number().nullable(),
  /** The retriever reads this many vector hits per question; recall at that depth is what it gets. */
  depth: z.number(),
  recall_at_depth: z.number().nullable(),
  /** Peak RSS once the index is loaded and every question answered, before the baselines load their own copy of the vectors. */
  rss_mb: z.number(),
  /** Where the memory is, after a full GC at each step (the worker runs with --expose-gc). */
  memory: z.object({
    /** JavaScript heap held by the loaded index: chunks, corpus, BM25, the vector store's documents. */
    index_heap_mb: z.number(),
    /** Heap added by createAnswerPipeline: the retriever's tables. */
    pipeline_heap_mb: z.number(),
    /** hnswlib's native index (vectors + graph), about the size of its file, outside the JavaScript heap. */
    hnsw_file_mb: z.number(),
    /** RSS once everything is loaded and collected: what stays, without the transient peak of loading. */
    settled_rss_mb: z.number(),
    /** Peak RSS once loaded, before any question: the transient cost of loading (JSON text, zod's copies). */
    load_peak_rss_mb: z.number(),
  }),
});
export type ServeResult = z.infer<typeof ServeResult>;

export const SlackAppJob = z.object({
  job: z.literal("slack-app"),
  /** The environment the app's configuration is read from, as `npm start` would. */
  env: z.record(z.string(), z.string()),
  /** Where to write a CPU profile of the app from ready to stop, if wanted. */
  profile: z.string().optional(),
});
export type SlackAppJob = z.infer<typeof SlackAppJob>;

export const SlackAppReady = z.object({ event: z.literal("ready"), port: z.number().int().positive() });
export const SlackAppStopped = z.object({
  event: z.literal("stopped"),
  rss_mb: z.number(),
  /**
   * The app's event-loop delay while it was ready (monitorEventLoopDelay): the longest a delivery
   * could wait inside the app before Node read it. An ack the load generator sees later than
   * this waited outside the app — for a CPU, on this machine shared by both processes.
   */
  loop_delay_p99_ms: z.number(),
  loop_delay_max_ms: z.number(),
});

export const Job = z.discriminatedUnion("job", [BuildJob, ServeJob, SlackAppJob]);
export type Job = z.infer<typeof Job>;

export const ColdPhases = z.object({
  /** From process start to the first line of the entry: Node's bootstrap, the tsx loader, transpiling the entry. */
  boot_ms: z.number(),
  /** `modules`: what the phase loaded first, by package, when run under bench/module-census.mjs. */
  phases: z.array(z.object({ name: z.string(), ms: z.number(), modules: z.record(z.string(), z.number()).optional() })),
  /** What the phases loaded (to compare with loadIndex) and what the two asks cited. */
  loaded: z.object({ chunks: z.number().int(), vectors: z.number().int() }),
  answers: z.array(z.array(z.string())),
});
export type ColdPhases = z.infer<typeof ColdPhases>;

const Share = z.object({ name: z.string(), ms: z.number(), share: z.number() });
export const ProfileSummary = z.object({ wall_ms: z.number(), by_origin: z.array(Share), by_function: z.array(Share) });
export type ProfileSummary = z.infer<typeof ProfileSummary>;
const Nullable = z.number().nullable();

export const GrowthRow = z.object({
  scale: z.number().int().positive(),
  chunks: z.number(),
  ingest_ms: z.number(),
  /** Of ingest_ms: chunking and embedding; the rest is hnswlib, BM25 and writing the files. */
  embed_ms: z.number(),
  ingest_rss_mb: z.number(),
  load_ms: z.number(),
  /** Full answers (ask), warm, over the evaluation questions. */
  query_p95_ms: z.number(),
  retrieval_p95_ms: z.number(),
  slowest_kind: z.object({ kind: z.string(), p95_ms: z.number() }).nullable(),
  hnsw_p95_ms: z.number(),
  bm25_p95_ms: z.number(),
  brute_force_p95_ms: z.number(),
  recall_at_10: z.number(),
  depth: z.number(),
  recall_at_depth: z.number(),
  /** Serving process: index loaded, every question answered. */
  rss_mb: z.number(),
  memory: ServeResult.shape.memory,
});
export type GrowthRow = z.infer<typeof GrowthRow>;

export const Target = z.object({
  id: z.string(),
  label: z.string(),
  limit: z.number(),
  unit: z.string(),
  /** "max": the value must stay below the limit; "min": reach it. */
  kind: z.enum(["max", "min"]),
  value: Nullable,
  met: z.boolean().nullable(),
});
export type Target = z.infer<typeof Target>;

/** `npm run -s bench -- --json`: the one object printed on stdout. Milliseconds and megabytes. */
export const BenchResult = z.object({
  machine: z.string(),
  date: z.string(),
  quick: z.boolean(),
  load_avg: z.object({ start: z.array(z.number()), end: z.array(z.number()) }),
  ingest_ms: Nullable,
  cold_ask_ms: Nullable,
  cold_ask: z
    .object({
      command: z.string(),
      samples_ms: z.array(z.number()),
      layers: z.array(z.object({ name: z.string(), median_ms: z.number() })),
      diagnosis: z
        .object({
          phases: ColdPhases,
          modules: z.object({ total: z.number(), by_origin: z.array(z.object({ name: z.string(), count: z.number() })) }),
          profile: z.object({ wall_ms: z.number(), main: z.array(Share), main_functions: z.array(Share), loader: z.array(Share) }),
        })
        .optional(),
    })
    .nullable(),
  warm_ms: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
  retrieval_ms: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
  answer_ms: z.object({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
  slack: z
    .object({
      concurrency: z.number(),
      events: z.number(),
      answered: z.number(),
      ack_p50_ms: z.number(),
      ack_p95_ms: z.number(),
      ack_p99_ms: z.number(),
      ack_max_ms: z.number(),
      duplicates: z.number().int(),
      answer_p50_ms: z.number(),
      answer_p99_ms: z.number(),
      answers_per_s: z.number(),
      rss_mb: Nullable,
      app_loop_delay_p99_ms: Nullable,
      app_loop_delay_max_ms: Nullable,
    })
    .nullable(),
  rss_mb: Nullable,
  growth: z.array(GrowthRow),
  baselines: z
    .object({
      brute_force_query_p95_ms: z.number(),
      bm25_query_p95_ms: z.number(),
      hnsw_query_p95_ms: z.number(),
      retrieval_p95_ms: z.number(),
      ratios: z.object({
        brute_force_over_hnsw: Nullable,
        retrieval_over_bm25: Nullable,
        retrieval_over_brute_force: Nullable,
      }),
    })
    .nullable(),
  /** CPU profiles of the full run (×10 ingest, ×10 answers, the Slack app under load): where the time goes. */
  profiles: z.record(z.string(), ProfileSummary),
  targets: z.array(Target),
  errors: z.array(z.object({ phase: z.string(), message: z.string() })),
});
export type BenchResult = z.infer<typeof BenchResult>;
