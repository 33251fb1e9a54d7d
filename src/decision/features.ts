import type { Chunk } from "../corpus/chunk.js";
import { parseCitationId, passageOpening, type Corpus } from "../corpus/schema.js";
import { isStopword, stem, terms, words } from "../language/french.js";
import { ATTRIBUTES, PERSON_ROLES } from "../language/lexicon.js";
import { listedUnder } from "../language/counts.js";
import { figureKinds } from "../language/figures.js";
import type { RetrievalResult, RetrievedCitation } from "../retrieval/retriever.js";
import { citationTexts, counterparts, definedBy, perCorpus, idf, pieceKey, roadmapsByRecency, vocabulary } from "../understanding/corpus-tables.js";
import type { Understanding } from "../understanding/schema.js";
import { subjectStems } from "../understanding/terms.js";
import type { Features, Signs } from "./logistic.js";

/**
 * The signals the calibrated decisions read, each a number. Every one is general — a score, a
 * rank, a share of the question's words — never a word of a particular question.
 */

interface Weighted {
  stem: string;
  weight: number;
  /** For a word the glossary reads, the rarer stems of its own expansions: it is found when one of them is. */
  expansions: ReadonlySet<string>;
}

/** Expansion stems found in more than this share of citations say nothing about a text. */
const COMMON_EXPANSION = 0.2;

/** The question's subject stems, misspellings read as their corrections, weighted by rarity. */
export function subjectWeights(u: Understanding, corpus: Corpus): Weighted[] {
  const fixed = new Map(u.terms.corrections.map((c) => [stem(c.from), stem(c.to)]));
  const v = vocabulary(corpus);
  const rare = (st: string) => (v.citationsByStem.get(st) ?? 0) / v.stemsByCitation.size <= COMMON_EXPANSION;
  return u.terms.subject.map((s) => {
    const st = fixed.get(s) ?? s;
    // Each glossary word is read by its own entries, not by every expansion of the question.
    const entries = u.terms.glossary.filter((g) => words(g.term).some((w) => stem(w) === s));
    const expansions = new Set(terms(entries.flatMap((g) => g.expand).join(" ")).filter(rare));
    return { stem: st, weight: idf(corpus, st), expansions };
  });
}

/** Stems the glossary adds for the question's words. */
function expansionStems(u: Understanding): Set<string> {
  return new Set(terms(u.terms.glossary.flatMap((g) => g.expand).join(" ")));
}

/** Whether a set of stems holds a subject word, itself or one of its glossary expansions. */
function holds(stems: ReadonlySet<string>, w: Weighted): boolean {
  if (stems.has(w.stem)) return true;
  for (const e of w.expansions) if (stems.has(e)) return true;
  return false;
}

/** The weighted share of the subject a set of stems accounts for. */
export function coverage(subject: readonly Weighted[], stems: ReadonlySet<string>): number {
  if (!subject.length) return 0;
  let found = 0;
  let total = 0;
  for (const w of subject) {
    total += w.weight;
    if (holds(stems, w)) found += w.weight;
  }
  return total ? found / total : 0;
}

const stemCache = new Map<string, Set<string>>();

/** A text's stems; the texts are the corpus's own few thousand pieces, so they are kept. */
function stemsOf(text: string): Set<string> {
  let stems = stemCache.get(text);
  if (!stems) {
    stems = new Set(terms(text));
    if (stemCache.size < 100_000) stemCache.set(text, stems);
  }
  return stems;
}

/** Whether a text gives the kind of answer the question asks (a figure, a date, a person); 0 when it asks none. */
function holdsAsk(u: Understanding, text: string): number {
  if (!u.asks.figure && !u.asks.date && !u.asks.person) return 0;
  const ev = evidence(text);
  return (u.asks.figure && ev.figure) || (u.asks.date && ev.date) || (u.asks.person && ev.person) ? 1 : 0;
}

/** What kind of answer a piece of text can give: a figure, a date, a person or body. */
export function evidence(text: string): { figure: boolean; date: boolean; person: boolean } {
  const figures = figureKinds(text);
  return {
    figure: figures.figure,
    // A year, a day of a month, or a duration ("depuis 3 ans", "sur 5 ans").
    date: figures.year || /\b\d{1,2}(er)? (janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre)\b|\b(depuis|sur|pendant|d'ici|dès|à partir de)\s+\S+\s+(ans?|mois|années)\b/i.test(text),
    // Two capitalised words ("Agnès Buzyn"), an acronym of a body ("DNS", "ARS"), or a role.
    person: /\p{Lu}\p{Ll}+[ -]\p{Lu}\p{Ll}+/u.test(text) || /\b\p{Lu}{2,6}\b/u.test(text) || PERSON_ROLES.test(text.toLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "")),
  };
}

