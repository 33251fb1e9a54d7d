import type { Chunk } from "../../corpus/chunk.js";
import { parseCitationId } from "../../corpus/schema.js";
import { stem, terms } from "../../language/french.js";
import { FIGURE_NOUNS_LIST } from "../../language/lexicon.js";
import { countsWhatIsAsked, listedUnder } from "../../language/counts.js";
import type { RetrievedCitation } from "../../retrieval/retriever.js";
import { composeQuotes, quote } from "../compose/extractive.js";
import { missingAttributes } from "../../decision/features.js";
import { figureMissing, figureTargetOnly, listedCount, noDirectAnswer } from "../messages.js";
import { answered, refused, type Answerer, type Searched } from "./answerer.js";

const FIGURE_NOUN_STEMS = new Set(FIGURE_NOUNS_LIST.map((w) => stem(w)));

/** How a question names a document itself, not through a year or period it shares with others. */
const NAMED_BY: ReadonlySet<string> = new Set(["name", "alias", "label", "region"]);

/** How far down the ranking a figure about the subject is looked for. */
const DEPTH = 5;

/**
 * "Combien … ?", "quel budget … ?": the passage that gives a figure about the subject, in digits or
 * in words ("quatre actions"); when none of the closest texts gives one, the texts do not say, and
 * the closest is shown as such. When the decision refuses a question on a topic of the texts, the
 * figure is still looked for: to say precisely what they lack (no figure, or only a target), or to
 * show the passage that gives it as the closest, flagged, rather than "je ne trouve rien".
 */
export const answerFigure: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (u.intent !== "figure" || (decision.verdict === "refuse" && !decision.topical)) return null;
  const mayAnswer = decision.verdict !== "refuse";
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
    const piece = c.chunks.find((x) => countsWhatIsAsked(x.body, u.asks.counts, subject) && (!subject.size || subjectWordsIn(x) >= needed));
    if (piece) {
      found = { c, piece };
      break;
    }
  }
  if (!found) {
    // No figure, but a list of what is counted: its items are the count.
    for (const { c, needed } of mayAnswer ? candidates : []) {
      const listed = c.chunks.filter((x) => !subject.size || subjectWordsIn(x) >= needed).map((piece) => ({ piece, list: listedUnder(piece.body, u.asks.counts) }));
      const { piece, list } = listed.find((x) => x.list) ?? {};
      if (!piece || !list) continue;
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
    const sentence = piece.body.split(/(?<=[.;!?])\s+|\n/).find((x) => countsWhatIsAsked(x, u.asks.counts, subject)) ?? piece.body;
    if (missingAttributes({ ...u, asks: { ...u.asks, attributes: ["status"] } }, sentence).length) {
      out.say(figureTargetOnly(u.lang));
      quote(c, result, { ...decision, pieces: (x, kind) => (x === c && piece.kind === kind ? [piece] : decision.pieces(x, kind, 1)) }, corpus, out).write();
      return refused();
    }
  }
  // The piece with the figure is quoted first, whatever else the decision would quote.
  const withFigure = { ...decision, pieces: (x: RetrievedCitation, kind: Chunk["kind"], max = 2) => (x === c && piece.kind === kind ? [piece] : decision.pieces(x, kind, max)).slice(0, max) };
  // Doubted by the decision but found in a text on the topic: shown as the closest, to check.
  composeQuotes(result, withFigure, [c], corpus, out, mayAnswer ? undefined : () => noDirectAnswer(u.lang));
  return answered("search");
};
