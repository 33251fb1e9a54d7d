import type { Logger } from "../config/log.js";
import { terms } from "../corpus/french.js";
import type { SearchIndex } from "../index/build.js";
import { detectLanguage, isInjection } from "../retrieval/query-analysis.js";
import { DEFAULT_RETRIEVER, HybridRetriever, subjectTerms, type RetrievalResult, type RetrievedCitation, type RetrieverOptions } from "../retrieval/retriever.js";
import { CitationList } from "./citations.js";
import { composeComparison } from "./compare.js";
import { composeExtractive } from "./extractive.js";
import { rewriteFollowUp } from "./follow-up.js";
import type { AnswerGenerator, DeltaListener } from "./llm/generate.js";
import type { QuestionRewriter } from "./llm/rewrite-question.js";
import { FIGURE } from "./extractive.js";
import { figureMissing, help, injectionRefusal, medicalAdviceRefusal, notFound } from "./messages.js";
import { renderStatements, type Answer, type Turn } from "./schema.js";
import { answerStructure } from "./structural.js";

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
  /** Grounded generation for search and comparison questions; without it, answers are extractive. */
  generator?: AnswerGenerator;
  /** Follow-up rewriting by the model; without it, by rules. */
  rewriter?: QuestionRewriter;
}

export function createAnswerPipeline({ index, log, retriever: retrieverOptions = DEFAULT_RETRIEVER, generator, rewriter }: PipelineDeps): AnswerPipeline {
  // A remote embedder that fails at question time costs the vector ranking, not the answer.
  const retriever = new HybridRetriever(index, retrieverOptions, (error) =>
    log.warn("vector search unavailable, answering from keywords", { error: error instanceof Error ? error.message : String(error) }),
  );
  const corpus = index.corpus;

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const history = options.history ?? [];
    const standalone = !history.length ? question : rewriter ? await rewriter.rewrite(question, history) : rewriteFollowUp(question, history, corpus);
    const found = await retriever.retrieve(standalone);
    const retrievedAt = performance.now();
    const { analysis } = found;
    const figure = findFigure(found);
    // A question asking for a figure is answered first by the citation that gives it.
    const result = typeof figure === "object" ? { ...found, ranked: [figure, ...found.ranked.filter((r) => r !== figure)] } : found;
    const out = new CitationList(corpus);
    let kind: Answer["kind"] = "search";
    let refused = false;

    // The question as asked too: rewriting a follow-up must not launder an injection.
    if (analysis.injection || isInjection(question)) {
      kind = "refusal";
      refused = true;
      out.say(injectionRefusal(corpus, analysis.lang));
    } else if (analysis.personalMedical) {
      kind = "refusal";
      refused = true;
      out.say(medicalAdviceRefusal(corpus, analysis.lang));
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
    } else if (figure === "none") {
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

    // The model writes only search and comparison answers: structure lookups, refusals and
    // injections stay deterministic. Its answer replaces the extractive one only when grounded.
    let final = out;
    let fallbackReason: string | undefined;
    if (generator && (kind === "search" || kind === "compare")) {
      const generated = await generator.generate({ question: standalone, retrieval: result, preferred: out.citations().map((c) => c.id) }, options.onDelta, options.signal);
      if (generated.ok) {
        const llm = new CitationList(corpus);
        for (const s of generated.statements) llm.say(s.text, ...s.citations.map((id) => llm.cite(id)));
        final = llm;
      } else {
        fallbackReason = generated.note;
      }
    }

    const citations = final.citations();
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
      answer: renderStatements(final.statements),
      statements: final.statements,
      citations,
      retrieved: refused ? result.ranked.map((r) => ({ id: r.id, score: r.score })) : retrieved,
      refused,
      mode: final === out ? "extractive" : "llm",
      ...(fallbackReason ? { fallback_reason: fallbackReason } : {}),
      ...(standalone !== question ? { standalone_question: standalone } : {}),
      timings_ms: {
        retrieval: round(retrievedAt - started),
        answer: round(done - retrievedAt),
        total: round(done - started),
      },
    };
    log.debug("answered", { question, kind, mode: answer.mode, citations: citations.map((c) => c.id), coverage: result.coverage });
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

/** How far down the ranking a figure about the subject is looked for. */
const FIGURE_DEPTH = 5;

/** Words that ask for a figure; they do not tell what the figure is about. */
const FIGURE_WORDS = new Set(terms("combien nombre montant prix tarif coût budget taux pourcentage salaire rémunération délai enveloppe chiffre statistique annuel moyen how much many price cost rate number amount salary"));

/**
 * A figure about the subject: a number in a passage of this citation that shares a subject word
 * with the question. ARS Bretagne's Ségur budget is no answer to "le budget annuel de l'ANS".
 */
function holdsFigure(c: RetrievedCitation, subject: ReadonlySet<string>): boolean {
  return c.chunks.some((x) => FIGURE.test(x.body) && terms(`${x.measure ?? ""} ${x.body}`).some((t) => subject.has(t)));
}

/**
 * When a figure is asked ("combien", "quel tarif"), a top citation that holds one leads; when
 * none of the top five does, the texts do not give it.
 */
function findFigure(result: RetrievalResult): "none" | "first" | RetrievedCitation {
  if (!result.analysis.details.includes("figure")) return "first";
  const subject = new Set(subjectTerms(result.analysis.question).filter((t) => !FIGURE_WORDS.has(t)));
  const withFigure = result.ranked.slice(0, FIGURE_DEPTH).find((c) => holdsFigure(c, subject));
  if (!withFigure) return "none";
  return withFigure === result.ranked[0] ? "first" : withFigure;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
