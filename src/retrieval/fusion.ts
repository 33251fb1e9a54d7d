/** Reciprocal rank fusion constant (Cormack, Clarke & Büttcher, SIGIR 2009). */
export const RRF_K = 60;

/**
 * Fuses ranked lists of IDs: score(id) = Σ weight / (k + rank), rank from 1. Ties are broken on
 * the ID so that the ranking, and therefore every evaluation, is deterministic.
 */
export function reciprocalRankFusion(
  lists: readonly { ids: readonly string[]; weight?: number }[],
  k = RRF_K,
): { id: string; score: number }[] {
  const scores = new Map<string, number>();
  for (const { ids, weight = 1 } of lists) {
    ids.forEach((id, i) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + i + 1)));
  }
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** First occurrence wins: chunk hits become a ranking of the citations they belong to. */
export function distinctInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
