import { parseArgs } from "node:util";
import type { AnswerPipeline } from "../answer/pipeline.js";
import type { Answer } from "../answer/schema.js";
import { MAX_QUESTION_CHARS } from "../answer/limits.js";
import { answerJson, renderForTerminal } from "./render.js";

const USAGE = `usage: npm run ask -- [--json] [--mode llm|extractive] "votre question"`;

export interface AskIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** `npm run ask`: one question from the command line, answered on stdout; the exit code. */
export async function askCommand(argv: readonly string[], open: (mode?: Answer["mode"]) => Promise<AnswerPipeline>, io: AskIo = process): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { json: { type: "boolean", default: false }, mode: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const question = positionals.join(" ").trim();
  if (values.help || !question) {
    io.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 1;
  }
  if (values.mode !== undefined && values.mode !== "llm" && values.mode !== "extractive") {
    io.stderr.write(`--mode must be llm or extractive\n${USAGE}\n`);
    return 1;
  }
  if (question.length > MAX_QUESTION_CHARS) {
    io.stderr.write(`fdr-santé: the question is ${question.length} characters long, more than ${MAX_QUESTION_CHARS}: ask it in fewer words\n`);
    return 1;
  }
  const pipeline = await open(values.mode);
  const answer = await pipeline.ask(question);
  io.stdout.write(values.json ? `${JSON.stringify(answerJson(answer))}\n` : `${renderForTerminal(answer)}\n`);
  return 0;
}
