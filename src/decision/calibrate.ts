import { createHash } from "node:crypto";
import type { Corpus } from "../corpus/schema.js";
import { simplify } from "../language/french.js";
import type { RetrievalResult } from "../retrieval/retriever.js";
import { decide, type DecisionTrace, type Models } from "./decide.js";
import { ANSWER_SIGNS, CANDIDATE_SIGNS, EXTRA_SIGNS, PIECE_SIGNS } from "./features.js";
import { fitSigned, predict, type Features, type LogisticModel, type Signs } from "./logistic.js";

/**
 * Fitting the decisions on a generated question set, with cross-validation split by brief: a
 * question and its paraphrases (written from the same action or passage) are never on both sides,
 * so the figures say how the decisions do on actions they were not fitted on.
 */

export interface Example {
  id: string;
  question: string;
  expected: readonly string[];
  match: "any" | "all";
  mustMention: readonly string[];
  /** The fold group: the brief it was written from (an action, a passage, a kind of negative). */
  group: string;
  /** The kind of question (for those the texts cannot answer, which kind of refusal: off-topic, a detail not given…). */
  kind: string;
  /** Retrieval, or null when the question is answered before any search (a refusal, help, structure). */
  result: RetrievalResult | null;
  /** The corpus it was retrieved from: on its fold, without the generated questions of that fold. */
  corpus: Corpus;
}

/** An expected document ID is matched by any citation inside that document. */
export function matchesExpected(cited: string, expected: readonly string[]): boolean {
  return expected.some((e) => cited === e || (!e.includes("#") && cited.startsWith(`${e}#`)));
}

/** Folds by group, assigned by a hash of the group's name: the same split on every run. */
export function foldOf(group: string, folds: number): number {
  return createHash("sha256").update(group).digest().readUInt32BE(0) % folds;
}

const L2 = 10;

function fitOn(rows: readonly { features: Features; label: number; weight?: number }[], signs: Signs): LogisticModel {
  return fitSigned(rows.map((r) => r.features), rows.map((r) => r.label), signs, { l2: L2, iterations: 30 }, rows.map((r) => r.weight ?? 1));
}

interface Traced {
  example: Example;
  trace: DecisionTrace;
}

function traceAll(examples: readonly Example[], models: Models): Traced[] {
  return examples
    .filter((e) => e.result)
    .map((example) => {
      const trace = { candidates: [], answer: {}, extras: [], pieces: [] } as DecisionTrace;
      decide(example.result!, example.corpus, models, trace);
      return { example, trace };
    });
}

function rerankRows(traced: readonly Traced[]) {
  return traced
    .filter((t) => t.example.expected.length && t.trace.candidates.some((c) => matchesExpected(c.id, t.example.expected)))
    .flatMap((t) => t.trace.candidates.filter((c) => !c.features.direct).map((c) => ({ features: c.features, label: matchesExpected(c.id, t.example.expected) ? 1 : 0 })));
}

/**
 * Each kind of question the texts cannot answer weighs the same in all: a set written with many
 * questions of one kind ("names something the texts mention") must not teach the model that
 * plain off-topic questions are rare.
 */
function answerRows(traced: readonly Traced[]) {
  const negatives = traced.filter((t) => !t.example.expected.length);
  const kinds = new Map<string, number>();
  for (const t of negatives) kinds.set(t.example.kind, (kinds.get(t.example.kind) ?? 0) + 1);
  const weight = (t: Traced) => (t.example.expected.length ? 1 : negatives.length / kinds.size / kinds.get(t.example.kind)!);
  return traced.map((t) => ({ features: t.trace.answer, label: t.example.expected.length ? 1 : 0, weight: weight(t) }));
}

function extraRows(traced: readonly Traced[]) {
  return traced
    .filter((t) => t.example.expected.length)
    .flatMap((t) => t.trace.extras.map((x) => ({ features: x.features, label: matchesExpected(x.id, t.example.expected) ? 1 : 0 })));
}

/** A piece that holds an expected fact is the one to quote; questions whose facts are everywhere or nowhere teach nothing. */
function pieceRows(traced: readonly Traced[], text: (chunk: string) => string) {
  return traced
    .filter((t) => t.example.mustMention.length)
    .flatMap((t) => {
      const byCitation = new Map<string, { features: Features; label: number }[]>();
      for (const p of t.trace.pieces) {
        if (!matchesExpected(p.citation, t.example.expected)) continue;
        const body = simplify(text(p.chunk));
        const label = t.example.mustMention.some((m) => body.includes(simplify(m))) ? 1 : 0;
        byCitation.set(p.citation, [...(byCitation.get(p.citation) ?? []), { features: p.features, label }]);
      }
      return [...byCitation.values()].filter((rows) => rows.length > 1 && rows.some((r) => r.label) && rows.some((r) => !r.label)).flat();
    });
}

