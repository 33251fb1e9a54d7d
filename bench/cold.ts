import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { ROOT, runTimed } from "./child.js";
import { readProfiles, timeByFunction, timeByOrigin, type Share } from "./cpu-profile.js";
import { bucketOf } from "./origin.js";
import { ColdPhases } from "./schema.js";
import { median, round } from "./stats.js";

export const ASK_ENTRY = "src/app/commands/ask.ts";
/** What `npm run ask` runs: the compiled command, which the benchmark builds first. */
const LAUNCHER = ["bin/run.mjs", "ask"];
const COMPILED_ENTRY = "dist/app/commands/ask.js";
const CENSUS_HOOK = "./bench/module-census.mjs";
const TIMEOUT_MS = 120_000;

export interface ColdOptions {
  corpusDir: string;
  indexDir: string;
  question: string;
  runs: number;
  /** Also time the layers around the ask (bare Node, the tsx loader, the tsx CLI, npm) and diagnose where the time goes. */
  diagnose: boolean;
  /** Scratch folder for profiles and the module census. */
  tmp: string;
  log: (msg: string) => void;
}

export interface Layer {
  name: string;
  median_ms: number;
}

export interface ColdResult {
  command: string;
  samples_ms: number[];
  median_ms: number;
  layers: Layer[];
  diagnosis?: {
    phases: ColdPhases;
    /** Modules the ask loads, by package: the cost of an import is mostly the number of files behind it. */
    modules: { total: number; by_origin: { name: string; count: number }[] };
    profile: { wall_ms: number; main: Share[]; main_functions: Share[]; loader: Share[] };
  };
}

/**
 * The environment of a cold ask: the prepared index, the embedded embedder, extractive answers
 * (no LLM even when the caller's shell configures one), and info logs, which say when the index
 * had to be rebuilt — that run would measure ingestion, not a cold ask.
 */
function askEnv(options: ColdOptions): NodeJS.ProcessEnv {
  return { ...process.env, CORPUS_DIR: options.corpusDir, INDEX_DIR: options.indexDir, LOG_LEVEL: "info", LLM_BASE_URL: "", EMBEDDINGS_PROVIDER: "local" };
}

