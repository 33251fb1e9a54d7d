/**
 * The Slack service as `npm start` runs it (same startSlack, same signal handling), bound to
 * 127.0.0.1 on a free port, with a pipeline whose answers wait for "release" on stdin: a test can
 * hold an answer in flight while it sends SIGTERM. Prints {"port": N} once listening.
 */
import { loadConfig } from "../../../src/config/env.js";
import { createLogger } from "../../../src/config/log.js";
import { stopOnSignals } from "../../../src/app/slack.js";
import { startSlack } from "../../../src/slack/server.js";
import { openStorage } from "../../../src/storage/storage.js";
import { deferred, fixedAnswer, stubPipeline } from "./answers.js";

const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, { write: (line) => process.stderr.write(`${line}\n`) });
const release = deferred();
process.stdin.on("data", (data) => {
  if (String(data).includes("release")) release.resolve();
});
const pipeline = stubPipeline(async (question) => {
  process.stdout.write("asking\n");
  await release.promise;
  return fixedAnswer(question);
});
const service = await startSlack({ config, log, pipeline: Promise.resolve(pipeline), storage: openStorage(config.DATA_DIR, log), host: "127.0.0.1", port: 0 });
stopOnSignals(service, log);
process.stdout.write(`${JSON.stringify({ port: service.port })}\n`);
