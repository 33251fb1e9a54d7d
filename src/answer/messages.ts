import type { Corpus } from "../corpus/schema.js";
import type { Lang } from "../retrieval/query-analysis.js";

/** What the assistant covers, read from the manifest so a new document shows up everywhere. */
export function coverage(corpus: Corpus, lang: Lang): string {
  const docs = corpus.documents.map((d) => d.label);
  const list = docs.length > 1 ? `${docs.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "et"} ${docs.at(-1)}` : docs[0] ?? "";
  return lang === "en"
    ? `I answer from France's digital-health roadmaps and related texts: ${list}.`
    : `Je réponds à partir des feuilles de route du numérique en santé et des textes associés : ${list}.`;
}

export function examples(lang: Lang): string {
  return lang === "en"
    ? `For example: "which action covers hospital cybersecurity?", "what is ApCV?", "what became of e-parcours since 2019?"`
    : `Par exemple : « quelle action parle de la cybersécurité des établissements ? », « c'est quoi l'ApCV ? », « qu'est devenu e-parcours depuis 2019 ? »`;
}

export function notFound(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I found nothing on this in the texts I cover, so I would rather not guess. ${coverage(corpus, lang)} ${examples(lang)}`
    : `Je ne trouve rien sur ce sujet dans les textes que je couvre, et je préfère ne pas deviner. ${coverage(corpus, lang)} ${examples(lang)}`;
}

export function injectionRefusal(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I cannot change how I work: I only answer from the roadmap texts, with a source for each statement, and I do not disclose my configuration. ${coverage(corpus, lang)}`
    : `Je ne peux pas changer ma façon de répondre : je m'appuie uniquement sur les textes des feuilles de route, avec une source pour chaque affirmation, et je ne communique pas ma configuration. ${coverage(corpus, lang)}`;
}

export function help(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `${coverage(corpus, lang)} Ask a question in plain words; every answer cites the exact action. ${examples(lang)} You can also ask "action 14", "2019 action 12", "the axes of 2023-2027" or "how many actions in 2019".`
    : `${coverage(corpus, lang)} Posez votre question avec vos mots : chaque réponse cite l'action exacte. ${examples(lang)} Vous pouvez aussi demander « action 14 », « 2019 action 12 », « les axes de 2023-2027 » ou « combien d'actions en 2019 ».`;
}

const DETAIL_FR = { figure: "ce chiffre (montant, nombre ou tarif)", deadline: "de date ni d'échéance", owner: "de pilote ni de responsable" } as const;
const DETAIL_EN = { figure: "this figure (amount, number or price)", deadline: "any date or deadline", owner: "who leads it" } as const;

export function detailMissing(detail: keyof typeof DETAIL_FR, lang: Lang): string {
  return lang === "en"
    ? `The texts do not give ${DETAIL_EN[detail]} for this; here is what they do say:`
    : `Les textes ne donnent pas ${DETAIL_FR[detail]} sur ce point ; voici ce qu'ils prévoient :`;
}

/** A figure was asked and the closest text has none: say so rather than guess, and show what is closest. */
export function figureMissing(lang: Lang): string {
  return lang === "en"
    ? "The texts I cover do not give this figure, and I would rather not guess. The closest passage:"
    : "Les textes que je couvre ne donnent pas ce chiffre, et je préfère ne pas deviner. Le passage le plus proche :";
}
