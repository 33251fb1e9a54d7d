import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evalCommand } from "../../cli/eval.js";
import { loadConfig, secretsOf } from "../../config/env.js";
import { createLogger } from "../../config/log.js";
import { openPipeline } from "../pipeline.js";
import { run } from "../run.js";

run(() => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, { secrets: secretsOf(config) });
  return evalCommand(
    process.argv.slice(2),
    // Another corpus folder is indexed in a folder of its own: the configured index stays as it is.
    (mode, corpusDir) =>
      openPipeline(corpusDir ? { ...config, CORPUS_DIR: corpusDir, INDEX_DIR: join(mkdtempSync(join(tmpdir(), "fdr-index-")), "index") } : config, log, { mode }),
    config.CORPUS_DIR,
  );
});
