import { fold } from "./french.js";
import { NUMBER_CONNECTORS as CONNECTORS, NUMBER_HUNDRED as HUNDRED, NUMBER_SCALES as SCALES, NUMBER_UNITS as UNITS, NUMBER_WORDS_ALONE_NOT_FIGURES as ALONE_IS_NOT_A_FIGURE, NEUF_AS_NEW_AFTER } from "./lexicon.js";

/** A figure found in a text: its value and where it stands (`text.slice(start, end)`). */
export interface Figure {
  value: number;
  start: number;
  end: number;
  text: string;
  /** "digits" for "2 milliards", "10 000", "1,4"; "words" for "deux", "dix mille", "vingt-six". */
  written: "digits" | "words";
}

const WORD = /[\p{L}]+/gu;
// Digits, with French thousands groups ("10 000", also with no-break spaces) and a decimal part
// ("1,4", "3.8"); a scale word may follow ("2 milliards", "600 millions").
const DIGITS = /(?<![\p{L}\p{N}])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\p{N}])(?:[.,]\d+)?|(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?(?![\p{N}])/gu;
const SCALE_AFTER = /^[ \u00a0\u202f]+([\p{L}]+)/u;

interface Token {
  word: string;
  start: number;
  end: number;
}

function numberWord(word: string): boolean {
  return word in UNITS || HUNDRED.has(word) || word in SCALES;
}

/**
 * Every figure of a text, in order: numbers in digits (with their scale word: "1,4 milliard" is
 * 1 400 000 000) and numbers written in French or English words ("deux fois par an" → 2, "dix
 * mille" → 10 000, "vingt-six" → 26, "quatre-vingt-dix" → 90, "twenty-six" → 26). Pure: no
 * locale, no I/O. "un", "une" and "one" alone are not figures; "neuf" after "à", "de", "tout"
 * means "new".
 */
export function findFigures(text: string): Figure[] {
  const figures = [...digitFigures(text), ...wordFigures(text)];
  return figures.sort((a, b) => a.start - b.start);
}

function digitFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const start = m.index;
    let end = start + m[0].length;
    let value = Number(m[0].replace(/[ \u00a0\u202f]/g, "").replace(",", "."));
    const scale = SCALE_AFTER.exec(text.slice(end));
    const factor = scale ? SCALES[fold(scale[1]!.toLowerCase())] : undefined;
    if (scale && factor) {
      value *= factor;
      end += scale[0].length;
    }
    out.push({ value: round(value), start, end, text: text.slice(start, end), written: "digits" });
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function wordFigures(text: string): Figure[] {
  const tokens: Token[] = [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0].toLowerCase()), start: m.index, end: m.index + m[0].length }));
  const out: Figure[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!numberWord(tokens[i]!.word) || !startsFigure(tokens, i, text)) {
      i++;
      continue;
    }
    // The longest run of number words joined by spaces or hyphens, with "et"/"and" inside it.
    let last = i;
    for (let k = i + 1; k < tokens.length && joined(text, tokens[k - 1]!, tokens[k]!); k++) {
      const w = tokens[k]!.word;
      if (numberWord(w) && !separateNumbers(tokens[k - 1]!.word, w)) last = k;
      else if (!(CONNECTORS.has(w) && tokens[k + 1] && numberWord(tokens[k + 1]!.word) && joined(text, tokens[k]!, tokens[k + 1]!))) break;
    }
    const run = tokens.slice(i, last + 1).map((t) => t.word).filter((w) => !CONNECTORS.has(w));
    const value = valueOf(run);
    const start = tokens[i]!.start;
    const end = tokens[last]!.end;
    if (value !== null && !(run.length === 1 && ALONE_IS_NOT_A_FIGURE.has(run[0]!))) {
      out.push({ value, start, end, text: text.slice(start, end), written: "words" });
    }
    i = last + 1;
  }
  return out;
}

/** A number word that follows digits ("2 milliards") is part of that figure; "neuf" may mean "new". */
function startsFigure(tokens: Token[], i: number, text: string): boolean {
  const t = tokens[i]!;
  if (t.word in SCALES && /\d[ \u00a0\u202f]*$/u.test(text.slice(0, t.start))) return false;
  if (t.word === "neuf" && i > 0 && NEUF_AS_NEW_AFTER.has(tokens[i - 1]!.word) && joined(text, tokens[i - 1]!, t)) return false;
  return true;
}

/** "deux trois jours" is two numbers (two or three), "dix-sept" and "quatre-vingts" are one. */
function separateNumbers(previous: string, word: string): boolean {
  const p = UNITS[previous];
  return p !== undefined && p > 0 && p < 10 && word in UNITS && !(previous === "quatre" && UNITS[word] === 20);
}

/** Two words of one number are separated by spaces or a hyphen only. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^[ \u00a0\u202f]*-?[ \u00a0\u202f]*$/u.test(text.slice(a.end, b.start)) && b.start > a.end;
}

/**
 * The value of a run of number words, read as French and English write them: units and tens
 * add up ("vingt" "six"), "quatre" "vingt" multiplies (80), "cent"/"hundred" multiplies what
 * stands before it, and "mille"/"million"/"milliard" close a group.
 */
function valueOf(run: string[]): number | null {
  let total = 0;
  let current = 0;
  let previous: string | null = null;
  for (const w of run) {
    if (w in UNITS) {
      const v = UNITS[w]!;
      if ((w === "vingt" || w === "vingts") && previous === "quatre") current += 80 - 4;
      else current += v;
    } else if (HUNDRED.has(w)) {
      current = (current || 1) * 100;
    } else {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    }
    previous = w;
  }
  const value = total + current;
  return Number.isFinite(value) ? value : null;
}

/** A year written in four digits (1900–2099): a date rather than a figure. */
export function isYear(f: Figure): boolean {
  return f.written === "digits" && /^(19|20)\d{2}$/.test(f.text);
}

/** A figure that is not a year: what a "combien" question needs a passage to hold. */
export function holdsFigure(text: string): boolean {
  return figureKinds(text).figure;
}

const kindsByLine = new Map<string, { figure: boolean; year: boolean }>();

/**
 * Whether a text holds a figure that is not a year, and a year. No figure spans a line break
 * (digit groups, scale words and number words join by spaces and hyphens only), so a text is read
 * line by line, and each line's reading is kept: the texts read are the corpus's own, quoted again
 * and again in different combinations.
 */
export function figureKinds(text: string): { figure: boolean; year: boolean } {
  let figure = false;
  let year = false;
  for (const line of text.split("\n")) {
    let kinds = kindsByLine.get(line);
    if (!kinds) {
      const figures = findFigures(line);
      kinds = { figure: figures.some((f) => !isYear(f)), year: figures.some(isYear) };
      if (kindsByLine.size < 100_000) kindsByLine.set(line, kinds);
    }
    figure ||= kinds.figure;
    year ||= kinds.year;
  }
  return { figure, year };
}

/** The value of a token that is one number, in digits or words ("14", "quatorze", "dix-huit"), or null. */
export function numberValue(token: string): number | null {
  const figures = findFigures(token);
  return figures.length === 1 && figures[0]!.start === 0 && figures[0]!.end === token.length ? figures[0]!.value : null;
}
