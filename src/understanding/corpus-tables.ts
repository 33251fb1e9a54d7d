import { definitionsIn } from "../corpus/definitions.js";
import { actionId, parseCitationId, type Corpus, type CorpusDocument, type GlossaryEntry } from "../corpus/schema.js";
import { isStopword, simplify, stem, words } from "../language/french.js";
import { escapeRegExp, THE_BODY } from "../language/lexicon.js";

/**
 * Tables derived from the corpus alone — its documents' names, its roadmaps' group words and
 * titles, its vocabulary — computed once per corpus: with hundreds of documents, deriving them
 * again for each question would cost more than the search.
 */
export function perCorpus<T>(derive: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const cache = new WeakMap<Corpus, T>();
  return (corpus) => {
    let value = cache.get(corpus);
    if (value === undefined) {
      value = derive(corpus);
      cache.set(corpus, value);
    }
    return value;
  };
}

/** A phrase as a whole-word pattern over simplified text; null when nothing is left of it. */
export function phrasePattern(phrase: string): RegExp | null {
  const p = simplify(phrase).replace(/[«»"“”]/g, "").trim();
  return p ? new RegExp(`(?<![a-z0-9])${escapeRegExp(p).replace(/\s+/g, "\\s+")}(?![a-z0-9])`) : null;
}

/**
 * A name of words and a year, by its initials: "Ma santé 2022" is also "MS2022", "MS 2022", "MS22".
 * Two initials at least, so that a single word and its year stay a year.
 */
export function initialsPattern(alias: string): RegExp | null {
  const m = /^(.+?)\s+((?:19|20)(\d{2}))$/.exec(simplify(alias).trim());
  if (!m) return null;
  const initials = words(m[1]!).filter((w) => /^[a-z]/.test(w)).map((w) => w[0]).join("");
  return initials.length >= 2 ? new RegExp(`(?<![a-z0-9])${initials}[\\s-]?(?:${m[2]}|${m[3]})(?![a-z0-9])`) : null;
}

export const roadmaps = perCorpus((corpus): readonly CorpusDocument[] => corpus.documents.filter((d) => d.kind === "roadmap"));

/** The year a document ends (or its year): what "the latest roadmap" is measured by. */
export function endYear(d: Pick<CorpusDocument, "year" | "period">): number {
  return d.period?.[1] ?? d.year ?? 0;
}

/** The words of the texts themselves (not of the questions people wrote for them), as a set. */
export const textWords = perCorpus((corpus): ReadonlySet<string> => new Set(vocabulary(corpus).textSurface));

/** Most recent first: the default roadmap when a question names none. */
export const roadmapsByRecency = perCorpus((corpus): readonly CorpusDocument[] => [...roadmaps(corpus)].sort((a, b) => endYear(b) - endYear(a)));

export function covers(d: Pick<CorpusDocument, "year" | "period">, year: number): boolean {
  return d.year === year || (d.period !== null && year >= d.period[0] && year <= d.period[1]);
}

export interface DocumentNames {
  id: string;
  /** Aliases (years aside: "2019" is read as a year) and the label, as patterns. */
  aliases: RegExp[];
  /**
   * One-word aliases that other texts use as words of their own ("lancement": "Lancement du Health
   * Data Hub"): they name the document only when nothing else is said to be launched, presented…
   */
  commonAliases: RegExp[];
  label: RegExp | null;
  /** The region and the names the glossary gives it ("Brittany", its departments). */
  region: RegExp[];
}

/** The glossary's (non-elsewhere) entries by each of their terms' words, in glossary order. */
const entriesByTerm = perCorpus((corpus): Map<string, GlossaryEntry[]> => {
  const out = new Map<string, GlossaryEntry[]>();
  for (const e of corpus.glossary) {
    if (e.elsewhere) continue;
    for (const key of new Set(e.terms.map((t) => words(t).join(" ")))) {
      const list = out.get(key);
      if (list) list.push(e);
      else out.set(key, [e]);
    }
  }
  return out;
});

/** The glossary's names for a place: every term of a (non-elsewhere) entry that has the place among its terms. */
export function placeNames(corpus: Corpus, place: string): string[] {
  const entries = entriesByTerm(corpus).get(words(place).join(" ")) ?? [];
  return [place, ...entries.flatMap((e) => e.terms)];
}

/** The corpus's documents by ID: looked up per document a question names, whatever the corpus's size. */
export const documentsById = perCorpus((corpus) => new Map(corpus.documents.map((d) => [d.id, d])));

export const documentNames = perCorpus((corpus): DocumentNames[] =>
  corpus.documents.map((d) => {
    // "2019" is read as a year, not as a name.
    const names = d.aliases.filter((a) => !/^\d{4}$/.test(a.trim()));
    return {
      id: d.id,
      // The citation ID is a name too: people copy it from an answer's sources.
      aliases: [...[...names.filter((a) => !ordinaryWordElsewhere(corpus, d.id, a)), d.id].map(phrasePattern), ...d.aliases.map(initialsPattern)].filter(
        (re): re is RegExp => re !== null,
      ),
      commonAliases: names.filter((a) => ordinaryWordElsewhere(corpus, d.id, a)).map(phrasePattern).filter((re): re is RegExp => re !== null),
      label: phrasePattern(d.label.replace(/[·:›].*$/, "")),
      region: d.region ? placeNames(corpus, d.region).map(phrasePattern).filter((re): re is RegExp => re !== null) : [],
    };
  }),
);

/**
 * The bodies behind regional documents, their region taken out of the publisher's name ("ARS
 * Bretagne" → "ars"), each with the documents such a body published: "selon l'ARS" names them
 * when the question says no region.
 */
export const publisherKinds = perCorpus((corpus): { kind: string; pattern: RegExp; documents: string[] }[] => {
  const byKind = new Map<string, string[]>();
  for (const d of corpus.documents) {
    if (!d.publisher || !d.region) continue;
    const place = new Set(placeNames(corpus, d.region).flatMap((p) => words(p)));
    const kind = words(d.publisher).filter((w) => !place.has(w) && !w.includes("-")).join(" ");
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), d.id]);
  }
  // The body itself, with the definite article: not "une ARS", "mon ARS", "les ARS", nor "à l'ARS".
  return [...byKind].map(([kind, documents]) => ({ kind, pattern: new RegExp(`${THE_BODY}${escapeRegExp(kind).replace(/\s+/g, "\\s+")}(?![a-z0-9'-])`), documents }));
});