/** Models fitted on these examples, keeping the given thresholds. */
export function fitModels(examples: readonly Example[], base: Models, text: (chunk: string) => string): Models {
  const first = traceAll(examples, base);
  const rerank = { ...base.rerank, model: fitOn(rerankRows(first), CANDIDATE_SIGNS) };
  // The other decisions read the reranked order: traced again with the fitted reranker.
  const traced = traceAll(examples, { ...base, rerank });
  return {
    ...base,
    rerank,
    answer: { ...base.answer, model: fitOn(answerRows(traced), ANSWER_SIGNS) },
    extra: { ...base.extra, model: fitOn(extraRows(traced), EXTRA_SIGNS) },
    piece: { ...base.piece, model: fitOn(pieceRows(traced, text), PIECE_SIGNS) },
  };
}

/**
 * Where fitting starts, whatever was fitted before: the rankers' order, and neutral decisions.
 * The refit depends on the data and the features only, never on the models it replaces.
 */
export const STARTING_POINT: Models = {
  fitted: "starting point",
  rerank: { depth: 5, model: { features: ["rank_rr"], mean: [0], scale: [1], weights: [1], bias: 0 } },
  answer: { answerAt: 0.5, closestAt: 0.5, model: { features: ["coverage_top"], mean: [0], scale: [1], weights: [1], bias: 0 } },
  piece: { secondAt: 0.5, model: { features: ["piece_coverage"], mean: [0], scale: [1], weights: [1], bias: 0 } },
  extra: { keepAt: 0.5, max: 1, model: { features: ["fused_ratio"], mean: [0], scale: [1], weights: [1], bias: 0 } },
};

export interface CrossValidated {
  /** Per example reaching the decision: its answerability on held-out folds, and whether it is answerable. */
  answer: { id: string; p: number; answerable: boolean }[];
  /** Per runner-up: the held-out probability that it is asked for too. */
  extras: { id: string; question: string; p: number; label: number; topCorrect: boolean; need?: number; facts?: { top: number; added: number; of: number } }[];
  /** Per piece of an expected citation: held-out probability and whether it holds an expected fact. */
  pieces: { question: string; citation: string; p: number; label: number }[];
  /** The models of each fold, for end-to-end figures on its held-out questions. */
  folds: { models: Models; test: Set<string> }[];
}

export function crossValidate(examples: readonly Example[], base: Models, text: (chunk: string) => string, folds = 5): CrossValidated {
  const out: CrossValidated = { answer: [], extras: [], pieces: [], folds: [] };
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((e) => foldOf(e.group, folds) !== k);
    const test = examples.filter((e) => foldOf(e.group, folds) === k);
    const models = fitModels(train, base, text);
    out.folds.push({ models, test: new Set(test.map((e) => e.id)) });
    for (const t of traceAll(test, models)) {
      const e = t.example;
      out.answer.push({ id: e.id, p: predict(models.answer.model, t.trace.answer), answerable: e.expected.length > 0 });
      if (!e.expected.length) continue;
      out.extras.push(...extrasOf(t, models));
      for (const p of t.trace.pieces) {
        if (!matchesExpected(p.citation, e.expected) || !e.mustMention.length) continue;
        const body = simplify(text(p.chunk));
        out.pieces.push({ question: e.id, citation: p.citation, p: predict(models.piece.model, p.features), label: e.mustMention.some((m) => body.includes(simplify(m))) ? 1 : 0 });
      }
    }
  }
  return out;
}

/** Each runner-up of an answerable question, as the extra model reads it, and what keeping it would bring. */
function extrasOf(t: Traced, models: Models): CrossValidated["extras"] {
  const e = t.example;
  const ranked = [...t.trace.candidates].sort((a, b) => b.p - a.p);
  const topCorrect = ranked[0] ? matchesExpected(ranked[0].id, e.expected) : false;
  // The facts a reader needs that each text holds: a second citation may bring what the first lacks.
  const holds = (id: string | undefined) => {
    const body = simplify((e.result?.ranked.find((r) => r.id === id)?.chunks ?? []).map((c) => `${c.measure ?? ""} ${c.body}`).join(" "));
    return new Set(e.mustMention.filter((m) => body.includes(simplify(m))));
  };
  const topFacts = holds(ranked[0]?.id);
  return t.trace.extras.map((x) => {
    const added = [...holds(x.id)].filter((m) => !topFacts.has(m)).length;
    const facts = { top: topFacts.size, added, of: e.mustMention.length };
    // A comparison asks for all its texts: each right one found is a share of it.
    const need = e.match === "all" ? e.expected.length : 1;
    return { id: x.id, question: e.id, p: predict(models.extra.model, x.features), label: matchesExpected(x.id, e.expected) ? 1 : 0, topCorrect, need, facts };
  });
}

