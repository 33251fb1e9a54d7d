import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFINED_ID_PREFIX } from "./definitions.js";
import { PASSAGE_MAX, periodOf } from "./chunk.js";
import { deriveLabel, LABEL_MAX } from "./label.js";
import { accountForLines, type LineAccount } from "./line-fates.js";
import { loadCorpus, MANIFEST_FILE } from "./load.js";
import { listMarker } from "./parse-prose.js";
import type { Corpus, CorpusDocument, SkippedLine } from "./schema.js";
import { decodeSource, type SourceLine } from "./source-text.js";
import { parseYaml } from "./yaml.js";

/** How a prose source's non-empty lines were used: the proof that ingestion lost nothing. */
export interface LineSummary {
  nonEmpty: number;
  inPassages: number;
  roles: Record<SkippedLine["role"], number>;
  lost: number[];
  twice: number[];
}

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
  /** Prose documents whose source was read. */
  lines: LineSummary | null;
}

/** A shape `corpus check` finds suspicious: the corpus still loads, a person should look. */
export interface Warning {
  file: string;
  line: number;
  message: string;
}

export interface CorpusSummary {
  documents: DocumentSummary[];
  glossaryEntries: number;
  /** Acronyms the texts define that corpus/glossary.yaml does not know: read from the texts. */
  definedAcronyms: string[];
  enrichedActions: number;
  enrichedDocuments: number;
  draftEntries: string[];
  correspondences: { from: string; to: string; links: number }[];
  warnings: Warning[];
  hash: string;
}

/** This many headings in a row are more likely a list or short paragraphs read as headings. */
export const HEADINGS_IN_A_ROW = 3;
/** A passage this long is indexed in several pieces, all but the first without its opening line. */
export const LONG_PASSAGE = 2 * PASSAGE_MAX;

export function summarizeDocument(d: CorpusDocument, source: readonly SourceLine[] | null = null): DocumentSummary {
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
    lines: d.kind === "prose" && source ? summarizeLines(accountForLines(source, d)) : null,
  };
}

function summarizeLines(account: LineAccount): LineSummary {
  const roles: LineSummary["roles"] = { heading: 0, chrome: 0, caption: 0 };
  for (const f of account.fates) if (f.fate !== "passage") roles[f.fate]++;
  return {
    nonEmpty: account.fates.length + account.lost.length,
    inPassages: account.fates.filter((f) => f.fate === "passage").length,
    roles,
    lost: account.lost,
    twice: account.twice,
  };
}

/** The source lines of a prose document, as the loader read them. */
export function readSource(corpusDir: string, d: Pick<CorpusDocument, "source">): SourceLine[] {
  const file = join(corpusDir, d.source);
  return decodeSource(file, readFileSync(file));
}

/** The suspicious shapes of a prose document's parse, each at its file and line. */
export function proseWarnings(file: string, d: CorpusDocument, source: readonly SourceLine[]): Warning[] {
  const account = accountForLines(source, d);
  const warnings: Warning[] = [
    ...account.lost.map((line) => ({ file, line, message: "this line is in no passage and is neither heading nor chrome: its text is lost at ingestion" })),
    ...account.twice.map((line) => ({ file, line, message: "this line is counted twice (in two passages, or in a passage and as a heading)" })),
  ];

  // Runs of headings, chrome and captions between them being transparent.
  let run: typeof account.fates = [];
  const flush = () => {
    if (run.length >= HEADINGS_IN_A_ROW) {
      warnings.push({
        file,
        line: run[0]!.line,
        message: `${run.length} headings in a row (lines ${run[0]!.line}-${run.at(-1)!.line}): a list or short paragraphs read as headings? Mark list items ("- ", "•", "1)") or end sentences with a full stop`,
      });
    }
    run = [];
  };
  for (const f of account.fates) {
    if (f.fate === "heading") run.push(f);
    else if (f.fate === "passage") flush();
  }
  flush();

  for (const s of d.skipped) {
    if (s.role !== "heading" || !(listMarker(s.text) || /[;,]$/.test(s.text))) continue;
    warnings.push({
      file,
      line: s.line,
      message: `the heading "${s.text}" looks like a list item: a list needs two or more items marked alike, or a bullet`,
    });
  }

  for (const p of d.passages) {
    if (p.text.length <= LONG_PASSAGE) continue;
    const pieces = Math.ceil(p.text.length / PASSAGE_MAX);
    warnings.push({
      file,
      line: p.line,
      message: `a passage of ${p.text.length} characters (lines ${p.lines[0]}-${p.lines.at(-1)}), indexed in about ${pieces} pieces: a missing blank line, heading or full stop?`,
    });
  }
  return warnings.sort((a, b) => a.line - b.line);
}