/** Whether a one-word alias of a document is a word the texts of the other documents use. */
function ordinaryWordElsewhere(corpus: Corpus, document: string, alias: string): boolean {
  const ws = words(alias);
  if (ws.length !== 1) return false;
  const s = stem(ws[0]!);
  const v = vocabulary(corpus);
  return [...v.contentStems].some(([citation, stems]) => parseCitationId(citation).document !== document && stems.has(s));
}

/** Words that name a document ("virage numérique", "ARS Bretagne"): not a subject of their own. */
export const namingWords = perCorpus(
  (corpus) => new Set(corpus.documents.flatMap((d) => [d.label, ...d.aliases, d.region ?? ""]).flatMap((a) => words(a)).filter((w) => !/^\d+$/.test(w))),
);

/**
 * The words for a roadmap's groups, read from its structure file ("axe"/"axis", "orientation"…),
 * singular and plural: a new roadmap's "chantiers" work the same way.
 */
export const groupWords = perCorpus((corpus): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const d of roadmaps(corpus)) {
    const forms = new Set<string>();
    for (const n of [d.groupName, d.groupNameEn]) {
      if (!n) continue;
      const w = simplify(n).trim();
      forms.add(w).add(`${w}s`).add(w.endsWith("is") ? `${w.slice(0, -2)}es` : `${w}es`);
    }
    out.set(d.id, [...forms]);
  }
  return out;
});

/** Every group word of every roadmap, as one pattern. */
export const anyGroupWord = perCorpus((corpus): RegExp => {
  const all = [...new Set([...groupWords(corpus).values()].flat())];
  return all.length ? new RegExp(`(?<![a-z0-9])(${all.map(escapeRegExp).join("|")})(?![a-z0-9])`) : /$^/;
});

export interface GroupTitle {
  document: string;
  number: number;
  /** Stems of the significant words of its title, short title, English title and subtitle. */
  stems: Set<string>;
  /** The same, as written (simplified): for typo-tolerant matching. */
  words: string[];
}

export const groupTitles = perCorpus((corpus): GroupTitle[] =>
  roadmaps(corpus).flatMap((d) =>
    d.groups.map((g) => {
      const ws = [g.title, g.short ?? "", g.titleEn ?? "", g.subtitle ?? ""].flatMap((t) => words(t)).filter((w) => w.length > 3 && !isStopword(w));
      return { document: d.id, number: g.number, stems: new Set(ws.map(stem)), words: [...new Set(ws)] };
    }),
  ),
);

