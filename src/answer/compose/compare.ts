import { periodOf } from "../../corpus/chunk.js";
import { actionId, parseCitationId, type Corpus, type Correspondence, type CorrespondenceLink } from "../../corpus/schema.js";
import type { Decision } from "../../decision/decide.js";
import type { RetrievalResult, RetrievedCitation } from "../../retrieval/retriever.js";
import type { CitationList } from "../citations.js";
import { counterparts } from "../../understanding/corpus-tables.js";
import { silentOn } from "../messages.js";
import { quote } from "./extractive.js";
import { describeAction } from "./structural.js";

const TOP = 5;

function rankScore(list: readonly RetrievedCitation[] | undefined, id: string): number {
  const i = (list ?? []).slice(0, TOP).findIndex((r) => r.id === id);
  return i < 0 ? 0 : 1 / (1 + i);
}

interface Pick {
  correspondence: Correspondence;
  link: CorrespondenceLink;
  to: number[];
  score: number;
}

/**
 * The reviewed link that best fits what was retrieved on each side, and holds the action the
 * decision put first when it is one of theirs: "l'ASIP devenue quoi en 2019 ?" is the 2019 action
 * on the ASIP, which has no reviewed successor, not a linked pair found next to it.
 */
function bestLink(result: RetrievalResult, corpus: Corpus, first: string | undefined): Pick | null {
  let best: Pick | null = null;
  const lead = first ? parseCitationId(first) : null;
  for (const c of corpus.correspondences) {
    const fromList = result.byDocument[c.from];
    const toList = result.byDocument[c.to];
    // A link speaks of two roadmaps: only when both are the ones compared.
    if (!fromList || !toList) continue;
    const anchored = lead && lead.action !== null && (lead.document === c.from || lead.document === c.to) ? lead : null;
    for (const link of c.links) {
      if (anchored && !(anchored.document === c.from ? link.from === anchored.action : link.to.includes(anchored.action!))) continue;
      const fromScore = rankScore(fromList, actionId(c.from, link.from));
      const toScores = link.to.map((n) => ({ n, s: rankScore(toList, actionId(c.to, n)) }));
      const toBest = Math.max(...toScores.map((t) => t.s));
      // The link must be about what the question asks: its earlier action the best match on its
      // side, or its later action the best on its own with the earlier one close behind.
      if (fromScore < 1 && !(toBest === 1 && fromScore >= 1 / 3)) continue;
      const score = fromScore + toBest + (link.strength === "direct" ? 0.01 : 0);
      const to = toBest > 0 ? toScores.filter((t) => t.s > 0).sort((a, b) => b.s - a.s).map((t) => t.n) : link.to;
      if (!best || score > best.score) best = { correspondence: c, link, to, score };
    }
  }
  return best;
}

/** A side speaks of the topic when one of its first texts holds half the subject; it is silent when none holds any of it. */
const SPEAKS = 0.5;
/**
 * Unless the search put the reviewed counterpart of the other side's best among its own first two:
 * the Health Data Hub is 2023-2027's action 18 in other words. A counterpart found fifth is linked
 * on another aspect (Mon espace santé's carers, not the médiateurs numériques).
 */
const LINKED_WITHIN = 2;

/**
 * The texts compared that say nothing of the topic, and the best text of those that do: "le SAS
 * depuis 2019 ?" finds nothing of the SAS in the 2019 roadmap, whose closest action (or a link
 * from it) would pass noise off as its side of the comparison.
 */
