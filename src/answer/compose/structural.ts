import { actionId, type Action, type Corpus, type CorpusDocument } from "../../corpus/schema.js";
import { simplify } from "../../language/french.js";
import { pluralOf } from "../../language/lexicon.js";
import { perCorpus, roadmapsByRecency } from "../../understanding/corpus-tables.js";
import type { ActionRef, Lang, Understanding } from "../../understanding/schema.js";
import type { CitationList } from "../citations.js";

/**
 * Answers about the structure itself — counts, groups, the actions of a group, what action N is,
 * where it belongs — computed from the parsed roadmaps, never searched. `actions` are the actions
 * the question names, or the one a search found ("le DMP, c'est dans quelle orientation ?").
 * Returns false when the structure cannot answer.
 */
export function answerStructure(u: Understanding, corpus: Corpus, out: CitationList, actions: readonly ActionRef[] = u.references.actions): boolean {
  const lang = u.lang;
  const named = roadmapsByRecency(corpus).filter((d) => u.references.documents.some((r) => r.id === d.id));
  const roadmaps = named.length ? named : roadmapsByRecency(corpus);
  switch (u.structure) {
    case "count_actions":
      for (const d of roadmaps) out.say(countActions(d, lang), out.cite(d.id));
      return roadmaps.length > 0;
    case "count_measures":
      for (const d of roadmaps) out.say(countMeasures(d, lang), out.cite(d.id));
      return roadmaps.length > 0;
    case "count_groups":
    case "list_groups":
      for (const d of roadmaps) listGroups(d, lang, corpus, out);
      return roadmaps.length > 0;
    case "group_actions":
      for (const ref of u.references.groups) {
        const doc = corpus.documents.find((d) => d.id === ref.document)!;
        if (ref.exists) {
          groupActions(doc, ref.number, lang, corpus, out);
          continue;
        }
        // "il n'y a pas d'axe 5", and the groups there are.
        out.say(missingGroup(doc, ref.number, lang), out.cite(doc.id));
        groupLines(doc, lang, corpus, out);
      }
      return u.references.groups.length > 0;
    case "describe_action":
    case "action_measures":
    case "action_group": {
      for (const ref of actions) {
        const doc = corpus.documents.find((d) => d.id === ref.document)!;
        const action = doc.actions.find((a) => a.number === ref.number);
        if (!action) {
          out.say(missingAction(doc, ref.number, lang), out.cite(doc.id));
          continue;
        }
        if (u.structure === "action_group") out.say(whereIs(doc, action, lang), out.cite(actionId(doc.id, action.number)), ...groupSources(corpus, doc, action.group).map((id) => out.cite(id)));
        else describeAction(doc, action, lang, out, undefined, u.asks.figure);
      }
      return actions.length > 0;
    }
    default:
      return false;
  }
}

/**
 * Where a group's title stands in the corpus: the roadmap itself when its text names its groups,
 * else the first document that does (the 2019 orientations are named in the launch accounts, not
 * in the roadmap's list of actions). A sentence naming the group cites where its words stand.
 * Read per group when first asked, each document's text simplified once: a corpus of hundreds of
 * documents and groups would otherwise read every pair at the first group question.
 */
const groupSourceTable = perCorpus((corpus) => {
  const texts = new Map<string, string[]>();
  const textsOf = (x: CorpusDocument) => {
    let pieces = texts.get(x.id);
    if (pieces === undefined) texts.set(x.id, (pieces = [...x.passages.map((p) => p.text), ...x.actions.map((a) => a.title)].map(simplify)));
    return pieces;
  };
  const table = new Map<string, string[]>();
  return (d: CorpusDocument, group: number): string[] => {
    const key = `${d.id}/${group}`;
    let sources = table.get(key);
    if (sources === undefined) {
      const g = d.groups.find((x) => x.number === group);
      const title = g ? simplify(g.title) : null;
      const standsIn = (x: CorpusDocument) => title !== null && textsOf(x).some((t) => t.includes(title));
      sources = !title || standsIn(d) ? [] : corpus.documents.filter((x) => x.id !== d.id && standsIn(x)).slice(0, 1).map((x) => x.id);
      table.set(key, sources);
    }
    return sources;
  };
});

function groupSources(corpus: Corpus, d: CorpusDocument, group: number): string[] {
  return groupSourceTable(corpus)(d, group);
}

/** A group's English title beside the published one, for an answer in English: `"Accès à la santé" (Access to health, actions 10–13)`. */
function inEnglish(g: { titleEn: string | null }, lang: Lang): string {
  return lang === "en" && g.titleEn ? `${g.titleEn}, ` : "";
}