/** The text a citation would be quoted from: its best chunks, as ranked. */
function quotedText(c: RetrievedCitation, n = 3): string {
  return c.chunks.slice(0, n).map((x) => `${x.action?.title ?? ""} ${x.measure ?? ""} ${x.body}`).join(" \n");
}

export interface QuestionContext {
  u: Understanding;
  corpus: Corpus;
  subject: Weighted[];
  expansion: Set<string>;
  named: Set<string>;
  latest: string | undefined;
  /** Documents the question names by their own names (alias, label, name, region), not through a year. */
  namedExplicitly: Set<string>;
  /** Each piece's coverage once computed: every piece's features compare it with all its siblings. */
  pieceCoverage: Map<Chunk, number>;
  /** Likewise, how well each piece's known questions match this one. */
  pieceAsked: Map<Chunk, number>;
  /** The question's words as written, lower-cased: the short forms it may ask about. */
  asked: Set<string>;
}

export function questionContext(result: RetrievalResult, corpus: Corpus): QuestionContext {
  const u = result.understanding;
  return {
    u,
    corpus,
    subject: subjectWeights(u, corpus),
    expansion: expansionStems(u),
    named: new Set(u.references.documents.map((d) => d.id)),
    namedExplicitly: new Set(u.references.documents.filter((d) => d.by !== "year" && d.by !== "period").map((d) => d.id)),
    latest: roadmapsByRecency(corpus)[0]?.id,
    pieceCoverage: new Map(),
    pieceAsked: new Map(),
    asked: new Set(words(u.text)),
  };
}

/** The share of the question's subject a citation's own text accounts for (its curated wording aside). */
export function textCoverage(q: QuestionContext, id: string): number {
  return coverageBy(q, id, true);
}

function coverageBy(q: QuestionContext, id: string, content = false): number {
  const v = vocabulary(q.corpus);
  return coverage(q.subject, (content ? v.contentStems : v.stemsByCitation).get(id) ?? new Set());
}

/** The direction each reranker feature may push: toward "this is the citation asked for" (+1) or away (-1). */
export const CANDIDATE_SIGNS: Signs = {
  fused_ratio: 1, rank_rr: 1, keyword_rr: 1, vector_rr: 1, keyword_ratio: 1, vector_gap: -1, coverage: 1, coverage_text: 1,
  coverage_title: 1, via_enrichment: 0, latest: 0, named: 1, named_explicitly: 1, is_action: 0, whole_roadmap: 0, direct: 1, superseded: -1, supersedes: 1,
  holds_ask: 1, defines: 1, phrase: 1, phrase_lead: 1, asked_like: 1, asked_like_lead: 1, likelihood_lead: 1,
  chunk_coverage: 1, question_coverage: 1, coverage_lead: 1, coverage_text_lead: 1, coverage_title_lead: 1, chunk_coverage_lead: 1, question_coverage_lead: 1,
};

/** Features read against the other candidates: what a citation covers that its rivals do not. */
const LEADS = ["coverage", "coverage_text", "coverage_title", "chunk_coverage", "question_coverage", "phrase", "asked_like"] as const;

/** Each candidate's features, and for the coverages, its lead over the best of the others (negative when behind). */
export function candidatesFeatures(q: QuestionContext, result: RetrievalResult, head: readonly RetrievedCitation[]): Features[] {
  const own = head.map((c, i) => candidateFeatures(q, result, c, i + 1));
  return own.map((f, i) => {
    const leads: Record<string, number> = {};
    for (const k of LEADS) leads[`${k}_lead`] = f[k]! - Math.max(0, ...own.filter((_, j) => j !== i).map((g) => g[k]!));
    // A log-likelihood has no zero to stand on: only its gap to the best rival says something.
    const rivals = own.filter((_, j) => j !== i).map((g) => g.likelihood!);
    leads.likelihood_lead = rivals.length ? Math.max(-5, Math.min(5, f.likelihood! - Math.max(...rivals))) : 0;
    return { ...f, ...leads };
  });
}

