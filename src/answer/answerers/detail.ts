import { parseCitationId } from "../../corpus/schema.js";
import { simplify } from "../../language/french.js";
import { PURPOSE } from "../../language/lexicon.js";
import { evidence } from "../../decision/features.js";
import { composeQuotes } from "../compose/extractive.js";
import { detailMissing, type Detail } from "../messages.js";
import { answered, type Answerer, type Searched } from "./answerer.js";

/**
 * "Qui … ?", "quand … ?", "pourquoi … ?": the texts quoted, with a preface when what they say
 * holds no name, no date or no stated purpose — the person sees what the texts give instead.
 */
export const answerDetail: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  if ((u.intent !== "who" && u.intent !== "when" && u.intent !== "why") || decision.verdict !== "answer") return null;
  const detail: Detail = u.intent === "who" ? "person" : u.intent === "when" ? "date" : "reason";
  const dated = decision.cite.some((c) => {
    const d = corpus.documents.find((x) => x.id === parseCitationId(c.id).document);
    return !!d?.year || !!d?.period;
  });
  const holds = (texts: readonly string[]) => {
    const text = texts.join(" \n");
    if (detail === "reason") return PURPOSE.test(simplify(text));
    const ev = evidence(text);
    return detail === "person" ? ev.person : ev.date || dated;
  };
  composeQuotes(result, decision, decision.cite, corpus, out, (texts) => (holds(texts) ? null : detailMissing(detail, u.lang)));
  return answered("search");
};
