import type { Chunk } from "../../corpus/chunk.js";
import { terms } from "../../language/french.js";
import { holdsFigure } from "../../language/figures.js";
import type { RetrievedCitation } from "../../retrieval/retriever.js";
import { composeQuotes, quote } from "../compose/extractive.js";
import { figureMissing } from "../messages.js";
import { answered, refused, type Answerer, type Searched } from "./answerer.js";

/** How far down the ranking a figure about the subject is looked for. */
const DEPTH = 5;

/**
 * "Combien … ?", "quel budget … ?": the passage that gives a figure about the subject, in digits or
 * in words ("quatre actions"); when none of the closest texts gives one, the texts do not say, and
 * the closest is shown as such.
 */
export const answerFigure: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (u.intent !== "figure" || decision.verdict === "refuse") return null;
  const subject = new Set(u.terms.subject);
  const aboutSubject = (x: Chunk) => terms(`${x.action?.title ?? ""} ${x.measure ?? ""} ${x.section ?? ""} ${x.body}`).some((t) => subject.has(t));
  let found: { c: RetrievedCitation; piece: Chunk } | null = null;
  for (const c of decision.ranked.slice(0, DEPTH)) {
    const piece = c.chunks.find((x) => holdsFigure(x.body) && (aboutSubject(x) || !subject.size));
    if (piece) {
      found = { c, piece };
      break;
    }
  }
  if (!found) {
    const closest = decision.ranked[0]!;
    out.say(figureMissing(u.lang));
    quote(closest, result, { ...decision, pieces: (c, kind) => decision.pieces(c, kind, 1) }, corpus, out).write();
    return refused();
  }
  const { c, piece } = found;
  // The piece with the figure is quoted first, whatever else the decision would quote.
  const withFigure = { ...decision, pieces: (x: RetrievedCitation, kind: Chunk["kind"], max = 2) => (x === c && piece.kind === kind ? [piece] : decision.pieces(x, kind, max)).slice(0, max) };
  composeQuotes(result, withFigure, [c], corpus, out);
  return answered("search");
};
