import { parseCitationId, type Corpus } from "../../corpus/schema.js";
import { terms } from "../../language/french.js";
import type { Decision } from "../../decision/decide.js";
import { evidence } from "../../decision/features.js";
import type { RetrievalResult, RetrievedCitation } from "../../retrieval/retriever.js";
import type { Lang } from "../../understanding/schema.js";
import type { CitationList } from "../citations.js";
import { idf } from "../../understanding/corpus-tables.js";
import { describeAction } from "./structural.js";

export interface ExtractiveOptions {
  /** Measures quoted per action. */
  measuresPerAction: number;
  /** Passages quoted per prose document. */
  passagesPerDocument: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { measuresPerAction: 3, passagesPerDocument: 2 };

/** Enough to put a sentence holding the asked date or figure before one that only shares more words. */
const ASKED_BONUS = 3;

/**
 * The one or two sentences of a passage that share most with the query, in text order: each
 * shared word counts by `weight` (its rarity in the corpus, so that "santé" weighs less than "EHPAD").
 */
export function bestSentences(
  text: string,
  query: string,
  max = 2,
  weight: (stem: string) => number = () => 1,
  /** A sentence that holds what is asked (a date, a figure) comes first, a text's own question aside. */
  holdsAsked: (sentence: string) => boolean = () => false,
): string {
  // A lead-in and its list ("Les ambitions … :" then "- …") only make sense together.
  if (/:\s*\n\s*(?:[-•–*]|\d+[.)]|\p{L}+ \d+ :)/u.test(text)) return text.trim();
  // A closing quotation mark stays with the sentence it closes.
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+(?:\s*[»"”])?|$)/gu)?.map((s) => s.trim()).filter(Boolean) ?? [text];
  if (sentences.length <= max) return text.trim();
  const q = new Set(terms(query));
  const shared = sentences.map((s) => [...new Set(terms(s))].filter((t) => q.has(t)).reduce((sum, t) => sum + weight(t), 0));
  // A question of the text (an interviewer's, a FAQ's) is not an answer: the sentence after it is,
  // and it takes the question's words.
  const asks = (i: number) => /\?\s*[»"”]?$/u.test(sentences[i]!);
  const ranked = sentences
    .map((s, i) => {
      const n = asks(i) ? -1 : shared[i]! + (i > 0 && asks(i - 1) ? shared[i - 1]! : 0);
      return { s, i, n: n >= 0 && holdsAsked(s) ? n + ASKED_BONUS : n };
    })
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i);
  return ranked.map((r) => r.s).join(" … ");
}

/** The words a quote is chosen by: the question and what the search added. */
export function quoteQuery(result: RetrievalResult): string {
  return `${result.understanding.text} ${result.query.own} ${result.query.added}`;
}

export interface Quote {
  /** The words it would show: to check that they hold what was asked (a figure, a date, a name). */
  texts: string[];
  /** Writes the quote and its citation. */
  write(): void;
}

/** The quote of one citation: an action with its chosen measures, or a passage's best sentences. */
export function quote(c: RetrievedCitation, result: RetrievalResult, decision: Decision, corpus: Corpus, out: CitationList, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Quote {
  const lang: Lang = result.understanding.lang;
  const { document, action } = parseCitationId(c.id);
  const doc = corpus.documents.find((d) => d.id === document);
  const none: Quote = { texts: [], write: () => {} };
  if (!doc) return none;
  if (action !== null) {
    const a = doc.actions.find((x) => x.number === action);
    if (!a) return none;
    const measures = decision.pieces(c, "measure", options.measuresPerAction);
    return {
      texts: [a.title, ...measures.map((m) => m.body)],
      write: () => describeAction(doc, a, lang, out, new Set(measures.map((m) => m.measure ?? m.body))),
    };
  }
  const asked = result.understanding.asks;
  const holdsAsked = (sentence: string) => {
    const ev = asked.date || asked.figure ? evidence(sentence) : null;
    return !!ev && ((asked.date && ev.date) || (asked.figure && ev.figure));
  };
  const passages = decision.pieces(c, "passage", options.passagesPerDocument).map((p) => ({ p, text: bestSentences(p.body, quoteQuery(result), 2, (t) => idf(corpus, t), holdsAsked) }));
  return {
    texts: passages.map((x) => x.text),
    write: () => {
      for (const { p, text } of passages) {
        const where = p.section && doc.kind === "roadmap" ? ` (${p.section})` : "";
        out.say(`${doc.label}${where}${lang === "en" ? ":" : " :"} « ${text} »`, out.cite(c.id, null, p.section));
      }
    },
  };
}

/** The meanings of an ambiguous term ("ENS"), each with the document that gives it; returns the texts cited for them, in that order. */
export function sayMeanings(result: RetrievalResult, cited: readonly RetrievedCitation[], corpus: Corpus, out: CitationList): RetrievedCitation[] {
  const lang = result.understanding.lang;
  const said: RetrievedCitation[] = [];
  for (const g of result.understanding.terms.glossary) {
    const byMeaning = new Map<string, string[]>();
    for (const s of g.senses) byMeaning.set(s.meaning, [...(byMeaning.get(s.meaning) ?? []), s.document]);
    if (byMeaning.size < 2) continue;
    const label = (id: string) => corpus.documents.find((d) => d.id === id)?.label ?? id;
    const parts = [...byMeaning].map(([meaning, docs]) => `${meaning} (${label(docs[0]!)})`);
    // Numbered in the order the meanings are said: [1] is the text of the first one.
    const documents = [...byMeaning.values()].flat();
    const rank = (c: RetrievedCitation) => documents.indexOf(parseCitationId(c.id).document);
    const texts = cited.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
    said.push(...texts.filter((c) => !said.includes(c)));
    const n = byMeaning.size === 2 ? (lang === "en" ? "two" : "deux") : String(byMeaning.size);
    out.say(
      lang === "en" ? `"${g.term}" has ${n} meanings in these texts: ${parts.join("; ")}.` : `« ${g.term} » a ${n} sens dans ces textes : ${parts.join(" ; ")}.`,
      ...texts.map((c) => out.cite(c.id)),
    );
  }
  return said;
}

/**
 * The extractive answer: the meanings of an ambiguous term, then each cited text quoted, after an
 * optional preface computed from what the quotes hold ("les textes ne donnent pas de date…").
 */
export function composeQuotes(
  result: RetrievalResult,
  decision: Decision,
  cited: readonly RetrievedCitation[],
  corpus: Corpus,
  out: CitationList,
  preface?: (texts: readonly string[]) => string | null,
): void {
  // The texts of an ambiguous term's meanings are quoted in the order the meanings were said.
  const said = sayMeanings(result, cited, corpus, out);
  const quotes = [...said, ...cited.filter((c) => !said.includes(c))].map((c) => quote(c, result, decision, corpus, out));
  const first = preface?.(quotes.flatMap((q) => q.texts));
  if (first) out.say(first);
  for (const q of quotes) q.write();
}
