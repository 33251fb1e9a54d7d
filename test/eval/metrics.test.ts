import { describe, expect, it } from "vitest";
import type { EvalItem } from "../../src/eval/dataset.js";
import { byKind, matches, mentions, percentile, recall, reciprocalRank, score, type Outcome } from "../../src/eval/metrics.js";

const item = (id: string, expected: string[], extra: Partial<EvalItem> = {}): EvalItem => ({
  id,
  question: `question ${id}`,
  lang: "fr",
  kind: expected.length ? "lookup" : "out_of_scope",
  expected,
  match: "any",
  must_mention: [],
  assumes_absent: [],
  notes: "",
  ...extra,
});

const outcome = (o: Partial<Outcome>): Outcome => ({ retrieved: [], citations: [], answer: "", refused: false, ms: 1, ...o });

describe("matches / recall / reciprocalRank", () => {
  it("an expected document is matched by its actions; an expected action only by itself", () => {
    expect(matches("fdr-2023-2027#action-14", "fdr-2023-2027")).toBe(true);
    expect(matches("fdr-2023-2027", "fdr-2023-2027")).toBe(true);
    expect(matches("fdr-2023-2027", "fdr-2023-2027#action-14")).toBe(false);
    expect(matches("fdr-2023-2027#action-1", "fdr-2023-2027#action-14")).toBe(false);
    expect(matches("fdr-2023-2027#action-14", "fdr-2023-2027#action-1")).toBe(false);
    expect(matches("fdr-2023-2027-bis", "fdr-2023-2027")).toBe(false);
  });

  it("recall 'any' is 1 or 0, 'all' the share found", () => {
    const any = item("a", ["x#action-1", "y#action-2"]);
    const all = item("b", ["x#action-1", "y#action-2", "z"], { match: "all" });
    expect(recall(any, ["y#action-2"])).toBe(1);
    expect(recall(any, ["x#action-2"])).toBe(0);
    expect(recall(all, ["x#action-1"])).toBe(1 / 3);
    expect(recall(all, ["z#action-9", "x#action-1"])).toBe(2 / 3);
    expect(recall(all, ["x#action-1", "y#action-2", "z"])).toBe(1);
  });

  it("reciprocal rank of the first relevant ID", () => {
    const i = item("a", ["fdr-2023-2027#action-14"]);
    expect(reciprocalRank(i, ["fdr-2023-2027#action-14"])).toBe(1);
    expect(reciprocalRank(i, ["a", "b", "fdr-2023-2027#action-14"])).toBe(1 / 3);
    expect(reciprocalRank(i, ["a", "b"])).toBe(0);
    expect(reciprocalRank(item("d", ["ars-bretagne"]), ["x", "ars-bretagne#action-2"])).toBe(0.5);
  });
});

describe("mentions", () => {
  it("ignores case, accents, apostrophe kind and spacing", () => {
    expect(mentions("Le Lab E-SANTÉ est un guichet", "lab e-santé")).toBe(true);
    expect(mentions("la cybersecurite des etablissements", "Cybersécurité")).toBe(true);
    expect(mentions("l’application carte Vitale", "l'application carte vitale")).toBe(true);
    expect(mentions("marquage\n  CE", "marquage CE")).toBe(true);
    expect(mentions("le marquage", "marquage CE")).toBe(false);
  });
});

describe("score", () => {
  const known = new Set(["d", "d#action-1", "d#action-2", "d#action-3", "e"]);
  const items = [
    item("q1", ["d#action-1"], { must_mention: ["Cybersécurité", "absent"] }),
    item("q2", ["d#action-2", "d#action-3"], { match: "all", kind: "cross" }),
    item("q3", ["e"], { kind: "regional", must_mention: ["Ségur"] }),
    item("q4", []),
    item("q5", []),
  ];
  const outcomes = new Map<string, Outcome>([
    ["q1", outcome({ retrieved: ["d#action-1", "d#action-2"], citations: ["d#action-1", "d#action-2"], answer: "La CYBERSECURITE" })],
    ["q2", outcome({ retrieved: ["d#action-9", "d#action-3", "d#action-2"], citations: ["d#action-3", "d#action-9"], answer: "" })],
    ["q3", outcome({ retrieved: [], citations: [], answer: "rien", refused: true })],
    ["q4", outcome({ refused: true, retrieved: ["d#action-1"] })],
    ["q5", outcome({ refused: false, retrieved: ["e"], citations: ["e"] })],
  ]);

  it("computes every metric exactly", () => {
    const m = score(items, outcomes, known);
    expect(m.n).toBe(5);
    // recall@1: q1 1, q2 (all) 0/2, q3 0
    expect(m.recall_at_1).toBe(1 / 3);
    // recall@5: q1 1, q2 2/2, q3 0
    expect(m.recall_at_5).toBe(2 / 3);
    // mrr: q1 1, q2 1/2, q3 0
    expect(m.mrr).toBe(0.5);
    // answer recall on citations: q1 1, q2 1/2, q3 0
    expect(m.answer_recall).toBe(0.5);
    // citation precision over answerable items with citations: q1 1/2, q2 1/2
    expect(m.citation_precision).toBe(0.5);
    // validity over all 5 citations: d#action-9 is unknown; e (q5) is known and retrieved
    expect(m.citation_validity).toBe(4 / 5);
    // must_mention: q1 1/2 (accent- and case-insensitive), q3 0/1
    expect(m.must_mention).toBe(0.25);
    expect(m.refusal_accuracy).toBe(0.5);
    expect(m.false_refusal_rate).toBe(1 / 3);
  });

  it("counts a citation that was not retrieved as invalid", () => {
    const m = score(
      [item("a", ["d#action-1"])],
      new Map([["a", outcome({ retrieved: ["d#action-2"], citations: ["d#action-1"] })]]),
      known,
    );
    expect(m.citation_validity).toBe(0);
    expect(m.answer_recall).toBe(1);
    expect(m.recall_at_5).toBe(0);
  });

  it("gives null where a metric has nothing to measure", () => {
    const m = score([item("q4", [])], new Map([["q4", outcome({ refused: true })]]), known);
    expect(m).toEqual({
      n: 1,
      recall_at_1: null,
      recall_at_5: null,
      mrr: null,
      answer_recall: null,
      citation_precision: null,
      citation_validity: null,
      must_mention: null,
      refusal_accuracy: 1,
      false_refusal_rate: null,
    });
  });

  it("splits by kind", () => {
    const k = byKind(items, outcomes, known);
    expect(Object.keys(k).sort()).toEqual(["cross", "lookup", "out_of_scope", "regional"]);
    expect(k.lookup!.n).toBe(1);
    expect(k.cross!.recall_at_5).toBe(1);
    expect(k.cross!.recall_at_1).toBe(0);
    expect(k.regional!.false_refusal_rate).toBe(1);
    expect(k.out_of_scope!.refusal_accuracy).toBe(0.5);
  });
});

describe("percentile", () => {
  it("uses the nearest rank", () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([3, 1, 2], 0)).toBe(1);
  });
});