/**
 * The corpus's vocabulary: which citations use each stem (for rarity), the surface words
 * (for spelling repair), and the words known only as names (glossary terms, document names).
 */
export interface Vocabulary {
  /** Every stem a citation carries: its text, its path, its curated enrichment. */
  stemsByCitation: Map<string, Set<string>>;
  /** The stems of its own text alone: what a quote from it can show. */
  contentStems: Map<string, Set<string>>;
  /** Every stem of the texts themselves, curated words aside. */
  textStems: Set<string>;
  /** Each curated everyday question of a citation, as stems: a question like one of them is one it answers. */
  questionStems: Map<string, Set<string>[]>;
  /** The same, for the questions one piece of the citation is known to answer (`pieceKey`). */
  pieceQuestionStems: Map<string, Set<string>[]>;
  citationsByStem: Map<string, number>;
  /** Surface words of four letters or more, for reading misspelt words. */
  surface: string[];
  /** The same, of the texts themselves: what a word cut short ("cybersecu") was cut from. */
  textSurface: string[];
  /** Glossary terms and document names: known, though maybe in no text. */
  named: Set<string>;
}

/** A piece of a citation (a measure's title, a passage's opening words), as `pieceQuestionStems` keys it. */
export function pieceKey(citation: string, name: string): string {
  return `${citation}\u0000${name}`;
}

export const vocabulary = perCorpus((corpus): Vocabulary => {
  const stemsByCitation = new Map<string, Set<string>>();
  const contentStems = new Map<string, Set<string>>();
  const questionStems = new Map<string, Set<string>[]>();
  const pieceQuestionStems = new Map<string, Set<string>[]>();
  const surface = new Set<string>();
  const textSurface = new Set<string>();
  const add = (citation: string, tokens: readonly string[], content = true) => {
    const set = stemsByCitation.get(citation) ?? new Set<string>();
    const own = contentStems.get(citation) ?? new Set<string>();
    for (const w of tokens) {
      if (isStopword(w)) continue;
      surface.add(w);
      set.add(stem(w));
      if (content) {
        own.add(stem(w));
        textSurface.add(w);
      }
    }
    stemsByCitation.set(citation, set);
    contentStems.set(citation, own);
  };
  // The curated and generated questions (thousands) are tokenised once, for both tables.
  const addEnrichment = (citation: string, extra: { keywords: readonly string[]; questions: readonly string[]; pieces: Readonly<Record<string, readonly string[]>> }) => {
    const questions = extra.questions.map((q) => words(q));
    add(citation, [...extra.keywords.flatMap((k) => words(k)), ...questions.flat()], false);
    const stems = questions.map((ws) => new Set(ws.filter((w) => !isStopword(w)).map(stem)));
    questionStems.set(citation, stems);
    const byText = new Map(extra.questions.map((q, i) => [q, stems[i]!]));
    for (const [name, asked] of Object.entries(extra.pieces)) {
      pieceQuestionStems.set(pieceKey(citation, name), asked.map((q) => byText.get(q) ?? new Set(words(q).filter((w) => !isStopword(w)).map(stem))));
    }
  };
  for (const d of corpus.documents) {
    const path = `${d.label} ${d.title}`;
    for (const a of d.actions) {
      const id = actionId(d.id, a.number);
      const g = d.groups.find((x) => x.number === a.group);
      add(id, words(`${path} ${g?.title ?? ""} ${a.title} ${a.measures.map((m) => `${m.title ?? ""} ${m.text ?? ""}`).join(" ")}`));
      const extra = corpus.enrichment.actions[id];
      if (extra) addEnrichment(id, extra);
    }
    add(d.id, words(`${path} ${d.passages.map((p) => `${p.section ?? ""} ${p.text}`).join(" ")}`));
    const extra = corpus.enrichment.documents[d.id];
    if (extra) addEnrichment(d.id, extra);
  }
  const named = new Set<string>();
  for (const e of corpus.glossary) for (const t of e.terms) for (const w of words(t)) if (!isStopword(w)) named.add(w);
  for (const w of namingWords(corpus)) named.add(w);
  for (const w of named) surface.add(w);
  const citationsByStem = new Map<string, number>();
  for (const stems of stemsByCitation.values()) for (const s of stems) citationsByStem.set(s, (citationsByStem.get(s) ?? 0) + 1);
  const textStems = new Set([...contentStems.values()].flatMap((x) => [...x]));
  return { stemsByCitation, contentStems, textStems, questionStems, pieceQuestionStems, citationsByStem, surface: [...surface].filter((w) => w.length >= 4), textSurface: [...textSurface].filter((w) => w.length >= 4), named };
});

