import { quote } from "../compose/extractive.js";
import { closestText, notFound } from "../messages.js";
import { refused, type Answerer, type Searched } from "./answerer.js";

/**
 * Nothing answers: say so rather than guess. When the question touches a topic of the texts,
 * the closest citation is shown, plainly as not an answer, so the person can check.
 */
export const refuseNotFound: Answerer<Searched> = ({ u, corpus, out, result, decision }) => {
  out.say(notFound(corpus, u.lang));
  const closest = decision.ranked[0];
  if (closest && decision.topical) {
    out.say(closestText(u.lang));
    quote(closest, result, { ...decision, pieces: (c, kind) => decision.pieces(c, kind, 1) }, corpus, out).write();
  }
  return refused();
};
