import { simplify } from "../language/french.js";
import { ENGLISH_MARKERS, FRENCH_MARKERS } from "../language/lexicon.js";
import type { Lang } from "./schema.js";

const EN = new Set(ENGLISH_MARKERS);
const FR = new Set(FRENCH_MARKERS);

/** The markers of each language a question holds. */
export function languageMarkers(question: string): { en: number; fr: number } {
  const tokens = simplify(question).split(/[^a-z0-9]+/).filter(Boolean);
  let en = 0;
  let fr = 0;
  for (const t of tokens) {
    if (EN.has(t)) en++;
    if (FR.has(t)) fr++;
  }
  return { en, fr };
}

/** English when English function words clearly outnumber French ones. */
export function detectLanguage(question: string): Lang {
  const { en, fr } = languageMarkers(question);
  return en > fr ? "en" : "fr";
}
