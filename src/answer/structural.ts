import { actionId, parseCitationId, type Action, type Corpus, type CorpusDocument } from "../corpus/schema.js";
import { roadmapsByRecency, type Lang, type QuestionAnalysis } from "../retrieval/query-analysis.js";
import type { RetrievedCitation } from "../retrieval/retriever.js";
import type { CitationList } from "./citations.js";

/**
 * Answers about the structure itself — counts, axes or orientations, the actions of a group,
 * what action N is, where it belongs — computed from the parsed roadmaps, never searched.
 * Returns false when the question is not structural after all.
 */
export function answerStructure(
  analysis: QuestionAnalysis,
  corpus: Corpus,
  out: CitationList,
  /** Relevant retrieval results: "le DMP, c'est dans quelle orientation ?" names its action by topic. */
  ranked: readonly RetrievedCitation[] = [],
): boolean {
  const lang = analysis.lang;
  const named = roadmapsByRecency(corpus).filter((d) => analysis.documents.includes(d.id));
  const roadmaps = named.length ? named : roadmapsByRecency(corpus);
  switch (analysis.intent.type) {
    case "count_actions":
      for (const d of roadmaps) out.say(countActions(d, lang), out.cite(d.id));
      return true;
    case "count_measures":
      for (const d of roadmaps) out.say(countMeasures(d, lang), out.cite(d.id));
      return true;
    case "list_groups":
      for (const d of roadmaps) listGroups(d, lang, out);
      return true;
    case "group_actions":
      for (const ref of analysis.groups) groupActions(corpus.documents.find((d) => d.id === ref.document)!, ref.number, lang, out);
      return analysis.groups.length > 0;
    case "describe_action":
    case "action_measures":
    case "action_group": {
      const refs = analysis.actions.length ? analysis.actions : topActions(ranked, corpus);
      for (const ref of refs) {
        const doc = corpus.documents.find((d) => d.id === ref.document)!;
        const action = doc.actions.find((a) => a.number === ref.number);
        if (!action) {
          out.say(missingAction(doc, ref.number, lang), out.cite(doc.id));
          continue;
        }
        if (analysis.intent.type === "action_group") out.say(whereIs(doc, action, lang), out.cite(actionId(doc.id, action.number)));
        else describeAction(doc, action, lang, out);
      }
      return refs.length > 0;
    }
    default:
      return false;
  }
}

/** The best-ranked action of the retrieval, as a reference. */
function topActions(ranked: readonly RetrievedCitation[], corpus: Corpus): { document: string; number: number }[] {
  for (const r of ranked) {
    const { document, action } = parseCitationId(r.id);
    if (action !== null && corpus.documents.some((d) => d.id === document)) return [{ document, number: action }];
  }
  return [];
}

function plural(word: string, n: number): string {
  return n > 1 && !word.endsWith("s") ? `${word}s` : word;
}

function groupName(d: CorpusDocument, lang: Lang): string {
  return (lang === "en" ? d.groupNameEn : d.groupName) ?? (lang === "en" ? "part" : "partie");
}

function range(a: number[], lang: Lang): string {
  if (!a.length) return "";
  const first = Math.min(...a);
  const last = Math.max(...a);
  if (first === last) return `action ${first}`;
  return lang === "en" ? `actions ${first}–${last}` : `actions ${first} à ${last}`;
}

function countActions(d: CorpusDocument, lang: Lang): string {
  const g = groupName(d, lang);
  const groups = d.groups.map((x) => `${x.short ?? x.title} (${range(x.actions, lang)})`).join(" ; ");
  return lang === "en"
    ? `${d.label}: ${d.actions.length} actions in ${d.groups.length} ${plural(g, d.groups.length)} — ${groups}.`
    : `${d.label} : ${d.actions.length} actions, réparties en ${d.groups.length} ${plural(g, d.groups.length)} — ${groups}.`;
}

function countMeasures(d: CorpusDocument, lang: Lang): string {
  const n = d.actions.reduce((s, a) => s + a.measures.length, 0);
  if (!n) {
    return lang === "en"
      ? `${d.label}: its ${d.actions.length} actions are one line each, with no named measures.`
      : `${d.label} : ses ${d.actions.length} actions tiennent chacune en une ligne, sans mesures nommées.`;
  }
  return lang === "en"
    ? `${d.label}: ${n} named measures across its ${d.actions.length} actions.`
    : `${d.label} : ${n} mesures nommées, réparties dans ses ${d.actions.length} actions.`;
}

function listGroups(d: CorpusDocument, lang: Lang, out: CitationList): void {
  const n = out.cite(d.id);
  const g = groupName(d, lang);
  out.say(
    lang === "en" ? `${d.label} has ${d.groups.length} ${plural(g, d.groups.length)}:` : `${d.label} compte ${d.groups.length} ${plural(g, d.groups.length)} :`,
    n,
  );
  for (const x of d.groups) {
    const sub = x.subtitle && x.subtitle !== x.title ? ` — ${x.subtitle}` : "";
    out.say(`• ${x.number}. ${x.title}${sub} (${range(x.actions, lang)})`, n);
  }
}

function groupActions(d: CorpusDocument, number: number, lang: Lang, out: CitationList): void {
  const g = d.groups.find((x) => x.number === number)!;
  const name = groupName(d, lang);
  out.say(
    lang === "en"
      ? `${d.label}, ${name} ${g.number} "${g.title}" (${range(g.actions, lang)}):`
      : `${d.label}, ${name} ${g.number} « ${g.title} » (${range(g.actions, lang)}) :`,
    out.cite(d.id),
  );
  for (const a of d.actions.filter((x) => x.group === number)) {
    out.say(`• Action ${a.number} : ${a.title}`, out.cite(actionId(d.id, a.number)));
  }
}

function missingAction(d: CorpusDocument, n: number, lang: Lang): string {
  return lang === "en"
    ? `${d.label} has only ${d.actions.length} actions: there is no action ${n}.`
    : `${d.label} ne compte que ${d.actions.length} actions : il n'y a pas d'action ${n}.`;
}

function whereIs(d: CorpusDocument, a: Action, lang: Lang): string {
  const g = d.groups.find((x) => x.number === a.group)!;
  const name = groupName(d, lang);
  return lang === "en"
    ? `${d.label}, action ${a.number} "${a.title}" belongs to ${name} ${g.number}, "${g.title}" (${range(g.actions, lang)}).`
    : `${d.label}, action ${a.number} « ${a.title} » : ${name} ${g.number}, « ${g.title} » (${range(g.actions, lang)}).`;
}

export function describeAction(d: CorpusDocument, a: Action, lang: Lang, out: CitationList, only?: ReadonlySet<string>): void {
  const g = d.groups.find((x) => x.number === a.group)!;
  const name = groupName(d, lang);
  const measures = only ? a.measures.filter((m) => only.has(m.title ?? m.text ?? "")) : a.measures;
  const head = lang === "en"
    ? `${d.label}, ${name} ${g.number} "${g.short ?? g.title}" — action ${a.number}: "${a.title}"`
    : `${d.label}, ${name} ${g.number} « ${g.short ?? g.title} » — action ${a.number} : « ${a.title} »`;
  const id = actionId(d.id, a.number);
  out.say(measures.length ? `${head}${lang === "en" ? ". Measures:" : ". Mesures :"}` : `${head}.`, out.cite(id));
  for (const m of measures) {
    const text = m.title && m.text ? `${m.title} : ${m.text}` : (m.title ?? m.text ?? "");
    out.say(`• ${text}`, out.cite(id, m.title));
  }
}