/** Whether a word is known to the corpus: in its texts, its glossary or its documents' names. */
export function isKnown(corpus: Corpus, word: string): boolean {
  const v = vocabulary(corpus);
  return v.citationsByStem.has(stem(word)) || v.named.has(word);
}

/** Rarity of a stem across citations: unknown stems weigh most, being what the corpus lacks. */
export function idf(corpus: Corpus, s: string): number {
  const v = vocabulary(corpus);
  return Math.log(1 + v.stemsByCitation.size / (v.citationsByStem.get(s) ?? 0.5));
}

/**
 * Reviewed counterparts across roadmaps: each action of an earlier roadmap and the later actions a
 * correspondence links it to, both ways ("doc#action-9" ↔ "doc#action-14").
 */
export const counterparts = perCorpus((corpus): Map<string, { later: Set<string>; earlier: Set<string> }> => {
  const out = new Map<string, { later: Set<string>; earlier: Set<string> }>();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { later: new Set(), earlier: new Set() }));
    return e;
  };
  for (const c of corpus.correspondences) {
    const from = corpus.documents.find((d) => d.id === c.from);
    const to = corpus.documents.find((d) => d.id === c.to);
    if (!from || !to) continue;
    // The correspondence's direction need not be time's: the later roadmap is the one that ends later.
    const forward = endYear(to) >= endYear(from);
    for (const link of c.links) {
      for (const n of link.to) {
        const a = actionId(c.from, link.from);
        const b = actionId(c.to, n);
        entry(forward ? a : b).later.add(forward ? b : a);
        entry(forward ? b : a).earlier.add(forward ? a : b);
      }
    }
  }
  return out;
});

/** Questions that type a capitalised word in lower case, from which it is a common word to "plan <name>". */
const TYPED_LOWER_BY_MANY = 3;

/**
 * Capitalised words of four letters or more inside a sentence, by document, and the words the
 * texts or people write in lower case: a name is the first and never the second.
 */
