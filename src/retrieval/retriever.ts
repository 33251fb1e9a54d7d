import { compounds, isStopword, simplify, stem, terms, words } from "../corpus/french.js";
import type { Chunk } from "../corpus/chunk.js";
import type { SearchIndex } from "../index/build.js";
import { distinctInOrder, reciprocalRankFusion } from "./fusion.js";
import { GlossaryMatcher, type GlossaryMatch } from "./glossary.js";
import { analyzeQuestion, escapeRegExp, roadmapsByRecency, type QuestionAnalysis } from "./query-analysis.js";
import { parseCitationId } from "../corpus/schema.js";
import { closestWord } from "./spelling.js";

export interface RetrievedCitation {
  id: string;
  score: number;
  /** The citation's own text (actions, measures, passages), most relevant first. */
  chunks: Chunk[];
  /** IDs of the chunks, content or enrichment, that a ranker found. */
  matched: string[];
}

export interface RetrievalResult {
  analysis: QuestionAnalysis;
  glossary: GlossaryMatch[];
  /** Misspelt words of the question and the corpus words they were read as. */
  corrections: { from: string; to: string }[];
  ranked: RetrievedCitation[];
  /** For comparisons: the ranking within each roadmap, searched separately. */
  byDocument: Record<string, RetrievedCitation[]>;
  /** The expanded query the rankers saw. */
  query: string;
  /** Weighted share of the question's words found in the best of the top citations (0..1). */
  coverage: number;
  /** The calibrated decision: false means nothing in the corpus answers the question. */
  relevant: boolean;
}

export interface RetrieverOptions {
  /** Chunks read from each ranker before fusion. */
  depth: number;
  /** Below this coverage the question is judged out of scope. */
  minCoverage: number;
  limit: number;
  /** Weights of the keyword and vector rankings in the fusion. */
  keywordWeight: number;
  vectorWeight: number;
  /**
   * Added to the fused score of the most recent roadmap's citations when the question names no
   * period: "on fait quoi contre…" asks about today's plan, the older one stays just below.
   */
  recencyBonus: number;
}

export const DEFAULT_RETRIEVER: RetrieverOptions = { depth: 60, minCoverage: 0.3, limit: 10, keywordWeight: 1, vectorWeight: 0.5, recencyBonus: 0.0005 };

/** Added words found in more than this share of citations are too common to steer the ranking. */
const MAX_ADDED_SHARE = 0.2;

/** Weight of the words the system adds to a question (glossary, spelling) against the person's own. */
const ADDED_WEIGHT = 0.5;

interface SearchQuery {
  own: string;
  added: string;
}

/** Words that name a plan: "la stratégie de l'Allemagne" asks for another country's plan. */
const PLAN = "(?:strategies?|feuilles? de route|plans?|politiques?|programmes?|roadmaps?|strateg(?:y|ies)|polic(?:y|ies))";

/**
 * Whether the question asks for the plan of a place the corpus does not cover: the plan word, then
 * the place as its owner ("… de l'Allemagne", "… of Spain"), or the place's possessive ("Germany's …").
 */
function asksPlanOf(question: string, place: string): boolean {
  const s = simplify(question);
  const p = escapeRegExp(simplify(place).trim());
  return (
    new RegExp(`\\b${PLAN}\\b[^?.!]{0,40}?\\b(?:de la|de l'|du|des|d'|de|of|in)\\s*(?:the\\s+)?${p}\\b`).test(s) ||
    new RegExp(`\\b${p}'s\\b[^?.!]{0,40}?\\b${PLAN}\\b`).test(s)
  );
}

/** With a name the corpus does not know, the rest of the question must be covered this well. */
const COVERAGE_WITH_UNKNOWN_NAME = 0.75;

const CONTENT: ReadonlySet<Chunk["kind"]> = new Set(["action", "measure", "passage"]);

/**
 * Words every chunk carries in its context path ("Feuille de route … › Action 3"): in a question
 * they name the structure, not a topic, and only add noise to the rankers.
 */
const STRUCTURE_WORDS = new Set([
  "strategie", "strategy", "grandes", "grands", "numerique", "sante", "digital", "health",
  "action", "actions", "mesure", "mesures", "measure", "measures", "feuille", "feuilles", "route", "roadmap",
  "roadmaps", "axe", "axes", "axis", "orientation", "orientations", "priorite", "priorites", "parle", "parlent",
  "prevoit", "prevoient", "quelle", "quelles", "quel", "quels", "concerne", "trouve", "texte", "textes",
  // Staff's abbreviation of "feuille de route".
  "fdr", "fdrs",
]);

/**
 * Words that frame a question without naming its subject ("comparer", "ça avance ?"): they are
 * left out when judging whether the corpus covers the subject.
 */
