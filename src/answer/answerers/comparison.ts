import { composeComparison } from "../compose/compare.js";
import { answered, type Answerer, type Searched } from "./answerer.js";

/** A topic through two roadmaps, or a document beside the national roadmap, side by side. */
export const compareTexts: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (u.intent !== "compare" || decision.verdict === "refuse") return null;
  return composeComparison(result, decision, corpus, out) ? answered("compare") : null;
};
