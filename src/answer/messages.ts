import { periodOf } from "../corpus/chunk.js";
import { pluralOf, type AttributeKind } from "../language/lexicon.js";
import { actionId, type Corpus } from "../corpus/schema.js";
import { roadmapsByRecency } from "../understanding/corpus-tables.js";
import { detectLanguage } from "../understanding/language.js";
import type { Lang } from "../understanding/schema.js";

/** What the assistant covers, read from the manifest so a new document shows up everywhere. */
export function coverage(corpus: Corpus, lang: Lang): string {
  const docs = corpus.documents.map((d) => d.label);
  const list = docs.length > 1 ? `${docs.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "et"} ${docs.at(-1)}` : docs[0] ?? "";
  return lang === "en"
    ? `I answer from France's digital-health roadmaps and related texts: ${list}.`
    : `Je réponds à partir des feuilles de route du numérique en santé et des textes associés : ${list}.`;
}

/** What a help text shows, in this corpus's own words, for every surface to phrase its own way. */
export interface HelpExamples {
  /** Everyday questions: from the curated enrichment, the first reviewed correspondence, the roadmaps' periods. */
  questions: string[];
  /** Direct references in the corpus's numbering and group names, from the most precise to the broadest. */
  references: string[];
  /** Follow-ups a thread understands, naming another roadmap's period. */
  followUps: string[];
}

export function helpExamples(corpus: Corpus, lang: Lang): HelpExamples {
  return { questions: exampleQuestions(corpus, lang), references: directReferences(corpus, lang), followUps: followUps(corpus, lang) };
}

/**
 * Example questions, taken from the corpus so they always name what it holds: an everyday
 * question from the curated enrichment, a comparison from the first reviewed correspondence.
 */
function exampleQuestions(corpus: Corpus, lang: Lang): string[] {
  const [latest, older] = roadmapsByRecency(corpus);
  const picks: string[] = [];
  if (latest) {
    const questions = latest.actions.flatMap((a) => corpus.enrichment.actions[actionId(latest.id, a.number)]?.questions ?? []);
    const everyday = questions.find((q) => detectLanguage(q) === lang);
    if (everyday) picks.push(everyday);
  }
  const link = corpus.correspondences[0]?.links.find((l) => l.strength === "direct");
  const from = corpus.documents.find((d) => d.id === corpus.correspondences[0]?.from);
  if (link && from) {
    picks.push(lang === "en" ? `what became of ${link.topic_en ?? link.topic} since ${periodOf(from)}?` : `qu'est devenu ${link.topic} depuis ${periodOf(from)} ?`);
  }
  if (older) picks.push(lang === "en" ? `how many actions in ${periodOf(older)}?` : `combien d'actions en ${periodOf(older)} ?`);
  return picks;
}

export function examples(corpus: Corpus, lang: Lang): string {
  const picks = exampleQuestions(corpus, lang);
  if (!picks.length) return "";
  return lang === "en" ? `For example: ${picks.map((q) => `"${q}"`).join(", ")}.` : `Par exemple : ${picks.map((q) => `« ${q} »`).join(", ")}.`;
}

/** Direct references the assistant understands, in this corpus's own numbering and names. */
function directReferences(corpus: Corpus, lang: Lang): string[] {
  const [latest, older] = roadmapsByRecency(corpus);
  if (!latest) return [];
  const lastGroup = latest.groups.at(-1);
  const refs = [`action ${lastGroup?.actions[0] ?? latest.actions[0]?.number ?? 1}`];
  if (older?.actions.length) refs.push(`${periodOf(older)} action ${older.actions[Math.floor(older.actions.length / 2)]!.number}`);
  if (latest.groupName) {
    const name = lang === "en" ? (latest.groupNameEn ?? latest.groupName) : latest.groupName;
    refs.push(lang === "en" ? `the ${pluralOf(name)} of ${periodOf(latest)}` : `les ${pluralOf(name)} de ${periodOf(latest)}`);
  }
  return refs;
}

function references(corpus: Corpus, lang: Lang): string {
  const refs = directReferences(corpus, lang);
  if (!refs.length) return "";
  return lang === "en"
    ? `You can also ask ${refs.map((r) => `"${r}"`).join(", ")}.`
    : `Vous pouvez aussi demander ${refs.map((r) => `« ${r} »`).join(", ")}.`;
}

