import { resolve } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { loadConfig } from "../src/config/env.js";
import { createLogger } from "../src/config/log.js";
import { openPipeline } from "../src/app/pipeline.js";
import { startSlack } from "../src/slack/server.js";
import { openStorage } from "../src/storage/storage.js";
import { measureBuild, measureServe } from "./measure.js";
import { profiled } from "./profiler.js";
import { Job, type SlackAppJob } from "./schema.js";
import { peakRssMb } from "./stats.js";

/**
 * One measurement in a process of its own (`node --import tsx bench/worker.ts '<job JSON>'`), so
 * its peak memory is its own and no other work shares its event loop. Results go to stdout as
 * JSON lines, logs to stderr.
 */
const log = (msg: string) => process.stderr.write(`[bench worker] ${msg}\n`);
const emit = (value: unknown) => new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(value)}\n`, () => resolve()));

/**
 * The Slack HTTP app as `npm start` runs it (configuration from the environment, the index
 * opened by openPipeline), on 127.0.0.1 only. It runs until the benchmark writes a line or
 * closes stdin, then stops as on SIGTERM and reports its peak memory.
 */
async function slackApp(job: SlackAppJob): Promise<void> {
  const config = loadConfig(job.env);
  const logger = createLogger(config.LOG_LEVEL);
  const pipeline = openPipeline(config, logger);
  const storage = openStorage(resolve(config.DATA_DIR), logger);
  const slack = await startSlack({ config, log: logger, pipeline, storage, host: "127.0.0.1", port: 0 });
  await pipeline;
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  await profiled(job.profile, async () => {
    await emit({ event: "ready", port: slack.port });
    await new Promise<void>((resolve) => {
      const lines = createInterface({ input: process.stdin });
      lines.once("line", () => resolve());
      lines.once("close", () => resolve());
    });
    await slack.stop();
  });
  loopDelay.disable();
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  await emit({ event: "stopped", rss_mb: peakRssMb(), loop_delay_p99_ms: ms(loopDelay.percentile(99)), loop_delay_max_ms: ms(loopDelay.max) });
}

async function main(): Promise<void> {
  const job = Job.parse(JSON.parse(process.argv[2] ?? "null"));
  switch (job.job) {
    case "build":
      await emit(await measureBuild(job, log));
      break;
    case "serve":
      await emit(await measureServe(job, log));
      break;
    case "slack-app":
      await slackApp(job);
      break;
  }
}

// An explicit exit: a keep-alive socket left open by a client library must not hold the result back.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
