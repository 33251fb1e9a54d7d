import { missingAttributes } from "../../decision/features.js";
import { quote } from "../compose/extractive.js";
import { attributeMissing } from "../messages.js";
import { refused, type Answerer, type Searched } from "./answerer.js";

/**
 * "Le mail du Lab e-santé ?", "qui a remplacé … ?", "c'est gratuit ?", "quel éditeur ?": a kind of
 * information plans seldom give. When the text that would be quoted says nothing of it, the
 * texts do not give it: say so, and show that text as the closest, not as an answer.
 */
export const refuseMissingAttribute: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  const top = decision.cite[0];
  // Refused all the same but on the topic (the texts speak of the person or body, not of what is
  // asked about them): saying which kind of detail they lack tells more than "nothing found".
  if (!top || (decision.verdict === "refuse" && !decision.topical) || !u.asks.attributes.length) return null;
  const single = { ...decision, pieces: (c: typeof top, kind: Parameters<typeof decision.pieces>[1]) => decision.pieces(c, kind, 2) };
  const q = quote(top, result, single, corpus, out);
  const missing = missingAttributes(u, q.texts.join(" \n"));
  if (!missing.length) return null;
  out.say(attributeMissing(missing, u.lang));
  q.write();
  return refused();
};
