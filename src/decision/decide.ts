import { z } from "zod";
import type { Chunk } from "../corpus/chunk.js";
import { parseCitationId, type Corpus } from "../corpus/schema.js";
import type { RetrievalResult, RetrievedCitation } from "../retrieval/retriever.js";
import { counterparts } from "../understanding/corpus-tables.js";
import { answerFeatures, candidatesFeatures, extraFeatures, pieceFeatures, questionContext, textCoverage, type QuestionContext } from "./features.js";
import { LogisticModel, predict, type Features } from "./logistic.js";
import fitted from "./models.json" with { type: "json" };

/** The calibrated models and the thresholds chosen on cross-validated predictions (`npm run calibrate`). */
export const Models = z.object({
  /** What the models were fitted on, and when: written by the calibration. */
  fitted: z.string(),
  rerank: z.object({ model: LogisticModel, depth: z.number().int().positive() }),
  answer: z.object({
    model: LogisticModel,
    /** At or above: answer. */
    answerAt: z.number(),
    /** From here to `answerAt`: the closest text, flagged as not a direct answer. Below: refuse. */
    closestAt: z.number(),
  }),
  piece: z.object({ model: LogisticModel, secondAt: z.number() }),
  extra: z.object({ model: LogisticModel, keepAt: z.number(), max: z.number().int().nonnegative() }),
});
export type Models = z.infer<typeof Models>;

export const DEFAULT_MODELS: Models = Models.parse(fitted);

/** Chunk IDs in text order ("measure-2" before "measure-10"): one collator, where localeCompare with options builds one per comparison. */
const byId = new Intl.Collator(undefined, { numeric: true }).compare;

export type Verdict = "answer" | "closest" | "refuse";

export interface Decision {
  /** The retrieval's candidates, reordered by the reranker. */
  ranked: RetrievedCitation[];
  /** Probability that the texts answer the question. */
  p: number;
  verdict: Verdict;
  /** The question touches a topic of the texts: a refusal still shows the closest citation. */
  topical: boolean;
  /** What to cite, best first. */
  cite: RetrievedCitation[];
  /** Of a cited text, the measures or passages to quote, best first. */
  pieces(c: RetrievedCitation, kind: Chunk["kind"], max?: number): Chunk[];
  /** The share of the question's subject a citation's own text speaks of (0 to 1). */
  covers(id: string): number;
}

/** Everything the models saw: for the calibration to refit them, and for debugging. */
export interface DecisionTrace {
  /** The reranker's view of each of the first candidates, in retrieval order. */
  candidates: { id: string; features: Features; p: number }[];
  answer: Features;
  /** Each runner-up after reranking, against the new first. */
  extras: { id: string; features: Features }[];
  /** Each measure or passage of the first candidates. */
  pieces: { citation: string; chunk: string; features: Features }[];
}

/**
 * The decisions after retrieval, each a calibrated model rather than a hand-set threshold:
 * which candidate leads, whether the texts answer at all, which runners-up deserve a citation
 * of their own, and which measure of an action to quote.
 */
export function decide(result: RetrievalResult, corpus: Corpus, models: Models = DEFAULT_MODELS, trace?: DecisionTrace): Decision {
  const q = questionContext(result, corpus);
  const { ranked, p: rerankP } = rerank(q, result, models, trace);
  const top = ranked[0];
  const topP = top ? rerankP.get(top.id)! : 0;
  const features = answerFeatures(q, result, ranked, rerankP);
  if (trace) trace.answer = features;
  const p = top ? predict(models.answer.model, features) : 0;
  // Words the corpus never uses, and none of the question's other words (nor their glossary
  // readings) in any of the first three: what matched was a name alone ("une recette de far
  // breton"), and no probability makes that an answer.
  const unspoken = features.unknown_count! > 0 && features.coverage_best3 === 0 && features.chunk_coverage_best3 === 0 && !features.action_named;
  // Unsure, with words the corpus never uses and nothing of the question in the texts' own
  // passages (only in curated wording: "a joke about accountants"): no text is close enough to show.
  const faint = features.unknown_count! > 0 && features.chunk_coverage_best3 === 0 && !features.action_named && !features.named;
  const verdict: Verdict = unspoken ? "refuse" : p >= models.answer.answerAt ? "answer" : p >= models.answer.closestAt && !faint ? "closest" : "refuse";
  const cite = top ? [top, ...extras(q, ranked, rerankP, models, trace)] : [];
  if (trace) {
    trace.pieces = ranked.slice(0, models.rerank.depth).flatMap((c) => {
      const own = c.chunks.filter((x) => x.kind === "measure" || x.kind === "passage");
      const order = [...own].sort((a, b) => byId(a.id, b.id));
      return own.map((x) => ({ citation: c.id, chunk: x.id, features: pieceFeatures(q, c, x, order.indexOf(x)) }));
    });
  }
  return {
    ranked,
    p,
    verdict,
    // Half the question's subject in one passage, or nearly half in the first citation through a
    // term of the glossary ("le Lab e-santé"): the topic is the texts', not just a common word or
    // a place ("demain à Lyon").
    topical: !unspoken && (features.chunk_coverage_top! >= 0.5 || (result.understanding.terms.glossary.length > 0 && features.coverage_top! >= 0.4)),
    cite,
    pieces: (c, kind, max = 2) => pieces(q, c, kind, max, models),
    covers: (id) => textCoverage(q, id),
  };
}

