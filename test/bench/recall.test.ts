import { describe, expect, it } from "vitest";
import { exactTopK, matrixOf, recallAtK, toUnit } from "../../bench/recall.js";

// Four unit vectors in 2-D at known angles from the query (1, 0): cos 1, 0.8, 0.6, 0.
const m = matrixOf([
  [0, 1],
  [0.6, 0.8],
  [1, 0],
  [0.8, 0.6],
]);
const q = toUnit([1, 0]);

describe("exactTopK", () => {
  it("ranks every row by cosine, best first, with exact similarities", () => {
    const top = exactTopK(m, q, 4);
    expect(top.map((n) => n.row)).toEqual([2, 3, 1, 0]);
    expect(top.map((n) => Math.round(n.similarity * 1e6) / 1e6)).toEqual([1, 0.8, 0.6, 0]);
  });

  it("keeps only k and normalises rows, so length does not matter", () => {
    const scaled = matrixOf([
      [0, 5],
      [3, 4],
      [10, 0],
    ]);
    expect(exactTopK(scaled, q, 2).map((n) => n.row)).toEqual([2, 1]);
  });

  it("breaks ties by the lower row", () => {
    const tied = matrixOf([
      [1, 1],
      [2, 2],
      [1, 0],
    ]);
    expect(exactTopK(tied, toUnit([1, 1]), 2).map((n) => n.row)).toEqual([0, 1]);
  });
});

describe("recallAtK", () => {
  const exact = exactTopK(m, q, 2);
  it("is 1 when the approximate search returns the exact neighbours, in any order", () => {
    expect(recallAtK(m, q, exact, [2, 3], 2)).toBe(1);
    expect(recallAtK(m, q, exact, [3, 2], 2)).toBe(1);
  });

  it("counts a returned row as a miss when it is farther than the k-th exact one", () => {
    expect(recallAtK(m, q, exact, [2, 1], 2)).toBe(0.5);
    expect(recallAtK(m, q, exact, [0, 1], 2)).toBe(0);
  });

  it("counts a tie with the k-th exact neighbour as found, and a row returned twice once", () => {
    const tied = matrixOf([
      [1, 0],
      [0.8, 0.6],
      [0.8, 0.6],
    ]);
    const e = exactTopK(tied, q, 2);
    expect(e.map((n) => n.row)).toEqual([0, 1]);
    expect(recallAtK(tied, q, e, [0, 2], 2)).toBe(1);
    expect(recallAtK(tied, q, e, [0, 0], 2)).toBe(0.5);
  });

  it("only reads the first k rows returned", () => {
    expect(recallAtK(m, q, exact, [2, 0, 3], 2)).toBe(0.5);
  });
});
