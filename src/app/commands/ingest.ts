import { progressBar } from "../../cli/progress.js";
import { loadConfig, secretsOf } from "../../config/env.js";
import { createLogger } from "../../config/log.js";
import { openPipeline } from "../pipeline.js";
import { run } from "../run.js";

run(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config) });
  const started = performance.now();
  const pipeline = await openPipeline(config, log, { force: true, onProgress: progressBar("embeddings") });
  const d = pipeline.describe();
  process.stdout.write(
    `Index built in ${Math.round(performance.now() - started)} ms: ${d.chunks} chunks from ${d.documents.length} documents, embedder ${d.embedder}, corpus ${d.corpusHash.slice(0, 12)}.\n`,
  );
  return 0;
});
