import { injectionRefusal, medicalAdviceRefusal, writingRefusal } from "../messages.js";
import { refused, type Answerer, type Understood } from "./answerer.js";

/** Attempts to change the rules, personal medical advice, requests to write something else: declined before any search. */
export const refuseUnsafe: Answerer<Understood> = ({ u, corpus, out }) => {
  const message = u.safety.injection
    ? injectionRefusal(corpus, u.lang)
    : u.safety.medical
      ? medicalAdviceRefusal(corpus, u.lang)
      : u.safety.writing
        ? writingRefusal(corpus, u.lang)
        : null;
  if (!message) return null;
  out.say(message);
  return refused();
};
