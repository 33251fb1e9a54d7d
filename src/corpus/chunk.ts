import { z } from "zod";
import { actionId, type Corpus, type CorpusDocument } from "./schema.js";

/**
 * What the indexes hold. A chunk never straddles two actions: it is one measure, one action
 * (its title and measure titles), one passage of a document, or one piece of curated enrichment
 * (keywords, an everyday question) that points at an action or a document.
 */
export const ChunkKind = z.enum(["action", "measure", "passage", "keywords", "question"]);
export type ChunkKind = z.infer<typeof ChunkKind>;

export const Chunk = z.object({
  id: z.string(),
  citation: z.string(),
  document: z.string(),
  kind: ChunkKind,
  documentLabel: z.string(),
  /** "2019", "2023-2027", or "" when the document gives no date. */
  period: z.string(),
  group: z.object({ number: z.number(), title: z.string(), name: z.string() }).nullable(),
  action: z.object({ number: z.number(), title: z.string() }).nullable(),
  measure: z.string().nullable(),
  section: z.string().nullable(),
  /** The source's own words, shown in answers (empty for enrichment). */
  body: z.string(),
  /** Context path + body: what is embedded and indexed. */
  text: z.string(),
});
export type Chunk = z.infer<typeof Chunk>;

export const PASSAGE_MAX = 800;

export function periodOf(doc: Pick<CorpusDocument, "year" | "period">): string {
  if (doc.period) return `${doc.period[0]}-${doc.period[1]}`;
  return doc.year ? String(doc.year) : "";
}

export function groupLabel(doc: CorpusDocument, groupNumber: number): string {
  const g = doc.groups.find((x) => x.number === groupNumber);
  const name = capitalize(doc.groupName ?? "partie");
  if (!g) return `${name} ${groupNumber}`;
  // A short name, when the structure gives one, says the title is too long to label a citation.
  return g.short ? `${name} ${g.number} (${g.short})` : `${name} ${g.title}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function contextPath(doc: CorpusDocument, parts: (string | null)[]): string {
  const head = periodOf(doc) && !doc.label.includes(periodOf(doc)) ? `${doc.label} (${periodOf(doc)})` : doc.label;
  return [head, ...parts.filter((p): p is string => !!p)].join(" › ");
}

export async function buildChunks(corpus: Corpus): Promise<Chunk[]> {
  // Loaded here, not at the top: the splitter brings LangChain's core (~250 modules) into every ask.
  const { RecursiveCharacterTextSplitter } = await import("@langchain/textsplitters");
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: PASSAGE_MAX, chunkOverlap: 80 });
  const chunks: Chunk[] = [];
  for (const doc of corpus.documents) {
    const base = { document: doc.id, documentLabel: doc.label, period: periodOf(doc) };
    for (const action of doc.actions) {
      const citation = actionId(doc.id, action.number);
      const g = doc.groups.find((x) => x.number === action.group)!;
      const group = { number: g.number, title: g.title, name: doc.groupName ?? "" };
      const groupText = groupLabel(doc, g.number);
      const actionText = `Action ${action.number} : ${action.title}`;
      const common = { ...base, citation, group, action: { number: action.number, title: action.title }, section: null };
      const measureTitles = action.measures.map((m) => m.title).filter(Boolean).join(" ; ");
      chunks.push({
        ...common,
        id: `${citation}/action`,
        kind: "action",
        measure: null,
        body: action.title,
        text: `${contextPath(doc, [groupText, actionText])}${measureTitles ? `\nMesures : ${measureTitles}` : ""}`,
      });
      action.measures.forEach((m, i) => {
        const body = [m.title, m.text].filter(Boolean).join(" : ");
        chunks.push({
          ...common,
          id: `${citation}/measure-${i + 1}`,
          kind: "measure",
          measure: m.title,
          body: m.text ?? m.title ?? "",
          text: `${contextPath(doc, [groupText, actionText, m.title])}\n${body}`,
        });
      });
      const extra = corpus.enrichment.actions[citation];
      if (extra) chunks.push(...enrichmentChunks(common, citation, `${actionText}`, extra));
    }

    let n = 0;
    for (const p of doc.passages) {
      const pieces = p.text.length > PASSAGE_MAX ? await splitter.splitText(p.text) : [p.text];
      for (const piece of pieces) {
        n++;
        chunks.push({
          ...base,
          id: `${doc.id}/passage-${n}`,
          citation: doc.id,
          kind: "passage",
          group: null,
          action: null,
          measure: null,
          section: p.section,
          body: piece,
          text: `${contextPath(doc, [p.section])}\n${piece}`,
        });
      }
    }
    const extra = corpus.enrichment.documents[doc.id];
    if (extra) {
      chunks.push(
        ...enrichmentChunks({ ...base, citation: doc.id, group: null, action: null, section: null }, doc.id, doc.title, extra),
      );
    }
  }
  return chunks;
}

function enrichmentChunks(
  common: Omit<Chunk, "id" | "kind" | "measure" | "body" | "text">,
  citation: string,
  title: string,
  extra: { keywords: string[]; questions: string[] },
): Chunk[] {
  const out: Chunk[] = [];
  if (extra.keywords.length) {
    out.push({ ...common, id: `${citation}/keywords`, kind: "keywords", measure: null, body: "", text: `${title}\n${extra.keywords.join(", ")}` });
  }
  extra.questions.forEach((q, i) => {
    out.push({ ...common, id: `${citation}/question-${i + 1}`, kind: "question", measure: null, body: "", text: q });
  });
  return out;
}