/** "et en 2019 ?" after a question on the latest roadmap: the same question, asked of an older one. */
function followUps(corpus: Corpus, lang: Lang): string[] {
  const older = roadmapsByRecency(corpus)[1];
  if (!older) return [];
  return [lang === "en" ? `and in ${periodOf(older)}?` : `et en ${periodOf(older)} ?`];
}

export function notFound(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I found nothing on this in the texts I cover, so I would rather not guess. ${coverage(corpus, lang)} ${examples(corpus, lang)}`
    : `Je ne trouve rien sur ce sujet dans les textes que je couvre, et je préfère ne pas deviner. ${coverage(corpus, lang)} ${examples(corpus, lang)}`;
}

export function medicalAdviceRefusal(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I do not give personal medical advice: for your own situation, please ask your doctor or another health professional. ${coverage(corpus, lang)}`
    : `Je ne donne pas de conseil médical personnel : pour votre situation, parlez-en à votre médecin ou à un professionnel de santé. ${coverage(corpus, lang)}`;
}

export function injectionRefusal(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I cannot change how I work: I only answer from the roadmap texts, with a source for each statement, and I do not disclose my configuration. ${coverage(corpus, lang)}`
    : `Je ne peux pas changer ma façon de répondre : je m'appuie uniquement sur les textes des feuilles de route, avec une source pour chaque affirmation, et je ne communique pas ma configuration. ${coverage(corpus, lang)}`;
}

export function help(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `${coverage(corpus, lang)} Ask a question in plain words; every answer cites the exact action. ${examples(corpus, lang)} ${references(corpus, lang)}`
    : `${coverage(corpus, lang)} Posez votre question avec vos mots : chaque réponse cite l'action exacte. ${examples(corpus, lang)} ${references(corpus, lang)}`;
}

const DETAIL_FR = {
  figure: "ce chiffre (montant, nombre ou tarif)",
  date: "de date ni d'échéance",
  person: "de nom de personne ni de responsable",
  reason: "de raison explicite",
} as const;
const DETAIL_EN = { figure: "this figure (amount, number or price)", date: "any date or deadline", person: "who leads it", reason: "an explicit reason" } as const;
export type Detail = keyof typeof DETAIL_FR;

export function detailMissing(detail: Detail, lang: Lang): string {
  return lang === "en"
    ? `The texts do not give ${DETAIL_EN[detail]} for this; here is what they do say:`
    : `Les textes ne donnent pas ${DETAIL_FR[detail]} sur ce point ; voici ce qu'ils prévoient :`;
}

/** Texts that say nothing of the topic, and the one that does, whose passage follows. */
export function silentOn(silent: readonly string[], spoken: string, corpus: Corpus, lang: Lang): string {
  const label = (id: string) => {
    const name = corpus.documents.find((d) => d.id === id)?.label ?? id;
    return lang === "en" ? `"${name}"` : `« ${name} »`;
  };
  const several = silent.length > 1;
  const quiet = silent.map(label).join(lang === "en" ? " and " : " et ");
  return lang === "en"
    ? `${quiet} ${several ? "say" : "says"} nothing of it; ${label(spoken)} does:`
    : `${quiet} n'en ${several ? "parlent" : "parle"} pas ; ${label(spoken)} en parle :`;
}

/**
 * Between an answer and a refusal the decision is unsure, not sure of a "no": the closest passage
 * is given as an answer to check, and said to be one.
 */
export function noDirectAnswer(lang: Lang): string {
  return lang === "en"
    ? "I am not sure the texts I cover answer this directly. The closest passage, to check:"
    : "Je ne suis pas sûr que les textes que je couvre répondent directement à cette question. Le passage le plus proche, à vérifier :";
}

/** After a refusal of a question on a topic the texts touch: where to look. */
export function closestText(lang: Lang): string {
  return lang === "en" ? "The closest text, which does not answer the question:" : "Le texte le plus proche, qui ne répond pas à la question :";
}

