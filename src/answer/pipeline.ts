import type { Logger } from "../config/log.js";
import { parseCitationId } from "../corpus/schema.js";
import { decide, DEFAULT_MODELS, type Models, type Verdict } from "../decision/decide.js";
import type { SearchIndex } from "../index/build.js";
import { DEFAULT_RETRIEVER, HybridRetriever, type RetrievalResult, type RetrieverOptions } from "../retrieval/retriever.js";
import { understand } from "../understanding/understand.js";
import type { Lang, Understanding } from "../understanding/schema.js";
import { type Answerer, type Composed, type Searched, type Understood } from "./answerers/answerer.js";
import { refuseMissingAttribute } from "./answerers/attribute.js";
import { compareTexts } from "./answerers/comparison.js";
import { countInText } from "./answerers/count-in-text.js";
import { answerDetail } from "./answerers/detail.js";
import { refuseOtherPlans } from "./answerers/elsewhere.js";
import { answerFigure } from "./answerers/figure.js";
import { offerHelp } from "./answerers/help.js";
import { refuseNotFound } from "./answerers/not-found.js";
import { refuseUnsafe } from "./answerers/safety.js";
import { answerFromSearch } from "./answerers/search.js";
import { answerStructureBySearch, answerStructureDirectly } from "./answerers/structure.js";
import { CitationList } from "./citations.js";
import type { AnswerGenerator, DeltaListener } from "./llm/generate.js";
import type { QuestionRewriter } from "./llm/rewrite-question.js";
import { helpExamples, type HelpExamples } from "./messages.js";
import { renderStatements, type Answer, type Turn } from "./schema.js";

/** Decided from the question alone: nothing is searched for these. */
const BEFORE_SEARCH: readonly Answerer<Understood>[] = [refuseUnsafe, offerHelp, refuseOtherPlans, answerStructureDirectly, countInText];

/** Decided from the search and the calibrated decision, in this order; the last one always answers. */
const AFTER_SEARCH: readonly Answerer<Searched>[] = [
  answerStructureBySearch, compareTexts, refuseMissingAttribute, answerFigure, answerDetail, answerFromSearch, refuseNotFound,
];

/** Whether the understanding alone decides the answer (a refusal, help, a structure lookup): nothing is searched. */
export function decidedBeforeSearch(u: Understanding, corpus: SearchIndex["corpus"]): boolean {
  const scratch = new CitationList(corpus);
  return BEFORE_SEARCH.some((answerer) => answerer({ u, corpus, out: scratch }) !== null);
}

export interface AskOptions {
  /** Earlier turns of the same thread, oldest first. */
  history?: readonly Turn[];
  /**
   * Streaming hook (Slack): receives the answer text in pieces while the model writes it. The
   * pieces are provisional: the returned Answer is authoritative (citations checked, or the
   * extractive fallback). Not called for deterministic answers.
   */
  onDelta?: DeltaListener;
  /** Aborted to cut the model's generation (the bot stopping): the extractive answer is served. */
  signal?: AbortSignal;
}

/** The one entry point every surface (terminal, Slack, evaluation) uses to answer. */
export interface AnswerPipeline {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** What the loaded index is: for health checks and help texts (whose examples come from its corpus). */
  describe(): { corpusHash: string; embedder: string; chunks: number; builtAt: string; documents: { id: string; label: string }[]; examples: Record<Lang, HelpExamples> };
  /** Understanding and retrieval alone, for the evaluation, the calibration and the benchmark. */
  retrieve(question: string, history?: readonly Turn[]): Promise<RetrievalResult>;
  /** A question's retrieval, or null when its answer is decided before any search. */
  search(question: string): Promise<RetrievalResult | null>;
  /** The loaded index, for the evaluation's and the benchmark's baselines. */
  readonly index: SearchIndex;
}

export interface PipelineDeps {
  index: SearchIndex;
  log: Logger;
  retriever?: RetrieverOptions;
  /** The calibrated decisions; the fitted ones by default. */
  models?: Models;
  /** Grounded generation for search and comparison questions; without it, answers are extractive. */
  generator?: AnswerGenerator;
  /** Follow-up rewriting by the model; without it, by rules. */
  rewriter?: QuestionRewriter;
}

