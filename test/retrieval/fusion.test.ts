import { describe, expect, it } from "vitest";
import { distinctInOrder, reciprocalRankFusion, RRF_K } from "../../src/retrieval/fusion.js";

describe("reciprocalRankFusion", () => {
  it("scores Σ 1 / (60 + rank) and sorts best first", () => {
    expect(RRF_K).toBe(60);
    const fused = reciprocalRankFusion([{ ids: ["a", "b", "c"] }, { ids: ["b", "c", "d"] }]);
    expect(fused.map((f) => f.id)).toEqual(["b", "c", "a", "d"]);
    expect(fused.find((f) => f.id === "a")!.score).toBe(1 / 61);
    expect(fused.find((f) => f.id === "b")!.score).toBe(1 / 62 + 1 / 61);
    expect(fused.find((f) => f.id === "c")!.score).toBe(1 / 63 + 1 / 62);
    expect(fused.find((f) => f.id === "d")!.score).toBe(1 / 63);
  });

  it("applies weights and another k", () => {
    expect(reciprocalRankFusion([{ ids: ["a"], weight: 2 }, { ids: ["b"] }])).toEqual([
      { id: "a", score: 2 / 61 },
      { id: "b", score: 1 / 61 },
    ]);
    expect(reciprocalRankFusion([{ ids: ["x", "y"] }], 0)).toEqual([
      { id: "x", score: 1 },
      { id: "y", score: 0.5 },
    ]);
  });

  it("breaks ties on the ID, so the order does not depend on the input order", () => {
    expect(reciprocalRankFusion([{ ids: ["y"] }, { ids: ["x"] }]).map((f) => f.id)).toEqual(["x", "y"]);
    expect(reciprocalRankFusion([{ ids: ["x"] }, { ids: ["y"] }]).map((f) => f.id)).toEqual(["x", "y"]);
    const a = reciprocalRankFusion([{ ids: ["p", "q"] }, { ids: ["q", "p"] }]);
    expect(a).toEqual([
      { id: "p", score: 1 / 61 + 1 / 62 },
      { id: "q", score: 1 / 62 + 1 / 61 },
    ]);
    expect(reciprocalRankFusion([{ ids: ["q", "p"] }, { ids: ["p", "q"] }]).map((f) => f.id)).toEqual(["p", "q"]);
  });

  it("handles empty lists", () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ ids: [] }, { ids: ["a"] }])).toEqual([{ id: "a", score: 1 / 61 }]);
  });
});

describe("distinctInOrder", () => {
  it("keeps the first occurrence of each ID", () => {
    expect(distinctInOrder(["d#1", "d#2", "d#1", "e", "d#2"])).toEqual(["d#1", "d#2", "e"]);
    expect(distinctInOrder([])).toEqual([]);
  });
});
