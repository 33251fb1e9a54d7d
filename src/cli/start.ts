import { loadConfig, secretsOf } from "../config/env.js";
import { createLogger } from "../config/log.js";
import { terminalChat } from "./chat.js";
import { openPipeline } from "./open-pipeline.js";
import { run } from "./run.js";

run(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config) });
  const pipeline = await openPipeline(config, log);
  await terminalChat(pipeline);
  return 0;
});