/** The runners-up of answerable questions answered by fitted models: questions the models never saw. */
export function extrasUnder(examples: readonly Example[], models: Models): CrossValidated["extras"] {
  return traceAll(examples.filter((e) => e.expected.length), models).flatMap((t) => extrasOf(t, models));
}

/**
 * The refusal threshold: the highest at which answerable questions are refused at most
 * `budget` of the time (the false-refusal budget comes first), which refuses most off-topic ones.
 */
export function refusalThreshold(predictions: CrossValidated["answer"], budget: number): number {
  const answerable = predictions.filter((p) => p.answerable).map((p) => p.p).sort((a, b) => a - b);
  const allowed = Math.floor(budget * answerable.length);
  return answerable.length ? answerable[allowed]! - 1e-9 : 0.5;
}

/** Grid steps read on each side of a threshold when choosing the second-citation threshold (± 0.05). */
const SMOOTHING = 2;

/** The thresholds tried: 0.05 to 0.975 by steps of 0.025, exactly. */
const GRID = Array.from({ length: 38 }, (_, k) => (k + 2) / 40);

/**
 * The threshold for keeping a runner-up, one extra at most, read over questions the models did not
 * see from what the evaluation reads of an answer: the right citations found (all of those a
 * comparison asks for), the share of right citations, and the share of the facts a reader needs
 * that the texts cited hold — a second text often brings what the first lacks. Without the facts
 * the curve was flat, and the lowest threshold as good as the best moved from 0.15 to 0.4 with any
 * change; with them it is still flat near its peak: the threshold chosen is the best of the curve
 * averaged over neighbouring thresholds. Each set of questions weighs the same.
 */
export function extraThreshold(...sets: readonly CrossValidated["extras"][]): number {
  const questionsOf = (extras: CrossValidated["extras"]) => {
    const byQuestion = new Map<string, CrossValidated["extras"]>();
    for (const x of extras) byQuestion.set(x.question, [...(byQuestion.get(x.question) ?? []), x]);
    return [...byQuestion.values()];
  };
  const scoresAt = (questions: readonly CrossValidated["extras"][], t: number) =>
    questions.map((xs) => {
      const kept = xs.filter((x) => x.p >= t).slice(0, 1);
      const topCorrect = xs[0]!.topCorrect;
      const correct = (topCorrect ? 1 : 0) + kept.filter((x) => x.label).length;
      const f = xs[0]!.facts;
      // The facts present, as the evaluation reads them: those of the first text and of the one kept.
      const facts = f && f.of ? Math.min(1, (f.top + kept.reduce((n, x) => n + (x.facts?.added ?? 0), 0)) / f.of) : null;
      return Math.min(1, correct / (xs[0]!.need ?? 1)) + correct / (1 + kept.length) + (facts ?? 0);
    });
  const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  // Each set weighs the same, whatever its size: questions by other writers count as much as the folds'.
  const groups = sets.map(questionsOf).filter((q) => q.length);
  const curve = GRID.map((t) => mean(groups.map((questions) => mean(scoresAt(questions, t)))));
  // The curve is flat near its peak and noisy (neighbouring thresholds differ by less than their
  // standard error): its best point moves with any change to the models, and so did the edges and
  // the middle of the band as good as the best. Each threshold is read with its neighbours.
  const smoothed = curve.map((_, i) => mean(curve.slice(Math.max(0, i - SMOOTHING), i + SMOOTHING + 1)));
  return Math.round(GRID[smoothed.indexOf(Math.max(...smoothed))]! * 1000) / 1000;
}

/** What each quoted measure or passage past the first costs the reader, in expected facts: a tenth of one. */
const SECOND_PIECE_COST = 0.1;
/** Measures or passages quoted from one text, at most. */
export const MAX_PIECES = 3;

/**
 * The threshold for quoting a second piece: a fact found by quoting it is worth more than the
 * length it adds.
 */
export function pieceThreshold(pieces: CrossValidated["pieces"]): number {
  const byCitation = new Map<string, CrossValidated["pieces"]>();
  for (const p of pieces) byCitation.set(`${p.question} ${p.citation}`, [...(byCitation.get(`${p.question} ${p.citation}`) ?? []), p]);
  let best = { t: 1, score: -Infinity };
  for (const t of GRID) {
    let score = 0;
    for (const ps of byCitation.values()) {
      const [first, ...rest] = [...ps].sort((a, b) => b.p - a.p);
      const more = rest.slice(0, MAX_PIECES - 1).filter((x) => x.p >= t);
      score += (first!.label || more.some((x) => x.label) ? 1 : 0) - SECOND_PIECE_COST * more.length;
    }
    if (score > best.score) best = { t, score };
  }
  return Math.round(best.t * 1000) / 1000;
}
