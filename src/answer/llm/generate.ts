import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { ChatOpenAI } from "@langchain/openai";
import type { Chunk } from "../../corpus/chunk.js";
import type { Corpus } from "../../corpus/schema.js";
import type { Logger } from "../../config/log.js";
import type { RetrievalResult } from "../../retrieval/retriever.js";
import { selectExcerpts } from "./excerpts.js";
import { classifyError, describeError, fallbackNote, type FallbackCause } from "./faults.js";
import { groundStatements, type GroundedStatement } from "./ground.js";
import { countReasons, framingTerms } from "./support.js";
import { parseGroundedOutput, partialAnswerText, RESPONSE_FORMAT, type GroundedOutput } from "./output.js";
import { groundedPrompt, type Prompt } from "./prompt.js";

export interface GenerationRequest {
  /** The standalone question (follow-ups already rewritten). */
  question: string;
  retrieval: RetrievalResult;
  /** What the deterministic answer cited: shown to the model first. */
  preferred: readonly string[];
  /** The calibrated decision hesitates between answering and refusing: the model may decline. */
  borderline?: boolean;
}

export type Generation =
  | { ok: true; statements: GroundedStatement[] }
  | { ok: false; cause: FallbackCause; note: string };

/** Provisional answer text as the model writes it; the returned answer is what counts. */
export type DeltaListener = (text: string) => void;

export interface AnswerGenerator {
  /**
   * Never rejects: every fault comes back as `{ ok: false }`, for the extractive answer to be
   * served. `stop`, when aborted, cuts the generation at once (the bot is stopping).
   */
  generate(request: GenerationRequest, onDelta?: DeltaListener, stop?: AbortSignal): Promise<Generation>;
}

export interface GeneratorDeps {
  model: ChatOpenAI;
  /** Deadline for the whole generation, retries included. */
  timeoutMs: number;
  /** Masked in anything logged. */
  secrets: readonly string[];
  corpus: Corpus;
  /** A citation's content chunks, for cited IDs the ranking did not return. */
  contentOf: (id: string) => readonly Chunk[];
  log: Logger;
}

/** Grounded generation: the model answers from the retrieved excerpts only, and every ID it cites is checked. */
export function createGenerator(deps: GeneratorDeps): AnswerGenerator {
  const { model, timeoutMs, secrets, corpus, contentOf, log } = deps;
  const framing = framingTerms(corpus);

  /** A listener that throws or rejects (Slack's API failing) must not end the generation. */
  const guard = (onDelta: DeltaListener) => (text: string) => {
    try {
      const r: unknown = onDelta(text);
      if (r instanceof Promise) r.catch((e: unknown) => log.warn("delta listener failed", { error: describeError(e, secrets) }));
    } catch (e) {
      log.warn("delta listener failed", { error: describeError(e, secrets) });
    }
  };

  /**
   * The model's reply, always streamed: on the non-streaming path the SDK JSON-parses a json_schema
   * reply itself, inside LangChain's retry loop, so a fenced or malformed reply would be asked
   * for again instead of falling back at once. `progress.streamed` tells a broken stream from a
   * refused call.
   */
  async function complete(prompt: Prompt, signal: AbortSignal, progress: { streamed: boolean }, onDelta?: DeltaListener): Promise<string> {
    const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
    const emit = onDelta ? guard(onDelta) : undefined;
    let content = "";
    let shown = "";
    for await (const chunk of await model.stream(messages, { signal, response_format: RESPONSE_FORMAT })) {
      content += chunk.text;
      progress.streamed ||= content.length > 0;
      if (!emit) continue;
      const text = partialAnswerText(content);
      if (text.length > shown.length && text.startsWith(shown)) {
        emit(text.slice(shown.length));
        shown = text;
      }
    }
    return content;
  }

  return {
    async generate(request, onDelta, stop) {
      const lang = request.retrieval.understanding.lang;
      const fail = (cause: FallbackCause): Generation => ({ ok: false, cause, note: fallbackNote(cause, lang) });
      const excerpts = selectExcerpts(request.retrieval, request.preferred, contentOf, corpus);
      if (!excerpts.length) return fail("ungrounded");

      if (stop?.aborted) return fail("cancelled");
      const deadline = AbortSignal.timeout(timeoutMs);
      const progress = { streamed: false };
      let output: GroundedOutput;
      try {
        const signal = stop ? AbortSignal.any([deadline, stop]) : deadline;
        output = parseGroundedOutput(await complete(groundedPrompt(request.question, lang, excerpts, request.borderline), signal, progress, onDelta));
      } catch (error) {
        const cause = stop?.aborted ? "cancelled" : classifyError(error, deadline, progress.streamed);
        log.warn("llm answer failed, extractive fallback", { cause, error: describeError(error, secrets) });
        return fail(cause);
      }
      if (output.refused) {
        log.info("llm found no answer in the excerpts, extractive fallback", { cause: "declined" });
        return fail("declined");
      }

      const grounding = groundStatements(output, excerpts, lang, framing);
      if (grounding.removedIds.length) log.warn("llm cited IDs outside the excerpts, removed", { ids: grounding.removedIds.map((id) => id.slice(0, 80)) });
      if (grounding.droppedStatements) log.warn("llm statements without a valid citation, dropped", { count: grounding.droppedStatements });
      if (grounding.unsupported.length) {
        log.warn("llm statements not backed by the excerpts they cite, dropped", { count: grounding.unsupported.length, reasons: countReasons(grounding.unsupported) });
      }
      // Too little left: an answer that is mostly the model's own is not served even in part.
      if (grounding.statements.length * 2 < grounding.written || !grounding.statements.length) {
        return fail(grounding.unsupported.length ? "unsupported" : "ungrounded");
      }
      return { ok: true, statements: grounding.statements };
    },
  };
}