function plural(word: string, n: number): string {
  return n > 1 ? pluralOf(word) : word;
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

function listGroups(d: CorpusDocument, lang: Lang, corpus: Corpus, out: CitationList): void {
  const g = groupName(d, lang);
  // Where the groups' names stand leads, when the roadmap's own text does not name them: the
  // reader checks the names there (the 2019 orientations, in the launch accounts).
  const sources = [...new Set(d.groups.flatMap((x) => groupSources(corpus, d, x.number)))].map((id) => out.cite(id));
  out.say(
    lang === "en" ? `${d.label} has ${d.groups.length} ${plural(g, d.groups.length)}:` : `${d.label} compte ${d.groups.length} ${plural(g, d.groups.length)} :`,
    ...sources,
    out.cite(d.id),
  );
  groupLines(d, lang, corpus, out);
}

/** One line per group: number, title, subtitle and the actions it holds. */
function groupLines(d: CorpusDocument, lang: Lang, corpus: Corpus, out: CitationList): void {
  const n = out.cite(d.id);
  for (const x of d.groups) {
    const sub = x.subtitle && x.subtitle !== x.title ? ` — ${x.subtitle}` : "";
    out.say(`• ${x.number}. ${x.title}${sub} (${inEnglish(x, lang)}${range(x.actions, lang)})`, ...groupSources(corpus, d, x.number).map((id) => out.cite(id)), n);
  }
}

function groupActions(d: CorpusDocument, number: number, lang: Lang, corpus: Corpus, out: CitationList): void {
  const g = d.groups.find((x) => x.number === number)!;
  const name = groupName(d, lang);
  const members = d.actions.filter((x) => x.group === number);
  // The actions asked for lead the sources; each one's label names its group, the roadmap follows.
  const cites = members.map((a) => out.cite(actionId(d.id, a.number)));
  out.say(
    lang === "en"
      ? `${d.label}, ${name} ${g.number} "${g.title}" (${inEnglish(g, lang)}${range(g.actions, lang)}):`
      : `${d.label}, ${name} ${g.number} « ${g.title} » (${range(g.actions, lang)}) :`,
    out.cite(d.id),
    ...groupSources(corpus, d, number).map((id) => out.cite(id)),
  );
  members.forEach((a, i) => out.say(lang === "en" ? `• Action ${a.number}: ${a.title}` : `• Action ${a.number} : ${a.title}`, cites[i]!));
}

function missingAction(d: CorpusDocument, n: number, lang: Lang): string {
  return lang === "en"
    ? `${d.label} has only ${d.actions.length} actions: there is no action ${n}.`
    : `${d.label} ne compte que ${d.actions.length} actions : il n'y a pas d'action ${n}.`;
}

/**
 * "l'action qui suit « … »", "quelle action vient juste avant la e-CPS ?": the action after or
 * before `anchor` (named, or found by a search), said as such; at either end, that there is none.
 */
export function answerNeighbour(u: Understanding, corpus: Corpus, out: CitationList, anchor: ActionRef): boolean {
  const doc = corpus.documents.find((d) => d.id === anchor.document);
  const from = doc?.actions.find((a) => a.number === anchor.number);
  if (!doc || !from || !u.references.neighbour) return false;
  const lang = u.lang;
  const after = u.references.neighbour === "next";
  const to = doc.actions.find((a) => a.number === from.number + (after ? 1 : -1));
  if (!to) {
    out.say(
      lang === "en"
        ? `${doc.label}: action ${from.number} "${from.title}" is its ${after ? "last" : "first"} action.`
        : `${doc.label} : l'action ${from.number} « ${from.title} » en est la ${after ? "dernière" : "première"} action.`,
      out.cite(actionId(doc.id, from.number)),
    );
    return true;
  }
  out.say(
    lang === "en"
      ? `${after ? "After" : "Before"} action ${from.number} "${from.title}" comes action ${to.number}:`
      : `${after ? "Après" : "Avant"} l'action ${from.number} « ${from.title} » vient l'action ${to.number} :`,
    out.cite(actionId(doc.id, to.number)),
  );
  describeAction(doc, to, lang, out);
  return true;
}

function missingGroup(d: CorpusDocument, n: number, lang: Lang): string {
  const g = groupName(d, lang);
  return lang === "en"
    ? `${d.label} has only ${d.groups.length} ${plural(g, d.groups.length)}: there is no ${g} ${n}.`
    : `${d.label} ne compte que ${d.groups.length} ${plural(g, d.groups.length)} : il n'y a pas ${/^[aeiouyh]/i.test(g) ? "d'" : "de "}${g} ${n}.`;
}

function whereIs(d: CorpusDocument, a: Action, lang: Lang): string {
  const g = d.groups.find((x) => x.number === a.group)!;
  const name = groupName(d, lang);
  return lang === "en"
    ? `${d.label}, action ${a.number} "${a.title}" belongs to ${name} ${g.number}, "${g.title}" (${inEnglish(g, lang)}${range(g.actions, lang)}).`
    : `${d.label}, action ${a.number} « ${a.title} » : ${name} ${g.number}, « ${g.title} » (${range(g.actions, lang)}).`;
}

export function describeAction(d: CorpusDocument, a: Action, lang: Lang, out: CitationList, only?: ReadonlySet<string>, counted = false): void {
  const g = d.groups.find((x) => x.number === a.group)!;
  const name = groupName(d, lang);
  const measures = only ? a.measures.filter((m) => only.has(m.title ?? m.text ?? "")) : a.measures;
  const head = lang === "en"
    ? `${d.label}, ${name} ${g.number} "${g.short ?? g.title}" — action ${a.number}: "${a.title}"`
    : `${d.label}, ${name} ${g.number} « ${g.short ?? g.title} » — action ${a.number} : « ${a.title} »`;
  const id = actionId(d.id, a.number);
  // Asked how many, the count leads: "… : 4 mesures :".
  const count = counted ? (lang === "en" ? `: ${a.measures.length} ${a.measures.length > 1 ? "measures" : "measure"}` : ` : ${a.measures.length} ${a.measures.length > 1 ? "mesures" : "mesure"}`) : "";
  out.say(measures.length ? `${head}${count || (lang === "en" ? ". Measures" : ". Mesures")}${lang === "en" ? ":" : " :"}` : `${head}${count}.`, out.cite(id));
  for (const m of measures) {
    const text = m.title && m.text ? `${m.title} : ${m.text}` : (m.title ?? m.text ?? "");
    out.say(`• ${text}`, out.cite(id, m.title));
  }
}
