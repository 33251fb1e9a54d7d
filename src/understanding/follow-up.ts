import { parseCitationId, type Corpus } from "../corpus/schema.js";
import { simplify, terms } from "../language/french.js";
import { ASK_IN_ENGLISH, ASK_IN_FRENCH, NEXT, ORDINAL_WORDS, PENULTIMATE_WORDS, PREVIOUS, LAST_WORDS } from "../language/lexicon.js";
import { periodOf } from "../corpus/chunk.js";
import { languageMarkers } from "./language.js";
import { resolveDocuments } from "./references.js";
import type { Lang, Understanding } from "./schema.js";

/** An earlier turn of the thread: what the person asked, or what the assistant answered and cited. */
export interface ThreadTurn {
  role: "user" | "assistant";
  text: string;
  citations: readonly string[];
}

export interface Resolved {
  text: string;
  followUp: Understanding["followUp"];
  /** A language the follow-up asks for ("in English?"), or carries from the thread when it has none of its own. */
  lang: Lang | null;
}

const CONTINUES = /^(et|and|what about|and what about|quid de|et pour|et sur|et dans|et en|et la|et le|et les|et l'|aussi|also|pareil|same)\b/;
const DETAIL = /\b(detaille|detailler|details?|plus sur|developpe|explique|precise|more on|tell me more|expand|zoom|focus)\b/;

/**
 * Resolves a follow-up against the thread into a standalone question: "détaille la deuxième" →
 * the second action cited; "l'action suivante" → the next action of that roadmap; "et en 2019 ?"
 * → the previous question asked of 2019; "in English?" → the previous question, in English; a
 * question with too few words of its own → the previous subject added. A question that stands
 * on its own is returned as it is.
 */
export function resolveFollowUp(question: string, history: readonly ThreadTurn[], corpus: Corpus): Resolved {
  const lastUser = [...history].reverse().find((t) => t.role === "user");
  const lastAnswer = [...history].reverse().find((t) => t.role === "assistant");
  const standalone: Resolved = { text: question, followUp: null, lang: null };
  if (!lastUser && !lastAnswer) return standalone;
  const s = simplify(question);
  const own = terms(question).filter((t) => !/^\d+$/.test(t));
  const markers = languageMarkers(question);
  const carriedLang: Lang | null = lastUser && markers.en === markers.fr ? (languageMarkers(lastUser.text).en > languageMarkers(lastUser.text).fr ? "en" : "fr") : null;

  // "in English?", "en français ?": the previous question again, in the other language.
  const switchTo: Lang | null = ASK_IN_ENGLISH.test(s) ? "en" : ASK_IN_FRENCH.test(s) ? "fr" : null;
  if (switchTo && lastUser && own.length <= 3) {
    return { text: lastUser.text, followUp: { kind: "language", from: lastUser.text }, lang: switchTo };
  }

  const actions = (lastAnswer?.citations ?? []).filter((id) => parseCitationId(id).action !== null);
  // "détaille la deuxième", "la dernière ?": an action cited in the last answer.
  const ordinal = PENULTIMATE_WORDS.test(s) ? -2 : s.split(/[^a-z0-9]+/).map((w) => (LAST_WORDS.test(w) ? -1 : ORDINAL_WORDS[w])).find((n) => n !== undefined);
  if (ordinal !== undefined && actions.length && (DETAIL.test(s) || own.length <= 2)) {
    const id = ordinal < 0 ? actions.at(ordinal) : actions[ordinal - 1];
    if (id) return { text: actionQuestion(id, corpus), followUp: { kind: "ordinal", from: id }, lang: carriedLang };
  }
  // "l'action suivante", "the next one": the neighbour of the first action cited.
  const step = NEXT.test(s) ? 1 : PREVIOUS.test(s) ? -1 : 0;
  if (step && actions.length && own.length <= 3) {
    const { document, action } = parseCitationId(actions[0]!);
    const doc = corpus.documents.find((d) => d.id === document);
    const n = action! + step;
    if (doc?.actions.some((a) => a.number === n)) {
      return { text: actionQuestion(`${document}#action-${n}`, corpus), followUp: { kind: step > 0 ? "next" : "previous", from: actions[0]! }, lang: carriedLang };
    }
  }

  if (!lastUser) return standalone;
  const named = resolveDocuments(s, corpus).documents;
  const short = own.length <= 1 || CONTINUES.test(s);
  if (!short) return standalone;
  if (named.length && own.length === 0) {
    // "et en 2019 ?": the same question, with this document or period instead.
    const previous = lastUser.text.replace(/\b(19|20)\d{2}(\s*-\s*(19|20)\d{2})?\b/g, "").replace(/\s+/g, " ").trim();
    return {
      text: `${previous.replace(/\s*[?？]\s*$/, "")} ${question.replace(/^\s*(et|and)\s+/i, "").trim()}`,
      followUp: { kind: "document", from: lastUser.text },
      lang: carriedLang,
    };
  }
  return { text: `${lastUser.text.replace(/\s*[?？]\s*$/, "")} — ${question}`, followUp: { kind: "subject", from: lastUser.text }, lang: carriedLang };
}

function actionQuestion(id: string, corpus: Corpus): string {
  const { document, action } = parseCitationId(id);
  const doc = corpus.documents.find((d) => d.id === document);
  return `action ${action} ${doc ? periodOf(doc) : ""}`.trim();
}