/** Features of one candidate citation, for the reranker. */
export function candidateFeatures(q: QuestionContext, result: RetrievalResult, c: RetrievedCitation, rank: number): Features {
  const top = result.ranked[0]!;
  const { document, action } = parseCitationId(c.id);
  const doc = q.corpus.documents.find((d) => d.id === document);
  const a = action !== null ? doc?.actions.find((x) => x.number === action) : undefined;
  const title = a ? `${a.title} ${a.measures.map((m) => m.title ?? "").join(" ")}` : `${doc?.label ?? ""} ${doc?.passages.map((p) => p.section ?? "").join(" ") ?? ""}`;
  const s = c.signals;
  return {
    fused_ratio: top.score > 0 ? Math.min(1, c.score / top.score) : 0,
    rank_rr: 1 / rank,
    keyword_rr: s.keywordRank ? 1 / s.keywordRank : 0,
    vector_rr: s.vectorRank ? 1 / s.vectorRank : 0,
    keyword_ratio: result.best.keywordScore > 0 ? s.keywordScore / result.best.keywordScore : 0,
    vector_gap: s.vectorRank ? result.best.vectorScore - s.vectorScore : 1,
    coverage: coverageBy(q, c.id),
    coverage_text: coverageBy(q, c.id, true),
    coverage_title: coverage(q.subject, stemsOf(title)),
    chunk_coverage: chunkCoverage(q, c),
    question_coverage: askedCoverage(q, c),
    via_enrichment: s.viaEnrichment ? 1 : 0,
    latest: q.named.size === 0 && document === q.latest ? 1 : 0,
    named: q.named.has(document) ? 1 : 0,
    // "la FDR 2019" names the roadmap; its year brings the brief and presentation along, as context.
    named_explicitly: q.namedExplicitly.has(document) ? 1 : 0,
    is_action: action !== null ? 1 : 0,
    holds_ask: holdsAsk(q.u, c.chunks.map((x) => x.body).join(" ")),
    // "DMP, ça veut dire quoi ?": the text that spells the short form out answers it.
    defines: q.u.asks.meaning && [...definedBy(q.corpus, c.id)].some((a) => q.asked.has(a)) ? 1 : 0,
    phrase: phraseShare(q, c.id),
    asked_like: askedLike(q, c.id),
    likelihood: likelihood(q, c.id),
    // A roadmap cited as a whole (its introduction) answers other questions than a prose text does.
    whole_roadmap: action === null && doc?.kind === "roadmap" ? 1 : 0,
    direct: q.u.references.actions.some((r) => r.exists && r.document === document && r.number === action) ? 1 : 0,
    // A question that names no roadmap asks about today's: an older action whose reviewed
    // counterpart in a later roadmap is among the candidates gives way to it.
    // What a short form stands for is the same in every plan: the text that spells it out answers, however old.
    superseded: q.named.size === 0 && !q.u.asks.meaning && [...(counterparts(q.corpus).get(c.id)?.later ?? [])].some((id) => result.ranked.slice(0, 5).some((r) => r.id === id)) ? 1 : 0,
    supersedes: q.named.size === 0 && !q.u.asks.meaning && [...(counterparts(q.corpus).get(c.id)?.earlier ?? [])].some((id) => result.ranked.slice(0, 5).some((r) => r.id === id)) ? 1 : 0,
  };
}

/** What the signals read of a candidate beyond its stems: built the first time it is a candidate, then kept. */
interface Reading {
  /** Pairs of consecutive content stems ("connexion uniqu") of its text, known questions and keywords. */
  pairs: Set<string>;
  /** How often its text and known questions use each content stem, and how many they use in all. */
  tf: Map<string, number>;
  length: number;
  /** Its known questions, each read as a question's subject is read, with its rarity-weighted length. */
  known: { stems: Set<string>; norm: number }[];
}

/**
 * A candidate's reading, per candidate rather than for the whole corpus: a table of every text
 * costs seconds at a hundred times the corpus. Each text is split into words once for the pairs
 * and the counts.
 */
