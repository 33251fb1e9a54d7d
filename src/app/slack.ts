import { resolve } from "node:path";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import { startSlack, type SlackService } from "../slack/server.js";
import { openStorage } from "../storage/storage.js";
import { openPipeline } from "./pipeline.js";
import { guardProcess } from "./process-guard.js";

/** SIGTERM or SIGINT: stop taking events, finish or hand over what is under way, exit 0. */
export function stopOnSignals(service: SlackService, log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info("signal received", { signal });
    service.stop().then(
      () => exit(0),
      (error: unknown) => {
        log.error("stop failed", { error });
        exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

/**
 * The Slack bot as `npm start` runs it: the store opened (never fatal), the server listening
 * first and the index loading after (/healthz says 503 until it is ready), stopped by signals.
 */
export async function serveSlack(config: Config, log: Logger): Promise<SlackService> {
  guardProcess(log);
  const storage = openStorage(resolve(config.DATA_DIR), log);
  let loaded!: (pipeline: Promise<AnswerPipeline>) => void;
  const pipeline = new Promise<AnswerPipeline>((resolve) => (loaded = resolve));
  const slack = await startSlack({ config, log, pipeline, storage });
  stopOnSignals(slack, log);
  loaded(openPipeline(config, log));
  try {
    await pipeline;
  } catch (error) {
    await slack.stop();
    throw error;
  }
  return slack;
}
