import { parseArgs } from "node:util";
import { loadConfig, secretsOf } from "../config/env.js";
import { createLogger } from "../config/log.js";
import { openPipeline } from "./open-pipeline.js";
import { answerJson, renderForTerminal } from "./render.js";
import { run } from "./run.js";

const USAGE = `usage: npm run ask -- [--json] [--mode llm|extractive] "votre question"`;

run(async () => {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean", default: false }, mode: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const question = positionals.join(" ").trim();
  if (values.help || !question) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  if (values.mode !== undefined && values.mode !== "llm" && values.mode !== "extractive") {
    process.stderr.write(`--mode must be llm or extractive\n${USAGE}\n`);
    return 1;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, { secrets: secretsOf(config) });
  const pipeline = await openPipeline(config, log, values.mode ? { mode: values.mode } : {});
  const answer = await pipeline.ask(question);
  process.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${renderForTerminal(answer)}\n`);
  return 0;
});
