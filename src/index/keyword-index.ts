import SearchableMap from "minisearch/SearchableMap";
import { z } from "zod";
import { isStopword, stem, words } from "../language/french.js";
import type { Chunk } from "../corpus/chunk.js";

/** BM25+ as minisearch scores it (k 1.2, b 0.7, d 0.5), whose ranking the evaluation was tuned on. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** A typo match counts 0.45 × length / (length + distance) of an exact one. */
const FUZZY_WEIGHT = 0.45;
/** Edit distance allowed: 20 % of the term's length, for terms of six letters or more. */
const FUZZY_SHARE = 0.2;
const FUZZY_MIN_LENGTH = 6;
/** Query terms whose near spellings are kept: questions reuse a few thousand words of the domain. */
const NEAR_CACHE_MAX = 20_000;

/** The indexed form of a word: stemmed, or nothing for stopwords and lone letters. */
function processTerm(term: string): string | null {
  return isStopword(term) || (term.length < 2 && !/\d/.test(term)) ? null : stem(term);
}

export interface KeywordHit {
  chunkId: string;
  score: number;
}

const Base64 = z.string();
const KeywordFile = z.object({
  format: z.literal("bm25-postings-v1"),
  ids: z.array(z.string()),
  documents: z.array(z.string()),
  terms: z.array(z.string()),
  avgLength: z.number(),
  /** Typed arrays, little-endian, base64: the index of each chunk's document, chunk lengths, postings. */
  documentOf: Base64,
  lengths: Base64,
  offsets: Base64,
  postings: Base64,
  frequencies: Base64,
});

function encode(array: Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
}

function decode(base64: string, name: string, length: number): Uint32Array {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.byteLength !== length * 4) throw new Error(`keyword index: ${name} holds ${bytes.byteLength / 4} values, expected ${length}`);
  // Copied into an aligned buffer: Buffer.from may hand back a slice of a shared pool.
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/**
 * BM25 over chunks, with the same French term pipeline as everything else. Postings live in
 * typed arrays and a question adds scores into one array per call, so a query costs the length
 * of its terms' postings — not, as with a general search library, a map entry per matching chunk.
 */
export class KeywordIndex {
  private readonly vocabulary: SearchableMap<number>;
  private readonly scores: Float64Array;
  private readonly matched: Uint32Array;
  private readonly lastTerm: Uint32Array;
  /** Each fuzzy query term's near spellings: walking the vocabulary's tree for them cost more than scoring. */
  private readonly near = new Map<string, [number, number][]>();

  private constructor(
    private readonly ids: string[],
    private readonly documents: string[],
    private readonly terms: string[],
    private readonly documentOf: Uint32Array,
    private readonly lengths: Uint32Array,
    private readonly avgLength: number,
    private readonly offsets: Uint32Array,
    private readonly postings: Uint32Array,
    private readonly frequencies: Uint32Array,
  ) {
    this.vocabulary = new SearchableMap<number>();
    terms.forEach((t, i) => this.vocabulary.set(t, i));
    this.scores = new Float64Array(ids.length);
    this.matched = new Uint32Array(ids.length);
    this.lastTerm = new Uint32Array(ids.length);
  }

  get size(): number {
    return this.ids.length;
  }

  static build(chunks: readonly Chunk[]): KeywordIndex {
    const documents = [...new Set(chunks.map((c) => c.document))];
    const documentIndex = new Map(documents.map((d, i) => [d, i]));
    const termIndex = new Map<string, number>();
    const lists: { chunk: number[]; tf: number[] }[] = [];
    const lengths = new Uint32Array(chunks.length);
    const documentOf = new Uint32Array(chunks.length);
    let total = 0;
    chunks.forEach((c, i) => {
      const tokens = words(c.text);
      // The length BM25 normalises by: distinct words, as minisearch counts it.
      lengths[i] = new Set(tokens).size;
      total += lengths[i]!;
      documentOf[i] = documentIndex.get(c.document)!;
      const tf = new Map<number, number>();
      for (const token of tokens) {
        const term = processTerm(token);
        if (!term) continue;
        let t = termIndex.get(term);
        if (t === undefined) {
          t = lists.length;
          termIndex.set(term, t);
          lists.push({ chunk: [], tf: [] });
        }
        tf.set(t, (tf.get(t) ?? 0) + 1);
      }
      for (const [t, n] of tf) {
        lists[t]!.chunk.push(i);
        lists[t]!.tf.push(n);
      }
    });
    const offsets = new Uint32Array(lists.length + 1);
    lists.forEach((l, t) => (offsets[t + 1] = offsets[t]! + l.chunk.length));
    const postings = new Uint32Array(offsets[lists.length]!);
    const frequencies = new Uint32Array(postings.length);
    lists.forEach((l, t) => {
      postings.set(l.chunk, offsets[t]!);
      frequencies.set(l.tf, offsets[t]!);
    });
    return new KeywordIndex(
      chunks.map((c) => c.id),
      documents,
      [...termIndex.keys()],
      documentOf,
      lengths,
      chunks.length ? total / chunks.length : 0,
      offsets,
      postings,
      frequencies,
    );
  }

