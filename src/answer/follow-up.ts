import { simplify, terms } from "../corpus/french.js";
import { parseCitationId, type Corpus } from "../corpus/schema.js";
import { documentsNamed } from "../retrieval/query-analysis.js";
import type { Turn } from "./schema.js";

const ORDINAL: Record<string, number> = {
  premiere: 1, premier: 1, "1re": 1, "1ere": 1, first: 1,
  deuxieme: 2, seconde: 2, second: 2, "2e": 2, "2eme": 2,
  troisieme: 3, "3e": 3, "3eme": 3, third: 3,
  quatrieme: 4, "4e": 4, fourth: 4,
  derniere: -1, dernier: -1, last: -1,
};

/**
 * Rule-based rewriting of a follow-up into a standalone question, from the thread's earlier
 * turns: "détaille la deuxième" → the second action cited in the last answer; "et en 2019 ?" →
 * the previous question, asked of 2019; a question with too few words of its own → the previous
 * question's subject added. A question that stands on its own is returned as it is.
 */
export function rewriteFollowUp(question: string, history: readonly Turn[], corpus: Corpus): string {
  const lastUser = [...history].reverse().find((t) => t.role === "user");
  const lastAnswer = [...history].reverse().find((t) => t.role === "assistant");
  if (!lastUser && !lastAnswer) return question;
  const s = simplify(question);

  const ordinal = /\b(detaille|detailler|details?|plus sur|developpe|explique|precise|more on|tell me more|expand)\b.*?\b(la |le |l'|the )?(premiere|premier|1re|1ere|first|deuxieme|seconde|second|2e|2eme|troisieme|3e|3eme|third|quatrieme|4e|fourth|derniere|dernier|last)\b/.exec(s);
  if (ordinal && lastAnswer?.citations.length) {
    const n = ORDINAL[ordinal[3]!]!;
    const actions = lastAnswer.citations.filter((id) => parseCitationId(id).action !== null);
    const id = n === -1 ? actions.at(-1) : actions[n - 1];
    if (id) {
      const { document, action } = parseCitationId(id);
      const doc = corpus.documents.find((d) => d.id === document);
      return `action ${action} ${doc ? periodLabel(doc.period, doc.year) : ""}`.trim();
    }
  }

  if (!lastUser) return question;
  const own = terms(question).filter((t) => !/^\d+$/.test(t));
  const named = documentsNamed(question, corpus);
  const short = own.length <= 1 || /^(et|and|what about|and what about|quid de|et pour|et sur|et dans|et en|et la|et le|et les)\b/.test(s);
  if (!short) return question;
  if (named.length && own.length === 0) {
    // "et en 2019 ?": the same question, with this document or period instead.
    const previous = lastUser.text.replace(/\b(19|20)\d{2}(\s*-\s*(19|20)\d{2})?\b/g, "").replace(/\s+/g, " ").trim();
    return `${previous.replace(/\s*[?？]\s*$/, "")} ${question.replace(/^\s*(et|and)\s+/i, "").trim()}`;
  }
  return `${lastUser.text.replace(/\s*[?？]\s*$/, "")} — ${question}`;
}

function periodLabel(period: [number, number] | null, year: number | null): string {
  if (period) return `${period[0]}-${period[1]}`;
  return year ? String(year) : "";
}
