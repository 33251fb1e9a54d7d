import type { CorpusDocument, GlossaryEntry } from "./schema.js";

/** An acronym: a capital, then letters or digits with at least one more capital ("INS", "GRADeS", "e-CPS" is not one). */
const ACRONYM = String.raw`[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*`;
/** "Identité nationale de santé (INS)". */
const LONG_THEN_SHORT = new RegExp(String.raw`([\p{L}'’ -]{3,120})\s+\((${ACRONYM})\)`, "gu");
/** "le SAS (service d'accès aux soins)". */
const SHORT_THEN_LONG = new RegExp(String.raw`(?<![\p{L}\d])(${ACRONYM})\s+\(([\p{L}'’ -]{3,120})\)`, "gu");

/** Word starts of a phrase, in order: "service d'accès aux soins" → s, a, a, s (elisions split). */
function initials(words: readonly string[]): string {
  return words.map((w) => w[0]!.toLowerCase()).join("");
}

/**
 * Whether the capitals of the acronym follow, in order, the initials of the words, the first on
 * the first; a long acronym may take one capital from inside a word ("CRIV": cellule régionale
 * d'identitovigilance).
 */
function spells(acronym: string, words: readonly string[]): boolean {
  const capitals = acronym.replace(/[^A-Z]/g, "").toLowerCase();
  const starts = initials(words);
  if (!capitals || starts[0] !== capitals[0]) return false;
  let i = 0;
  let skipped = 0;
  for (const c of starts) {
    if (c === capitals[i]) i++;
    else if (capitals.length >= 4 && !skipped && c === capitals[i + 1]) (i += 2), skipped++;
  }
  if (i < capitals.length && capitals.length >= 4 && !skipped) i++;
  return i >= capitals.length;
}

/** The words of a phrase (elisions and hyphens split), each with where it starts. */
const split = (phrase: string) => [...phrase.matchAll(/[^\s'’-]+/gu)].filter((m) => /\p{L}/u.test(m[0])).map((m) => ({ word: m[0], at: m.index }));

/**
 * The acronyms a text defines inline, with their long form: "Identité nationale de santé (INS)",
 * "le SAS (service d'accès aux soins)". For the long form before the parenthesis, the shortest run
 * of preceding words the acronym spells.
 */
export function definitionsIn(text: string): { acronym: string; long: string }[] {
  const out: { acronym: string; long: string }[] = [];
  for (const m of text.matchAll(LONG_THEN_SHORT)) {
    const acronym = m[2]!;
    const before = split(m[1]!);
    const max = Math.min(before.length, acronym.length * 3);
    for (let k = 1; k <= max; k++) {
      const window = before.slice(-k);
      if (spells(acronym, window.map((w) => w.word))) {
        out.push({ acronym, long: m[1]!.slice(window[0]!.at).trim() });
        break;
      }
    }
  }
  for (const m of text.matchAll(SHORT_THEN_LONG)) {
    if (spells(m[1]!, split(m[2]!).map((w) => w.word))) out.push({ acronym: m[1]!, long: m[2]!.trim() });
  }
  return out;
}

/** Every text of a document: its passages, and its actions' titles and measures. */
function textsOf(d: CorpusDocument): string[] {
  return [
    ...d.passages.map((p) => p.text),
    ...d.actions.flatMap((a) => [a.title, ...a.measures.flatMap((m) => [m.title ?? "", m.text ?? ""])]),
  ];
}

/** The ID prefix of the glossary entries read from the texts, not written in corpus/glossary.yaml. */
export const DEFINED_ID_PREFIX = "defined-";

/**
 * Glossary entries for the acronyms the documents define and the glossary does not know: a
 * document an operator adds brings its own "GRADeS (groupement régional d'appui…)", read both ways.
 */
export function definedAcronyms(documents: readonly CorpusDocument[], glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  // Known as a term or as an expansion: the curated entry says how to read it ("ANS", never "ans").
  const known = new Set(glossary.flatMap((e) => [...e.terms, ...e.expand].map((t) => t.toLowerCase())));
  const found = new Map<string, string>();
  for (const d of documents) {
    for (const text of textsOf(d)) {
      for (const { acronym, long } of definitionsIn(text)) {
        if (!known.has(acronym.toLowerCase()) && !found.has(acronym)) found.set(acronym, long);
      }
    }
  }
  return [...found].map(([acronym, long]) => ({
    id: `${DEFINED_ID_PREFIX}${acronym.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    terms: [acronym, long],
    expand: [long, acronym],
    senses: [],
    elsewhere: false,
  }));
}
