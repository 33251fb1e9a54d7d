import type { Corpus } from "../corpus/schema.js";
import { compounds, isStopword, simplify, stem, words } from "../language/french.js";
import { ACTION_WORDS, CALENDAR_NAMES, FIGURE_NOUNS, FRAMING_PHRASES, SHORT_FORMS, FRAMING_WORDS, INVERTED_PRONOUNS, GROUP_SYNONYMS, MEASURE_WORDS, NUMBER_WORDS, ORDINAL_WORDS, PLAN_WORDS, QUESTION_WORDS, STRUCTURE_FRAME } from "../language/lexicon.js";
import { anyGroupWord, isKnown, namingWords, perCorpus, vocabulary } from "./corpus-tables.js";
import { GlossaryMatcher } from "./glossary.js";
import type { DocumentRef, Understanding } from "./schema.js";
import { closestWord, truncatedFrom } from "./spelling.js";

const NUMBER_WORD_SET = new Set(NUMBER_WORDS);

const glossaryMatcher = perCorpus((corpus) => new GlossaryMatcher(corpus.glossary));

/** Stems that never carry a subject: framing, the generic words of plans and structure. */
const NOT_SUBJECT = new Set([...FRAMING_WORDS, ...STRUCTURE_FRAME, ...QUESTION_WORDS].map((w) => stem(simplify(w))));
/** The same words as written, for reading a misspelt one. */
const FRAMING_SURFACE = [...new Set([...FRAMING_WORDS, ...STRUCTURE_FRAME].map((w) => simplify(w)).filter((w) => w.length >= 5))];

function isStructureWord(w: string, corpus: Corpus): boolean {
  return ACTION_WORDS.test(w) || MEASURE_WORDS.test(w) || PLAN_WORDS.test(w) || anyGroupWord(corpus).test(w) || GROUP_SYNONYMS.test(w);
}

/**
 * The surface words of a text that may carry its subject, in order. The words of a plan's
 * structure ("axes", "actions") are no subject, except about texts that have no structure file:
 * "les 4 axes de la feuille de route NA" asks what its text says of them.
 */
function subjectWords(text: string, corpus: Corpus, structureIsSubject = false): string[] {
  // A compound the corpus does not know ("compare-moi", "là-dessus") is read as its parts, and so
  // is an inverted verb ("va-t-il"), whatever questions indexed with it made its joined form known.
  const unknownJoined = new Set(
    compounds(text)
      // "rendez-vous", which the texts use, is a word of its own.
      // "a-t-il" has one part of two letters or more: its pronoun.
      .filter((c) => (c.parts.length > 1 && !isKnown(corpus, c.joined)) || (INVERTED_PRONOUNS.has(c.parts.at(-1)!) && !vocabulary(corpus).textStems.has(stem(c.joined))))
      .map((c) => c.joined),
  );
  return words(simplify(text).replace(new RegExp(FRAMING_PHRASES.source, "g"), " ")).filter(
    (w) =>
      !isStopword(w) &&
      !unknownJoined.has(w) &&
      !/^[a-z]?\d+([,.]\d+)?$/.test(w) &&
      !NUMBER_WORD_SET.has(w) &&
      !(w in ORDINAL_WORDS) &&
      !NOT_SUBJECT.has(stem(w)) &&
      (structureIsSubject ? !PLAN_WORDS.test(w) : !isStructureWord(w, corpus)) &&
      // "quel pourcentage…" names the kind of figure asked; texts that write "98 %" never use the word.
      !(FIGURE_NOUNS.test(w) && !isKnown(corpus, w)) &&
      (w.length > 1 || /\d/.test(w)),
  );
}

/** The stems that carry a text's subject, once each. */
export function subjectStems(text: string, corpus: Corpus): string[] {
  return [...new Set(subjectWords(text, corpus).map(stem))];
}

/** A capitalised word, past the first, that neither the corpus, its glossary nor its names know. */
function unknownNames(question: string, corpus: Corpus): string[] {
  const tokens = question.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return tokens
    .slice(1)
    .filter((t) => /^\p{Lu}/u.test(t) && t.length >= 3)
    .flatMap((t) => words(t))
    .filter((w) => w.length >= 3 && !isStopword(w) && !CALENDAR_NAMES.has(w) && !isKnown(corpus, w));
}

/** Roots of five letters or more that a corpus stem begins with, or that begin one. */
const roots = perCorpus((corpus) => new Set([...vocabulary(corpus).citationsByStem.keys()].filter((s) => s.length >= 5 && !/\d/.test(s)).map((s) => s.slice(0, 5))));

function sharesRoot(s: string, corpus: Corpus): boolean {
  return s.length >= 6 && roots(corpus).has(s.slice(0, 5)) && [...vocabulary(corpus).citationsByStem.keys()].some((k) => k.length >= 6 && (k.startsWith(s) || s.startsWith(k)));
}

