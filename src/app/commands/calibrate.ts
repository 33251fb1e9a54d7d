import { calibrateCommand } from "../../cli/calibrate.js";
import { loadConfig, secretsOf } from "../../config/env.js";
import { createLogger } from "../../config/log.js";
import { openPipeline } from "../pipeline.js";
import { run } from "../run.js";

run(() => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, { secrets: secretsOf(config) });
  return calibrateCommand(process.argv.slice(2), () => openPipeline(config, log, { mode: "extractive" }), log, config.CORPUS_DIR);
});