  static fromJSON(json: string): KeywordIndex {
    const f = KeywordFile.parse(JSON.parse(json));
    const offsets = decode(f.offsets, "offsets", f.terms.length + 1);
    const count = offsets[f.terms.length]!;
    const documentOf = decode(f.documentOf, "documentOf", f.ids.length);
    if (documentOf.some((d) => d >= f.documents.length)) throw new Error("keyword index: a chunk points to an unknown document");
    const postings = decode(f.postings, "postings", count);
    if (postings.some((p) => p >= f.ids.length)) throw new Error("keyword index: a posting points to an unknown chunk");
    return new KeywordIndex(
      f.ids,
      f.documents,
      f.terms,
      documentOf,
      decode(f.lengths, "lengths", f.ids.length),
      f.avgLength,
      offsets,
      postings,
      decode(f.frequencies, "frequencies", count),
    );
  }

  toJSON(): string {
    const file: z.infer<typeof KeywordFile> = {
      format: "bm25-postings-v1",
      ids: this.ids,
      documents: this.documents,
      terms: this.terms,
      avgLength: this.avgLength,
      documentOf: encode(this.documentOf),
      lengths: encode(this.lengths),
      offsets: encode(this.offsets),
      postings: encode(this.postings),
      frequencies: encode(this.frequencies),
    };
    return JSON.stringify(file);
  }

  /**
   * OR-query over the terms; long terms also match at edit distance ≈ 20 % of their length (typos),
   * at a lower weight than exact matches. A chunk's score is multiplied by the number of distinct
   * query terms it matches, so chunks that match more of the question come first.
   */
  query(
    text: string,
    options: {
      limit: number;
      documents?: ReadonlySet<string>;
      fuzzy?: boolean;
      /** Weight of a (processed) query term: added words can count less than the person's own. */
      boost?: (term: string) => number;
    },
  ): KeywordHit[] {
    const queryTerms = words(text).map(processTerm).filter((t): t is string => t !== null);
    if (!queryTerms.length || !this.ids.length) return [];
    const allowed = options.documents ? this.documents.map((d) => options.documents!.has(d)) : null;
    const { scores, matched, lastTerm } = this;
    const n = this.ids.length;
    const touched: number[] = [];
    // A term asked twice counts twice, as in minisearch; each distinct term counts once in `matched`.
    const multiplicity = new Map<string, number>();
    for (const t of queryTerms) multiplicity.set(t, (multiplicity.get(t) ?? 0) + 1);
    // The score arrays are shared between queries: whatever happens, the chunks touched are reset.
    try {
      let q = 0;
      for (const [term, times] of multiplicity) {
        q++;
        const boost = times * (options.boost ? options.boost(term) : 1);
        for (const [t, weight] of this.matchingTerms(term, options.fuzzy !== false)) {
          const from = this.offsets[t]!;
          const to = this.offsets[t + 1]!;
          const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
          for (let p = from; p < to; p++) {
            const chunk = this.postings[p]!;
            if (allowed && !allowed[this.documentOf[chunk]!]) continue;
            const tf = this.frequencies[p]!;
            const bm25 = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * this.lengths[chunk]!) / this.avgLength)));
            if (matched[chunk] === 0) touched.push(chunk);
            if (lastTerm[chunk] !== q) {
              lastTerm[chunk] = q;
              matched[chunk]!++;
            }
            scores[chunk]! += weight * boost * bm25;
          }
        }
      }
      const final = Float64Array.from(touched, (chunk) => scores[chunk]! * matched[chunk]!);
      return topK(touched, final, options.limit).map((h) => ({ chunkId: this.ids[h.chunk]!, score: h.score }));
    } finally {
      for (const chunk of touched) {
        scores[chunk] = 0;
        matched[chunk] = 0;
        lastTerm[chunk] = 0;
      }
    }
  }

  /** The vocabulary entries a query term reaches: itself, and its near spellings when fuzzy. */
  private matchingTerms(term: string, fuzzy: boolean): [number, number][] {
    const out: [number, number][] = [];
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) out.push([exact, 1]);
    const maxDistance = fuzzy && term.length >= FUZZY_MIN_LENGTH ? Math.round(term.length * FUZZY_SHARE) : 0;
    if (maxDistance) out.push(...this.nearSpellings(term, maxDistance));
    return out;
  }

  private nearSpellings(term: string, maxDistance: number): [number, number][] {
    let found = this.near.get(term);
    if (!found) {
      found = [];
      for (const [near, [t, distance]] of this.vocabulary.fuzzyGet(term, maxDistance)) {
        if (distance) found.push([t, (FUZZY_WEIGHT * near.length) / (near.length + distance)]);
      }
      if (this.near.size < NEAR_CACHE_MAX) this.near.set(term, found);
    }
    return found;
  }
}

/**
 * The `limit` best of the scored chunks, best first; ties in chunk order, so results are the same
 * on every run. A native sort of a copy of the scores finds the cut: a common word can touch tens
 * of thousands of chunks, and only those above the cut become objects.
 */
function topK(chunks: readonly number[], scores: Float64Array, limit: number): { chunk: number; score: number }[] {
  const floor = chunks.length > limit ? scores.slice().sort()[chunks.length - limit]! : -Infinity;
  const kept: { chunk: number; score: number }[] = [];
  chunks.forEach((chunk, i) => {
    if (scores[i]! >= floor) kept.push({ chunk, score: scores[i]! });
  });
  return kept.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, limit);
}
