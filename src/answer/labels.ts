import { groupLabel } from "../corpus/chunk.js";
import { parseCitationId, type Corpus, type CorpusDocument } from "../corpus/schema.js";

export function documentOf(corpus: Corpus, id: string): CorpusDocument | undefined {
  return corpus.documents.find((d) => d.id === parseCitationId(id).document);
}

/**
 * The readable label of a citation: "Feuille de route 2023-2027 · Axe Cadre propice · Action 14 ›
 * Exercices" (measures, when given, name what the answer quoted).
 */
export function citationLabel(corpus: Corpus, id: string, measures: readonly string[] = [], section: string | null = null): string {
  const { action } = parseCitationId(id);
  const doc = documentOf(corpus, id);
  if (!doc) return id;
  if (action === null) return section && doc.kind === "roadmap" ? `${doc.label} · ${section}` : doc.label;
  const a = doc.actions.find((x) => x.number === action);
  if (!a) return `${doc.label} · Action ${action}`;
  const base = `${doc.label} · ${groupLabel(doc, a.group)} · Action ${a.number}`;
  return measures.length ? `${base} › ${measures.join(", ")}` : base;
}
