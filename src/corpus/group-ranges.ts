import { CorpusError } from "./errors.js";

/**
 * Checks that the groups of a structure file number their actions 1..N with no gap or overlap,
 * and returns N. `lineOfGroup` points the error at the offending group in the structure file.
 */
export function checkGroupRanges(
  file: string,
  groups: readonly { number: number; actions: [number, number] }[],
  lineOfGroup: (index: number) => number,
): number {
  const numbers = new Set<number>();
  groups.forEach((g, index) => {
    if (numbers.has(g.number)) throw new CorpusError(file, lineOfGroup(index), `group number ${g.number} is used twice`);
    numbers.add(g.number);
  });
  const order = groups.map((g, index) => ({ g, index })).sort((a, b) => a.g.actions[0] - b.g.actions[0]);
  let next = 1;
  for (const { g, index } of order) {
    if (g.actions[0] !== next) {
      throw new CorpusError(
        file,
        lineOfGroup(index),
        `groups must number actions 1..N without gap or overlap: group ${g.number} starts at action ${g.actions[0]}, expected ${next}`,
      );
    }
    next = g.actions[1] + 1;
  }
  return next - 1;
}

/** The number of actions a structure announces (its ranges were checked on load). */
export function announcedActions(groups: readonly { actions: [number, number] }[]): number {
  return Math.max(...groups.map((g) => g.actions[1]));
}