function labelWarnings(corpusDir: string, corpus: Corpus): Warning[] {
  const file = join(corpusDir, MANIFEST_FILE);
  const manifest = parseYaml(file, readFileSync(file, "utf8"));
  return corpus.documents.flatMap((d, i) => {
    if (d.label.length <= LABEL_MAX) return [];
    const suggestion = deriveLabel(d);
    const better = suggestion.length < d.label.length ? `, such as "${suggestion}"` : "";
    return [{
      file,
      line: manifest.lineOf(["documents", i, "label"]),
      message: `the label of ${d.id} has ${d.label.length} characters and every citation shows it: a shorter one${better} (at most ${LABEL_MAX})`,
    }];
  });
}

export function summarizeCorpus(corpus: Corpus, corpusDir: string | null = null): CorpusSummary {
  const sources = new Map<string, SourceLine[]>();
  if (corpusDir) for (const d of corpus.documents) if (d.kind === "prose") sources.set(d.id, readSource(corpusDir, d));
  const drafts = (entries: Record<string, { draft: boolean }>) => Object.entries(entries).filter(([, e]) => e.draft).map(([k]) => k);
  return {
    documents: corpus.documents.map((d) => summarizeDocument(d, sources.get(d.id) ?? null)),
    glossaryEntries: corpus.glossary.length,
    definedAcronyms: corpus.glossary.filter((e) => e.id.startsWith(DEFINED_ID_PREFIX)).map((e) => e.terms[0]!),
    enrichedActions: Object.keys(corpus.enrichment.actions).length,
    enrichedDocuments: Object.keys(corpus.enrichment.documents).length,
    draftEntries: [...drafts(corpus.enrichment.actions), ...drafts(corpus.enrichment.documents)],
    correspondences: corpus.correspondences.map((c) => ({ from: c.from, to: c.to, links: c.links.length })),
    warnings: corpusDir
      ? [
          ...corpus.documents.flatMap((d) => (sources.has(d.id) ? proseWarnings(join(corpusDir, d.source), d, sources.get(d.id)!) : [])),
          ...labelWarnings(corpusDir, corpus),
        ]
      : [],
    hash: corpus.hash,
  };
}

/** Loads and validates the whole corpus (throws CorpusError with file:line) and summarizes it. */
export function checkCorpus(dir: string): CorpusSummary {
  return summarizeCorpus(loadCorpus(dir), dir);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const ROLE_NAMES: Record<SkippedLine["role"], [string, string]> = {
  heading: ["heading", "headings"],
  chrome: ["chrome line", "chrome lines"],
  caption: ["caption", "captions"],
};

function formatLines(s: LineSummary): string {
  const parts = [`${s.inPassages} in passages`];
  for (const [role, [one, many]] of Object.entries(ROLE_NAMES) as [SkippedLine["role"], [string, string]][]) {
    if (s.roles[role]) parts.push(count(s.roles[role], one, many));
  }
  const lost = s.lost.length || s.twice.length
    ? `${count(s.lost.length, "line")} LOST, ${count(s.twice.length, "line")} counted twice`
    : "none lost";
  return `${count(s.nonEmpty, "non-empty line")}: ${parts.join(", ")}; ${lost}`;
}

export function formatDocument(d: DocumentSummary): string[] {
  const when = d.period ? ` (${d.period})` : "";
  const lines = [`${d.id}  ${d.kind}  ${d.label}${when}  ← ${d.source}`];
  if (d.kind === "roadmap") {
    lines.push(`  ${count(d.actions, "action")}, ${count(d.measures, "measure")}, ${count(d.passages, "passage")}`);
  } else {
    lines.push(`  ${count(d.passages, "passage")}${d.lines ? ` from ${formatLines(d.lines)}` : ""}`);
  }
  for (const g of d.groups) {
    const range = g.first === g.last ? `action ${g.first}` : `actions ${g.first}-${g.last}`;
    const measures = d.measures ? ` (${count(g.measures, "measure")})` : "";
    lines.push(`  ${d.groupName ?? "group"} ${g.number}  ${g.title}  ${range}${measures}`);
  }
  return lines;
}

export function formatWarning(w: Warning): string {
  return `warning: ${w.file}:${w.line}: ${w.message}`;
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
    `Glossary: ${count(s.glossaryEntries, "entry", "entries")}${s.definedAcronyms.length ? `, with ${count(s.definedAcronyms.length, "acronym")} the texts define (${s.definedAcronyms.join(", ")}): corpus/glossary.yaml can give them everyday words` : ""}. Enrichment: ${count(s.enrichedActions, "action")}, ${count(s.enrichedDocuments, "document")}.`,
    ...(s.draftEntries.length
      ? [`Enrichment: ${count(s.draftEntries.length, "draft entry", "draft entries")} to review (${s.draftEntries.join(", ")}): used for retrieval already; remove "draft: true" once read.`]
      : []),
    ...s.correspondences.map((c) => `Correspondence ${c.from} → ${c.to}: ${count(c.links, "link")}.`),
    `Corpus hash ${s.hash.slice(0, 12)}: the index is rebuilt when it changes (npm run ingest).`,
  );
  if (s.warnings.length) lines.push("", `${count(s.warnings.length, "warning")} (the corpus loads; look at these shapes):`, ...s.warnings.map(formatWarning));
  return lines.join("\n");
}
