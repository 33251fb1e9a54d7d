import type { Corpus } from "../../corpus/schema.js";
import { terms, words } from "../../language/french.js";
import type { Lang } from "../../understanding/schema.js";

/** Why a statement is not backed by the excerpts it cites. */
export type Unsupported = "number" | "name" | "negation" | "words";

/** Of a statement's content words, the share its excerpts must hold: "mostly", a paraphrase's own verbs allowed. */
export const MIN_SUPPORTED_WORDS = 0.6;

/**
 * Words that say where a statement comes from rather than what it claims ("la feuille de route
 * prévoit…", "l'action 14 vise…"): the excerpts' labels hold some of them, so they would back
 * any statement at all, and a claim is judged on its other words.
 */
const FRAMING_WORDS =
  "feuille route action actions mesure mesures document texte stratégie plan prévoit prévoir prévu prévue vise viser porte porter concerne concerner mentionne mentionner indique indiquer évoque évoquer propose proposer souhaite souhaiter inscrit inscrite inscrire figure figurer apparaît apparaître traite traiter aborde aborder objectif objectifs notamment également ainsi cadre dont aussi agit s'agit parle parler roadmap measure aims plans provides mentions says";

/** The framing words, with what this corpus's structure files call their groups ("l'axe 2 prévoit…"): labels hold those too. */
export function framingTerms(corpus: Pick<Corpus, "documents">): ReadonlySet<string> {
  const groupNames = corpus.documents.flatMap((d) => [d.groupName, d.groupNameEn]).filter((n) => n !== null);
  return new Set(terms([FRAMING_WORDS, ...groupNames].join(" ")));
}

const STEM_PREFIX = 5;

/** Negation words: a statement that denies must be backed by an excerpt that does too. */
const NEGATIONS = new Set(["pas", "jamais", "aucun", "aucune", "nullement", "not", "never", "none", "no"]);

/** Numbers as digits, thousands separators removed and decimal commas made points: "18 000" and "18000" meet. */
export function numbersOf(text: string): string[] {
  return [...text.matchAll(/\d+(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?/g)].map((m) => m[0].replace(/[ \u00a0\u202f.]/g, "").replace(",", "."));
}

/**
 * Names a statement states: acronyms (DMP, ApCV, MSSanté) and capitalised words after its first
 * word (Bretagne, Ségur). A name the excerpts do not hold was brought in from elsewhere.
 */
export function namesOf(text: string): string[] {
  const out: string[] = [];
  const tokens = text.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  tokens.forEach((raw, i) => {
    const token = raw.replace(/^[ldjmnstc]['’]/i, "").replace(/^qu['’]/i, "");
    const acronym = /^\p{Lu}[\p{L}\p{N}]*\p{Lu}/u.test(token);
    const capitalised = /^\p{Lu}\p{Ll}/u.test(token) && i > 0;
    if (acronym || capitalised) out.push(...words(token));
  });
  return out;
}

export interface Support {
  supported: boolean;
  reasons: Unsupported[];
}

/**
 * Whether a statement says what the excerpts it cites say: every number and every name in it
 * appears in them, a negation appears in them too, and most of its content words (framing words
 * aside: framingTerms) are theirs. The model answers in English from French excerpts, so an English statement is
 * held to its numbers, names and negations only: its words cannot be matched to French ones.
 */
export function statementSupport(statement: string, cited: readonly string[], lang: Lang, framing: ReadonlySet<string>): Support {
  const source = cited.join("\n");
  const reasons: Unsupported[] = [];
  const sourceNumbers = new Set(numbersOf(source));
  if (numbersOf(statement).some((n) => !sourceNumbers.has(n))) reasons.push("number");
  const sourceWords = new Set(words(source));
  if (namesOf(statement).some((w) => !sourceWords.has(w))) reasons.push("name");
  const said = words(statement);
  if (said.some((w) => NEGATIONS.has(w) && !sourceWords.has(w))) reasons.push("negation");
  if (lang === "fr") {
    const sourceTerms = terms(source);
    // Stems of one word differ with its ending ("diffusée" → diffuse, "diffuser" → diffus): a word
    // is backed by one sharing its first five letters.
    const sourceStems = new Set([...sourceTerms, ...sourceTerms.map((t) => t.slice(0, STEM_PREFIX))]);
    const claim = terms(statement).filter((t) => !framing.has(t) && !/^\d+$/.test(t));
    const backed = claim.filter((t) => sourceStems.has(t) || (t.length >= STEM_PREFIX && sourceStems.has(t.slice(0, STEM_PREFIX)))).length;
    if (claim.length && backed / claim.length < MIN_SUPPORTED_WORDS) reasons.push("words");
  }
  return { supported: reasons.length === 0, reasons };
}

/** For logs: a statement's reasons counted, never its text. */
export function countReasons(all: readonly Unsupported[][]): Partial<Record<Unsupported, number>> {
  const counts: Partial<Record<Unsupported, number>> = {};
  for (const reasons of all) for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