/** Runs `command` once unmeasured (OS file cache, tsx's transpile cache), then `runs` times; the wall times of those. */
async function sample(command: string, args: readonly string[], env: NodeJS.ProcessEnv, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const run = await runTimed(command, args, { env, timeoutMs: TIMEOUT_MS });
    if (run.code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${run.code}: ${run.stderr.slice(-500)}`);
    if (/index built/.test(run.stderr)) throw new Error(`${args.join(" ")} rebuilt the index: it measured ingestion, not a cold ask`);
    if (i > 0) out.push(round(run.ms, 1));
  }
  return out;
}

/** What `npm run ask` runs, read from package.json: the layer's label must say which command it timed. */
function askScript(): string {
  const pkg = z.object({ scripts: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")));
  return pkg.scripts.ask ?? "no ask script";
}

function countByOrigin(urls: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const url of urls) counts.set(bucketOf(url, ""), (counts.get(bucketOf(url, "")) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

/**
 * The diagnosis of a slow cold start: the phases of bench/cold-phases.ts, the modules the real
 * ask loads (bench/module-census.mjs), and a CPU profile of the real ask. Node runs tsx's hooks
 * on a loader thread, which gets its own profile.
 */
async function diagnose(options: ColdOptions, env: NodeJS.ProcessEnv): Promise<NonNullable<ColdResult["diagnosis"]>> {
  const job = JSON.stringify({ corpusDir: options.corpusDir, indexDir: options.indexDir, question: options.question });
  const phasesCensus = join(options.tmp, "phases-census.json");
  const phasesRun = await runTimed(process.execPath, ["--import", CENSUS_HOOK, "--import", "tsx", "bench/cold-phases.ts", job], {
    env: { ...env, BENCH_MODULE_CENSUS: phasesCensus },
    timeoutMs: TIMEOUT_MS,
  });
  if (phasesRun.code !== 0) throw new Error(`bench/cold-phases.ts exited with ${phasesRun.code}: ${phasesRun.stderr.slice(-500)}`);
  const phases = ColdPhases.parse(JSON.parse(phasesRun.stdout.trim().split("\n").at(-1) ?? "null"));

  const census = join(options.tmp, "ask-census.json");
  await runTimed(process.execPath, ["--import", CENSUS_HOOK, COMPILED_ENTRY, options.question], { env: { ...env, BENCH_MODULE_CENSUS: census }, timeoutMs: TIMEOUT_MS });
  const urls = z.array(z.string()).parse(JSON.parse(readFileSync(census, "utf8")));

  const profiles = join(options.tmp, "cold-profile");
  mkdirSync(profiles, { recursive: true });
  await runTimed(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profiles, COMPILED_ENTRY, options.question], { env, timeoutMs: TIMEOUT_MS });
  const { main, others } = readProfiles(profiles);
  return {
    phases,
    modules: { total: urls.length, by_origin: countByOrigin(urls) },
    profile: {
      wall_ms: round((main.endTime - main.startTime) / 1000, 1),
      main: timeByOrigin(main, 12),
      main_functions: timeByFunction(main, 12),
      loader: others[0] ? timeByOrigin(others[0], 8) : [],
    },
  };
}

/**
 * A cold ask: a new process answering one question with the index already on disk, timed from
 * spawn to exit, median of `runs`: `node bin/run.mjs ask`, as `npm run ask` runs it, without npm
 * in front (its share, and the other ways to start the same code, are in `layers`). The sources
 * are compiled first, so the launcher runs the JavaScript of the tree being measured.
 */
export async function measureCold(options: ColdOptions): Promise<ColdResult> {
  const env = askEnv(options);
  options.log("cold ask: compiling src/ (npm run build)");
  const build = await runTimed("npm", ["run", "-s", "build"], { timeoutMs: TIMEOUT_MS });
  if (build.code !== 0) throw new Error(`npm run build exited with ${build.code}: ${(build.stdout + build.stderr).slice(-500)}`);
  const args = [...LAUNCHER, options.question];
  options.log(`cold ask: ${options.runs} runs of node ${LAUNCHER.join(" ")}`);
  const samples = await sample(process.execPath, args, env, options.runs);
  const result: ColdResult = { command: `node ${LAUNCHER.join(" ")} "…"`, samples_ms: samples, median_ms: median(samples), layers: [] };
  if (!options.diagnose) return result;

  const layerRuns = Math.max(1, Math.min(3, options.runs));
  const layer = async (name: string, command: string, layerArgs: string[]): Promise<Layer> => {
    options.log(`cold layer: ${name}`);
    return { name, median_ms: median(await sample(command, layerArgs, env, layerRuns)) };
  };
  result.layers = [
    await layer("node, empty script", process.execPath, ["-e", ""]),
    await layer("node + tsx loader, empty script", process.execPath, ["--import", "tsx", "-e", ""]),
    { name: `node ${LAUNCHER.join(" ")}, compiled (the cold ask)`, median_ms: result.median_ms },
    await layer(`node --import tsx ${ASK_ENTRY} (from the sources)`, process.execPath, ["--import", "tsx", ASK_ENTRY, options.question]),
    await layer(`tsx CLI: tsx ${ASK_ENTRY} (a second Node process)`, resolve(ROOT, "node_modules/.bin/tsx"), [ASK_ENTRY, options.question]),
    await layer(`npm run -s ask (${askScript()})`, "npm", ["run", "-s", "ask", "--", options.question]),
  ];
  options.log("cold ask: phases, module census, CPU profile");
  result.diagnosis = await diagnose(options, env);
  return result;
}