function readingOf(corpus: Corpus, citation: string): Reading {
  const cache = readings(corpus);
  let found = cache.get(citation);
  if (!found) {
    const { own, questions, keywords } = citationTexts(corpus, citation);
    const pairs = new Set<string>();
    const tf = new Map<string, number>();
    let length = 0;
    for (const [i, text] of [...own, ...questions, ...keywords].entries()) {
      // Stopwords alone are left out of the pairs: leaving out every word a question's subject
      // leaves out ("numérique") lowered w6–w9 recall@1 0.852 → 0.848.
      const content = words(text).filter((w) => !isStopword(w));
      const stems = content.map(stem);
      for (let k = 1; k < stems.length; k++) pairs.add(`${stems[k - 1]} ${stems[k]}`);
      if (i >= own.length + questions.length) continue;
      // Counted as the indexes count terms: one-letter words aside.
      content.forEach((w, k) => {
        if (w.length < 2 && !/\d/.test(w)) return;
        tf.set(stems[k]!, (tf.get(stems[k]!) ?? 0) + 1);
        length++;
      });
    }
    // A text nobody wrote questions for (a document just added) is read on its own sentences, so
    // that it is not taken for a worse match than an enriched one.
    const units = questions.length ? questions : own.flatMap((t) => t.split(/(?<=[.;!?])\s+|\n+/)).filter((x) => /\p{L}/u.test(x));
    // Framing and structure words left out: "quelle action porte sur" makes no known question less alike.
    const known = units.map((text) => {
      const subject = new Set(subjectStems(text, corpus));
      return { stems: subject, norm: Math.sqrt([...subject].reduce((sum, st) => sum + idf(corpus, st) ** 2, 0)) };
    });
    found = { pairs, tf, length, known };
    cache.set(citation, found);
  }
  return found;
}
const readings = perCorpus((): Map<string, Reading> => new Map());

/**
 * How like the question the closest of the citation's known questions is, as a whole (cosine of
 * rarity-weighted subject stems): unlike the coverage, a known question about something more is less alike.
 */
function askedLike(q: QuestionContext, id: string): number {
  const { known } = readingOf(q.corpus, id);
  if (!known.length || !q.subject.length) return 0;
  const own = new Map(q.subject.map((w) => [w.stem, w.weight]));
  const ownNorm = Math.sqrt([...own.values()].reduce((sum, w) => sum + w * w, 0));
  let best = 0;
  for (const { stems, norm } of known) {
    let dot = 0;
    for (const [st, w] of own) if (stems.has(st)) dot += w * w;
    if (dot > 0) best = Math.max(best, dot / (ownNorm * norm));
  }
  return best;
}

/** How many citations use each stem, summed: the background a citation's own counts are smoothed toward. */
const backgroundTotal = perCorpus((corpus: Corpus): number => [...vocabulary(corpus).citationsByStem.values()].reduce((n, x) => n + x, 0));
/** Dirichlet smoothing: a citation's counts weigh as much as this many words of the background. */
const MU = 200;

/**
 * The question's subject under a language model of the citation (its text and known questions,
 * smoothed toward the corpus's), per subject word: unlike the coverage, it counts how often a
 * citation says a word, against how much it says in all.
 */
function likelihood(q: QuestionContext, id: string): number {
  if (!q.subject.length) return 0;
  const { tf, length } = readingOf(q.corpus, id);
  const v = vocabulary(q.corpus);
  const total = backgroundTotal(q.corpus);
  let sum = 0;
  for (const w of q.subject) {
    const background = ((v.citationsByStem.get(w.stem) ?? 0) + 0.5) / total;
    sum += Math.log(((tf.get(w.stem) ?? 0) + MU * background) / (length + MU));
  }
  return sum / q.subject.length;
}

/** The share of the question's consecutive subject words that the citation also uses side by side. */
function phraseShare(q: QuestionContext, id: string): number {
  if (q.subject.length < 2) return 0;
  const { pairs } = readingOf(q.corpus, id);
  let found = 0;
  for (let i = 1; i < q.subject.length; i++) if (pairs.has(`${q.subject[i - 1]!.stem} ${q.subject[i]!.stem}`)) found++;
  return found / (q.subject.length - 1);
}

/**
 * Kinds of information the question asks that plans seldom give (contact details, a person's
 * career, a price, a penalty, a vendor, a current status), and those the text that would be
 * quoted says nothing of.
 */
export function missingAttributes(u: Understanding, text: string): string[] {
  // Most questions ask none: the quoted text is then not read.
  if (!u.asks.attributes.length) return [];
  const said = stemsOf(text);
  const plain = ` ${words(text).join(" ")} `;
  // A word the stemmer drops as a stopword ("déjà", "depuis") is looked for as it is written.
  const speaksOf = (w: string) => {
    const t = terms(w);
    return t.length ? t.every((x) => said.has(x)) : plain.includes(` ${words(w).join(" ")} `);
  };
  return u.asks.attributes.filter((kind) => !ATTRIBUTES[kind]!.evidence.some(speaksOf));
}

