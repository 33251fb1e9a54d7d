import { terminalChat } from "../../cli/chat.js";
import { loadConfig, secretsOf } from "../../config/env.js";
import { createLogger } from "../../config/log.js";
import { openPipeline } from "../pipeline.js";
import { run } from "../run.js";
import { serveSlack } from "../slack.js";

/** Slack when SLACK_BOT_TOKEN is set (HTTP on PORT, or Socket Mode with SLACK_APP_TOKEN); the terminal chat otherwise. */
run(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config) });
  if (!config.SLACK_BOT_TOKEN) {
    await terminalChat(await openPipeline(config, log));
    return 0;
  }
  await serveSlack(config, log);
  return 0;
});
