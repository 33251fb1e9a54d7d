/** Unit vectors stored row after row, the layout an exact scan reads fastest. */
export interface VectorMatrix {
  rows: number;
  dims: number;
  data: Float32Array;
}

export function toUnit(v: readonly number[]): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += out[i]! * out[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/** Rows normalised as hnswlib's cosine space stores them, so both searches rank the same vectors. */
export function matrixOf(vectors: readonly (readonly number[])[]): VectorMatrix {
  const dims = vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    if (v.length !== dims) throw new Error(`row ${i} has ${v.length} dimensions, not ${dims}`);
    data.set(toUnit(v), i * dims);
  });
  return { rows: vectors.length, dims, data };
}

export function cosineToRow(m: VectorMatrix, query: Float32Array, row: number): number {
  let dot = 0;
  const base = row * m.dims;
  for (let j = 0; j < m.dims; j++) dot += m.data[base + j]! * query[j]!;
  return dot;
}

export interface Neighbour {
  row: number;
  similarity: number;
}

/**
 * Exact k nearest rows by cosine: a full scan keeping the best k in a sorted array. The baseline
 * hnswlib is measured against, in speed and in recall. Ties go to the lower row, so the result
 * is deterministic.
 */
export function exactTopK(m: VectorMatrix, query: Float32Array, k: number): Neighbour[] {
  if (query.length !== m.dims) throw new Error(`query of ${query.length} dimensions for rows of ${m.dims}`);
  const best: Neighbour[] = [];
  for (let row = 0; row < m.rows; row++) {
    const similarity = cosineToRow(m, query, row);
    if (best.length === k && similarity <= best[k - 1]!.similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.similarity < similarity) at--;
    best.splice(at, 0, { row, similarity });
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * recall@k as ann-benchmarks counts it: the share of the k rows returned whose true similarity
 * reaches the k-th exact one (within `epsilon`). Counting by distance rather than by identity
 * keeps equally near rows — ties — from being scored as misses. Similarities are recomputed from
 * the matrix, not taken from the index, so the figure does not depend on its arithmetic.
 */
export function recallAtK(m: VectorMatrix, query: Float32Array, exact: readonly Neighbour[], approximateRows: readonly number[], k: number, epsilon = 1e-5): number {
  const wanted = Math.min(k, exact.length);
  if (wanted === 0) return 1;
  const threshold = exact[wanted - 1]!.similarity - epsilon;
  const found = new Set(approximateRows.slice(0, k).filter((row) => cosineToRow(m, query, row) >= threshold));
  return Math.min(found.size, wanted) / wanted;
}
