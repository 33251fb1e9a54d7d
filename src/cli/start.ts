import type { AnswerPipeline } from "../answer/pipeline.js";
import { loadConfig, secretsOf } from "../config/env.js";
import { createLogger } from "../config/log.js";
import { startSlack, stopOnSignals } from "../slack/server.js";
import { terminalChat } from "./chat.js";
import { openPipeline } from "./open-pipeline.js";
import { run } from "./run.js";

/** Slack when SLACK_BOT_TOKEN is set (HTTP on PORT, or Socket Mode with SLACK_APP_TOKEN); the terminal chat otherwise. */
run(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config) });
  if (!config.SLACK_BOT_TOKEN) {
    await terminalChat(await openPipeline(config, log));
    return 0;
  }
  // The server listens first and the index loads after: /healthz says 503 until it is ready.
  let loaded!: (pipeline: Promise<AnswerPipeline>) => void;
  const pipeline = new Promise<AnswerPipeline>((resolve) => (loaded = resolve));
  const slack = await startSlack({ config, log, pipeline });
  stopOnSignals(slack, log);
  loaded(openPipeline(config, log));
  try {
    await pipeline;
  } catch (error) {
    await slack.stop();
    throw error;
  }
  return 0;
});