const FRAMING_WORDS = new Set(
  [
    "comparer", "comparaison", "compare", "comparison", "difference", "differences", "evolution", "evolue", "devenu",
    "devenue", "prevu", "prevue", "prevus", "prevoyait", "avance", "avancer", "exactement", "concretement", "plan",
    "plans", "sujet", "point", "existe", "exist", "quoi", "change", "changed", "become", "became", "happened",
    "planned", "address", "addresses", "cote", "niveau", "mettre", "faut", "va", "vont", "pourra", "pourront",
    "sert", "servir", "veut", "dire", "signifie", "mean", "means", "stand", "stands", "continue", "continuer",
    "ancien", "ancienne", "nouveau", "nouvelle", "new", "old", "deux", "both", "two",
    "vs", "versus", "aujourdhui", "aujourd", "hui", "actuellement", "today", "now", "designe", "designent", "dessus",
  ].map(stem),
);

/** A capitalised word of the question that the corpus and the glossary have never seen: a place, a product, an institution they do not cover. */
function unknownNames(question: string, known: (word: string) => boolean): string[] {
  const tokens = question.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return tokens
    .slice(1)
    .filter((t) => /^\p{Lu}/u.test(t) && t.length >= 3)
    .flatMap((t) => words(t))
    .filter((w) => w.length >= 3 && !isStopword(w) && !known(w));
}

/** The words that carry a question's subject: no structure, no framing, no stopwords; stemmed. */
export function subjectTerms(question: string): string[] {
  return [...new Set(terms(searchText(question)))].filter((s) => !FRAMING_WORDS.has(s));
}

function searchText(text: string): string {
  // Years and periods were read as roadmap filters already; as words they match every date.
  return words(text).filter((w) => !STRUCTURE_WORDS.has(w) && !/^(19|20)\d{2}((19|20)\d{2})?$/.test(w)).join(" ");
}

/**
 * Hybrid retrieval: BM25 and vector search over the same expanded question (glossary, spelling),
 * fused by reciprocal rank at the citation level, with direct lookups ("action 14 de 2023-2027")
 * placed first and roadmap filters read from the question.
 */
export class HybridRetriever {
  private readonly glossary: GlossaryMatcher;
  private readonly vocabulary: string[];
  /** Words of the glossary's terms and of the documents' names: known, though maybe in no chunk. */
  private readonly namedWords = new Set<string>();
  private readonly aliases: string[];
  private readonly stemsByCitation = new Map<string, Set<string>>();
  private readonly citationsByStem = new Map<string, number>();
  private readonly contentByCitation = new Map<string, Chunk[]>();

  constructor(
    readonly index: SearchIndex,
    readonly options: RetrieverOptions = DEFAULT_RETRIEVER,
    private readonly onVectorFailure?: (error: unknown) => void,
  ) {
    this.glossary = new GlossaryMatcher(index.corpus.glossary);
    this.aliases = index.corpus.documents.flatMap((d) => [d.label, ...d.aliases]).map(simplify);
    // A document's names are known words: "ARS BZH" names the Bretagne strategy, not something the corpus lacks.
    for (const a of this.aliases) for (const w of words(a)) this.namedWords.add(w);
    const surface = new Set<string>();
    for (const c of index.chunks) {
      const stems = this.stemsByCitation.get(c.citation) ?? new Set<string>();
      for (const w of words(c.text)) {
        if (isStopword(w)) continue;
        surface.add(w);
        stems.add(stem(w));
      }
      this.stemsByCitation.set(c.citation, stems);
      if (CONTENT.has(c.kind)) this.contentByCitation.set(c.citation, [...(this.contentByCitation.get(c.citation) ?? []), c]);
    }
    for (const e of index.corpus.glossary) {
      for (const t of e.terms) {
        for (const w of words(t)) {
          if (isStopword(w)) continue;
          surface.add(w);
          this.namedWords.add(w);
        }
      }
    }
    for (const stems of this.stemsByCitation.values()) for (const s of stems) this.citationsByStem.set(s, (this.citationsByStem.get(s) ?? 0) + 1);
    this.vocabulary = [...surface].filter((w) => w.length >= 4);
  }

  private namesOnlyStructure(term: string): boolean {
    const t = simplify(term);
    if (this.aliases.some((a) => a === t || a.includes(t))) return true;
    return words(term).every((w) => STRUCTURE_WORDS.has(w) || FRAMING_WORDS.has(stem(w)) || isStopword(w) || /^\d+$/.test(w));
  }

