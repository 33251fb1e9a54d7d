import type { Chunk } from "../corpus/chunk.js";
import { actionId, parseCitationId } from "../corpus/schema.js";
import type { SearchIndex } from "../index/build.js";
import { isStopword, simplify, stem, terms, words } from "../language/french.js";
import { FRAMING_PHRASES, SEARCH_NOISE } from "../language/lexicon.js";
import { anyGroupWord, roadmapsByRecency, vocabulary } from "../understanding/corpus-tables.js";
import type { GlossaryMatch, Understanding } from "../understanding/schema.js";
import { distinctInOrder, reciprocalRankFusion } from "./fusion.js";

const FRAMING_RE = new RegExp(FRAMING_PHRASES.source, "g");

/** What each ranker saw of a citation: the decisions after retrieval read these. */
export interface RankSignals {
  /** 1-based rank of the citation in the keyword (BM25) ranking; 0 when absent. */
  keywordRank: number;
  /** 1-based rank in the vector ranking; 0 when absent. */
  vectorRank: number;
  /** BM25 score of its best chunk. */
  keywordScore: number;
  /** Similarity of its best chunk to the question (0 when absent). */
  vectorScore: number;
  /** Its best keyword chunk is curated enrichment (keywords, everyday questions), not its own text. */
  viaEnrichment: boolean;
}

export interface RetrievedCitation {
  id: string;
  score: number;
  /** The citation's own text (actions, measures, passages), most relevant first. */
  chunks: Chunk[];
  /** IDs of the chunks, content or enrichment, that a ranker found, best first. */
  matched: string[];
  signals: RankSignals;
}

export interface SearchQuery {
  /** The person's own words, and the glossary's readings of their phrases. */
  own: string;
  /** Words the system adds: spelling repairs and the rarer expansions of single glossary words. */
  added: string;
}

export interface RetrievalResult {
  understanding: Understanding;
  ranked: RetrievedCitation[];
  /** For comparisons: the ranking within each compared document, searched separately. */
  byDocument: Record<string, RetrievedCitation[]>;
  query: SearchQuery;
  /** The best keyword and vector scores over the whole search: what "a strong match" means for this question. */
  best: { keywordScore: number; vectorScore: number };
}

export interface RetrieverOptions {
  /** Chunks read from each ranker before fusion. */
  depth: number;
  limit: number;
  /** Weights of the keyword and vector rankings in the fusion. */
  keywordWeight: number;
  vectorWeight: number;
  /**
   * Added to the fused score of the most recent roadmap's citations when the question names no
   * document: "on fait quoi contre…" asks about today's plan, the older one stays just below.
   */
  recencyBonus: number;
}

export const DEFAULT_RETRIEVER: RetrieverOptions = { depth: 60, limit: 10, keywordWeight: 1, vectorWeight: 0.5, recencyBonus: 0.0005 };

/** Added words found in more than this share of citations are too common to steer the ranking. */
const MAX_ADDED_SHARE = 0.2;

/** Weight of the words the system adds to a question (glossary, spelling) against the person's own. */
const ADDED_WEIGHT = 0.5;

const CONTENT: ReadonlySet<Chunk["kind"]> = new Set(["action", "measure", "passage"]);

/**
 * Hybrid retrieval over what the understanding stage read: BM25 and vector search over the
 * question expanded by the glossary and spelling repairs, fused by reciprocal rank at the
 * citation level; documents the question names are filters, actions it names come first.
 */
export class HybridRetriever {
  private readonly contentByCitation = new Map<string, Chunk[]>();
  private readonly searchNoise: (word: string) => boolean;

  constructor(
    readonly index: SearchIndex,
    readonly options: RetrieverOptions = DEFAULT_RETRIEVER,
    private readonly onVectorFailure?: (error: unknown) => void,
  ) {
    for (const c of index.chunks) {
      if (CONTENT.has(c.kind)) this.contentByCitation.set(c.citation, [...(this.contentByCitation.get(c.citation) ?? []), c]);
    }
    const groupWord = anyGroupWord(index.corpus);
    // Words every chunk carries in its context path ("Feuille de route … › Axe … › Action 3"): in a
    // question they name the structure, not a topic, and only add noise to the rankers.
    this.searchNoise = (w) => SEARCH_NOISE.has(w) || groupWord.test(w);
  }

  /**
   * Years and structure words were read as references already; as words they match every chunk. A
   * phrase asking what a name means ("que veut dire") would match the known questions of that kind.
   */
  private searchText(text: string): string {
    return words(simplify(text).replace(FRAMING_RE, " ")).filter((w) => !this.searchNoise(w) && !/^(19|20)\d{2}((19|20)\d{2})?$/.test(w)).join(" ");
  }

