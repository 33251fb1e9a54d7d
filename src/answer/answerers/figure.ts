import type { Chunk } from "../../corpus/chunk.js";
import { parseCitationId } from "../../corpus/schema.js";
import { simplify, stem, terms, words } from "../../language/french.js";
import { DURATION_WORDS, FIGURE_NOUNS_LIST, MONEY_WORDS, PERCENT_AFTER } from "../../language/lexicon.js";
import { findFigures, holdsFigure, isYear } from "../../language/figures.js";
import type { RetrievedCitation } from "../../retrieval/retriever.js";
import { composeQuotes, quote } from "../compose/extractive.js";
import { missingAttributes } from "../../decision/features.js";
import { figureMissing, figureTargetOnly, listedCount } from "../messages.js";
import { answered, refused, type Answerer, type Searched } from "./answerer.js";

const FIGURE_NOUN_STEMS = new Set(FIGURE_NOUNS_LIST.map((w) => stem(w)));

/** How many words may stand between a figure and what it counts: "dix mille médiateurs numériques", "2 milliards d'euros". */
const GAP = 3;

/**
 * A figure that counts what the question counts: "trois territoires" is no answer to "combien de
 * téléconsultations". Cognates count ("mediators" / "médiateurs" share their first letters).
 */
function countsWhatIsAsked(text: string, counts: string | null): boolean {
  if (counts === null) return holdsFigure(text);
  return findFigures(text).some((f) => {
    if (isYear(f)) return false;
    const after = text.slice(f.end, f.end + 60);
    if (counts === "money") return MONEY_WORDS.test(simplify(after.split(/\s+/).slice(0, GAP + 2).join(" "))) || (/^\s*(millions?|milliards?)\b/i.test(after) && /euro|€/i.test(text));
    if (counts === "percent") return PERCENT_AFTER.test(after);
    if (counts === "duration") return DURATION_WORDS.test(simplify(after.split(/\s+/).slice(0, 2).join(" ")));
    // The unit after the figure ("24 actions") or just before it ("au total, 26").
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const isUnit = unitOf(counts);
    if ([...words(after).slice(0, GAP), ...words(before).slice(-GAP)].some(isUnit)) return true;
    // "Nous en comptons soixante-dix-huit", "il y en a 12": the unit is named earlier in the text.
    return ANAPHORIC_COUNT.test(before) && words(text.slice(0, f.start)).some(isUnit);
  });
}

/** Whether a word names the unit counted; cognates count ("ambitions", "ambition"). */
function unitOf(counts: string): (w: string) => boolean {
  return (w) => stem(w) === counts || (w.length >= 5 && counts.length >= 5 && w.slice(0, 5) === counts.slice(0, 5));
}

/** A line that starts an item of a list: a dash, a bullet or a number. */
const ITEM = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+\S/;

/**
 * "Les ambitions de la politique du numérique en santé :" then one line per item: a text that
 * lists what is counted gives the count as its number of items.
 */
export function listedUnder(text: string, counts: string | null): { intro: string; items: string[] } | null {
  if (counts === null || counts === "money" || counts === "percent" || counts === "duration") return null;
  const isUnit = unitOf(counts);
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (!/:\s*$/.test(line) || !words(line).some(isUnit)) continue;
    const items: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (!ITEM.test(next)) break;
      items.push(next.trim());
    }
    if (items.length >= 2) return { intro: line.trim(), items };
  }
  return null;
}

/** "en comptons", "en compte", "y en a", "en recense": the count of something named before. */
const ANAPHORIC_COUNT = /\ben\s+(?:a|ont|avons|compte|comptent|comptons|recense|recensent|recensons|denombre|dénombre)\s*$/i;

/** How a question names a document itself, not through a year or period it shares with others. */
const NAMED_BY: ReadonlySet<string> = new Set(["name", "alias", "label", "region"]);

/** How far down the ranking a figure about the subject is looked for. */
const DEPTH = 5;

/**
 * "Combien … ?", "quel budget … ?": the passage that gives a figure about the subject, in digits or
 * in words ("quatre actions"); when none of the closest texts gives one, the texts do not say, and
 * the closest is shown as such.
 */
