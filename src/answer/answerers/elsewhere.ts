import { elsewhereRefusal } from "../messages.js";
import { refused, type Answerer, type Understood } from "./answerer.js";

/** The plan of another country, region or period: the corpus does not hold it, whatever the search would find. */
export const refuseOtherPlans: Answerer<Understood> = ({ u, corpus, out }) => {
  if (!u.references.elsewhere.length) return null;
  out.say(elsewhereRefusal(u.references.elsewhere, corpus, u.lang));
  return refused();
};
