import { simplify } from "../language/french.js";
import type { EvalItem, Kind } from "./dataset.js";

/** What one system returned for one question: enough to score it. */
export interface Outcome {
  retrieved: string[];
  citations: string[];
  answer: string;
  refused: boolean;
  ms: number;
}

export interface Metrics {
  n: number;
  recall_at_1: number | null;
  recall_at_5: number | null;
  mrr: number | null;
  answer_recall: number | null;
  citation_precision: number | null;
  citation_validity: number | null;
  must_mention: number | null;
  refusal_accuracy: number | null;
  false_refusal_rate: number | null;
}

/** An expected document ID is matched by any citation inside that document. */
export function matches(cited: string, expected: string): boolean {
  return cited === expected || (!expected.includes("#") && cited.startsWith(`${expected}#`));
}

/** any: 1 when one expected ID is among `ids`; all: the share of expected IDs found. */
export function recall(item: EvalItem, ids: readonly string[]): number {
  const found = item.expected.filter((e) => ids.some((id) => matches(id, e)));
  if (item.match === "any") return found.length > 0 ? 1 : 0;
  return found.length / item.expected.length;
}

export function reciprocalRank(item: EvalItem, ids: readonly string[]): number {
  const i = ids.findIndex((id) => item.expected.some((e) => matches(id, e)));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** Facts are compared ignoring case, accents and the kind of apostrophe. */
export function mentions(answer: string, fact: string): boolean {
  return simplify(answer).replace(/\s+/g, " ").includes(simplify(fact).replace(/\s+/g, " "));
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function score(
  items: readonly EvalItem[],
  outcomes: ReadonlyMap<string, Outcome>,
  knownIds: ReadonlySet<string>,
): Metrics {
  const answerable = items.filter((i) => i.expected.length > 0);
  const outOfScope = items.filter((i) => i.expected.length === 0);
  const o = (i: EvalItem) => outcomes.get(i.id)!;
  const cited = items.flatMap((i) => o(i).citations.map((c) => ({ c, retrieved: o(i).retrieved })));
  const withCitations = answerable.filter((i) => o(i).citations.length > 0);
  const withFacts = answerable.filter((i) => i.must_mention.length > 0);
  return {
    n: items.length,
    recall_at_1: mean(answerable.map((i) => recall(i, o(i).retrieved.slice(0, 1)))),
    recall_at_5: mean(answerable.map((i) => recall(i, o(i).retrieved.slice(0, 5)))),
    mrr: mean(answerable.map((i) => reciprocalRank(i, o(i).retrieved))),
    answer_recall: mean(answerable.map((i) => recall(i, o(i).citations))),
    citation_precision: mean(withCitations.map((i) => o(i).citations.filter((c) => i.expected.some((e) => matches(c, e))).length / o(i).citations.length)),
    citation_validity: cited.length ? cited.filter(({ c, retrieved }) => knownIds.has(c) && retrieved.includes(c)).length / cited.length : null,
    must_mention: mean(withFacts.map((i) => i.must_mention.filter((f) => mentions(o(i).answer, f)).length / i.must_mention.length)),
    refusal_accuracy: mean(outOfScope.map((i) => (o(i).refused ? 1 : 0))),
    false_refusal_rate: mean(answerable.map((i) => (o(i).refused ? 1 : 0))),
  };
}

export function byKind(items: readonly EvalItem[], outcomes: ReadonlyMap<string, Outcome>, knownIds: ReadonlySet<string>): Partial<Record<Kind, Metrics>> {
  const out: Partial<Record<Kind, Metrics>> = {};
  for (const kind of new Set(items.map((i) => i.kind))) out[kind] = score(items.filter((i) => i.kind === kind), outcomes, knownIds);
  return out;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
