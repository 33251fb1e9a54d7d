import { composeComparison } from "../compose/compare.js";
import { answered, type Answerer, type Searched } from "./answerer.js";

/** A topic through two roadmaps, or a document beside the national roadmap, side by side. */
export const compareTexts: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (u.intent !== "compare") return null;
  // "La stratégie du Grand Est colle-t-elle à la feuille de route nationale ?": nothing asked but
  // the documents themselves, two of them found — the texts are the answer, whatever the decision.
  const documentsOnly = !u.terms.subject.length && Object.values(result.byDocument).filter((list) => list.length > 0).length >= 2;
  if (decision.verdict === "refuse" && !documentsOnly) return null;
  return composeComparison(result, decision, corpus, out) ? answered("compare") : null;
};