const capitalisedWords = perCorpus((corpus) => {
  const capitalised = new Map<string, Set<string>>();
  const anywhere = new Map<string, Set<string>>();
  const lower = new Set<string>();
  // Written with one capital only ("Buzyn", "Rennes"): a person or a place, not an acronym.
  const titleCase = new Set<string>();
  for (const d of corpus.documents) {
    const units = [...d.passages.map((p) => p.text), ...d.actions.flatMap((a) => [a.title, ...a.measures.flatMap((m) => [m.title ?? "", m.text ?? ""])])];
    for (const unit of units) {
      for (const w of words(unit)) anywhere.set(w, (anywhere.get(w) ?? new Set()).add(d.id));
      // Each sentence or line starts with a capital of its own: only the later words can be names.
      for (const sentence of unit.split(/[.!?:;\n•]+|\s[-–]\s/)) {
        const tokens = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
        tokens.forEach((t, i) => {
          const w = simplify(t.replace(/^[dl]['’]/i, ""));
          if (/^\p{Ll}/u.test(t)) lower.add(w);
          else if (i > 0 && /^\p{Lu}[\p{L}]{3,}$/u.test(t.replace(/^[dl]['’]/i, ""))) {
            capitalised.set(w, (capitalised.get(w) ?? new Set()).add(d.id));
            if (/^\p{Lu}\p{Ll}+$/u.test(t.replace(/^[dl]['’]/i, ""))) titleCase.add(w);
          }
        });
      }
    }
  }
  // Written in lower case by most questions, or by many ("health", "vitale", "France"), not "Buzyn"
  // typed "buzyn" once or twice in a hurry.
  const mostlyLower = new Set(lower);
  const typed = new Map<string, { lower: number; capital: number }>();
  // Words people type in lower case in the curated and generated questions are everyday words
  // ("nouvelle", "paris"), whatever capital a text gives them.
  for (const e of [...Object.values(corpus.enrichment.actions), ...Object.values(corpus.enrichment.documents)]) {
    for (const q of [...e.questions, ...e.keywords]) {
      for (const m of q.matchAll(/(?<![\p{L}])\p{L}[\p{L}]{3,}/gu)) {
        const w = simplify(m[0]);
        const n = typed.get(w) ?? { lower: 0, capital: 0 };
        if (/^\p{Ll}/u.test(m[0])) {
          n.lower++;
          lower.add(w);
        } else if (m.index > 0) n.capital++;
        typed.set(w, n);
      }
    }
  }
  // A few hurried writers do not make a word common; many do, whatever capital others give it ("France").
  for (const [w, n] of typed) if (n.lower > 0 && (n.lower >= n.capital || n.lower >= TYPED_LOWER_BY_MANY)) mostlyLower.add(w);
  return { capitalised, anywhere, lower, mostlyLower, titleCase };
});

/**
 * Proper names that stand in one document only ("Boucicaut", "Cyberveille", a regional platform's
 * name): a question that uses one is about that document.
 */
export const documentsByName = perCorpus((corpus): Map<string, string> => {
  const { capitalised, anywhere, lower } = capitalisedWords(corpus);
  const out = new Map<string, string>();
  for (const [w, docs] of capitalised) {
    const doc = [...docs][0]!;
    if (docs.size === 1 && (anywhere.get(w)?.size ?? 0) <= 1 && !lower.has(w) && !isStopword(w) && !namedOtherwiseElsewhere(corpus, w, doc)) out.set(w, doc);
  }
  return out;
});

/**
 * Whether the glossary gives a name other names that another document's texts use: "Cnam" stands
 * in the 2019 presentation only, but the 2019 roadmap speaks of "l'assurance maladie".
 */
function namedOtherwiseElsewhere(corpus: Corpus, name: string, document: string): boolean {
  const v = vocabulary(corpus);
  const entries = entriesByTerm(corpus).get(name) ?? [];
  const phrases = entries.flatMap((e) => [...e.terms, ...e.expand]).map((p) => words(p).filter((w) => !isStopword(w))).filter((ws) => ws.length && ws.join(" ") !== name);
  const elsewhere = [...v.contentStems].filter(([citation]) => parseCitationId(citation).document !== document).map(([, own]) => own);
  return phrases.some((ws) => elsewhere.some((own) => ws.every((w) => own.has(stem(w)))));
}

/**
 * Names of people or places the texts of a single year use ("Buzyn" in the 2019 brief and
 * presentation): "le plan Buzyn" is the roadmap of that year. Acronyms are not names of this kind:
 * "le plan ESMS" is about the programme, in whichever plan.
 */
export const yearOfName = perCorpus((corpus): Map<string, number> => {
  // Only "plan <name>" reads this table: a name stays one however often it is typed in lower case,
  // unless that is how people mostly write it.
  const { capitalised, mostlyLower, titleCase } = capitalisedWords(corpus);
  const out = new Map<string, number>();
  for (const [w, docs] of capitalised) {
    if (mostlyLower.has(w) || isStopword(w) || !titleCase.has(w)) continue;
    // Undated texts (a regional page recalling 2019) do not date a name.
    const years = new Set([...docs].map((id) => corpus.documents.find((d) => d.id === id)?.year).filter((y): y is number => typeof y === "number"));
    const [year] = years;
    if (years.size === 1 && year !== undefined) out.set(w, year);
  }
  return out;
});

/**
 * What a citation says in its own words (an action's title and measures, a document's passages
 * and their headings), and the questions and keywords it is known by (curated and generated).
 */
export function citationTexts(corpus: Corpus, citation: string): { own: string[]; questions: readonly string[]; keywords: readonly string[] } {
  const { document, action } = parseCitationId(citation);
  const doc = corpus.documents.find((d) => d.id === document);
  const a = action === null ? undefined : doc?.actions.find((x) => x.number === action);
  const own = a ? [a.title, ...a.measures.flatMap((m) => [m.title ?? "", m.text ?? ""])] : action === null ? (doc?.passages.flatMap((p) => [p.section ?? "", p.text]) ?? []) : [];
  const extra = action === null ? corpus.enrichment.documents[citation] : corpus.enrichment.actions[citation];
  return { own, questions: extra?.questions ?? [], keywords: extra?.keywords ?? [] };
}

/**
 * The short forms a citation spells out in its own text ("Dossier Médical Partagé (DMP)"),
 * lower-cased: the text to read first when a question asks what one of them stands for. Read for
 * the few candidates of such a question and kept: a table of the whole corpus cost seconds at
 * a hundred times its size.
 */
export function definedBy(corpus: Corpus, citation: string): ReadonlySet<string> {
  const cache = definitionCache(corpus);
  let found = cache.get(citation);
  if (!found) {
    found = new Set(citationTexts(corpus, citation).own.flatMap((t) => definitionsIn(t).map((d) => simplify(d.acronym))));
    cache.set(citation, found);
  }
  return found;
}
const definitionCache = perCorpus((): Map<string, Set<string>> => new Map());
