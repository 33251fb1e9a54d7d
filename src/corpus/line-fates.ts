import type { CorpusDocument, SkippedLine } from "./schema.js";
import type { SourceLine } from "./source-text.js";

/** What became of one non-empty line of a prose source: in which passage (1-based) it is, or why in none. */
export type LineFate = { line: number; text: string } & ({ fate: "passage"; passage: number } | { fate: SkippedLine["role"] });

export interface LineAccount {
  fates: LineFate[];
  /** Non-empty lines in no passage and not skipped: text lost at ingestion. */
  lost: number[];
  /** Lines counted more than once (in two passages, or in a passage and skipped). */
  twice: number[];
  /** Lines a passage or a skipped line names that are empty or not in the source. */
  phantom: number[];
}

/**
 * Accounts for every non-empty line of a prose source: each must be in exactly one passage, or be
 * skipped as a heading, chrome or caption. `corpus check` and the tests prove with it that
 * ingestion loses nothing.
 */
export function accountForLines(source: readonly SourceLine[], doc: Pick<CorpusDocument, "passages" | "skipped">): LineAccount {
  const seen = new Map<number, LineFate[]>();
  const add = (fate: LineFate) => seen.set(fate.line, [...(seen.get(fate.line) ?? []), fate]);
  const text = new Map(source.map((l) => [l.line, l.text.trim()]));
  doc.passages.forEach((p, i) => p.lines.forEach((line) => add({ line, text: text.get(line) ?? "", fate: "passage", passage: i + 1 })));
  doc.skipped.forEach((s) => add({ line: s.line, text: text.get(s.line) ?? "", fate: s.role }));

  const fates: LineFate[] = [];
  const lost: number[] = [];
  const twice: number[] = [];
  for (const l of source) {
    const found = seen.get(l.line) ?? [];
    if (!l.text.trim()) continue;
    if (!found.length) lost.push(l.line);
    if (found.length > 1) twice.push(l.line);
    fates.push(...found.slice(0, 1));
  }
  const nonEmpty = new Set(source.filter((l) => l.text.trim()).map((l) => l.line));
  const phantom = [...seen.keys()].filter((line) => !nonEmpty.has(line)).sort((a, b) => a - b);
  return { fates, lost, twice, phantom };
}
