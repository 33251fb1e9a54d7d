import type { Chunk } from "../corpus/chunk.js";
import { terms } from "../corpus/french.js";
import { parseCitationId, type Corpus } from "../corpus/schema.js";
import type { Detail, Lang } from "../retrieval/query-analysis.js";
import { subjectTerms, type RetrievalResult, type RetrievedCitation } from "../retrieval/retriever.js";
import type { CitationList } from "./citations.js";
import { detailMissing } from "./messages.js";
import { describeAction } from "./structural.js";

export interface ExtractiveOptions {
  /** Most citations in one answer. */
  maxCitations: number;
  /** A runner-up is cited too when its fused score is at least this share of the best one. */
  closeness: number;
  /** Measures quoted per action. */
  measuresPerAction: number;
  /** Passages quoted per prose document. */
  passagesPerDocument: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { maxCitations: 2, closeness: 0.98, measuresPerAction: 2, passagesPerDocument: 2 };

/** A number that is not a year: what a "combien / quel montant" question needs to find. */
export const FIGURE = /(^|[^\p{L}\d])(?!(19|20)\d{2}\b)\d/u;

const DETAIL_EVIDENCE: Record<Detail, RegExp> = {
  figure: FIGURE,
  deadline: /\b(19|20)\d{2}\b|d'ici|à partir de|dès\b/i,
  owner: /pilot|sous la responsabilité|porté par|\bDNS\b|assurance maladie|\bARS\b|agence|délégation|ministre/i,
};

/** The documents behind each meaning of an ambiguous term: the 2019 texts share one. */
function meanings(senses: readonly { document: string; meaning: string }[]): Map<string, string[]> {
  const byMeaning = new Map<string, string[]>();
  for (const s of senses) byMeaning.set(s.meaning, [...(byMeaning.get(s.meaning) ?? []), s.document]);
  return byMeaning;
}

/** Picks what to cite: the best citation, runners-up that score close to it, one per sense of an ambiguous term. */
export function selectCitations(result: RetrievalResult, options: ExtractiveOptions): RetrievedCitation[] {
  const [best, ...rest] = result.ranked;
  if (!best) return [];
  const chosen = [best];
  for (const r of rest.slice(0, options.maxCitations - 1)) {
    if (r.score >= options.closeness * best.score) chosen.push(r);
  }
  for (const match of result.glossary) {
    for (const documents of meanings(match.senses).values()) {
      if (chosen.some((c) => documents.includes(parseCitationId(c.id).document))) continue;
      const inDoc = result.ranked.find((r) => documents.includes(parseCitationId(r.id).document));
      if (inDoc) chosen.push(inDoc);
    }
  }
  return chosen;
}

/**
 * The content chunks worth quoting: those sharing most words with the question (the person's own
 * words first, then the added ones), ties broken by the rankers' order.
 */
export function quotable(c: RetrievedCitation, question: string, query: string, kind: Chunk["kind"], max: number, corpus?: Corpus): Chunk[] {
  // Words of the document's own name ("ARS Bretagne") are shared by all its passages: they choose none.
  const doc = corpus?.documents.find((d) => d.id === parseCitationId(c.id).document);
  const naming = new Set(doc ? terms([doc.label, ...doc.aliases].join(" ")) : []);
  const own = new Set(subjectTerms(question).filter((t) => !naming.has(t)));
  const added = new Set(terms(query).filter((t) => !naming.has(t)));
  const rank = (x: Chunk) => {
    const i = c.matched.indexOf(x.id);
    return i < 0 ? 1e9 : i;
  };
  return c.chunks
    .filter((x) => x.kind === kind)
    .map((x) => {
      const t = new Set(terms(`${x.measure ?? ""} ${x.body}`));
      let score = 0;
      for (const w of t) score += own.has(w) ? 1 : added.has(w) ? 0.5 : 0;
      return { x, score };
    })
    .filter((s) => s.score > 0 || c.matched.includes(s.x.id))
    .sort((a, b) => b.score - a.score || rank(a.x) - rank(b.x))
    // Beyond the first, a piece is quoted only if it shares words with the question.
    .filter((s, i) => i === 0 || s.score > 0)
    .slice(0, max)
    .map((s) => s.x);
}

/** The one or two sentences of a passage that share most words with the query, in text order. */
function bestSentences(text: string, query: string, max = 2): string {
  // A lead-in and its list ("Les ambitions … :" then "- …") only make sense together.
  if (/:\s*\n- /.test(text)) return text.trim();
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  if (sentences.length <= max) return text.trim();
  const q = new Set(terms(query));
  const ranked = sentences
    .map((s, i) => ({ s, i, n: terms(s).filter((t) => q.has(t)).length }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return ranked.map((r) => r.s).join(" … ");
}

/**
 * The default, offline answer: the retrieved actions quoted with their roadmap, group and the
 * measures that match, passages by their best sentences — each statement cited, nothing added.
 */
export function composeExtractive(
  result: RetrievalResult,
  corpus: Corpus,
  out: CitationList,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): void {
  const lang: Lang = result.analysis.lang;
  const chosen = selectCitations(result, options);
  const quoted: string[] = [];

  for (const g of result.glossary) {
    const byMeaning = meanings(g.senses);
    if (byMeaning.size < 2) continue;
    const label = (id: string) => corpus.documents.find((d) => d.id === id)?.label ?? id;
    const parts = [...byMeaning].map(([meaning, docs]) => `${meaning} (${label(docs[0]!)})`);
    const cites = chosen.filter((c) => g.senses.some((s) => s.document === parseCitationId(c.id).document)).map((c) => out.cite(c.id));
    const n = byMeaning.size === 2 ? (lang === "en" ? "two" : "deux") : String(byMeaning.size);
    out.say(
      lang === "en" ? `"${g.term}" has ${n} meanings in these texts: ${parts.join("; ")}.` : `« ${g.term} » a ${n} sens dans ces textes : ${parts.join(" ; ")}.`,
      ...cites,
    );
  }

  const body: (() => void)[] = [];
  for (const c of chosen) {
    const { document, action } = parseCitationId(c.id);
    const doc = corpus.documents.find((d) => d.id === document);
    if (!doc) continue;
    if (action !== null) {
      const a = doc.actions.find((x) => x.number === action);
      if (!a) continue;
      const measures = quotable(c, result.analysis.question, result.query, "measure", options.measuresPerAction, corpus);
      quoted.push(a.title, ...measures.map((m) => m.body));
      body.push(() => describeAction(doc, a, lang, out, new Set(measures.map((m) => m.measure ?? m.body))));
    } else {
      const passages = quotable(c, result.analysis.question, result.query, "passage", options.passagesPerDocument, corpus);
      if (!passages.length) continue;
      for (const passage of passages) {
        const text = bestSentences(passage.body, `${result.analysis.question} ${result.query}`);
        quoted.push(text);
        const where = passage.section && doc.kind === "roadmap" ? ` (${passage.section})` : "";
        body.push(() => out.say(`${doc.label}${where}${lang === "en" ? ":" : " :"} « ${text} »`, out.cite(c.id, null, passage.section)));
      }
    }
  }

  const missing = result.analysis.details.find((d) => !quoted.some((q) => DETAIL_EVIDENCE[d].test(q)));
  if (missing) out.say(detailMissing(missing, lang));
  for (const write of body) write();
}
