import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { loadDataset } from "../src/eval/dataset.js";
import { ROOT, runWorker } from "./child.js";
import { measureCold } from "./cold.js";
import { CpuProfile, summarize } from "./cpu-profile.js";
import { BenchResult, BuildResult, ServeResult, type GrowthRow } from "./schema.js";
import { runSlackLoad } from "./slack-load.js";
import { ratio, round } from "./stats.js";
import { DEFAULT_SEED } from "./synthetic-corpus.js";
import { evaluateTargets } from "./targets.js";

export interface BenchOptions {
  quick: boolean;
  seed: number;
  corpusDir: string;
  datasetFile: string;
  log: (msg: string) => void;
}

export const DEFAULT_OPTIONS = {
  seed: DEFAULT_SEED,
  corpusDir: resolve(ROOT, "corpus"),
  datasetFile: resolve(ROOT, "evals/dataset.jsonl"),
};

const COLD_QUESTION = "quelle action parle de la cybersécurité des établissements ?";
const SLACK_CONCURRENCY = 50;
/** The growth scale profiled in the full run: large enough for costs that grow to show, quick to run. */
const PROFILED_SCALE = 10;

/** Repetitions and time limits per scale: the full run repeats what is cheap, --quick does each thing once. */
function plan(quick: boolean) {
  return {
    scales: quick ? [1, 10] : [1, 10, 100],
    buildRepetitions: (scale: number) => (scale === 1 && !quick ? 3 : 1),
    servePasses: (scale: number) => (quick ? 1 : scale === 1 ? 5 : scale === 10 ? 3 : 1),
    // At ×100 a full warm-up pass would cost as much as the measured one; 20 questions warm the code.
    warmup: (scale: number) => (scale >= 100 ? 20 : undefined),
    buildTimeoutMs: (scale: number) => 60_000 + scale * 12_000,
    // Generous, not a target: when comparisons searched every roadmap, one ×100 answer took 30 s.
    serveTimeoutMs: (scale: number) => 120_000 + scale * 24_000,
    coldRuns: quick ? 3 : 5,
    slackRounds: quick ? 1 : 3,
  };
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${round(totalmem() / 1024 ** 3, 1)} GB RAM, ${platform()} ${release()}, Node ${process.version}`;
}

function growthRow(scale: number, build: BuildResult, serve: ServeResult): GrowthRow {
  const { hnsw, bm25, brute_force: bruteForce, recall_at_10: recall10, recall_at_depth: recallDepth } = serve;
  if (!hnsw || !bm25 || !bruteForce || recall10 === null || recallDepth === null) throw new Error("the serve job ran without its baselines");
  const slowest = Object.entries(serve.total_p95_by_kind).sort((a, b) => b[1] - a[1])[0];
  return {
    scale,
    chunks: build.chunks,
    ingest_ms: build.ingest_ms,
    embed_ms: build.embed_ms,
    ingest_rss_mb: build.rss_mb,
    load_ms: serve.load_ms,
    query_p95_ms: serve.total.p95,
    retrieval_p95_ms: serve.retrieval.p95,
    slowest_kind: slowest ? { kind: slowest[0], p95_ms: slowest[1] } : null,
    hnsw_p95_ms: hnsw.p95,
    bm25_p95_ms: bm25.p95,
    brute_force_p95_ms: bruteForce.p95,
    recall_at_10: recall10,
    depth: serve.depth,
    recall_at_depth: recallDepth,
    rss_mb: serve.rss_mb,
    memory: serve.memory,
  };
}

const pick = <T extends { p50: number; p95: number; p99: number }>(d: T) => ({ p50: d.p50, p95: d.p95, p99: d.p99 });

/**
 * The whole benchmark, one phase after another so none competes for the two cores with another:
 * the real corpus (ingest, warm answers, baselines), the cold ask, the Slack app under load, the
 * growth scales, and for the full run CPU profiles of a ×10 build, ×10 answers and the Slack app
 * under load. A phase that fails is
 * reported in `errors` and the others still run.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const p = plan(options.quick);
  const tmp = mkdtempSync(join(tmpdir(), "fdr-bench-"));
  const errors: BenchResult["errors"] = [];
  const attempt = async <T>(phase: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      options.log(`${phase} failed: ${message}`);
      errors.push({ phase, message });
      return null;
    }
  };
  const start = loadavg().map((x) => round(x));
  const indexOf = (scale: number) => join(tmp, `index-x${scale}`);
  try {
    const growth: GrowthRow[] = [];
    const serves = new Map<number, ServeResult>();
    const builds = new Map<number, BuildResult>();
    const grow = async (scale: number) => {
      options.log(`scale ×${scale}: building`);
      const build = await runWorker(
        { job: "build", corpusDir: options.corpusDir, indexDir: indexOf(scale), scale, seed: options.seed, repetitions: p.buildRepetitions(scale) },
        BuildResult,
        { timeoutMs: p.buildTimeoutMs(scale) },
      );
      options.log(`scale ×${scale}: serving ${build.chunks} chunks`);
      const serve = await runWorker(
        { job: "serve", indexDir: indexOf(scale), datasetFile: options.datasetFile, passes: p.servePasses(scale), warmup: p.warmup(scale), baselines: true },
        ServeResult,
        { timeoutMs: p.serveTimeoutMs(scale), nodeArgs: ["--expose-gc"] },
      );
      builds.set(scale, build);
      serves.set(scale, serve);
      growth.push(growthRow(scale, build, serve));
    };

    await attempt("real corpus (×1)", () => grow(1));
    const real = serves.get(1);

    const cold = real
      ? await attempt("cold ask", () =>
          measureCold({ corpusDir: options.corpusDir, indexDir: indexOf(1), question: COLD_QUESTION, runs: p.coldRuns, diagnose: !options.quick, tmp, log: options.log }),
        )
      : null;

    const questions = loadDataset(options.datasetFile).items.map((i) => i.question);
    const slackLoad = (rounds: number, profile?: string) => {
      const dataDir = join(tmp, `slack-data-${profile ? "profiled" : "measured"}`);
      mkdirSync(dataDir, { recursive: true });
      return runSlackLoad({
        corpusDir: options.corpusDir,
        indexDir: indexOf(1),
        dataDir,
        questions,
        concurrency: SLACK_CONCURRENCY,
        rounds,
        deadlineMs: 180_000,
        ...(profile ? { profile } : {}),
        log: options.log,
      });
    };
    const slack = real ? await attempt("slack", () => slackLoad(p.slackRounds)) : null;

    for (const scale of p.scales.filter((s) => s > 1)) {
      await attempt(`growth ×${scale}`, () => grow(scale));
      if (scale !== PROFILED_SCALE) rmSync(indexOf(scale), { recursive: true, force: true });
    }

    // Where the time goes, each in a separate run (profiling slows what it watches), each
    // profile covering the measured work only, not the process start around it.
    const profiles: BenchResult["profiles"] = {};
    const profile = async (name: string, run: (file: string) => Promise<unknown>) => {
      const file = join(tmp, `${name.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`);
      options.log(`profile: ${name}`);
      await run(file);
      profiles[name] = summarize(CpuProfile.parse(JSON.parse(readFileSync(file, "utf8"))));
    };
    if (!options.quick) {
      await attempt("profile of ingest", () =>
        profile(`ingest ×${PROFILED_SCALE}`, (file) =>
          runWorker(
            { job: "build", corpusDir: options.corpusDir, indexDir: join(tmp, "index-profiled"), scale: PROFILED_SCALE, seed: options.seed, repetitions: 1, profile: file },
            BuildResult,
            { timeoutMs: p.buildTimeoutMs(PROFILED_SCALE) * 2 },
          ),
        ),
      );
      if (serves.has(PROFILED_SCALE)) {
        await attempt("profile of answers", () =>
          profile(`answers ×${PROFILED_SCALE}`, (file) =>
            runWorker({ job: "serve", indexDir: indexOf(PROFILED_SCALE), datasetFile: options.datasetFile, passes: 1, baselines: false, profile: file }, ServeResult, {
              timeoutMs: p.serveTimeoutMs(PROFILED_SCALE) * 2,
            }),
          ),
        );
      }
      if (slack) await attempt("profile of the Slack app", () => profile("Slack app under load", (file) => slackLoad(1, file)));
    }

    const r1 = growth.find((g) => g.scale === 1);
    const measured: Omit<BenchResult, "targets"> = {
      machine: machine(),
      date: new Date().toISOString(),
      quick: options.quick,
      load_avg: { start, end: loadavg().map((x) => round(x)) },
      ingest_ms: builds.get(1)?.ingest_ms ?? null,
      cold_ask_ms: cold?.median_ms ?? null,
      cold_ask: cold ? { command: cold.command, samples_ms: cold.samples_ms, layers: cold.layers, ...(cold.diagnosis ? { diagnosis: cold.diagnosis } : {}) } : null,
      warm_ms: real ? pick(real.total) : null,
      retrieval_ms: real ? pick(real.retrieval) : null,
      answer_ms: real ? pick(real.answer) : null,
      slack: slack
        ? {
            concurrency: slack.concurrency,
            events: slack.events,
            answered: slack.answered,
            ack_p50_ms: slack.ack.p50,
            ack_p95_ms: slack.ack.p95,
            ack_p99_ms: slack.ack.p99,
            ack_max_ms: slack.ack.max,
            duplicates: slack.duplicates,
            answer_p50_ms: slack.answer.p50,
            answer_p99_ms: slack.answer.p99,
            answers_per_s: slack.answers_per_s,
            rss_mb: slack.rss_mb,
            app_loop_delay_p99_ms: slack.app_loop_delay?.p99_ms ?? null,
            app_loop_delay_max_ms: slack.app_loop_delay?.max_ms ?? null,
          }
        : null,
      rss_mb: real?.rss_mb ?? null,
      growth,
      baselines: r1
        ? {
            brute_force_query_p95_ms: r1.brute_force_p95_ms,
            bm25_query_p95_ms: r1.bm25_p95_ms,
            hnsw_query_p95_ms: r1.hnsw_p95_ms,
            retrieval_p95_ms: r1.retrieval_p95_ms,
            ratios: {
              brute_force_over_hnsw: ratio(r1.brute_force_p95_ms, r1.hnsw_p95_ms),
              retrieval_over_bm25: ratio(r1.retrieval_p95_ms, r1.bm25_p95_ms),
              retrieval_over_brute_force: ratio(r1.retrieval_p95_ms, r1.brute_force_p95_ms),
            },
          }
        : null,
      profiles,
      errors,
    };
    return BenchResult.parse({ ...measured, targets: evaluateTargets(measured) });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
