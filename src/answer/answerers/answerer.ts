import type { Corpus } from "../../corpus/schema.js";
import type { Decision } from "../../decision/decide.js";
import type { RetrievalResult } from "../../retrieval/retriever.js";
import type { Understanding } from "../../understanding/schema.js";
import type { CitationList } from "../citations.js";
import type { Answer } from "../schema.js";

/** What an answerer composed into the citation list: the kind of answer, and whether it declines. */
export interface Composed {
  kind: Answer["kind"];
  refused: boolean;
}

/** An answerer decided before any search: from the understanding alone. */
export interface Understood {
  u: Understanding;
  corpus: Corpus;
  out: CitationList;
}

/** An answerer that reads the search and the calibrated decision too. */
export interface Searched extends Understood {
  result: RetrievalResult;
  decision: Decision;
}

/**
 * One small step of the decision: composes its answer into `out` and says what it composed, or
 * passes (returns null, having written nothing) to the next answerer in the list.
 */
export type Answerer<C extends Understood> = (context: C) => Composed | null;

export const answered = (kind: Answer["kind"]): Composed => ({ kind, refused: false });
export const refused = (kind: Answer["kind"] = "refusal"): Composed => ({ kind, refused: true });