export const answerFigure: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (u.intent !== "figure" || decision.verdict === "refuse") return null;
  // "budget", "montant" ask for the figure; what it is about is the rest of the subject.
  const subject = new Set(u.terms.subject.filter((t) => !FIGURE_NOUN_STEMS.has(t)));
  // Cognates count ("mediators", "médiateurs"): questions come in English, texts in French.
  const prefixes = new Set([...subject].filter((t) => t.length >= 5).map((t) => t.slice(0, 5)));
  const subjectWordsIn = (x: Chunk) =>
    new Set(terms(`${x.action?.title ?? ""} ${x.measure ?? ""} ${x.section ?? ""} ${x.body}`).filter((t) => subject.has(t) || (t.length >= 5 && prefixes.has(t.slice(0, 5)))).map((t) => t.slice(0, 5))).size;
  // Past the decision's candidates, the rest of the search, held to more of the subject: a figure
  // of the kind asked often stands in an introduction the rankers place lower.
  // A document the question names ("en Lozère", "l'ARS Occitanie") gives the figure, or none does.
  const named = new Set(u.references.documents.filter((d) => NAMED_BY.has(d.by)).map((d) => d.id));
  const inNamed = (c: RetrievedCitation) => !named.size || named.has(parseCitationId(c.id).document);
  const candidates = [
    ...decision.ranked.slice(0, DEPTH).filter(inNamed).map((c) => ({ c, needed: 1 })),
    ...result.ranked.filter((c) => !decision.ranked.slice(0, DEPTH).some((d) => d.id === c.id) && inNamed(c)).map((c) => ({ c, needed: Math.min(2, subject.size) })),
  ];
  let found: { c: RetrievedCitation; piece: Chunk } | null = null;
  for (const { c, needed } of candidates) {
    const piece = c.chunks.find((x) => countsWhatIsAsked(x.body, u.asks.counts) && (!subject.size || subjectWordsIn(x) >= needed));
    if (piece) {
      found = { c, piece };
      break;
    }
  }
  if (!found) {
    // No figure, but a list of what is counted: its items are the count.
    for (const { c, needed } of candidates) {
      const piece = c.chunks.find((x) => listedUnder(x.body, u.asks.counts) && (!subject.size || subjectWordsIn(x) >= needed));
      if (!piece) continue;
      const list = listedUnder(piece.body, u.asks.counts)!;
      const label = corpus.documents.find((d) => d.id === parseCitationId(c.id).document)?.label ?? c.id;
      out.say(listedCount(list.items.length, label, `${list.intro} ${list.items.join(" ")}`, u.lang), out.cite(c.id, null, piece.section));
      return answered("search");
    }
    const closest = decision.ranked[0]!;
    out.say(figureMissing(u.lang));
    quote(closest, result, { ...decision, pieces: (c, kind) => decision.pieces(c, kind, 1) }, corpus, out).write();
    return refused();
  }
  const { c, piece } = found;
  // "Combien sont déjà équipés ?" answered by "150 EHPAD équipés d'ici fin 2025": the sentence
  // with the figure says nothing of the present, so the texts give a target, not the count asked.
  if (u.asks.attributes.includes("status")) {
    const sentence = piece.body.split(/(?<=[.;!?])\s+|\n/).find((x) => countsWhatIsAsked(x, u.asks.counts)) ?? piece.body;
    if (missingAttributes({ ...u, asks: { ...u.asks, attributes: ["status"] } }, sentence).length) {
      out.say(figureTargetOnly(u.lang));
      quote(c, result, { ...decision, pieces: (x, kind) => (x === c && piece.kind === kind ? [piece] : decision.pieces(x, kind, 1)) }, corpus, out).write();
      return refused();
    }
  }
  // The piece with the figure is quoted first, whatever else the decision would quote.
  const withFigure = { ...decision, pieces: (x: RetrievedCitation, kind: Chunk["kind"], max = 2) => (x === c && piece.kind === kind ? [piece] : decision.pieces(x, kind, max)).slice(0, max) };
  composeQuotes(result, withFigure, [c], corpus, out);
  return answered("search");
};