/** The best share of the subject a single content chunk of the citation accounts for: an answer stands in one place. */
function chunkCoverage(q: QuestionContext, c: RetrievedCitation): number {
  return Math.max(0, ...c.chunks.map((x) => coverage(q.subject, stemsOf(x.text))));
}

/** The best share of the subject one of the citation's curated everyday questions accounts for. */
function questionCoverage(q: QuestionContext, id: string): number {
  const questions = vocabulary(q.corpus).questionStems.get(id) ?? [];
  return Math.max(0, ...questions.map((stems) => coverage(q.subject, stems)));
}

/**
 * How well the questions a text is known to answer (curated, generated) match this one; a text
 * nobody wrote questions for (a document just added) is read on its own passages instead, so that
 * it is not taken for a worse match than an enriched one.
 */
function askedCoverage(q: QuestionContext, c: RetrievedCitation): number {
  return (vocabulary(q.corpus).questionStems.get(c.id) ?? []).length ? questionCoverage(q, c.id) : chunkCoverage(q, c);
}

/** The direction each answerability feature may push: toward answering (+1) or refusing (-1). */
export const ANSWER_SIGNS: Signs = {
  coverage_top: 1, coverage_best3: 1, coverage_text_top: 1, chunk_coverage_top: 1, chunk_coverage_best3: 1,
  question_coverage_top: 1, rarest_covered_top: 1, rarest_covered_best3: 1, rerank_top: 1, rerank_margin: 1,
  keyword_score: 1, vector_score: 1, agreement: 1, named: 1, action_named: 1, glossary: 1,
  coverage_shortfall: -1, uncovered_weight: -1, unknown_share: -1, unknown_count: -1, unknown_names: -1, unknown_year: -1, elsewhere_mentioned: -1,
  figure_missing: -1, date_missing: -1, person_missing: -1, attribute_asked: -1, attribute_missing: -1,
  subject_count: 0, asks_figure: 0, asks_date: 0, asks_person: 0, date_from_document: 0, corrections: 0, english: 0, via_enrichment: 0,
};

