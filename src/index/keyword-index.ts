import MiniSearch, { type SearchResult } from "minisearch";
import { isStopword, stem, words } from "../corpus/french.js";
import type { Chunk } from "../corpus/chunk.js";

/**
 * BM25 over chunks, with the same French term pipeline as everything else. minisearch does not
 * serialise functions, so the options live here and are given again on load.
 */
const OPTIONS = {
  idField: "id",
  fields: ["text"],
  storeFields: ["document"],
  tokenize: (text: string) => words(text),
  processTerm: (term: string) => (isStopword(term) || (term.length < 2 && !/\d/.test(term)) ? null : stem(term)),
};

export interface KeywordHit {
  chunkId: string;
  score: number;
}

export class KeywordIndex {
  private constructor(private readonly search: MiniSearch) {}

  static build(chunks: readonly Chunk[]): KeywordIndex {
    const search = new MiniSearch(OPTIONS);
    search.addAll(chunks.map((c) => ({ id: c.id, text: c.text, document: c.document })));
    return new KeywordIndex(search);
  }

  static fromJSON(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  /**
   * OR-query over the terms; long terms also match at edit distance ≈ 20 % of their length (typos),
   * at a lower weight than exact matches.
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
    const filter = options.documents
      ? (r: SearchResult) => options.documents!.has(String(r.document))
      : undefined;
    const hits = this.search.search(text, {
      combineWith: "OR",
      fuzzy: options.fuzzy === false ? false : (term: string) => (term.length >= 6 ? 0.2 : false),
      ...(filter ? { filter } : {}),
      ...(options.boost ? { boostTerm: options.boost } : {}),
    });
    return hits.slice(0, options.limit).map((h) => ({ chunkId: String(h.id), score: h.score }));
  }
}