/**
 * The words of the question: its subject, what the corpus does not know of it, misspelt words
 * read as corpus words, and the glossary's readings of staff words.
 * `rest` is the question with the names of documents and years taken out.
 */
export function readTerms(question: string, rest: string, corpus: Corpus, documents: readonly DocumentRef[]): Understanding["terms"] {
  const named = documents.map((r) => corpus.documents.find((d) => d.id === r.id));
  const proseOnly = named.length > 0 && named.every((d) => d?.kind === "prose");
  const surface = subjectWords(rest, corpus, proseOnly);
  const corrections: { from: string; to: string }[] = [];
  const unknown: string[] = [];
  const v = vocabulary(corpus);
  // A misspelt framing or structure word ("feuile de route") is no subject either, even when some
  // question written with the same typo made it known.
  // A word written with two capitals or more ("GRADeS", "ApCV") is a name, never a misspelling.
  const acronyms = new Set(question.split(/[^\p{L}\p{N}'’-]+/u).filter((t) => (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2).flatMap((t) => words(t)));
  const framing = new Set(surface.filter((w) => w.length >= 5 && !acronyms.has(w) && !NOT_SUBJECT.has(stem(w)) && closestWord(w, FRAMING_SURFACE) !== null));
  for (const w of new Set(surface)) {
    if (framing.has(w)) continue;
    // A word cut short in a hurry ("etabs", "soc") is read as the word it cuts, unless the texts use it.
    const full = SHORT_FORMS[w];
    if (full && !v.textStems.has(stem(w))) {
      corrections.push({ from: w, to: full });
      continue;
    }
    if (isKnown(corpus, w)) {
      // A word cut short that people's questions made known ("cybersecu") still reaches the texts' word.
      const from = v.textStems.has(stem(w)) || v.named.has(w) || acronyms.has(w) ? null : truncatedFrom(w, v.textSurface, stem);
      if (from && !NOT_SUBJECT.has(stem(from)) && !isStructureWord(from, corpus)) corrections.push({ from: w, to: from });
      continue;
    }
    const to = w.length >= 5 && !/\d/.test(w) && !acronyms.has(w) ? closestWord(w, v.surface) : null;
    if (to && (NOT_SUBJECT.has(stem(to)) || isStructureWord(to, corpus))) framing.add(w);
    else if (to) corrections.push({ from: w, to });
    // Another form of a corpus word ("prescrit" beside "prescription") is no word the corpus lacks.
    else if (!sharesRoot(stem(w), corpus)) unknown.push(stem(w));
  }
  // An acronym typed in capitals whose letters spell a stopword ("MES") is the subject when the glossary knows it.
  // Typed in lower case where no noun follows, it can only be the acronym: "c'est quoi mes ?", "mes c koi".
  const lowerAcronyms = [...question.matchAll(/(?<![\p{L}\p{N}'’])(\p{Ll}{2,4})(?=\s*(?:[?!.:=]|$|c'est\b|c’est\b|c\b|ca\b|ça\b))/gu)]
    .map((m) => m[1]!)
    .filter((t) => isStopword(simplify(t)) && glossaryMatcher(corpus).match(t.toUpperCase()).length > 0)
    .map((t) => t.toUpperCase());
  const typedInCapitals = question.split(/[^\p{L}\p{N}]+/u).filter((t) => /^\p{Lu}{2,4}$/u.test(t) && isStopword(simplify(t)) && glossaryMatcher(corpus).match(t).length > 0);
  const spelled = [...typedInCapitals, ...lowerAcronyms].map((t) => simplify(t));
  const subject = [...surface.filter((w) => !framing.has(w)), ...spelled];
  // "What does PTA stand for?" frames the question: its "stand" is no booth of the 2019 launch.
  const corrected = `${question.replace(new RegExp(FRAMING_PHRASES.source, "gi"), " ")} ${corrections.map((c) => c.to).join(" ")} ${lowerAcronyms.join(" ")}`;
  const naming = namingWords(corpus);
  const glossary = glossaryMatcher(corpus)
    .match(corrected, documents.map((d) => d.id))
    // A term that only names a document or the structure ("feuille de route 2019", "orientation")
    // was read as a reference; expanding it would flood the query with generic words.
    // An acronym typed in capitals is a name, even when its letters spell a stopword ("MES").
    .filter((g) => /^\p{Lu}{2,}$/u.test(g.term) || !words(g.term).every((w) => naming.has(w) || isStopword(w) || isStructureWord(w, corpus) || NOT_SUBJECT.has(stem(w)) || /^\d+$/.test(w)));
  const glossaryWords = new Set(glossary.flatMap((g) => words(g.term)));
  return {
    subject: [...new Set(subject.map(stem))],
    unknown: [...new Set(unknown)].filter((s) => !subject.some((w) => stem(w) === s && glossaryWords.has(w))),
    unknownNames: unknownNames(question, corpus),
    corrections,
    glossary,
  };
}
