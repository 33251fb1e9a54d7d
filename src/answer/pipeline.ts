import type { Logger } from "../config/log.js";
import { terms } from "../corpus/french.js";
import type { SearchIndex } from "../index/build.js";
import { detectLanguage } from "../retrieval/query-analysis.js";
import { DEFAULT_RETRIEVER, HybridRetriever, type RetrievalResult, type RetrieverOptions } from "../retrieval/retriever.js";
import { CitationList } from "./citations.js";
import { composeComparison } from "./compare.js";
import { composeExtractive } from "./extractive.js";
import { rewriteFollowUp } from "./follow-up.js";
import { FIGURE } from "./extractive.js";
import { figureMissing, help, injectionRefusal, notFound } from "./messages.js";
import { renderStatements, type Answer, type Turn } from "./schema.js";
import { answerStructure } from "./structural.js";

export interface AskOptions {
  /** Earlier turns of the same thread, oldest first. */
  history?: readonly Turn[];
}

/** The one entry point every surface (terminal, Slack, evaluation) uses to answer. */
export interface AnswerPipeline {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** What the loaded index is: for health checks and help texts. */
  describe(): { corpusHash: string; embedder: string; chunks: number; builtAt: string; documents: { id: string; label: string }[] };
  /** Retrieval alone, for the evaluation and the benchmark. */
  retrieve(question: string): Promise<RetrievalResult>;
  /** The loaded index, for the evaluation's and the benchmark's baselines. */
  readonly index: SearchIndex;
}

export interface PipelineDeps {
  index: SearchIndex;
  log: Logger;
  retriever?: RetrieverOptions;
}

export function createAnswerPipeline({ index, log, retriever: retrieverOptions = DEFAULT_RETRIEVER }: PipelineDeps): AnswerPipeline {
  const retriever = new HybridRetriever(index, retrieverOptions);
  const corpus = index.corpus;

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const standalone = options.history?.length ? rewriteFollowUp(question, options.history, corpus) : question;
    const result = await retriever.retrieve(standalone);
    const retrievedAt = performance.now();
    const { analysis } = result;
    const out = new CitationList(corpus);
    let kind: Answer["kind"] = "search";
    let refused = false;

    if (analysis.injection) {
      kind = "refusal";
      refused = true;
      out.say(injectionRefusal(corpus, analysis.lang));
    } else if (!terms(standalone).length) {
      kind = "help";
      refused = true;
      out.say(help(corpus, detectLanguage(standalone)));
    } else if (answerStructure(analysis, corpus, out, result.relevant ? result.ranked : [])) {
      kind = "structural";
    } else if (!result.relevant) {
      kind = "refusal";
      refused = true;
      out.say(notFound(corpus, analysis.lang));
    } else if (lacksFigure(result)) {
      kind = "refusal";
      refused = true;
      const closest = result.ranked[0]!;
      out.say(figureMissing(analysis.lang));
      out.say(closest.chunks[0] ? `« ${closest.chunks[0].body} »` : closest.id, out.cite(closest.id, closest.chunks[0]?.measure ?? null));
    } else if (analysis.intent.type === "compare" && composeComparison(result, corpus, out)) {
      kind = "compare";
    } else {
      composeExtractive(result, corpus, out);
    }

    const citations = out.citations();
    const cited = new Set(citations.map((c) => c.id));
    const top = (result.ranked[0]?.score ?? 0) + 1;
    // Structure lookups and comparisons are retrieval too: what they cite leads the ranking.
    const retrieved = [
      ...citations.map((c, i) => ({ id: c.id, score: top - i * 0.001 })),
      ...result.ranked.filter((r) => !cited.has(r.id)).map((r) => ({ id: r.id, score: r.score })),
    ];
    const done = performance.now();
    const answer: Answer = {
      question,
      lang: analysis.lang,
      kind,
      answer: renderStatements(out.statements),
      statements: out.statements,
      citations,
      retrieved: refused ? result.ranked.map((r) => ({ id: r.id, score: r.score })) : retrieved,
      refused,
      mode: "extractive",
      ...(standalone !== question ? { standalone_question: standalone } : {}),
      timings_ms: {
        retrieval: round(retrievedAt - started),
        answer: round(done - retrievedAt),
        total: round(done - started),
      },
    };
    log.debug("answered", { question, kind, citations: citations.map((c) => c.id), coverage: result.coverage });
    return answer;
  }

  return {
    ask,
    index,
    retrieve: (q) => retriever.retrieve(q),
    describe: () => ({
      corpusHash: index.manifest.corpusHash,
      embedder: index.manifest.embedder.id,
      chunks: index.manifest.chunks,
      builtAt: index.manifest.builtAt,
      documents: corpus.documents.map((d) => ({ id: d.id, label: d.label })),
    }),
  };
}

/** A figure is asked ("combien", "quel tarif") and the best citation's own text holds no number. */
function lacksFigure(result: RetrievalResult): boolean {
  if (!result.analysis.details.includes("figure")) return false;
  const best = result.ranked[0];
  if (!best) return false;
  // The passage that answers, not the whole document: ARS Bretagne's budget figures say nothing of waiting times.
  const matched = best.chunks.filter((c) => best.matched.includes(c.id));
  return !(matched.length ? matched : best.chunks).some((c) => FIGURE.test(c.body));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
