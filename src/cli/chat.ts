import { createInterface } from "node:readline/promises";
import type { AnswerPipeline } from "../answer/pipeline.js";
import { MAX_QUESTION_CHARS } from "../answer/limits.js";
import type { Turn } from "../answer/schema.js";
import { renderForTerminal } from "./render.js";

const MAX_TURNS = 10;

/**
 * Interactive chat in the terminal on the same pipeline as Slack, with the conversation kept as
 * thread history so follow-ups ("et en 2019 ?") work here too.
 */
export async function terminalChat(
  pipeline: AnswerPipeline,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  const history: Turn[] = [];
  const docs = pipeline.describe().documents.map((d) => d.label).join(", ");
  io.output.write(
    `fdr-santé — posez vos questions sur les feuilles de route du numérique en santé (${docs}).\n` +
      `Slack n'est pas configuré : définissez SLACK_BOT_TOKEN et SLACK_SIGNING_SECRET (ou SLACK_APP_TOKEN) pour le connecter (voir README, « Connecter à Slack »).\n` +
      `Tapez « quitter » ou Ctrl-D pour sortir.\n\n> `,
  );
  for await (const line of rl) {
    const question = line.trim();
    if (/^(quitter|quit|exit|q)$/i.test(question)) break;
    if (question.length > MAX_QUESTION_CHARS) {
      io.output.write(`\nVotre question dépasse ${MAX_QUESTION_CHARS} caractères : pouvez-vous la réduire à l'essentiel ?\n\n`);
    } else if (question) {
      const answer = await pipeline.ask(question, { history });
      io.output.write(`\n${renderForTerminal(answer)}\n\n`);
      history.push({ role: "user", text: question, citations: [] }, { role: "assistant", text: answer.answer, citations: answer.citations.map((c) => c.id) });
      history.splice(0, Math.max(0, history.length - MAX_TURNS * 2));
    }
    io.output.write("> ");
  }
  rl.close();
}
