import { help } from "../messages.js";
import { refused, type Answerer, type Understood } from "./answerer.js";

/** A greeting, "aide", or nothing to search: what the assistant covers and how to ask. */
export const offerHelp: Answerer<Understood> = ({ u, corpus, out }) => {
  if (u.intent !== "help") return null;
  out.say(help(corpus, u.lang));
  return refused("help");
};
