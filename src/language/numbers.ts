import { NUMBER_WORDS } from "./lexicon.js";
import { simplify } from "./french.js";

export interface NumberMention {
  value: number;
  /** The words or digits as they stand in the simplified text. */
  text: string;
  /** True when written in words ("quatre actions", "vingt-six"). */
  words: boolean;
  /** A year (1900–2099 written in digits), which counts as a date rather than a figure. */
  year: boolean;
}

const DIGITS = /(?<![\p{L}\d])(\d{1,3}(?:[  .]\d{3})+|\d+)(?:[,.](\d+))?(?![\p{L}\d])/gu;

/**
 * Numbers in a text, in digits ("10 000", "1,4") or in words ("deux fois par an", "vingt-six",
 * "dix mille", "twenty-six"). "un"/"une"/"one" alone are articles, not figures.
 */
export function numbersIn(text: string): NumberMention[] {
  const s = simplify(text);
  const out: NumberMention[] = [];
  for (const m of s.matchAll(DIGITS)) {
    const whole = Number(m[1]!.replace(/[  .]/g, ""));
    const value = m[2] ? Number(`${whole}.${m[2]}`) : whole;
    out.push({ value, text: m[0], words: false, year: !m[2] && /^(19|20)\d{2}$/.test(m[1]!) });
  }
  const tokens = [...s.matchAll(/[a-z]+/g)];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    const run: string[] = [];
    while (j < tokens.length) {
      const w = tokens[j]![0];
      if (w in NUMBER_WORDS) run.push(w);
      else if ((w === "et" || w === "and") && run.length && j + 1 < tokens.length && tokens[j + 1]![0] in NUMBER_WORDS) run.push(w);
      else break;
      // Only words joined by a space or a hyphen make one number.
      const gap = j + 1 < tokens.length ? s.slice(tokens[j]!.index! + w.length, tokens[j + 1]!.index!) : "";
      j++;
      if (!/^[\s-]*$/.test(gap) || gap.length > 2) break;
    }
    const numeric = run.filter((w) => w !== "et" && w !== "and");
    if (numeric.length && !(numeric.length === 1 && /^(un|une|one)$/.test(numeric[0]!))) {
      const start = tokens[i]!.index!;
      const last = tokens[i + run.length - 1]!;
      out.push({ value: valueOf(numeric), text: s.slice(start, last.index! + last[0].length), words: true, year: false });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

/** French and English number words to a value: "quatre vingt dix" 90, "deux mille" 2000. */
export function valueOf(words: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const w of words) {
    const v = NUMBER_WORDS[w]!;
    if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else if (v === 100) {
      current = (current || 1) * 100;
    } else if (w === "vingt" && current > 0 && current < 10) {
      current *= 20;
    } else {
      current += v;
    }
  }
  return total + current;
}

/** A figure that is not a year: what a "combien" question needs a passage to hold. */
export function holdsFigure(text: string): boolean {
  return numbersIn(text).some((n) => !n.year);
}
