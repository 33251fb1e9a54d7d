import { PLAN_WORD_FORMS } from "../language/lexicon.js";

/**
 * Reads a misspelt word as the nearest corpus word: edit distance 1 for words up to 8 letters,
 * 2 beyond (adjacent swaps count as one edit), or a truncation of 6+ letters ("cybersecu").
 * Most unknown words are sound French the corpus does not use ("devront", "corrections"), so
 * the bar is kept high: a wrong guess adds a misleading word to the query.
 * A typo seldom hits the first letter, while a different word often differs by it ("tarte" is
 * not "carte"): the first letters must agree.
 * Ties go to the word that keeps more of the typo's beginning, then the shorter, then the
 * alphabetically first, so the choice is deterministic.
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | null {
  if (word.length < 5) return null;
  const max = word.length <= 8 ? 1 : 2;
  const prefix = word.length >= 6;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const v of byFirstLetter(vocabulary).get(word[0]!) ?? []) {
    if (Math.abs(v.length - word.length) > max && !(prefix && v.startsWith(word))) continue;
    const d = prefix && v.startsWith(word) ? 0.5 : distance(word, v, max);
    if (d > max) continue;
    if (d < bestDistance || (d === bestDistance && best !== null && closerTie(word, v, best))) {
      best = v;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The question with its mistyped plan words mended ("la feulle de route actuelle"): documents are
 * resolved on plan words, and a typo there loses the plan. Words of the texts stay as written.
 */
export function mendPlanWords(s: string, textWords: ReadonlySet<string>): string {
  return s.replace(/[a-z]{5,}/g, (w) => (textWords.has(w) || PLAN_WORD_FORMS.includes(w) ? w : (closestWord(w, PLAN_WORD_FORMS) ?? w)));
}

/**
 * Of two words as far from a typo, the one that keeps more of its beginning ("accompagnemnt" is
 * "accompagnement", not "accompagnent": a letter dropped late), then the shorter, then the first.
 */
function closerTie(word: string, v: string, best: string): boolean {
  const shared = (a: string) => {
    let i = 0;
    while (i < a.length && i < word.length && a[i] === word[i]) i++;
    return i;
  };
  const sv = shared(v);
  const sb = shared(best);
  if (sv !== sb) return sv > sb;
  return v.length < best.length || (v.length === best.length && v < best);
}

/**
 * The word a word of 6+ letters was cut from ("cybersecu" → "cybersecurite"): the shortest longer
 * word that starts with it, when every such word is a form of one word (`stem`); null otherwise —
 * "fonction" starts "fonctionnaire" and "fonctionnement", so it is no cut word but a word of its own.
 */
export function truncatedFrom(word: string, vocabulary: readonly string[], stem: (w: string) => string): string | null {
  if (word.length < 6) return null;
  const longer = (byFirstLetter(vocabulary).get(word[0]!) ?? []).filter((v) => v.length > word.length && v.startsWith(word));
  if (!longer.length || new Set(longer.map(stem)).size > 1) return null;
  return longer.reduce((best, v) => (v.length < best.length || (v.length === best.length && v < best) ? v : best));
}

const buckets = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * A vocabulary's words by first letter, in its order, built once per vocabulary (the corpus's holds
 * thousands of words, and each question reads a few of them per unknown word).
 */
function byFirstLetter(vocabulary: readonly string[]): Map<string, string[]> {
  let index = buckets.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const v of vocabulary) {
      if (!v) continue;
      const list = index.get(v[0]!);
      if (list) list.push(v);
      else index.set(v[0]!, [v]);
    }
    buckets.set(vocabulary, index);
  }
  return index;
}

/** Optimal string alignment distance, abandoned once it exceeds `max`. */
export function distance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
