import { parseCitationId } from "../../corpus/schema.js";
import { answerNeighbour, answerStructure } from "../compose/structural.js";
import { answered, refused, type Answerer, type Searched, type Understood } from "./answerer.js";

/** Structure questions whose answer the parsed roadmaps give without a search: counts, groups, action N. */
export const answerStructureDirectly: Answerer<Understood> = ({ u, corpus, out }) => {
  if (u.intent !== "structure") return null;
  const byTopic = u.structure === "action_group" || u.structure === "describe_action" || u.structure === "action_measures";
  if (byTopic && !u.references.actions.length) return null;
  if (u.references.neighbour) return answerNeighbour(u, corpus, out, u.references.actions[0]!) ? answered("structural") : null;
  if (!answerStructure(u, corpus, out)) return null;
  // "il n'y a pas d'action 27", "il n'y a pas d'axe 5": a correct answer, and a refusal.
  const named = u.structure === "group_actions" ? u.references.groups : u.references.actions;
  return named.length && named.every((x) => !x.exists) ? refused("structural") : answered("structural");
};

/**
 * "Le DMP, c'est dans quelle orientation ?", "combien de mesures dans l'action sur la télésanté ?":
 * the action the search found, placed in its group or counted. The structure answers exactly once
 * the action is found, so a first citation on the question's topic is enough, whatever the
 * decision made of a question whose words are mostly about the structure.
 */
export const answerStructureBySearch: Answerer<Searched> = ({ u, corpus, out, decision }) => {
  if (u.intent !== "structure" || (decision.verdict === "refuse" && !decision.topical)) return null;
  const top = decision.ranked.map((r) => parseCitationId(r.id)).find((r) => r.action !== null);
  if (!top) return null;
  const found = { document: top.document, number: top.action!, exists: true };
  if (u.references.neighbour) return answerNeighbour(u, corpus, out, found) ? answered("structural") : null;
  return answerStructure(u, corpus, out, [found]) ? answered("structural") : null;
};
