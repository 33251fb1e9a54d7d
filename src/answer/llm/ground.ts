import { simplify } from "../../language/french.js";
import type { Lang } from "../../understanding/schema.js";
import type { Excerpt } from "./excerpts.js";
import type { GroundedOutput } from "./output.js";
import { GROUNDED_SYSTEM, REWRITE_SYSTEM } from "./prompt.js";
import { statementSupport, type Unsupported } from "./support.js";

export interface GroundedStatement {
  text: string;
  /** Citation IDs, each one of the excerpts given to the model. */
  citations: string[];
}

export interface Grounding {
  statements: GroundedStatement[];
  /** Cited IDs that were not among the excerpts (invented, altered or injected). */
  removedIds: string[];
  /** Statements left without any valid citation, or repeating the instructions. */
  droppedStatements: number;
  /** Cited statements that say what their excerpts do not: why each one was dropped. */
  unsupported: Unsupported[][];
  /** How many statements the model wrote (empty ones aside). */
  written: number;
}

/** Models also write IDs inline ("… [fdr-2023-2027#action-13]") or number them: the answer's own markers replace both. */
const INLINE_MARKER = /\s*[[(](?:[a-z0-9-]+#action-\d+|\d{1,2})[\])]/g;

function normalizeId(id: string): string {
  return id.trim().replace(/^[[(<"«\s]+|[\])>"»\s]+$/g, "");
}

const WINDOW = 10;

function wordsOf(text: string): string[] {
  return simplify(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Every run of WINDOW consecutive words of the instructions: a statement holding one repeats them. */
const INSTRUCTION_RUNS = new Set(
  [GROUNDED_SYSTEM, REWRITE_SYSTEM].flatMap((p) => {
    const w = wordsOf(p);
    return w.slice(0, Math.max(0, w.length - WINDOW + 1)).map((_, i) => w.slice(i, i + WINDOW).join(" "));
  }),
);

export function repeatsInstructions(text: string): boolean {
  const w = wordsOf(text);
  for (let i = 0; i + WINDOW <= w.length; i++) if (INSTRUCTION_RUNS.has(w.slice(i, i + WINDOW).join(" "))) return true;
  return false;
}

/**
 * Keeps what the excerpts back: IDs outside the excerpts are removed, a statement left with no
 * valid citation is dropped, and so is one that does not say what the excerpts it cites say
 * (statementSupport): every statement served is cited, and backed by its citations, whatever the
 * model was told by a document.
 */
export function groundStatements(output: GroundedOutput, excerpts: readonly Excerpt[], lang: Lang, framing: ReadonlySet<string>): Grounding {
  const byId = new Map(excerpts.map((e) => [e.id, `${e.label}\n${e.text}`]));
  const statements: GroundedStatement[] = [];
  const removed = new Set<string>();
  const unsupported: Unsupported[][] = [];
  let dropped = 0;
  let written = 0;
  for (const s of output.answer) {
    const ids = s.citations.map(normalizeId);
    for (const id of ids) if (!byId.has(id)) removed.add(id);
    const citations = [...new Set(ids.filter((id) => byId.has(id)))];
    const text = s.text.replace(INLINE_MARKER, "").trim();
    if (!text) continue;
    written++;
    if (!citations.length || repeatsInstructions(text)) {
      dropped++;
      continue;
    }
    const support = statementSupport(text, citations.map((id) => byId.get(id)!), lang, framing);
    if (!support.supported) {
      unsupported.push(support.reasons);
      continue;
    }
    statements.push({ text, citations });
  }
  return { statements, removedIds: [...removed], droppedStatements: dropped, unsupported, written };
}
