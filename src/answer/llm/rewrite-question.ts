import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { ChatOpenAI } from "@langchain/openai";
import type { Corpus } from "../../corpus/schema.js";
import type { Logger } from "../../config/log.js";
import { resolveFollowUp } from "../../understanding/follow-up.js";
import { isInjection } from "../../understanding/safety.js";
import type { Turn } from "../schema.js";
import { classifyError, describeError } from "./faults.js";
import { rewritePrompt } from "./prompt.js";

export interface QuestionRewriter {
  /** The follow-up as a standalone question. Never rejects: on any fault, the rules answer. */
  rewrite(question: string, history: readonly Turn[]): Promise<string>;
}

const MAX_CHARS = 300;

/** The question out of the model's reply, or null when the reply is not one short question. */
export function cleanRewrite(reply: string): string | null {
  const first = reply.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
  const text = first
    .replace(/^(question(\s+(autonome|réécrite|reecrite))?|standalone question)\s*:\s*/i, "")
    .replace(/^[«"“\s]+|[»"”\s]+$/g, "")
    .trim();
  return text && text.length <= MAX_CHARS ? text : null;
}

export interface RewriterDeps {
  model: ChatOpenAI;
  timeoutMs: number;
  secrets: readonly string[];
  corpus: Corpus;
  log: Logger;
}

/** Follow-ups rewritten by the model, within a short deadline, with the rule-based rewriting as the fallback. */
export function createLlmRewriter({ model, timeoutMs, secrets, corpus, log }: RewriterDeps): QuestionRewriter {
  return {
    async rewrite(question, history) {
      const rules = () => resolveFollowUp(question, history, corpus).text;
      // An injection must reach the refusal as written, not be reworded into an innocent question.
      if (isInjection(question)) return rules();
      const deadline = AbortSignal.timeout(timeoutMs);
      try {
        const prompt = rewritePrompt(question, history, corpus);
        const reply = await model.invoke([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal: deadline });
        const rewritten = cleanRewrite(reply.text);
        if (rewritten) return rewritten;
        log.warn("llm rewrite unusable, rule-based rewrite", { cause: "malformed" });
      } catch (error) {
        log.warn("llm rewrite failed, rule-based rewrite", { cause: classifyError(error, deadline), error: describeError(error, secrets) });
      }
      return rules();
    },
  };
}