  /**
   * The roadmaps a comparison is about: those it names; else the one it names and the latest;
   * else the two a reviewed correspondence links. Searching every roadmap would grow with the corpus.
   */
  private comparedRoadmaps(analysis: QuestionAnalysis): string[] {
    const byRecency = roadmapsByRecency(this.index.corpus).map((d) => d.id);
    const named = byRecency.filter((id) => analysis.documents.includes(id));
    if (named.length >= 2) return named;
    const link = this.index.corpus.correspondences[0];
    if (named.length === 1) return [...new Set([named[0]!, link && named[0] === link.from ? link.to : byRecency[0]!])];
    return link ? [link.from, link.to] : byRecency.slice(0, 2);
  }

  /**
   * An added word helps only if it singles out a few citations: expanding "informatique" into
   * "systèmes d'information", which a third of the 2019 actions mention, blurs the ranking.
   */
  private discriminates(s: string): boolean {
    const df = this.citationsByStem.get(s) ?? 0;
    return df / this.stemsByCitation.size <= MAX_ADDED_SHARE;
  }

  private known(word: string): boolean {
    return this.citationsByStem.has(stem(word)) || this.namedWords.has(word);
  }

  private idf(s: string): number {
    const n = this.stemsByCitation.size;
    return Math.log(1 + n / (this.citationsByStem.get(s) ?? 0.5));
  }

  async retrieve(question: string): Promise<RetrievalResult> {
    const analysis = analyzeQuestion(question, this.index.corpus);
    const corrections: { from: string; to: string }[] = [];
    for (const w of new Set(words(question))) {
      if (w.length < 4 || isStopword(w) || /\d/.test(w) || this.known(w)) continue;
      const to = closestWord(w, this.vocabulary);
      if (to) corrections.push({ from: w, to });
    }
    const corrected = `${question} ${corrections.map((c) => c.to).join(" ")}`;
    // Terms that only name a document or the structure ("feuille de route 2019", "orientation") were
    // read as filters or intents; expanding them would flood the query with generic words.
    const glossary = this.glossary.match(corrected, analysis.documents).filter((g) => !this.namesOnlyStructure(g.term));
    // The person's own words count fully. Added words count half: spelling repairs always, the
    // glossary's additions only when they single out a few citations.
    // A phrase of the glossary ("attaque informatique") says what the person's words mean; a single
    // word ("informatique") may mean several things, so only its rarer expansions are added, at half weight.
    const rareExpansions = (matches: GlossaryMatch[]) => words(searchText(matches.flatMap((g) => g.expand).join(" "))).filter((w) => this.discriminates(stem(w)));
    const phrases = glossary.filter((g) => words(g.term).filter((w) => !isStopword(w)).length >= 2);
    const own = searchText(`${question} ${rareExpansions(phrases).join(" ")}`);
    const expansions = rareExpansions(glossary.filter((g) => !phrases.includes(g)));
    const added = [...words(searchText(corrections.map((c) => c.to).join(" "))), ...expansions].join(" ");
    const query: SearchQuery = { own, added };

    const byDocument: Record<string, RetrievedCitation[]> = {};
    let ranked: RetrievedCitation[];
    if (analysis.intent.type === "compare") {
      // Each roadmap searched on its own, then interleaved, so neither side crowds out the other.
      for (const id of this.comparedRoadmaps(analysis)) byDocument[id] = (await this.search(query, new Set([id]))).slice(0, this.options.limit);
      const lists = Object.values(byDocument);
      ranked = [];
      for (let i = 0; i < this.options.limit; i++) for (const l of lists) if (l[i]) ranked.push(l[i]!);
    } else {
      const filter = analysis.documents.length
        ? new Set(analysis.documents)
        : analysis.roadmapsOnly
          ? new Set(this.index.corpus.documents.filter((d) => d.kind === "roadmap").map((d) => d.id))
          : undefined;
      ranked = await this.search(query, filter);
      if (!ranked.length && filter) ranked = await this.search(query, undefined);
      const latest = roadmapsByRecency(this.index.corpus)[0]?.id;
      if (!analysis.documents.length && latest && this.options.recencyBonus > 0) {
        ranked = ranked
          .map((r) => (parseCitationId(r.id).document === latest ? { ...r, score: r.score + this.options.recencyBonus } : r))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      }
    }

    const direct = analysis.actions.filter((a) => a.exists).map((a) => `${a.document}#action-${a.number}`);
    if (direct.length) {
      const top = (ranked[0]?.score ?? 0) + 1;
      const first = direct.map((id, i) => ({ id, score: top - i * 0.001, chunks: this.contentOf(id, []), matched: [] }));
      ranked = [...first, ...ranked.filter((r) => !direct.includes(r.id))];
    }
    ranked = ranked.slice(0, this.options.limit);

    const coverage = this.coverage(question, corrections, glossary, ranked.slice(0, 3));
    const needed = unknownNames(question, (w) => this.known(w)).length ? COVERAGE_WITH_UNKNOWN_NAME : this.options.minCoverage;
    // "la feuille de route 2028-2032": a period no document covers is not answered from another one.
    const otherPeriod = analysis.unknownYears.length > 0 && !analysis.documents.length && /\b(feuilles? de route|roadmaps?|strategie|plan)\b/.test(simplify(question));
    const otherPlace = glossary.some((g) => g.elsewhere && asksPlanOf(question, g.term));
    const relevant = !analysis.injection && !analysis.personalMedical && !otherPeriod && !otherPlace && ranked.length > 0 && (direct.length > 0 || coverage >= needed);
    return { analysis, glossary, corrections, ranked, byDocument, query: `${own} ${added}`.trim(), coverage, relevant };
  }

