import { evalCommand } from "../../cli/eval.js";
import { loadConfig, secretsOf } from "../../config/env.js";
import { createLogger } from "../../config/log.js";
import { openPipeline } from "../pipeline.js";
import { run } from "../run.js";

run(() =>
  evalCommand(process.argv.slice(2), (mode) => {
    const config = loadConfig();
    const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, { secrets: secretsOf(config) });
    return openPipeline(config, log, { mode });
  }),
);
