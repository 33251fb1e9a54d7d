import type { GlossaryEntry } from "../corpus/schema.js";
import { isStopword, simplify, stem, words } from "../language/french.js";
import { COMMON_SHORT_WORDS } from "../language/lexicon.js";
import type { GlossaryMatch } from "./schema.js";

/**
 * Short upper-case acronyms that are also everyday words ("SI" / si, "ANS" / ans, "MES" / mes)
 * only match when typed in upper case.
 */

interface CompiledTerm {
  entry: GlossaryEntry;
  term: string;
  /** Per word: the stem, or the whole word when it is short (stemming "ENS" gives "en"). */
  keys: string[];
  /** The upper-case form a case-sensitive term must be typed in; null for the others. */
  acronym: string | null;
}

/** Words this short are compared whole: their stems collide with everyday words. */
const WHOLE_WORD_MAX = 4;

function keyOf(word: string): string {
  return word.length <= WHOLE_WORD_MAX ? `=${word}` : stem(word);
}

export class GlossaryMatcher {
  private readonly terms: CompiledTerm[];
  /**
   * Positions in `terms` by first key, and those of the case-sensitive terms: a question is
   * compared with the few terms that can start at one of its words, not with thousands.
   */
  private readonly byFirstKey = new Map<string, number[]>();
  private readonly caseSensitive: number[] = [];

  constructor(entries: readonly GlossaryEntry[]) {
    this.terms = entries.flatMap((entry) =>
      entry.terms.flatMap((term) => {
        const keys = words(term).map(keyOf);
        // The name inside a longer term ("plan CaRE", "programme ETAPES") names the entry alone
        // when typed as written: people drop the "plan".
        const names = keys.length > 1 ? term.split(/\s+/).filter(isDistinctiveName).filter((n) => !entry.terms.includes(n)) : [];
        return [
          { entry, term, keys, acronym: keys.length === 1 ? ambiguousAcronym(term) : null },
          ...names.map((n) => ({ entry, term: n, keys: words(n).map(keyOf), acronym: n })),
        ];
      }),
    ).filter((t) => t.keys.length > 0);
    this.terms.forEach((t, i) => {
      if (t.acronym !== null) this.caseSensitive.push(i);
      else if (this.byFirstKey.has(t.keys[0]!)) this.byFirstKey.get(t.keys[0]!)!.push(i);
      else this.byFirstKey.set(t.keys[0]!, [i]);
    });
  }

  /**
   * Entries whose terms occur in the question, compared word by word on stems (short words
   * whole) so plurals and missing accents still match. `documents` picks the sense of an ambiguous term when the question
   * names a document.
   */
  match(question: string, documents: readonly string[] = []): GlossaryMatch[] {
    const qKeys = words(question).map(keyOf);
    // Split at apostrophes too, so "l'ANS" yields the token "ANS".
    const rawTokens = new Set(question.split(/[^\p{L}\p{N}]+/u));
    // A word written as a name ("CaRE", the cyber plan) is no glossary word written in lower case ("care").
    const names = new Set([...rawTokens].filter((t) => (t.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /\p{Ll}/u.test(t)).flatMap((t) => words(t).map(keyOf)));
    const seen = new Set<string>();
    const out: GlossaryMatch[] = [];
    // In the glossary's order: the first term of an entry found is the one reported.
    const candidates = new Set(this.caseSensitive);
    for (const k of qKeys) for (const i of this.byFirstKey.get(k) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const t = this.terms[i]!;
      if (seen.has(t.entry.id)) continue;
      if (t.acronym !== null ? !rawTokens.has(t.acronym) : !containsSequence(qKeys, t.keys)) continue;
      if (t.keys.length === 1 && names.has(t.keys[0]!) && t.term === t.term.toLowerCase()) continue;
      seen.add(t.entry.id);
      const senses = t.entry.senses.filter((s) => !documents.length || documents.includes(s.document));
      const chosen = senses.length ? senses : t.entry.senses;
      out.push({
        entry: t.entry.id,
        term: t.term,
        expand: [...t.entry.expand, ...chosen.flatMap((s) => s.expand)],
        senses: t.entry.senses.length > 1 && chosen.length > 1 ? chosen.map((s) => ({ document: s.document, meaning: s.meaning })) : [],
        elsewhere: t.entry.elsewhere,
      });
    }
    return out;
  }
}

/** A name no everyday word can be: capitals mixed with small letters ("CaRE", "MyHealth"), or five capitals or more ("ETAPES"). */
function isDistinctiveName(word: string): boolean {
  const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
  return /^[\p{L}-]+$/u.test(word) && (capitals >= 2 && /\p{Ll}/u.test(word) ? !word.includes("-") : /^\p{Lu}{5,}$/u.test(word));
}

/**
 * The upper-case acronym of a term that could be an everyday word once lower-cased, elision
 * included: "l'ANS" → "ANS" (not "ans"), "MES" (not "mes"), "PS" (not a postscript). Two letters
 * always; three when the lower-case form is a stop word. "DMP" typed "dmp" still matches.
 */
function ambiguousAcronym(term: string): string | null {
  const core = term.trim().replace(/^(?:[cdjlmnst]|qu)['’]/i, "");
  if (!/^\p{Lu}+$/u.test(core)) return null;
  return core.length <= 2 || (core.length === 3 && (isStopword(simplify(core)) || COMMON_SHORT_WORDS.has(simplify(core)))) ? core : null;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