function silentSides(result: RetrievalResult, decision: Decision, corpus: Corpus): { silent: string[]; spoken: RetrievedCitation } | null {
  const entries = Object.entries(result.byDocument);
  // Only roadmaps are read this way: a prose text tells of a topic in other words than a plan does,
  // and a reviewed link says two actions speak of one thing whatever their words.
  if (entries.some(([id]) => corpus.documents.find((d) => d.id === id)?.kind !== "roadmap")) return null;
  const sides = entries
    .filter(([, list]) => list.length > 0)
    .map(([id, list]) => {
      const scored = list.slice(0, TOP).map((c) => ({ c, coverage: decision.covers(c.id) }));
      const best = scored.reduce((a, b) => (b.coverage > a.coverage ? b : a));
      return { id, ...best };
    });
  const loudest = sides.reduce<(typeof sides)[number] | null>((a, b) => (!a || b.coverage > a.coverage ? b : a), null);
  if (!loudest || loudest.coverage < SPEAKS) return null;
  const link = counterparts(corpus).get(loudest.c.id);
  const linked = new Set([...(link?.earlier ?? []), ...(link?.later ?? [])]);
  const silent = sides
    .filter((s) => s.coverage === 0 && !(result.byDocument[s.id] ?? []).slice(0, LINKED_WITHIN).some((c) => linked.has(c.id)))
    .map((s) => s.id);
  return silent.length ? { silent, spoken: loudest.c } : null;
}

/**
 * "qu'est devenu e-parcours depuis 2019 ?": the matching action of each roadmap side by side,
 * from the reviewed correspondence; without a reviewed link, the closest action of each roadmap,
 * said to be unlinked.
 */
export function composeComparison(result: RetrievalResult, decision: Decision, corpus: Corpus, out: CitationList): boolean {
  const lang = result.understanding.lang;
  const quiet = silentSides(result, decision, corpus);
  if (quiet) {
    out.say(silentOn(quiet.silent, parseCitationId(quiet.spoken.id).document, corpus, lang));
    quote(quiet.spoken, result, decision, corpus, out).write();
    return true;
  }
  const pick = bestLink(result, corpus, decision.ranked[0]?.id);
  const measuresFor = (id: string): Set<string> => {
    const r = Object.values(result.byDocument).flat().find((x) => x.id === id);
    const m = r ? decision.pieces(r, "measure", 2) : [];
    return new Set(m.map((x) => x.measure ?? x.body));
  };
  const side = (documentId: string, number: number) => {
    const doc = corpus.documents.find((d) => d.id === documentId)!;
    const action = doc.actions.find((a) => a.number === number)!;
    describeAction(doc, action, lang, out, measuresFor(actionId(documentId, number)));
  };

  if (pick) {
    const { correspondence: c, link } = pick;
    const topic = lang === "en" ? (link.topic_en ?? link.topic) : link.topic;
    const nature = link.strength === "direct"
      ? (lang === "en" ? "same programme continued" : "même programme, poursuivi")
      : (lang === "en" ? "related, with a different scope" : "sujet voisin, au périmètre différent");
    out.say(lang === "en" ? `On ${topic} (${nature}):` : `Sur ${topic} (${nature}) :`);
    side(c.from, link.from);
    for (const n of pick.to.slice(0, 2)) side(c.to, n);
    return true;
  }

  const sides = Object.entries(result.byDocument).filter(([, list]) => list.length > 0);
  if (!sides.length) return false;
  const documents = sides.map(([id]) => corpus.documents.find((d) => d.id === id)!);
  const allRoadmaps = documents.every((d) => d.kind === "roadmap");
  out.say(
    allRoadmaps
      ? lang === "en"
        ? "I have no reviewed link between the roadmaps on this point; here is the closest action in each:"
        : "Je n'ai pas de correspondance établie entre les feuilles de route sur ce point ; voici l'action la plus proche dans chacune :"
      : lang === "en"
        ? `Side by side, what each text says closest to the question (${documents.map((d) => d.label).join(" / ")}):`
        : `Côte à côte, ce que chaque texte dit de plus proche de la question (${documents.map((d) => d.label).join(" / ")}) :`,
  );
  const ordered = sides.sort(([a], [b]) => periodOf(corpus.documents.find((d) => d.id === a)!).localeCompare(periodOf(corpus.documents.find((d) => d.id === b)!)));
  for (const [, list] of ordered) {
    // A roadmap's side is its closest action; a prose document's, its closest passage.
    const top = list.find((r) => parseCitationId(r.id).action !== null) ?? list[0];
    if (top) quote(top, result, decision, corpus, out).write();
  }
  return true;
}
