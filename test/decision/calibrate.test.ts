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

  it("among thresholds that do as well within noise, keeps more runners-up", () => {
    // Runners-up at 0.3: six save a question whose first citation was wrong (+1.5 each), nineteen
    // dilute a right one (−0.5 each). Keeping them is worse by 0.5 over 40 questions, well within noise.
    const flat = Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.3, label: i < 6 ? 1 : 0, topCorrect: i >= 6 && i < 25 }));
    expect(extraThreshold(flat)).toBe(0.05);
    // Clearly worse below 0.5 (runners-up at 0.3 always wrong): those are not kept.
    const costly = [...Array.from({ length: 40 }, (_, i) => ({ id: "x", question: `q${i}`, p: 0.3, label: 0, topCorrect: true })), ...Array.from({ length: 10 }, (_, i) => ({ id: "y", question: `r${i}`, p: 0.6, label: 1, topCorrect: false }))];
    expect(extraThreshold(costly)).toBeGreaterThan(0.3);
    expect(extraThreshold(costly)).toBeLessThanOrEqual(0.6);
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