  /**
   * An added word helps only if it singles out a few citations: expanding "informatique" into
   * "systèmes d'information", which a third of the 2019 actions mention, blurs the ranking.
   */
  private discriminates(s: string): boolean {
    const v = vocabulary(this.index.corpus);
    return (v.citationsByStem.get(s) ?? 0) / v.stemsByCitation.size <= MAX_ADDED_SHARE;
  }

  /** The question as the rankers see it: the person's words at full weight, the system's additions at half. */
  query(u: Understanding): SearchQuery {
    const rare = (matches: readonly GlossaryMatch[]) => words(this.searchText(matches.flatMap((g) => g.expand).join(" "))).filter((w) => this.discriminates(stem(w)));
    // A phrase of the glossary ("attaque informatique") says what the person's words mean; a single
    // word ("informatique") may mean several things, so only its rarer expansions are added, at half weight.
    const phrases = u.terms.glossary.filter((g) => words(g.term).filter((w) => !isStopword(w)).length >= 2);
    // Within the documents a question names, their names match everything: the rest is searched.
    const own = this.searchText(`${u.references.documents.length ? u.subjectText : u.text} ${rare(phrases).join(" ")}`);
    const added = [...words(this.searchText(u.terms.corrections.map((c) => c.to).join(" "))), ...rare(u.terms.glossary.filter((g) => !phrases.includes(g)))].join(" ");
    return { own, added };
  }

  /** The documents a question is searched in: those it names, the roadmaps when it asks about "la feuille de route", else all. */
  private scope(u: Understanding): Set<string> | undefined {
    if (u.references.documents.length) return new Set(u.references.documents.map((d) => d.id));
    if (u.references.plansOnly) return new Set(roadmapsByRecency(this.index.corpus).map((d) => d.id));
    return undefined;
  }

  /**
   * The documents a comparison sets side by side: the roadmaps it names; a document it names and
   * the latest roadmap; else the two a reviewed correspondence links.
   */
  compared(u: Understanding): string[] {
    const corpus = this.index.corpus;
    const byRecency = roadmapsByRecency(corpus).map((d) => d.id);
    const explicit = u.references.documents.filter((d) => d.by !== "year").map((d) => d.id);
    const named = byRecency.filter((id) => explicit.includes(id));
    if (named.length >= 2) return named;
    // A prose document named itself (not brought by a year) is set beside a roadmap.
    const prose = u.references.documents
      .filter((d) => d.by === "alias" || d.by === "label" || d.by === "region" || d.by === "name" || d.by === "publisher")
      .map((d) => d.id)
      .filter((id) => corpus.documents.find((d) => d.id === id)?.kind === "prose");
    // Two texts named and no roadmap: those two.
    if (prose.length >= 2 && !named.length) return prose.slice(0, 2);
    // A document set beside a roadmap: the one it names, else today's.
    if (prose.length && named.length <= 1 && byRecency[0]) return [prose[0]!, named[0] ?? byRecency[0]];
    const link = corpus.correspondences[0];
    // One roadmap named in a comparison: set beside the one a correspondence links it to, else
    // beside today's; today's itself ("encore dans la FDR actuelle ?") beside the one before it.
    if (named.length === 1) {
      const other = link && named[0] === link.from ? link.to : link && named[0] === link.to ? link.from : named[0] === byRecency[0] ? byRecency[1] : byRecency[0];
      return other ? [...new Set([named[0]!, other])] : named;
    }
    return link ? [link.from, link.to] : byRecency.slice(0, 2);
  }

  async retrieve(u: Understanding): Promise<RetrievalResult> {
    const query = this.query(u);
    const byDocument: Record<string, RetrievedCitation[]> = {};
    const best = { keywordScore: 0, vectorScore: 0 };
    let ranked: RetrievedCitation[];
    if (u.intent === "compare") {
      // Each side searched on its own, then interleaved, so neither crowds out the other.
      for (const id of this.compared(u)) byDocument[id] = (await this.search(query, new Set([id]), best)).slice(0, this.options.limit);
      const lists = Object.values(byDocument);
      ranked = [];
      for (let i = 0; i < this.options.limit; i++) for (const l of lists) if (l[i]) ranked.push(l[i]!);
    } else {
      const filter = this.scope(u);
      ranked = await this.search(query, filter, best);
      if (!ranked.length && filter) ranked = await this.search(query, undefined, best);
      const latest = roadmapsByRecency(this.index.corpus)[0]?.id;
      if (!u.references.documents.length && latest && this.options.recencyBonus > 0) {
        ranked = ranked
          .map((r) => (parseCitationId(r.id).document === latest ? { ...r, score: r.score + this.options.recencyBonus } : r))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      }
    }

    const direct = u.references.actions.filter((a) => a.exists).map((a) => actionId(a.document, a.number));
    if (direct.length) {
      const top = (ranked[0]?.score ?? 0) + 1;
      const found = new Map(ranked.map((r) => [r.id, r]));
      const first = direct.map((id, i) => ({ ...(found.get(id) ?? { chunks: this.contentOf(id, []), matched: [], signals: NO_SIGNALS }), id, score: top - i * 0.001 }));
      ranked = [...first, ...ranked.filter((r) => !direct.includes(r.id))];
    }
    return { understanding: u, ranked: ranked.slice(0, this.options.limit), byDocument, query, best };
  }

