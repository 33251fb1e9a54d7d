import { isStopword, simplify, stem, words } from "./french.js";
import { findFigures, holdsFigure, isYear } from "./figures.js";
import { DURATION_WORDS, MONEY_WORDS, PERCENT_AFTER } from "./lexicon.js";

// Whether a text gives the count a question asks: a figure followed or preceded by the unit
// counted ("24 actions"), an amount, a share, a duration, or a list of the things counted.

/** What "combien de personnes / de gens / how many people" counts: people, whatever their name in the text. */
const PEOPLE = new Set(["person", "gen", "peopl", "individu"]);
/** Units after a figure that count no people. */
const NOT_PEOPLE = /^(?:euros?|millions?|milliards?|ans|annees?|mois|jours?|heures?|semaines?|fois|pour|percent|actions?|mesures?)$/;

/** How many words may stand between a figure and what it counts: "dix mille médiateurs numériques", "2 milliards d'euros". */
const GAP = 3;

/**
 * A figure that counts what the question counts: "trois territoires" is no answer to "combien de
 * téléconsultations". Cognates count ("mediators" / "médiateurs" share their first letters).
 */
export function countsWhatIsAsked(text: string, counts: string | null, about: ReadonlySet<string> = new Set()): boolean {
  if (counts === null) return holdsFigure(text);
  return findFigures(text).some((f) => {
    if (isYear(f)) return false;
    const after = text.slice(f.end, f.end + 60);
    const money = () => MONEY_WORDS.test(simplify(after.split(/\s+/).slice(0, GAP + 2).join(" "))) || (/^\s*(millions?|milliards?)\b/i.test(after) && /euro|€/i.test(text));
    if (counts === "money") return money();
    if (counts === "percent") return PERCENT_AFTER.test(after);
    if (counts === "share") return PERCENT_AFTER.test(after) || money();
    if (counts === "duration") return DURATION_WORDS.test(simplify(after.split(/\s+/).slice(0, 2).join(" ")));
    // "Combien de personnes … former ?": people are counted by whatever the text calls them ("Former
    // 10 000 médiateurs"), beside a word of what the question asks of them.
    if (PEOPLE.has(counts)) {
      const near = [...words(text.slice(Math.max(0, f.start - 40), f.start)).slice(-GAP), ...words(after).slice(0, GAP)];
      return words(after).slice(0, 1).some((w) => w.length >= 4 && !isStopword(w) && !NOT_PEOPLE.test(w)) && near.some((w) => about.has(stem(w)));
    }
    // The unit after the figure ("24 actions") or just before it ("au total, 26").
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const isUnit = unitOf(counts);
    if ([...words(after).slice(0, GAP), ...words(before).slice(-GAP)].some(isUnit)) return true;
    // "Nous en comptons soixante-dix-huit", "il y en a 12": the unit is named earlier in the text.
    return ANAPHORIC_COUNT.test(before) && words(text.slice(0, f.start)).some(isUnit);
  });
}

/** Whether a word names the unit counted; cognates count ("ambitions", "ambition"). */
function unitOf(counts: string): (w: string) => boolean {
  return (w) => stem(w) === counts || (w.length >= 5 && counts.length >= 5 && w.slice(0, 5) === counts.slice(0, 5));
}

/** A line that starts an item of a list: a dash, a bullet or a number. */
const ITEM = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+\S/;

/**
 * "Les ambitions de la politique du numérique en santé :" then one line per item: a text that
 * lists what is counted gives the count as its number of items.
 */
export function listedUnder(text: string, counts: string | null): { intro: string; items: string[] } | null {
  if (counts === null || counts === "money" || counts === "percent" || counts === "share" || counts === "duration") return null;
  const isUnit = unitOf(counts);
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    if (!/:\s*$/.test(line) || !words(line).some(isUnit)) continue;
    const items: string[] = [];
    for (const next of lines.slice(i + 1)) {
      if (!ITEM.test(next)) break;
      items.push(next.trim());
    }
    if (items.length >= 2) return { intro: line.trim(), items };
  }
  return null;
}

/** "en comptons", "en compte", "y en a", "en recense": the count of something named before. */
const ANAPHORIC_COUNT = /\ben\s+(?:a|ont|avons|compte|comptent|comptons|recense|recensent|recensons|denombre|dénombre)\s*$/i;