export function writingRefusal(corpus: Corpus, lang: Lang): string {
  return lang === "en"
    ? `I only answer questions from the texts, with their sources; I do not write other texts (letters, poems, code). ${coverage(corpus, lang)}`
    : `Je réponds seulement aux questions sur les textes, sources à l'appui ; je ne rédige pas d'autres textes (courriers, poèmes, code). ${coverage(corpus, lang)}`;
}

/** A plan the corpus does not hold: another country or region, another period. */
export function elsewhereRefusal(places: readonly string[], corpus: Corpus, lang: Lang): string {
  const what = places.join(", ");
  return lang === "en"
    ? `The texts I cover do not include that plan (${what}), so I would rather not guess. ${coverage(corpus, lang)}`
    : `Les textes que je couvre ne comprennent pas ce plan (${what}), et je préfère ne pas deviner. ${coverage(corpus, lang)}`;
}

/** A figure was asked and the closest text has none: say so rather than guess, and show what is closest. */
export function figureMissing(lang: Lang): string {
  return lang === "en"
    ? "The texts I cover do not give this figure, and I would rather not guess. The closest passage:"
    : "Les textes que je couvre ne donnent pas ce chiffre, et je préfère ne pas deviner. Le passage le plus proche :";
}

/** A count read from a list: how many items, and the list itself. */
export function listedCount(n: number, label: string, list: string, lang: Lang): string {
  return lang === "en" ? `${label} lists ${n}: « ${list} »` : `${label} en énumère ${n} : « ${list} »`;
}

/** A figure asked "to date" where the texts give only a target or a plan. */
export function figureTargetOnly(lang: Lang): string {
  return lang === "en"
    ? "The texts I cover do not give this figure to date, and I would rather not guess. What they give, to check:"
    : "Les textes que je couvre ne donnent pas ce chiffre à ce jour, et je préfère ne pas deviner. Ce qu'ils donnent, à vérifier :";
}

const ATTRIBUTE_FR: Readonly<Record<AttributeKind, string>> = {
  contact: "de coordonnées (adresse, téléphone, site)",
  career: "ce renseignement sur les personnes",
  pay: "de salaire ni de rémunération chiffrée",
  price: "de prix ni de tarif",
  legal: "de sanction ni de cadre juridique",
  vendor: "le nom d'un éditeur ou d'un prestataire",
  status: "d'état d'avancement à ce jour",
  officeholder: "le nom de la personne qui occupe ce poste",
  weather: "de météo",
  schedule: "le calendrier de ses prochaines réunions ou éditions",
  frequency: "de fréquence ni de périodicité",
  membership: "la liste de ses membres",
  procedure: "de démarche pas à pas",
  deadline: "de date limite",
  eligibility: "de critères d'éligibilité",
  errand: "d'informations pratiques de ce genre (déplacements, repas, matériel, congés)",
};
const ATTRIBUTE_EN: Readonly<Record<AttributeKind, string>> = {
  contact: "contact details (address, phone, website)",
  career: "this information about people",
  pay: "any salary or pay figure",
  price: "any price",
  legal: "any penalty or legal framework",
  vendor: "the name of a vendor or supplier",
  status: "any progress to date",
  officeholder: "who holds this office",
  weather: "the weather",
  schedule: "the dates of its next meetings or editions",
  frequency: "how often it must be done",
  membership: "the list of its members",
  procedure: "a step-by-step procedure",
  deadline: "any deadline",
  eligibility: "any eligibility criteria",
  errand: "practical information of this kind (travel, meals, equipment, leave)",
};

/** A kind of information was asked that the closest text does not give: say so, and show that text. */
export function attributeMissing(kinds: readonly string[], lang: Lang): string {
  // Every kind has its words in both languages (the tables are typed by the lexicon's kinds).
  const what = kinds.map((k) => (lang === "en" ? ATTRIBUTE_EN : ATTRIBUTE_FR)[k as AttributeKind]).join(lang === "en" ? ", nor " : ", ni ");
  return lang === "en"
    ? `The texts I cover do not give ${what}, and I would rather not guess. The closest passage:`
    : `Les textes que je couvre ne donnent pas ${what}, et je préfère ne pas deviner. Le passage le plus proche :`;
}