  private async search(query: SearchQuery, documents: Set<string> | undefined, best: { keywordScore: number; vectorScore: number }): Promise<RetrievedCitation[]> {
    const { depth } = this.options;
    const ownTerms = new Set(terms(query.own));
    const keywordHits = this.index.keywords.query(`${query.own} ${query.added}`, {
      limit: depth,
      boost: (t) => (ownTerms.has(t) ? 1 : ADDED_WEIGHT),
      ...(documents ? { documents } : {}),
    });
    const vectorHits = await this.vectorSearch(query, depth, documents);
    const chunkOf = (id: string) => this.index.chunkById.get(id)!;
    const keywordChunks = keywordHits.map((h) => h.chunkId);
    const vectorChunks = vectorHits.map(([d]) => String(d.metadata.chunkId));
    const keywordCitations = distinctInOrder(keywordChunks.map((id) => chunkOf(id).citation));
    const vectorCitations = distinctInOrder(vectorChunks.map((id) => chunkOf(id).citation));

    const signals = new Map<string, RankSignals>();
    const signal = (id: string) => {
      let s = signals.get(id);
      if (!s) signals.set(id, (s = { ...NO_SIGNALS }));
      return s;
    };
    keywordCitations.forEach((id, i) => (signal(id).keywordRank = i + 1));
    vectorCitations.forEach((id, i) => (signal(id).vectorRank = i + 1));
    for (const h of keywordHits) {
      const s = signal(chunkOf(h.chunkId).citation);
      if (h.score > s.keywordScore) {
        s.keywordScore = h.score;
        s.viaEnrichment = !CONTENT.has(chunkOf(h.chunkId).kind);
      }
      best.keywordScore = Math.max(best.keywordScore, h.score);
    }
    for (const [d, score] of vectorHits) {
      const s = signal(chunkOf(String(d.metadata.chunkId)).citation);
      s.vectorScore = Math.max(s.vectorScore, score);
      best.vectorScore = Math.max(best.vectorScore, score);
    }

    const fused = reciprocalRankFusion([
      { ids: keywordCitations, weight: this.options.keywordWeight },
      { ids: vectorCitations, weight: this.options.vectorWeight },
    ]);
    const chunkOrder = reciprocalRankFusion([{ ids: keywordChunks }, { ids: vectorChunks }]).map((c) => c.id);
    // Read once for all the citations: a hundred of them each scanning the whole order cost more than the search.
    const rank = new Map(chunkOrder.map((id, i) => [id, i]));
    const matched = new Map<string, string[]>();
    for (const c of chunkOrder) {
      const citation = chunkOf(c).citation;
      const list = matched.get(citation);
      if (list) list.push(c);
      else matched.set(citation, [c]);
    }
    return fused.map(({ id, score }) => ({
      id,
      score,
      chunks: this.inOrder(id, rank),
      matched: matched.get(id) ?? [],
      signals: signal(id),
    }));
  }

  /**
   * The vector ranking, or none when the embedder fails (a remote provider down): the keyword
   * ranking still answers, and the failure is reported through `onVectorFailure`.
   */
  private async vectorSearch(query: SearchQuery, depth: number, documents: Set<string> | undefined) {
    try {
      const vector = await this.queryVector(query);
      return await this.index.vectors.similaritySearchVectorWithScore(vector, depth, documents ? { document: [...documents] } : undefined);
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
  contentOf(citation: string, chunkOrder: readonly string[]): Chunk[] {
    return this.inOrder(citation, new Map(chunkOrder.map((id, i) => [id, i])));
  }

  private inOrder(citation: string, rank: ReadonlyMap<string, number>): Chunk[] {
    const all = this.contentByCitation.get(citation) ?? [];
    return [...all].sort((a, b) => (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9));
  }
}

const NO_SIGNALS: RankSignals = { keywordRank: 0, vectorRank: 0, keywordScore: 0, vectorScore: 0, viaEnrichment: false };