/** Features of the question and its best candidates, for the decision to answer or not. */
export function answerFeatures(q: QuestionContext, result: RetrievalResult, ranked: readonly RetrievedCitation[], rerankP: ReadonlyMap<string, number>): Features {
  const u = q.u;
  const [top, second] = ranked;
  const topP = top ? (rerankP.get(top.id) ?? 0) : 0;
  const total = q.subject.reduce((n, w) => n + w.weight, 0);
  const unknown = new Set(u.terms.unknown);
  const unknownWeight = q.subject.filter((w) => unknown.has(w.stem)).reduce((n, w) => n + w.weight, 0);
  const text = top ? quotedText(top) : "";
  // What the text holds counts only for what the question asks (a figure, a date, a person).
  const ev = u.asks.figure || u.asks.date || u.asks.person ? evidence(text) : { figure: false, date: false, person: false };
  const { document } = top ? parseCitationId(top.id) : { document: "" };
  const doc = q.corpus.documents.find((d) => d.id === document);
  const topStems = top ? (vocabulary(q.corpus).stemsByCitation.get(top.id) ?? new Set<string>()) : new Set<string>();
  const ownStems = top ? (vocabulary(q.corpus).contentStems.get(top.id) ?? new Set<string>()) : new Set<string>();
  const uncovered = q.subject.filter((w) => !holds(topStems, w)).reduce((n, w) => n + w.weight, 0);
  const head = ranked.slice(0, 3);
  const missing = missingAttributes(u, text);
  // Off-topic questions meet the texts on common words only; answerable ones on at least one rare word.
  const maxIdf = Math.log(1 + vocabulary(q.corpus).stemsByCitation.size / 0.5);
  const coveredIdf = (id: string) => {
    const stems = vocabulary(q.corpus).stemsByCitation.get(id) ?? new Set<string>();
    return Math.max(0, ...q.subject.filter((w) => holds(stems, w)).map((w) => w.weight)) / maxIdf;
  };
  const best3 = Math.max(0, ...head.map((c) => coverageBy(q, c.id)));
  return {
    // How far below a third of the question the best of the texts falls: little or nothing in common.
    coverage_shortfall: Math.max(0, 1 / 3 - best3),
    rarest_covered_top: top ? coveredIdf(top.id) : 0,
    rarest_covered_best3: Math.max(0, ...head.map((c) => coveredIdf(c.id))),
    attribute_asked: Math.min(2, u.asks.attributes.length),
    attribute_missing: Math.min(2, missing.length),
    coverage_top: top ? coverageBy(q, top.id) : 0,
    coverage_best3: best3,
    coverage_text_top: top ? coverageBy(q, top.id, true) : 0,
    chunk_coverage_top: top ? chunkCoverage(q, top) : 0,
    chunk_coverage_best3: Math.max(0, ...head.map((c) => chunkCoverage(q, c))),
    question_coverage_top: top ? askedCoverage(q, top) : 0,
    uncovered_weight: Math.min(15, uncovered),
    unknown_share: total > 0 ? unknownWeight / total : 0,
    unknown_count: Math.min(3, unknown.size),
    unknown_names: Math.min(2, u.terms.unknownNames.length),
    unknown_year: u.references.unknownYears.length ? 1 : 0,
    // A place whose plans the corpus lacks, unless the text found speaks of it ("la plateforme de
    // Nouvelle-Aquitaine montrée en 2019"): then the question asks what the texts say of it.
    elsewhere_mentioned: u.terms.glossary.some((g) => g.elsewhere && !(top && terms(g.term.replace(/-/g, " ")).every((t) => ownStems.has(t)))) ? 1 : 0,
    subject_count: Math.log1p(q.subject.length),
    keyword_score: top ? Math.log1p(top.signals.keywordScore) : 0,
    vector_score: top?.signals.vectorScore ?? 0,
    agreement: top ? ((top.signals.keywordRank ? 1 / top.signals.keywordRank : 0) + (top.signals.vectorRank ? 1 / top.signals.vectorRank : 0)) / 2 : 0,
    rerank_top: topP,
    rerank_margin: topP - (second ? (rerankP.get(second.id) ?? 0) : 0),
    via_enrichment: top?.signals.viaEnrichment ? 1 : 0,
    named: q.named.size ? 1 : 0,
    action_named: u.references.actions.some((a) => a.exists) ? 1 : 0,
    asks_figure: u.asks.figure ? 1 : 0,
    asks_date: u.asks.date ? 1 : 0,
    asks_person: u.asks.person ? 1 : 0,
    // The figure is looked for past the first text (the answer quotes the one that gives it), and
    // a list of the things counted gives their number.
    figure_missing: u.asks.figure && !ev.figure && !head.slice(1).some((c) => evidence(quotedText(c)).figure) && !head.some((c) => c.chunks.some((x) => listedUnder(x.body, u.asks.counts))) ? 1 : 0,
    date_missing: u.asks.date && !ev.date ? 1 : 0,
    date_from_document: u.asks.date && !ev.date && !!(doc?.year || doc?.period) ? 1 : 0,
    person_missing: u.asks.person && !ev.person ? 1 : 0,
    glossary: Math.min(3, u.terms.glossary.length),
    corrections: Math.min(3, u.terms.corrections.length),
    english: u.lang === "en" ? 1 : 0,
  };
}

/** The direction each feature of a piece may push toward quoting it. */
export const PIECE_SIGNS: Signs = {
  piece_coverage: 1, piece_coverage_gap: 1, piece_title: 1, piece_expansion: 1, piece_found: 1, piece_found_passage: 1, piece_first: 0, piece_length: 0,
  piece_holds_ask: 1, piece_asked: 1, piece_asked_gap: 1,
};

/**
 * Features of one measure or passage of a cited text, for choosing what to quote: how much of the
 * question it holds, against the best of its siblings, and how early the rankers found it.
 */