/**
 * The top candidates reordered by the probability that each is the one asked for; an action the
 * question names stays first.
 */
function rerank(q: QuestionContext, result: RetrievalResult, models: Models, trace?: DecisionTrace): { ranked: RetrievedCitation[]; p: Map<string, number> } {
  const depth = models.rerank.depth;
  const head = result.ranked.slice(0, depth);
  const all = candidatesFeatures(q, result, head);
  const scored = head.map((c, i) => {
    const features = all[i]!;
    const p = predict(models.rerank.model, features);
    // An action the question names stays first, in the order named.
    return { c, features, p, order: features.direct ? 2 - i / depth : p };
  });
  if (trace) trace.candidates = scored.map((s) => ({ id: s.c.id, features: s.features, p: s.p }));
  const reordered = inForce(q, [...scored].sort((a, b) => b.order - a.order).map((s) => s.c));
  return { ranked: [...reordered, ...result.ranked.slice(depth)], p: new Map(scored.map((s) => [s.c.id, s.p])) };
}

/**
 * "Que dit la feuille de route sur…", "the roadmap": a question about the plan that names none asks
 * about the plan in force. An action among the candidates comes after its reviewed successor there
 * (in the generated sets, such questions expect the latest roadmap 398 times, the earlier one alone 21).
 */
function inForce(q: QuestionContext, ranked: RetrievedCitation[]): RetrievedCitation[] {
  if (!q.u.references.plansOnly) return ranked;
  const out = [...ranked];
  for (const c of ranked) {
    const later = counterparts(q.corpus).get(c.id)?.later;
    const successor = later ? out.findIndex((x) => later.has(x.id)) : -1;
    const at = out.indexOf(c);
    if (successor > at) {
      out.splice(at, 1);
      out.splice(successor, 0, c);
    }
  }
  return out;
}

/** Runners-up worth citing beside the first: the model's probability that each is asked for too. */
function extras(q: QuestionContext, ranked: readonly RetrievedCitation[], rerankP: ReadonlyMap<string, number>, models: Models, trace?: DecisionTrace): RetrievedCitation[] {
  const [top, ...rest] = ranked;
  if (!top) return [];
  const kept: RetrievedCitation[] = [];
  if (trace) trace.extras = [];
  for (const c of rest.slice(0, Math.max(0, models.rerank.depth - 1))) {
    if (kept.length >= models.extra.max && !trace) break;
    const features = extraFeatures(q, top, c, rerankP.get(top.id) ?? 0, rerankP.get(c.id) ?? 0);
    trace?.extras.push({ id: c.id, features });
    if (kept.length < models.extra.max && predict(models.extra.model, features) >= models.extra.keepAt) kept.push(c);
  }
  // One citation per meaning of an ambiguous term ("ENS"): each sense has its document.
  for (const match of q.u.terms.glossary) {
    if (new Set(match.senses.map((s) => s.meaning)).size < 2) continue;
    for (const sense of match.senses) {
      const chosen = [top, ...kept];
      const sameMeaning = match.senses.filter((s) => s.meaning === sense.meaning).map((s) => s.document);
      if (chosen.some((c) => sameMeaning.includes(parseCitationId(c.id).document))) continue;
      // The glossary lists first the document that gives the meaning (the 2019 roadmap's action
      // before the brief that repeats it).
      const inDoc = sameMeaning.map((d) => ranked.find((r) => parseCitationId(r.id).document === d)).find((r) => r !== undefined);
      if (inDoc) kept.push(inDoc);
    }
  }
  return kept;
}

/** The measures or passages of a cited text to quote: the best, and the next when the model finds it about as likely. */
function pieces(q: QuestionContext, c: RetrievedCitation, kind: Chunk["kind"], max: number, models: Models): Chunk[] {
  const candidates = c.chunks.filter((x) => x.kind === kind);
  const inTextOrder = [...candidates].sort((a, b) => byId(a.id, b.id));
  const scored = candidates
    .map((x) => ({ x, p: predict(models.piece.model, pieceFeatures(q, c, x, inTextOrder.indexOf(x))) }))
    .sort((a, b) => b.p - a.p);
  return scored.filter((s, i) => i === 0 || s.p >= models.piece.secondAt).slice(0, max).map((s) => s.x);
}