  private async search(query: SearchQuery, documents: Set<string> | undefined): Promise<RetrievedCitation[]> {
    const { depth } = this.options;
    const ownTerms = new Set(terms(query.own));
    const keywordHits = this.index.keywords.query(`${query.own} ${query.added}`, {
      limit: depth,
      boost: (t) => (ownTerms.has(t) ? 1 : ADDED_WEIGHT),
      ...(documents ? { documents } : {}),
    });
    const vectorHits = await this.vectorSearch(query, depth, documents);
    const keywordChunks = keywordHits.map((h) => h.chunkId);
    const vectorChunks = vectorHits.map(([d]) => String(d.metadata.chunkId));
    const citationOf = (id: string) => this.index.chunkById.get(id)!.citation;

    const fused = reciprocalRankFusion([
      { ids: distinctInOrder(keywordChunks.map(citationOf)), weight: this.options.keywordWeight },
      { ids: distinctInOrder(vectorChunks.map(citationOf)), weight: this.options.vectorWeight },
    ]);
    const chunkOrder = reciprocalRankFusion([{ ids: keywordChunks }, { ids: vectorChunks }]).map((c) => c.id);
    return fused.map(({ id, score }) => ({
      id,
      score,
      chunks: this.contentOf(id, chunkOrder),
      matched: chunkOrder.filter((c) => citationOf(c) === id),
    }));
  }

  /**
   * The vector ranking, or none when the embedder fails (a remote provider down): the keyword
   * ranking still answers, and the failure is reported through `onVectorFailure`.
   */
  private async vectorSearch(query: SearchQuery, depth: number, documents: Set<string> | undefined) {
    try {
      const vector = await this.queryVector(query);
      return await this.index.vectors.similaritySearchVectorWithScore(
        vector,
        depth,
        documents ? { document: [...documents] } : undefined,
      );
    } catch (error) {
      this.onVectorFailure?.(error);
      return [];
    }
  }

  private async queryVector(query: SearchQuery): Promise<number[]> {
    const own = await this.index.embeddings.embedQuery(query.own || query.added);
    if (!query.added || !query.own) return own;
    const added = await this.index.embeddings.embedQuery(query.added);
    return own.map((v, i) => v + ADDED_WEIGHT * added[i]!);
  }

  /** The citation's content chunks, those the rankers found first, then the rest in text order. */
  private contentOf(citation: string, chunkOrder: readonly string[]): Chunk[] {
    const all = this.contentByCitation.get(citation) ?? [];
    const rank = new Map(chunkOrder.map((id, i) => [id, i]));
    return [...all].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  }

  /**
   * How much of the question the best of the top citations accounts for, each word weighted by
   * its rarity across citations (unknown words weigh most: they are what the corpus lacks).
   * Words met through the glossary count as found when their expansion is.
   */
  private coverage(
    question: string,
    corrections: { from: string; to: string }[],
    glossary: GlossaryMatch[],
    top: RetrievedCitation[],
  ): number {
    const fixed = new Map(corrections.map((c) => [stem(c.from), stem(c.to)]));
    const glossaryStems = new Set(glossary.flatMap((g) => words(g.term).map(stem)));
    // "compare-moi", "là-dessus": a compound the corpus does not know is read as its parts, not
    // as one more unknown word ("e-parcours", which it knows, stays whole).
    const unknownCompounds = new Set(compounds(question).map((c) => stem(c.joined)).filter((j) => !this.citationsByStem.has(j)));
    const asked = subjectTerms(question)
      .filter((s) => !unknownCompounds.has(s))
      .map((s) => fixed.get(s) ?? s);
    if (!asked.length || !top.length) return 0;
    const expansion = new Set(terms(glossary.flatMap((g) => g.expand).join(" ")));
    let best = 0;
    for (const c of top) {
      const stems = this.stemsByCitation.get(c.id) ?? new Set<string>();
      const expansionFound = [...expansion].some((s) => stems.has(s));
      let found = 0;
      let total = 0;
      for (const s of asked) {
        const w = this.idf(s);
        total += w;
        if (stems.has(s) || (glossaryStems.has(s) && expansionFound)) found += w;
      }
      best = Math.max(best, total ? found / total : 0);
    }
    return best;
  }
}
