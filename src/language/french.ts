import { createHash } from "node:crypto";
import { stemmer } from "@orama/stemmers/french";
import { stopwords as frenchStopwords } from "@orama/stopwords/french";

/**
 * French text normalisation shared by the keyword index, the embedded embedder and the query
 * analyser: all three must see the same terms, or a question never meets its answer.
 * Pipeline: NFKC → lowercase → ’ to ' → œ/æ → strip elision → fold accents → stem.
 * Folding happens before stemming so that "cybersecurite" (typed without accents) and
 * "cybersécurité" give the same stem.
 */

const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)'/;
/** English contractions and possessives end a word: "who'll", "they're", "doesn't", "France's" are "who", "they", "does", "France". */
const ENGLISH_CONTRACTION = /(?<=[a-z])(?:'(?:ll|re|ve|d|m|s)|n't)$/;

/** Question words and filler that carry no topic, in French and English. */
const EXTRA_STOPWORDS = [
  "quoi", "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "combien", "quand", "ou", "où",
  "est-ce", "estce", "questce", "cest", "ca", "ça", "cela", "ceci", "dit", "dire", "parle", "parlent", "concerne", "concernent",
  "sont", "fait", "faire", "font", "y", "a", "il", "ya", "peux", "peut", "pouvez", "veux", "voudrais",
  "savoir", "sais", "dis", "moi", "stp", "svp", "merci", "bonjour", "hello", "salut", "rien", "tout",
  "tous", "toutes", "toute", "plus", "moins", "tres", "très", "aussi", "alors", "donc", "bien", "chose",
  "k", "koi", "qd", "pr", "ds", "pk", "pq", "cad", "etc", "entre", "depuis", "puis", "apres", "après",
  "avant", "vers", "chez", "encore", "deja", "déjà", "quelque", "quelques",
  "elles", "celui", "celle", "ceux", "celles", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "duquel",
  "auquel", "auxquels", "auxquelles", "chaque", "plusieurs", "certains", "certaines", "aucun", "aucune", "tel",
  "telle", "tels", "telles", "ainsi", "car", "ni", "lorsque", "puisque", "parce", "selon", "jusque", "parmi", "afin",
  "voici", "voila",
  "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were", "be", "been",
  "what", "which", "who", "whom", "how", "why", "when", "where", "does", "do", "did", "about", "with",
  "this", "that", "these", "those", "it", "its", "there", "their", "they", "from", "by", "as", "at",
  "can", "could", "would", "should", "will", "say", "says", "said", "tell", "me", "please", "any",
  "some", "all", "into", "than", "then", "also", "has", "have", "had", "i", "we", "you", "our", "your",
  "my", "his", "her", "him", "them", "us", "if", "so", "not", "no", "yes", "only", "just", "very", "really", "actually",
  "here", "being", "get", "gets", "got", "going", "gonna", "want", "wants", "wanted", "more", "most", "much", "many",
  "other", "another", "such", "same", "own", "each", "every", "ever", "like", "way", "lot", "lots", "kind", "sort",
  "wo", "ain",
];

/** Characters normalisation leaves as they are: ASCII, but for "^" and "`", which count as diacritics. */
const NOTHING_TO_FOLD = /^[\x00-\x5d\x5f\x61-\x7f]*$/;

export function fold(text: string): string {
  // Most words and many texts are plain ASCII: the two normalisations would copy them unchanged.
  if (NOTHING_TO_FOLD.test(text)) return text;
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").normalize("NFC");
}

/** Lowercase, unify apostrophes and ligatures, keep accents. */
export function normalize(text: string): string {
  // Apostrophes first: NFKC turns "´" into a space and a combining accent.
  return text
    .replace(/[’ʼ`´‘]/g, "'")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/** Lowercase, accent-free text: the form used to compare words and phrases. */
export function simplify(text: string): string {
  return fold(normalize(text));
}

const STOPWORDS = new Set(
  [...frenchStopwords, ...EXTRA_STOPWORDS].filter((w) => w.length > 0).map((w) => simplify(w)),
);

/**
 * What both indexes depend on in the reading of words: an index saved under another list of
 * stopwords stores terms the questions no longer produce, and is rebuilt.
 */
export const ANALYSIS_ID = createHash("sha256").update(`snowball-fr\n${ENGLISH_CONTRACTION.source}\n${[...STOPWORDS].sort().join("\n")}`).digest("hex").slice(0, 12);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Splits text into simplified word tokens. Elisions are stripped ("l'ApCV" → "apcv"); a
 * hyphenated or apostrophised compound yields the joined form and its parts, so "e-parcours",
 * "eparcours" and "e parcours" meet, and so do "HOP'EN" and "hopen".
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const raw of simplify(text).split(/[^\p{L}\p{N}'-]+/u)) {
    // Most tokens hold no apostrophe or hyphen: nothing to strip or split.
    if (!raw.includes("'") && !raw.includes("-")) {
      if (raw) out.push(raw);
      continue;
    }
    const token = bare(raw);
    if (!token) continue;
    if (/['-]/.test(token)) {
      const parts = token.split(/['-]+/).filter((p) => p.length > 0);
      out.push(parts.join(""));
      for (const part of parts) if (part.length > 1) out.push(part);
    } else {
      out.push(token);
    }
  }
  return out;
}

/** A token without its outer marks, its elision ("l'", "qu'") and its English contraction ("'ll", "n't", "'s"). */
function bare(raw: string): string {
  return raw.replace(/^['-]+|['-]+$/g, "").replace(ELISION, "").replace(ENGLISH_CONTRACTION, "");
}

/** The hyphenated or apostrophised compounds of a text, joined as `words` joins them, with their parts. */
export function compounds(text: string): { joined: string; parts: string[] }[] {
  const out: { joined: string; parts: string[] }[] = [];
  for (const raw of simplify(text).split(/[^\p{L}\p{N}'-]+/u)) {
    const token = bare(raw);
    if (!/['-]/.test(token)) continue;
    const parts = token.split(/['-]+/).filter((p) => p.length > 0);
    out.push({ joined: parts.join(""), parts: parts.filter((p) => p.length > 1) });
  }
  return out;
}

const stemCache = new Map<string, string>();

export function stem(word: string): string {
  if (/\d/.test(word)) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

/** Content terms: simplified, stopwords removed, stemmed. What both indexes store. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isStopword(w)) continue;
    if (w.length < 2 && !/\d/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}
