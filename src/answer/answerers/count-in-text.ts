import { stem, words } from "../../language/french.js";
import { findFigures, isYear } from "../../language/figures.js";
import { ACTION_WORDS, MEASURE_WORDS } from "../../language/lexicon.js";
import { anyGroupWord } from "../../understanding/corpus-tables.js";
import { bestSentences } from "../compose/extractive.js";
import { answered, type Answerer, type Understood } from "./answerer.js";

/** How many words may stand between a figure and the unit it counts: "cinq grands axes". */
const GAP = 2;

/**
 * "Combien d'axes et d'actions dans la stratégie de <région> ?" about a prose document, which has
 * no structure file: the sentences of its own text that count those units ("Ces cinq axes
 * regroupent 24 actions"), figures in words or digits.
 */
export const countInText: Answerer<Understood> = ({ u, corpus, out }) => {
  if (u.intent !== "figure") return null;
  const named = u.references.documents.map((r) => corpus.documents.find((d) => d.id === r.id)!).filter((d) => d && d.kind === "prose");
  if (named.length !== 1 || u.references.documents.length !== 1) return null;
  const doc = named[0]!;
  const groupWord = anyGroupWord(corpus);
  const units = new Set(words(u.text).filter((w) => ACTION_WORDS.test(w) || MEASURE_WORDS.test(w) || groupWord.test(w)).map(stem));
  // Nothing else asked than the units counted (about a prose text they are its subject words too).
  if (!units.size || u.terms.subject.some((t) => !units.has(t))) return null;
  const counting = (text: string) =>
    findFigures(text).some((f) => {
      if (isYear(f)) return false;
      const after = words(text.slice(f.end)).slice(0, GAP + 1).map(stem);
      return after.some((w) => units.has(w));
    });
  const passages = doc.passages.filter((p) => counting(p.text));
  if (!passages.length) return null;
  const n = out.cite(doc.id);
  for (const p of passages.slice(0, 2)) {
    const sentences = p.text.match(/[^.!?\n]+(?:[.!?]+|$)/g)?.map((s) => s.trim()).filter((s) => counting(s)) ?? [];
    const text = sentences.length ? sentences.join(" … ") : bestSentences(p.text, u.text);
    out.say(`${doc.label}${u.lang === "en" ? ":" : " :"} « ${text} »`, n);
  }
  return answered("search");
};
