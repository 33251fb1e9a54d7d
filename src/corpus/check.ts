import { periodOf } from "./chunk.js";
import { loadCorpus } from "./load.js";
import type { Corpus, CorpusDocument } from "./schema.js";

/** What one document yields once parsed: enough for a person to see whether the parse is right. */
export interface DocumentSummary {
  id: string;
  kind: CorpusDocument["kind"];
  label: string;
  period: string;
  source: string;
  actions: number;
  measures: number;
  passages: number;
  groupName: string | null;
  groups: { number: number; title: string; first: number; last: number; actions: number; measures: number }[];
}

export interface CorpusSummary {
  documents: DocumentSummary[];
  glossaryEntries: number;
  enrichedActions: number;
  enrichedDocuments: number;
  correspondences: { from: string; to: string; links: number }[];
  hash: string;
}

export function summarizeDocument(d: CorpusDocument): DocumentSummary {
  const measuresOf = (numbers: readonly number[]) =>
    d.actions.filter((a) => numbers.includes(a.number)).reduce((n, a) => n + a.measures.length, 0);
  return {
    id: d.id,
    kind: d.kind,
    label: d.label,
    period: periodOf(d),
    source: d.source,
    actions: d.actions.length,
    measures: measuresOf(d.actions.map((a) => a.number)),
    passages: d.passages.length,
    groupName: d.groupName,
    groups: d.groups.map((g) => ({
      number: g.number,
      title: g.title,
      first: Math.min(...g.actions),
      last: Math.max(...g.actions),
      actions: g.actions.length,
      measures: measuresOf(g.actions),
    })),
  };
}

export function summarizeCorpus(corpus: Corpus): CorpusSummary {
  return {
    documents: corpus.documents.map(summarizeDocument),
    glossaryEntries: corpus.glossary.length,
    enrichedActions: Object.keys(corpus.enrichment.actions).length,
    enrichedDocuments: Object.keys(corpus.enrichment.documents).length,
    correspondences: corpus.correspondences.map((c) => ({ from: c.from, to: c.to, links: c.links.length })),
    hash: corpus.hash,
  };
}

/** Loads and validates the whole corpus (throws CorpusError with file:line) and summarizes it. */
export function checkCorpus(dir: string): CorpusSummary {
  return summarizeCorpus(loadCorpus(dir));
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatDocument(d: DocumentSummary): string[] {
  const when = d.period ? ` (${d.period})` : "";
  const lines = [`${d.id}  ${d.kind}  ${d.label}${when}  ← ${d.source}`];
  lines.push(
    d.kind === "roadmap"
      ? `  ${count(d.actions, "action")}, ${count(d.measures, "measure")}, ${count(d.passages, "passage")}`
      : `  ${count(d.passages, "passage")}`,
  );
  for (const g of d.groups) {
    const range = g.first === g.last ? `action ${g.first}` : `actions ${g.first}-${g.last}`;
    const measures = d.measures ? ` (${count(g.measures, "measure")})` : "";
    lines.push(`  ${d.groupName ?? "group"} ${g.number}  ${g.title}  ${range}${measures}`);
  }
  return lines;
}

/** The report printed by `npm run corpus -- check`. */
export function formatSummary(s: CorpusSummary): string {
  const roadmaps = s.documents.filter((d) => d.kind === "roadmap");
  const actions = roadmaps.reduce((n, d) => n + d.actions, 0);
  const measures = roadmaps.reduce((n, d) => n + d.measures, 0);
  const lines = [
    `Corpus OK: ${count(s.documents.length, "document")} — ${count(roadmaps.length, "roadmap")} (${count(actions, "action")}, ${count(measures, "measure")}), ${count(s.documents.length - roadmaps.length, "prose document")}.`,
    "",
  ];
  for (const d of s.documents) lines.push(...formatDocument(d), "");
  lines.push(
    `Glossary: ${count(s.glossaryEntries, "entry", "entries")}. Enrichment: ${count(s.enrichedActions, "action")}, ${count(s.enrichedDocuments, "document")}.`,
    ...s.correspondences.map((c) => `Correspondence ${c.from} → ${c.to}: ${count(c.links, "link")}.`),
    `Corpus hash ${s.hash.slice(0, 12)}: the index is rebuilt when it changes (npm run ingest).`,
  );
  return lines.join("\n");
}
