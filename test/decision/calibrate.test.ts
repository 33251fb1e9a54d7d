import { describe, expect, it } from "vitest";
import { extraThreshold, foldOf, matchesExpected, pieceThreshold, refusalThreshold } from "../../src/decision/calibrate.js";

describe("calibration helpers", () => {
  it("puts a brief's questions in one fold, the same on every run", () => {
    expect(foldOf("fdr-2023-2027#action-14", 5)).toBe(foldOf("fdr-2023-2027#action-14", 5));
    const folds = new Set(Array.from({ length: 60 }, (_, i) => foldOf(`brief-${i}`, 5)));
    expect(folds).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("matches an expected document by any citation inside it", () => {
    expect(matchesExpected("ars-bretagne", ["ars-bretagne"])).toBe(true);
    expect(matchesExpected("fdr-2023-2027#action-3", ["fdr-2023-2027"])).toBe(true);
    expect(matchesExpected("fdr-2023-2027#action-3", ["fdr-2023-2027#action-13"])).toBe(false);
  });

  it("chooses the refusal threshold from the false-refusal budget first", () => {
    const answerable = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, p: (i + 1) / 100, answerable: true }));
    const off = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, p: i / 100, answerable: false }));
    const t = refusalThreshold([...answerable, ...off], 0.02);
    // At most 2 answerable questions fall below it.
    expect(answerable.filter((a) => a.p < t)).toHaveLength(2);
    expect(off.filter((n) => n.p < t)).toHaveLength(3);
  });

  it("keeps a runner-up only when that adds more answer recall than it costs precision", () => {
    // The first citation is always right: a second one only costs precision.
    const right = Array.from({ length: 10 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.9, label: 0, topCorrect: true }));
    expect(extraThreshold(right)).toBeGreaterThan(0.9);
    // The first is always wrong and a confident runner-up right: keep it.
    const wrong = Array.from({ length: 10 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.8, label: 1, topCorrect: false }));
    expect(extraThreshold(wrong)).toBeLessThanOrEqual(0.8);
  });

  it("keeps a runner-up that brings a fact the first text lacks; reads each threshold with its neighbours", () => {
    // Runners-up at 0.3 that are never an expected citation but hold the one fact the first text lacks: kept.
    const facts = Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.3, label: 0, topCorrect: true, facts: { top: 0, added: 1, of: 1 } }));
    expect(extraThreshold(facts)).toBeLessThanOrEqual(0.3);
    // The same runners-up bringing nothing: dropped.
    expect(extraThreshold(facts.map((x) => ({ ...x, facts: { top: 1, added: 0, of: 1 } })))).toBeGreaterThan(0.3);
    // Runners-up at 0.3 about as good as none (six save a question, nineteen dilute a right one):
    // within noise of the best, the threshold that keeps none.
    const flat = Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.3, label: i < 6 ? 1 : 0, topCorrect: i >= 6 && i < 25 }));
    expect(extraThreshold(flat)).toBeGreaterThan(0.3);
    // Clearly worse below 0.5 (runners-up at 0.3 always wrong), clearly better at 0.6: only those are kept.
    const costly = [...Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.3, label: 0, topCorrect: true })), ...Array.from({ length: 10 }, (_, i) => ({ id: "y", question: `r${i}`, p: 0.6, label: 1, topCorrect: false }))];
    expect(extraThreshold(costly)).toBeGreaterThan(0.3);
    expect(extraThreshold(costly)).toBeLessThanOrEqual(0.6);
    // Every threshold from just above 0.2 to 0.7 gives the same answers: one whose neighbours do
    // too, not the edge of the band, which any change to the models would move.
    const band = [...Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.2, label: 0, topCorrect: true })), ...Array.from({ length: 10 }, (_, i) => ({ id: "y", question: `r${i}`, p: 0.7, label: 1, topCorrect: false }))];
    expect(extraThreshold(band)).toBe(0.275);
  });

  it("counts each text a comparison asks for, and weighs each set of questions the same", () => {
    // Comparisons ask for two texts; the first is right, and a runner-up at 0.4 is the other one
    // three times in five: keeping it completes those answers. Asked for one text, it only dilutes.
    const comparisons = Array.from({ length: 20 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.4, label: i < 12 ? 1 : 0, topCorrect: true, need: 2 }));
    expect(extraThreshold(comparisons)).toBeLessThanOrEqual(0.4);
    expect(extraThreshold(comparisons.map((x) => ({ ...x, need: 1 })))).toBeGreaterThan(0.4);
    // Runners-up at 0.3: in a large set they bring a quarter of the facts, in a small one they only
    // dilute a right answer. Pooled, the large set decides (kept); set by set, the loss weighs more.
    const large = Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `l${i}`, p: 0.3, label: 1, topCorrect: true, facts: { top: 3, added: 1, of: 4 } }));
    const small = Array.from({ length: 10 }, (_, i) => ({ id: "x", question: `s${i}`, p: 0.3, label: 0, topCorrect: true }));
    expect(extraThreshold([...large, ...small])).toBeLessThanOrEqual(0.3);
    expect(extraThreshold(large, small)).toBeGreaterThan(0.3);
  });

  it("quotes a second piece when it often holds the fact the first misses", () => {
    const pieces = Array.from({ length: 10 }, (_, i) => [
      { question: `q${i}`, citation: "c", p: 0.9, label: 0 },
      { question: `q${i}`, citation: "c", p: 0.6, label: 1 },
    ]).flat();
    expect(pieceThreshold(pieces)).toBeLessThanOrEqual(0.6);
    const useless = pieces.map((p) => ({ ...p, label: p.p === 0.9 ? 1 : 0 }));
    expect(pieceThreshold(useless)).toBeGreaterThan(0.6);
  });
});
