import type { Chunk } from "../../corpus/chunk.js";
import type { Corpus } from "../../corpus/schema.js";
import type { RetrievalResult } from "../../retrieval/retriever.js";
import { citationLabel } from "../labels.js";

/** One retrieved citation as the model sees it: the only IDs it may cite. */
export interface Excerpt {
  id: string;
  label: string;
  text: string;
}

export interface ExcerptOptions {
  /** Citations given to the model. */
  max: number;
  /** Characters per citation: the relevant chunks come first, so a cut loses the least useful. */
  maxChars: number;
}

export const DEFAULT_EXCERPTS: ExcerptOptions = { max: 6, maxChars: 1500 };

function line(chunk: Chunk): string {
  if (chunk.kind === "action") return `Action ${chunk.action?.number ?? ""} : ${chunk.body}`;
  if (chunk.kind === "measure") return `• ${chunk.body}`;
  return chunk.section ? `${chunk.section} : ${chunk.body}` : chunk.body;
}

/** The action's title first, then its chunks in retrieval order, within the character budget. */
function excerptText(chunks: readonly Chunk[], maxChars: number): string {
  const ordered = [...chunks.filter((c) => c.kind === "action"), ...chunks.filter((c) => c.kind !== "action")];
  let text = "";
  for (const c of ordered) {
    const next = text ? `${text}\n${line(c)}` : line(c);
    if (next.length > maxChars) return text || `${next.slice(0, maxChars - 1)}…`;
    text = next;
  }
  return text;
}

/**
 * The passages the model may answer from: what the deterministic answer chose first (for a
 * comparison, the reviewed correspondence between roadmaps), then the best-ranked citations.
 */
export function selectExcerpts(
  result: RetrievalResult,
  preferred: readonly string[],
  contentOf: (id: string) => readonly Chunk[],
  corpus: Corpus,
  options: ExcerptOptions = DEFAULT_EXCERPTS,
): Excerpt[] {
  const retrieved = new Map<string, readonly Chunk[]>();
  for (const r of [...result.ranked, ...Object.values(result.byDocument).flat()]) if (!retrieved.has(r.id)) retrieved.set(r.id, r.chunks);
  const ids = [...new Set([...preferred, ...result.ranked.map((r) => r.id)])];
  return ids
    .map((id) => ({ id, label: citationLabel(corpus, id), text: excerptText(retrieved.get(id) ?? contentOf(id), options.maxChars) }))
    .filter((e) => e.text)
    .slice(0, options.max);
}
