import { periodOf } from "../corpus/chunk.js";
import { actionId, type Corpus } from "../corpus/schema.js";
import { detectLanguage, roadmapsByRecency, type Lang } from "../retrieval/query-analysis.js";

/** What the assistant covers, read from the manifest so a new document shows up everywhere. */
export function coverage(corpus: Corpus, lang: Lang): string {
  const docs = corpus.documents.map((d) => d.label);
  const list = docs.length > 1 ? `${docs.slice(0, -1).join(", ")} ${lang === "en" ? "and" : "et"} ${docs.at(-1)}` : docs[0] ?? "";
  return lang === "en"
    ? `I answer from France's digital-health roadmaps and related texts: ${list}.`
    : `Je réponds à partir des feuilles de route du numérique en santé et des textes associés : ${list}.`;
}

/**
 * Example questions, taken from the corpus so they always name what it holds: an everyday
 * question from the curated enrichment, a comparison from the first reviewed correspondence.
 */
export function examples(corpus: Corpus, lang: Lang): string {
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
  if (!picks.length) return "";
  return lang === "en" ? `For example: ${picks.map((q) => `"${q}"`).join(", ")}.` : `Par exemple : ${picks.map((q) => `« ${q} »`).join(", ")}.`;
}

/** Direct references the assistant understands, in this corpus's own numbering and names. */
function references(corpus: Corpus, lang: Lang): string {
  const [latest, older] = roadmapsByRecency(corpus);
  if (!latest) return "";
  const lastGroup = latest.groups.at(-1);
  const refs = [`action ${lastGroup?.actions[0] ?? latest.actions[0]?.number ?? 1}`];
  if (older?.actions.length) refs.push(`${periodOf(older)} action ${older.actions[Math.floor(older.actions.length / 2)]!.number}`);
  if (latest.groupName) {
    const name = lang === "en" ? (latest.groupNameEn ?? latest.groupName) : latest.groupName;
    refs.push(lang === "en" ? `the ${name}s of ${periodOf(latest)}` : `les ${name}s de ${periodOf(latest)}`);
  }
  return lang === "en"
    ? `You can also ask ${refs.map((r) => `"${r}"`).join(", ")}.`
    : `Vous pouvez aussi demander ${refs.map((r) => `« ${r} »`).join(", ")}.`;
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