export function pieceFeatures(q: QuestionContext, c: RetrievedCitation, piece: Chunk, index: number): Features {
  const siblings = c.chunks.filter((x) => x.kind === piece.kind);
  const cover = (x: Chunk) => {
    let value = q.pieceCoverage.get(x);
    if (value === undefined) {
      value = coverage(q.subject, new Set([...stemsOf(x.body), ...stemsOf(x.measure ?? x.section ?? "")]));
      q.pieceCoverage.set(x, value);
    }
    return value;
  };
  const own = cover(piece);
  const best = Math.max(...siblings.map(cover));
  // A piece people are known to ask about in these words (generated questions whose facts it holds).
  const asked = (x: Chunk) => {
    let value = q.pieceAsked.get(x);
    if (value === undefined) {
      const name = pieceName(q.corpus, c.id, x);
      const known = name === null ? [] : (vocabulary(q.corpus).pieceQuestionStems.get(pieceKey(c.id, name)) ?? []);
      value = Math.max(0, ...known.map((stems) => coverage(q.subject, stems)));
      q.pieceAsked.set(x, value);
    }
    return value;
  };
  const ownAsked = asked(piece);
  const title = stemsOf(piece.measure ?? piece.section ?? "");
  const body = stemsOf(piece.body);
  const expansionHits = [...q.expansion].filter((s) => body.has(s) || title.has(s)).length;
  // The rankers' order among the text's own pieces (curated enrichment aside).
  const found = siblings.indexOf(piece);
  return {
    piece_coverage: own,
    piece_coverage_gap: own - best,
    piece_title: coverage(q.subject.map((w) => ({ ...w, expansions: new Set<string>() })), title),
    piece_expansion: Math.min(3, expansionHits),
    // The rankers' order means more among an action's measures than among a document's passages,
    // which all share the document's own words.
    piece_found: piece.kind === "measure" && c.matched.includes(piece.id) ? 1 / (1 + found) : 0,
    piece_found_passage: piece.kind === "passage" && c.matched.includes(piece.id) ? 1 / (1 + found) : 0,
    piece_first: index === 0 ? 1 : 0,
    piece_length: Math.log1p(piece.body.length),
    piece_holds_ask: holdsAsk(q.u, piece.body),
    piece_asked: ownAsked,
    piece_asked_gap: ownAsked - Math.max(...siblings.map(asked)),
  };
}

/** How enrichment names a piece: a measure by its title, a passage (or a split part of one) by the opening words of the passage. */
function pieceName(corpus: Corpus, citation: string, x: Chunk): string | null {
  if (x.kind === "measure") return x.measure;
  if (x.kind !== "passage") return null;
  const passage = corpus.documents.find((d) => d.id === citation)?.passages.find((p) => p.text.includes(x.body));
  return passage ? passageOpening(passage.text) : null;
}

/** The direction each feature of a runner-up may push toward citing it too. */
export const EXTRA_SIGNS: Signs = {
  p_top: -1, p_candidate: 1, fused_ratio: 1, same_document: 0, unique_coverage: 1, candidate_coverage: 1,
  candidate_is_document: 0, top_is_document: 0, named_both: 1, counterpart: 1,
  candidate_chunk_coverage: 1, candidate_question_coverage: 1, top_shortfall: 1,
};

/** Features of a runner-up, for keeping it as a second citation. */
export function extraFeatures(q: QuestionContext, top: RetrievedCitation, c: RetrievedCitation, pTop: number, pCandidate: number): Features {
  const v = vocabulary(q.corpus);
  const topStems = v.stemsByCitation.get(top.id) ?? new Set<string>();
  const candStems = v.stemsByCitation.get(c.id) ?? new Set<string>();
  const total = q.subject.reduce((n, w) => n + w.weight, 0) || 1;
  const unique = q.subject.filter((w) => candStems.has(w.stem) && !topStems.has(w.stem)).reduce((n, w) => n + w.weight, 0) / total;
  const a = parseCitationId(top.id);
  const b = parseCitationId(c.id);
  return {
    p_top: pTop,
    p_candidate: pCandidate,
    fused_ratio: top.score > 0 ? c.score / top.score : 0,
    same_document: a.document === b.document ? 1 : 0,
    unique_coverage: unique,
    candidate_coverage: coverageBy(q, c.id),
    candidate_chunk_coverage: chunkCoverage(q, c),
    candidate_question_coverage: askedCoverage(q, c),
    // What the first leaves of the question: a second text may hold the rest.
    top_shortfall: 1 - chunkCoverage(q, top),
    candidate_is_document: b.action === null ? 1 : 0,
    top_is_document: a.action === null ? 1 : 0,
    named_both: q.named.has(a.document) && q.named.has(b.document) && a.document !== b.document ? 1 : 0,
    // The same topic in the other roadmap, by a reviewed correspondence: both are the answer.
    counterpart: [...(counterparts(q.corpus).get(top.id)?.later ?? []), ...(counterparts(q.corpus).get(top.id)?.earlier ?? [])].includes(c.id) ? 1 : 0,
  };
}
