import { composeQuotes } from "../compose/extractive.js";
import { noDirectAnswer } from "../messages.js";
import { answered, type Answerer, type Searched } from "./answerer.js";

/**
 * The texts that answer, quoted with their citations; between an answer and a refusal, the
 * closest text, flagged as no direct answer.
 */
export const answerFromSearch: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if (decision.verdict === "refuse") return null;
  if (decision.verdict === "closest") {
    composeQuotes(result, decision, decision.cite.slice(0, 1), corpus, out, () => noDirectAnswer(u.lang));
    return answered("search");
  }
  composeQuotes(result, decision, decision.cite, corpus, out);
  return answered("search");
};