export function createAnswerPipeline({ index, log, retriever: retrieverOptions = DEFAULT_RETRIEVER, models = DEFAULT_MODELS, generator, rewriter }: PipelineDeps): AnswerPipeline {
  // A remote embedder that fails at question time costs the vector ranking, not the answer.
  const retriever = new HybridRetriever(index, retrieverOptions, (error) =>
    log.warn("vector search unavailable, answering from keywords", { error: error instanceof Error ? error.message : String(error) }),
  );
  const corpus = index.corpus;

  /** The model rewrites a follow-up when there is one; the rules of the understanding stage otherwise. */
  async function understandInThread(question: string, history: readonly Turn[]): Promise<Understanding> {
    if (!history.length || !rewriter) return understand(question, corpus, history);
    const standalone = await rewriter.rewrite(question, history);
    const u = understand(standalone, corpus);
    // The question as asked too: rewriting a follow-up must not launder an injection.
    return standalone === question ? u : { ...u, question, safety: { ...u.safety, injection: u.safety.injection || understand(question, corpus).safety.injection } };
  }

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const u = await understandInThread(question, options.history ?? []);
    const out = new CitationList(corpus);
    let composed: Composed | null = null;
    for (const answerer of BEFORE_SEARCH) if ((composed = answerer({ u, corpus, out }))) break;

    let result: RetrievalResult | null = null;
    const searchedAt = performance.now();
    let ranked: { id: string; score: number }[] = [];
    let verdict: Verdict | null = null;
    if (!composed) {
      result = await retriever.retrieve(u);
      const decision = decide(result, corpus, models);
      ranked = decision.ranked.map((r) => ({ id: r.id, score: r.score }));
      verdict = decision.verdict;
      for (const answerer of AFTER_SEARCH) if ((composed = answerer({ u, corpus, out, result, decision }))) break;
      log.debug("decided", { p: Math.round(decision.p * 1000) / 1000, verdict: decision.verdict });
    }
    const { kind } = composed!;
    let { refused } = composed!;
    const retrievedAt = performance.now();

    // The model writes only search and comparison answers: structure lookups, refusals and
    // injections stay deterministic. Its answer replaces the extractive one only when grounded.
    // When the calibrated decision hesitates, the model reads the excerpts and may decline.
    let final = out;
    let fallbackReason: string | undefined;
    if (generator && result && !refused && (kind === "search" || kind === "compare")) {
      const borderline = verdict === "closest";
      const generated = await generator.generate({ question: u.text, retrieval: result, preferred: out.citations().map((c) => c.id), borderline }, options.onDelta, options.signal);
      if (generated.ok) {
        const llm = new CitationList(corpus);
        for (const s of generated.statements) llm.say(s.text, ...s.citations.map((id) => llm.cite(id)));
        final = llm;
      } else {
        fallbackReason = generated.note;
        // A model that declines what the decision doubted confirms it: the closest text stays, as a refusal.
        if (borderline && generated.cause === "declined") refused = true;
      }
    }

    const citations = final.citations();
    const retrieved = rankingOf(kind, citations, ranked, u);
    const done = performance.now();
    const answer: Answer = {
      question,
      lang: u.lang,
      kind,
      answer: renderStatements(final.statements),
      statements: final.statements,
      citations,
      retrieved,
      refused,
      mode: final === out ? "extractive" : "llm",
      ...(fallbackReason ? { fallback_reason: fallbackReason } : {}),
      ...(u.text !== question ? { standalone_question: u.text } : {}),
      timings_ms: {
        retrieval: round(retrievedAt - started),
        answer: round(done - retrievedAt),
        total: round(done - started),
      },
    };
    log.debug("answered", { kind, mode: answer.mode, citations: citations.map((c) => c.id), searched: round(retrievedAt - searchedAt) });
    return answer;
  }

  return {
    ask,
    index,
    retrieve: async (q, history = []) => retriever.retrieve(await understandInThread(q, history)),
    search: async (q) => {
      const u = understand(q, corpus);
      return decidedBeforeSearch(u, corpus) ? null : retriever.retrieve(u);
    },
    describe: () => ({
      corpusHash: index.manifest.corpusHash,
      embedder: index.manifest.embedder.id,
      chunks: index.manifest.chunks,
      builtAt: index.manifest.builtAt,
      documents: corpus.documents.map((d) => ({ id: d.id, label: d.label })),
      examples: { fr: helpExamples(corpus, "fr"), en: helpExamples(corpus, "en") },
    }),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * The ranking an answer reports: what it cites leads (structure lookups and comparisons are
 * retrieval too), then the reranked candidates. A comparison shows its texts in time order; which
 * of them answers best is a text of a document the question names before one set beside it for
 * context ("le HDH est encore dans la FDR 23-27 ?" asks about today's roadmap), then the reranker's order.
 */
function rankingOf(kind: Answer["kind"], citations: readonly { id: string }[], ranked: readonly { id: string; score: number }[], u: Understanding): { id: string; score: number }[] {
  const cited = new Set(citations.map((c) => c.id));
  const top = (ranked[0]?.score ?? 0) + 1;
  const at = new Map(ranked.map((r, i) => [r.id, i]));
  const named = new Set(u.references.documents.map((d) => d.id));
  const asked = (id: string) => (named.has(parseCitationId(id).document) ? 0 : 1);
  const leading = kind === "compare" ? [...citations].sort((a, b) => asked(a.id) - asked(b.id) || (at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity)) : citations;
  return [...leading.map((c, i) => ({ id: c.id, score: top - i * 0.001 })), ...ranked.filter((r) => !cited.has(r.id))];
}
