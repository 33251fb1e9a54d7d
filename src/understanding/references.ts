import type { Corpus, CorpusDocument } from "../corpus/schema.js";
import { simplify, stem, words } from "../language/french.js";
import { ACTION_WORDS, A_ROADMAP, BOTH_JOINED, THERE, EARLIER_PLAN, EARLIER_PLAN_ALONE, FIRST_PLAN, COMPLEMENT_AFTER, GROUP_SYNONYM_WORDS, LAST_WORDS, LATEST_PLAN_ALONE, ONE_OF_MANY_BEFORE, OPENS_WITH, PENULTIMATE_WORDS, POSSESSIVE_BEFORE, LATEST_PLAN, NUMBER_WORDS, ORDINAL_WORDS, PLAN_FIELD, PLAN_OF, PLAN_OF_PERSON, PLAN_WORDS, ROMAN, escapeRegExp } from "../language/lexicon.js";
import { numberValue } from "../language/figures.js";
import { closestWord } from "./spelling.js";
import { covers, documentNames, documentsById, documentsByName, groupTitles, type DocumentNames, groupWords, perCorpus, placeNames, publisherKinds, roadmaps, roadmapsByRecency, vocabulary, yearOfName } from "./corpus-tables.js";
import type { ActionRef, DocumentRef, GlossaryMatch, GroupRef } from "./schema.js";

/**
 * Years a question names: "2019", "2023-2027", and the short forms staff type ("23-27",
 * "FDR 23", "2023/27").
 */
export function yearsIn(s: string): number[] {
  const years = new Set<number>();
  for (const m of s.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?:\s*[-/–—à]\s*(\d{2,4}))?(?!\d)/g)) {
    years.add(Number(m[1]));
    if (m[2]) years.add(m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]));
  }
  // Not in a figure ("12,5-15 %"), but before a comma or a full stop ("FDR 2019 vs 23-27, même logique ?").
  for (const m of s.matchAll(/(?<!\d[,.]?)([1-4]\d)\s*[-/–—]\s*([1-4]\d)(?!\d|[,.]\d|\s*%)/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a < b && b - a <= 10) years.add(2000 + a).add(2000 + b);
  }
  for (const m of s.matchAll(PLAN_YEAR)) years.add(2000 + Number(m[1]));
  return [...years].sort();
}

/** "FDR 23", "feuille de route de 27": a plan word and a two-digit year. */
const PLAN_YEAR = new RegExp(`${PLAN_WORDS.source}\\s*(?:de\\s+|d'|of\\s+)?'?([1-4]\\d)(?!\\d|[,.]\\d|\\s*%)`, "g");

/** Removes the spans a pattern matches, so that the words left carry the subject. */
function without(s: string, patterns: readonly RegExp[]): string {
  let out = s;
  // Longest first: "accélérer le virage numérique" before "virage numérique".
  for (const re of [...patterns].sort((a, b) => b.source.length - a.source.length)) out = out.replace(everywhere(re), " ");
  return out;
}

const globalTwins = new WeakMap<RegExp, RegExp>();

/** The pattern with the global flag, compiled once per pattern (they are the corpus's names and a few constants). */
function everywhere(re: RegExp): RegExp {
  let twin = globalTwins.get(re);
  if (!twin) globalTwins.set(re, (twin = new RegExp(re.source, "g")));
  return twin;
}

export interface DocumentReading {
  documents: DocumentRef[];
  years: number[];
  unknownYears: number[];
  /** The question with the names it used taken out: what is left carries the subject. */
  rest: string;
  /** A prose text and a roadmap named with "et / and / vs" between them: both asked. */
  sideBySide: boolean;
}

/** Years and periods, "2019", "2023-2027", "23-27": taken out of the subject once the documents are read. */
const YEAR_SPANS = [/(?<!\d)(19|20)\d{2}(\s*[-/–—à]\s*\d{2,4})?(?!\d)/, /(?<!\d)[1-4]\d\s*[-/–—]\s*[1-4]\d(?!\d)/];

/** A cue ("nouvelle", "ancienne") next to a plan word, either side. */
function nearPlan(cue: RegExp): RegExp {
  const plan = PLAN_WORDS.source;
  // Up to three words between, hyphenated ones too: "the new French e-health roadmap".
  return new RegExp(`${cue.source}(?:\\s+[a-z'-]+){0,3}?\\s+${plan}|${plan}(?:\\s+[a-z'-]+){0,1}?\\s+${cue.source}`);
}
const NEAR_EARLIER_PLAN = new RegExp(`${nearPlan(EARLIER_PLAN).source}|${FIRST_PLAN.source}`);
const NEAR_LATEST_PLAN = nearPlan(LATEST_PLAN);
/** Plans in the plural: "now in the French roadmaps" asks about all of them, not the latest. */
const PLURAL_PLANS = /(?:feuilles de route|roadmaps|fdrs|plans|strategies|textes)$/;

/** The cue naming the latest roadmap ("la nouvelle FDR", "in the current roadmap"), not plans in the plural. */
function latestCue(s: string): RegExpExecArray | null {
  const cue = NEAR_LATEST_PLAN.exec(s);
  return cue && !PLURAL_PLANS.test(cue[0]) ? cue : null;
}

/**
 * Whether a one-word alias that is also an ordinary word names its document here: "au lancement",
 * "le lancement de la feuille de route", not "le lancement du Health Data Hub" nor "son lancement".
 */
function namesAsAlias(s: string, alias: RegExp, names: readonly DocumentNames[]): boolean {
  const m = new RegExp(alias.source, "g");
  for (const x of s.matchAll(m)) {
    const before = s.slice(0, x.index);
    const after = s.slice(x.index + x[0].length);
    if (POSSESSIVE_BEFORE.test(before) || ONE_OF_MANY_BEFORE.test(before)) continue;
    // What is launched, when said, must be a plan: "le lancement de la feuille de route / du virage numérique".
    const complement = COMPLEMENT_AFTER.exec(after)?.[1];
    if (complement && !PLAN_WORDS.test(complement) && !/\d{2}/.test(complement) && !names.some((n) => n.aliases.some((re) => re.test(complement)))) continue;
    return true;
  }
  return false;
}

/**
 * Documents named by an alias, their label, their region, a year or period they cover, or as
 * "the new / the old roadmap". A roadmap named by its alias brings the documents of its year:
 * the 2019 brief and presentation describe the 2019 roadmap.
 */
export function resolveDocuments(s: string, corpus: Corpus): DocumentReading {
  const found = new Map<string, DocumentRef["by"]>();
  // A document named by its own name stays so named, whichever year or period also brought it.
  const implicit = new Set<DocumentRef["by"]>(["year", "period", "recency"]);
  const add = (id: string, by: DocumentRef["by"]) => {
    const was = found.get(id);
    if (!was || (implicit.has(was) && !implicit.has(by))) found.set(id, by);
  };
  // Where each document is first named, to tell "X et Y" (both asked) from "X de Y".
  const mentions = new Map<string, { start: number; end: number }>();
  const mark = (id: string, re: RegExp | undefined) => {
    if (mentions.has(id) || !re) return;
    const m = new RegExp(re.source).exec(s);
    if (m) mentions.set(id, { start: m.index, end: m.index + m[0].length });
  };
  const byId = documentsById(corpus);
  const used: RegExp[] = [];
  const names = documentNames(corpus);
  for (const [i, d] of corpus.documents.entries()) {
    const n = names[i]!;
    const aliases = [...n.aliases.filter((re) => re.test(s)), ...n.commonAliases.filter((re) => namesAsAlias(s, re, names))];
    const alias = aliases[0];
    const byLabel = n.label?.test(s);
    const regions = n.region.filter((re) => re.test(s));
    const byRegion = regions.length > 0;
    used.push(...aliases, ...regions);
    if (byLabel) used.push(n.label!);
    if (!alias && !byLabel && !byRegion) continue;
    add(d.id, alias ? "alias" : byLabel ? "label" : "region");
    mark(d.id, alias ?? (byLabel ? n.label! : regions[0]));
    const y = d.year ?? d.period?.[0];
    // The national texts of the roadmap's own year describe it (the 2019 brief and presentation);
    // a regional strategy that happens to start that year does not.
    if (y !== undefined && d.kind === "roadmap") for (const other of corpus.documents) if (other.scope === d.scope && other.year === y) add(other.id, "year");
  }
  // A proper name only one document uses names that document ("Boucicaut", a regional platform).
  const byName = documentsByName(corpus);
  for (const w of s.split(/[^a-z0-9]+/)) {
    const id = byName.get(w);
    if (id) add(id, "name");
    if (id) mark(id, new RegExp(`(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])`));
  }
  // "le plan Buzyn": the roadmap of the year whose texts name that person, with those texts.
  for (const m of s.matchAll(PLAN_OF_PERSON)) {
    const year = yearOfName(corpus).get(m[1] ?? m[2]!);
    const roadmap = year === undefined ? undefined : roadmaps(corpus).find((d) => covers(d, year));
    if (!roadmap) continue;
    // The name said which plan; it is no subject of its own.
    used.push(new RegExp(`(?<![a-z0-9])${escapeRegExp(m[1] ?? m[2]!)}(?:'s)?(?![a-z0-9])`));
    add(roadmap.id, "name");
    for (const other of corpus.documents) if (other.scope === roadmap.scope && other.year === year) add(other.id, "year");
  }
  const years = yearsIn(s);
  // A year names every document of that time — unless it is the period of a document the
  // question already names ("la stratégie Grand Est 2023-2028" is not also the 2023-2027 roadmap).
  const explicit = corpus.documents.filter((d) => found.has(d.id));
  for (const y of years) {
    if (explicit.some((d) => covers(d, y))) {
      // "the 2019 roadmap's ENS and what the news brief said": a year beside a plan word still
      // names that year's roadmap, whatever other text of that year the question names.
      const roadmap = roadmaps(corpus).find((d) => covers(d, y));
      if (roadmap && !found.has(roadmap.id) && yearBesidePlanWord(s, y)) add(roadmap.id, "period");
      if (roadmap) mark(roadmap.id, new RegExp(`(?<!\\d)${y}(?!\\d)`));
      continue;
    }
    const span = YEAR_SPANS.find((re) => re.test(s));
    for (const d of corpus.documents) {
      if (!covers(d, y)) continue;
      add(d.id, "period");
      mark(d.id, span);
    }
  }
  const unknownYears = years.filter((y) => !corpus.documents.some((d) => covers(d, y)));

  // "la nouvelle feuille de route", "l'ancienne FDR": the latest or an earlier roadmap.
  const byRecency = roadmapsByRecency(corpus);
  const addEarlier = () => {
    const earlier = byRecency[1]!;
    add(earlier.id, "recency");
    for (const other of corpus.documents) if (earlier.year !== null && covers(other, earlier.year)) add(other.id, "year");
  };
  const roadmapFound = (...how: DocumentRef["by"][]) => [...found].some(([id, by]) => (!how.length || how.includes(by)) && byRecency.some((r) => r.id === id));
  if (!roadmapFound() && byRecency.length) {
    if (NEAR_EARLIER_PLAN.test(s) && byRecency.length > 1) {
      addEarlier();
      // "l'ancienne et la nouvelle feuille de route", "l'ancienne FDR…, et la nouvelle ?": both.
      if (latestCue(s.replace(NEAR_EARLIER_PLAN, " ")) || LATEST_PLAN_ALONE.test(s)) add(byRecency[0]!.id, "recency");
    } else if (latestCue(s)) {
      add(byRecency[0]!.id, "recency");
    }
  } else if (byRecency.length > 1 && !roadmapFound("alias", "label", "name", "region", "recency")) {
    // "Lab e-santé en 2019 : et dans la FDR actuelle ?": a year names one plan, the cue another —
    // unless the year is the cue's own ("la nouvelle feuille de route de 2019").
    const cue = latestCue(s);
    if ((cue && !/\d{2}/.test(s.slice(cue.index, cue.index + cue[0].length + 8))) || LATEST_PLAN_ALONE.test(s)) add(byRecency[0]!.id, "recency");
  }
  // "entre l'ancienne et la nouvelle feuille de route": the alias named the latest, the cue the one
  // before; "ce que la FDR 2023-2027 garde de l'ancienne sur l'e-prescription": a pronoun names it.
  if (byRecency.length > 1 && found.has(byRecency[0]!.id) && !byRecency.slice(1).some((r) => found.has(r.id)) && (NEAR_EARLIER_PLAN.test(s) || EARLIER_PLAN_ALONE.test(s))) addEarlier();
  // "…dans la feuille de route 2019, et dans la nouvelle ?": the plan named, then today's by a pronoun.
  if (byRecency.length > 1 && !found.has(byRecency[0]!.id) && byRecency.slice(1).some((r) => found.has(r.id)) && LATEST_PLAN_ALONE.test(s)) add(byRecency[0]!.id, "recency");
  // "le DMP vu par l'ARS Bretagne et par la feuille de route nationale", "la cybersécurité au
  // lancement du 25 avril 2019, et quelle action de la feuille de route en parle ?": a prose text
  // named, and a roadmap by its common name — the roadmap of the text's year, else today's. A text
  // of a roadmap's year tells of that roadmap ("au lancement de la feuille de route", "d'après la
  // brève, la feuille de route a été dévoilée où ?"): its roadmap is a second text only when both are asked.
  const prose = [...found].filter(([id, by]) => !implicit.has(by) && byId.get(id)?.kind === "prose");
  const asksActions = ACTION_WORDS.test(without(s, used));
  const common = new RegExp(A_ROADMAP.source, "g");
  // Not the text's own plan: "la feuille de route e-santé de l'ARS Occitanie", "sa propre feuille de route".
  const anotherRoadmap = [...s.matchAll(common)].find(
    (m) => !/(?:propre|own)\s+$/.test(s.slice(0, m.index)) && !used.some((re) => re.test(s.slice(m.index + m[0].length, m.index + m[0].length + OWN_NAME_AFTER))),
  );
  if (prose.length && byRecency.length && !roadmapFound() && anotherRoadmap) {
    const year = byId.get(prose[0]![0])?.year ?? null;
    const ofItsYear = year === null ? undefined : byRecency.find((r) => covers(r, year));
    const roadmap = (ofItsYear ?? byRecency[0]!).id;
    const at = { start: anotherRoadmap.index, end: anotherRoadmap.index + anotherRoadmap[0].length };
    const proseAt = mentions.get(prose[0]![0]);
    // A prose text has no actions: "quelles actions de la feuille de route ?" asks the roadmap too.
    if (!ofItsYear || (proseAt && joined(s, proseAt, at)) || asksActions) {
      add(roadmap, "recency");
      if (!mentions.has(roadmap)) mentions.set(roadmap, at);
    }
  }
  for (const r of byRecency) if (found.has(r.id)) mark(r.id, [NEAR_EARLIER_PLAN, NEAR_LATEST_PLAN, LATEST_PLAN_ALONE].find((re) => re.test(s)));
  // A prose text and a roadmap with "et / and / vs" between them: both are asked, side by side.
  // The prose text named by its own name; the roadmap any way but as the year's companion.
  const named = (kind: "prose" | "roadmap") =>
    [...found].filter(([id, by]) => (kind === "prose" ? !implicit.has(by) : by !== "year") && byId.get(id)?.kind === kind && mentions.has(id)).map(([id]) => mentions.get(id)!);
  const roadmapsNamed = named("roadmap");
  const sideBySide = named("prose").some((p) => roadmapsNamed.some((r) => asksActions || joined(s, p, r)));
  // Names first (an ID such as "fdr-test-2028" holds a year), then the years and periods left.
  const rest = without(without(s, used), YEAR_SPANS);
  return { documents: [...found].map(([id, by]) => ({ id, by })), years, unknownYears, rest, sideBySide };
}

/** Whether the words between two names join them ("X et Y", "X vs Y"), rather than one qualifying the other ("X de Y"). */
function joined(s: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return BOTH_JOINED.test(s.slice(first.end, second.start));
}

/** "the 2019 roadmap", "la FDR de 2019", "quelle action de 2019": the year qualifies a plan word, or an action (only roadmaps have them). */
function yearBesidePlanWord(s: string, year: number): boolean {
  const plan = `(?:${PLAN_WORDS.source}|${ACTION_WORDS.source})`;
  return new RegExp(`${plan}\\s+(?:de\\s+|d'|of\\s+)?${year}(?!\\d)|(?<!\\d)${year}(?:'s)?\\s+(?:[a-z-]+\\s+){0,2}?${plan}`).test(s);
}

/** Characters after a plan word where the name of the body whose plan it is stands ("… numérique de l'ARS Occitanie"). */
const OWN_NAME_AFTER = 40;

/** A number written in digits, words ("quatorze", "dix-huit") or as an ordinal ("14e"); four digits are a year ("action 2019"). */
const NUMBER = `(\\d{1,3}(?!\\d)|(?:${NUMBER_WORDS.join("|")})(?:[\\s-]+(?:et[\\s-]+)?(?:${NUMBER_WORDS.join("|")}))*)`;

const UNIT = ACTION_WORDS.source;
/** "action 14", "action n° 3", "actions 3 et 4", "l'action quatorze". */
const ACTIONS_BY_NUMBER = new RegExp(`${UNIT}\\s*(?:n\\s*[°o]\\s*\\.?\\s*|numero\\s*|number\\s*|no\\.?\\s+|#\\s*)?${NUMBER}((?:\\s*(?:,|et|and|&|ou|or)\\s*\\d{1,3}(?!\\d))*)`, "g");
/** "la 14e action". */
const ACTION_BY_ORDINAL = new RegExp(`(?<![\\d])(\\d{1,2})\\s*(?:e|eme|er|ere|th|st|nd|rd)\\s+${UNIT}`, "g");
/** A word before the action word, an ordinal maybe ("deuxième action"). */
const WORD_BEFORE_ACTION = new RegExp(`\\b([a-z]+)\\s+${UNIT}`, "g");
/** "la dernière action", "the last action". */
const LAST_ACTION = new RegExp(`${LAST_WORDS.source}\\s+${UNIT}|${UNIT}\\s+${LAST_WORDS.source}`);
/** "l'avant-dernière action", "the action before last". */
const PENULTIMATE_ACTION = new RegExp(`${PENULTIMATE_WORDS.source}\\s+${UNIT}|${UNIT}\\s+${PENULTIMATE_WORDS.source}`);


/**
 * Actions named by number ("action 14", "l'action quatorze", "la 14e action", "actions 3 et 4"),
 * or as the first or last one. Without a roadmap named, a number belongs to the most recent
 * roadmap that has it.
 */
export function resolveActions(s: string, corpus: Corpus, documents: readonly DocumentRef[]): ActionRef[] {
  const numbers: number[] = [];
  for (const m of s.matchAll(ACTIONS_BY_NUMBER)) {
    const n = numberValue(m[1]!);
    if (n !== null && n > 0) numbers.push(n);
    for (const extra of (m[2] ?? "").matchAll(/\d{1,3}/g)) numbers.push(Number(extra[0]));
  }
  for (const m of s.matchAll(ACTION_BY_ORDINAL)) numbers.push(Number(m[1]));
  // Staff shorthand: "A14", "l'A9 de la FDR".
  for (const m of s.matchAll(/(?<![a-z0-9])a(\d{1,2})(?![a-z0-9])/g)) numbers.push(Number(m[1]));
  for (const m of s.matchAll(WORD_BEFORE_ACTION)) {
    const n = ORDINAL_WORDS[m[1]!];
    if (n !== undefined) numbers.push(n);
  }
  const all = roadmapsByRecency(corpus);
  const named = all.filter((d) => documents.some((r) => r.id === d.id));
  if (!numbers.length && (LAST_ACTION.test(s) || PENULTIMATE_ACTION.test(s))) {
    const d = named[0] ?? all[0];
    const action = d?.actions.at(PENULTIMATE_ACTION.test(s) ? -2 : -1);
    return d && action ? [{ document: d.id, number: action.number, exists: true }] : [];
  }
  const refs: ActionRef[] = [];
  for (const n of [...new Set(numbers)]) {
    if (named.length) {
      for (const d of named) refs.push({ document: d.id, number: n, exists: d.actions.some((a) => a.number === n) });
    } else {
      const d = all.find((x) => x.actions.some((a) => a.number === n)) ?? all[0];
      if (d) refs.push({ document: d.id, number: n, exists: d.actions.some((a) => a.number === n) });
    }
  }
  return refs;
}

/**
 * Groups named by number ("axe 2", "2e axe", "deuxième orientation", "axe II") or by an
 * approximate title ("l'axe accès aux soins" for "Accès à la santé"): the closest title when
 * one shares a word that tells it from the others, and nothing when two tie.
 */
export function resolveGroups(s: string, corpus: Corpus, documents: readonly DocumentRef[], lang: "fr" | "en" = "fr"): GroupRef[] {
  const byRecency = roadmapsByRecency(corpus);
  const named = byRecency.filter((d) => documents.some((r) => r.id === d.id));
  const readers = groupReaders(corpus);
  const quoted = quotedGroup(s, named.length ? named : byRecency, corpus);
  if (quoted) return [quoted];
  const pool = (named.length ? named : byRecency).filter((d) => (readers.get(d.id)?.words ?? []).some((re) => re.test(s)));
  for (const d of pool) {
    for (const [k, re] of readers.get(d.id)!.numbered.entries()) {
      for (const m of s.matchAll(re)) {
        const t = m[1]!.replace(/\s+/g, "");
        // Before the word, a cardinal counts ("les 4 axes", "five orientations"); only an ordinal names one.
        if (k === 1 && (/^\d+$/.test(t) || (numberValue(t) !== null && !(t in ORDINAL_WORDS)))) continue;
        const n = /^\d+/.test(t)
          ? Number(/^\d+/.exec(t)![0])
          : (ORDINAL_WORDS[t] ?? (t in ROMAN && t.length > 1 ? ROMAN[t] : undefined) ?? numberValue(t) ?? (LAST_WORDS.test(t) ? Math.max(...d.groups.map((g) => g.number)) : null));
        // A number past the last group names none: "l'axe 5" of a roadmap in four axes, asked all the same.
        if (n !== null && n !== undefined && n > 0 && d.groups.length) return [{ document: d.id, number: n, by: "number", exists: d.groups.some((g) => g.number === n) }];
      }
    }
    if (OPENS_WITH.test(s) && readers.get(d.id)!.opening.test(s)) return [{ document: d.id, number: Math.min(...d.groups.map((g) => g.number)), by: "number", exists: true }];
    const byTitle = closestGroupTitle(nearGroupWord(s, readers.get(d.id)!.words, lang), corpus, d.id);
    if (byTitle !== null) return [{ document: d.id, number: byTitle, by: "title", exists: true }];
  }
  return [];
}

/**
 * A group's title quoted as written, in French or English, its group word left out: "the actions
 * listed under 'access to health'", "les actions de « Prise en charge »".
 */
function quotedGroup(s: string, documents: readonly CorpusDocument[], corpus: Corpus): GroupRef | null {
  // A measure or an action of that name is what is quoted: "la mesure « Gouvernance » du volet cyber".
  const pieces = pieceTitles(corpus);
  const quotes = [...s.matchAll(/[«"“']\s*([^«»"“”']{3,60}?)\s*[»"”']/g)].map((m) => words(m[1]!).join(" ")).filter((q) => !pieces.has(q));
  if (!quotes.length) return null;
  for (const d of documents) {
    for (const g of d.groups) {
      const titles = [g.title, g.short, g.titleEn].filter((t): t is string => !!t).map((t) => words(t).join(" "));
      if (quotes.some((q) => titles.includes(q))) return { document: d.id, number: g.number, by: "title", exists: true };
    }
  }
  return null;
}

/** The titles of every action and measure, as `words` joins them. */
const pieceTitles = perCorpus((corpus) => new Set(corpus.documents.flatMap((d) => d.actions.flatMap((a) => [a.title, ...a.measures.map((m) => m.title ?? "")])).map((t) => words(t).join(" ")).filter(Boolean)));

/**
 * Per roadmap, its group words (and anyone's words for a plan's parts) as patterns: each word
 * alone, "quel axe", and the readings that name a group — "axe 2", "axe deux", "axe II", or
 * "2e axe", "dernier axe", in that order.
 */
const groupReaders = perCorpus((corpus) =>
  new Map(
    roadmapsByRecency(corpus).map((d) => {
      // A plan's own word for its parts ("axe"), or anyone's ("grand bloc", "pilier") for a plan that has parts.
      const forms = [...(groupWords(corpus).get(d.id) ?? []), ...(d.groups.length ? GROUP_SYNONYM_WORDS : [])];
      const word = `(?:${forms.map(escapeRegExp).join("|")})`;
      return [
        d.id,
        {
          words: forms.map((w) => new RegExp(`(?<![a-z0-9])${escapeRegExp(w)}(?![a-z0-9])`)),
          /** "par quel axe commence…": a question word before the group word. */
          opening: new RegExp(`(?<![a-z])(?:quel|quelle|which|what)\\s+(?:\\S+\\s+)?${word}`),
          numbered: [
            new RegExp(`(?<![a-z0-9])${word}\\s*(?:n\\s*[°o]\\s*\\.?\\s*|numero\\s*|number\\s*)?(\\d{1,2}|[ivx]{1,4}|[a-z]+(?:-[a-z]+)?)(?![a-z0-9])`, "g"),
            new RegExp(`(?<![a-z0-9])(\\d{1,2}\\s*(?:e|eme|er|ere|th|st|nd|rd)?|[a-z]+)\\s+${word}(?![a-z0-9])`, "g"),
          ],
        },
      ];
    }),
  ),
);

/**
 * The words around a group word, where a group named by its title is named: "l'axe sur l'accès aux
 * soins", "le volet prévention". Elsewhere a title's word is a topic ("la mesure « Gouvernance » du
 * volet cyber", "les plateformes d'orientation médicale").
 */
function nearGroupWord(s: string, groupWords: readonly RegExp[], lang: "fr" | "en"): string {
  // French names a group's title after its word ("l'axe prévention"); English may put it before ("the prevention axis").
  const before = lang === "en" ? TITLE_BEFORE_EN : 0;
  const spans: string[] = [];
  for (const re of groupWords) {
    for (const m of s.matchAll(new RegExp(re.source, "g"))) spans.push(s.slice(Math.max(0, m.index - before), m.index + m[0].length + TITLE_AFTER));
  }
  return spans.join(" … ").replace(PLAN_FIELD, " ");
}
/** Characters around a group word where its title may stand: a short title after it, or before it in English. */
const TITLE_BEFORE_EN = 30;
const TITLE_AFTER = 45;

/** The group whose title shares most distinctive words with the question, typos allowed; null on a tie. */
function closestGroupTitle(s: string, corpus: Corpus, documentId: string): number | null {
  const titles = groupTitles(corpus).filter((g) => g.document === documentId);
  const shared = new Map<string, number>();
  for (const g of titles) for (const st of g.stems) shared.set(st, (shared.get(st) ?? 0) + 1);
  const qWords = words(s).filter((w) => w.length > 3);
  const scores = titles.map((g) => {
    const vocabulary = g.words;
    let score = 0;
    for (const st of g.stems) {
      if ((shared.get(st) ?? 0) * 2 > titles.length) continue;
      const hit = qWords.some((w) => stem(w) === st || (w.length >= 6 && closestWord(w, vocabulary) !== null && stem(closestWord(w, vocabulary)!) === st));
      if (hit) score += 1 / (shared.get(st) ?? 1);
    }
    return { number: g.number, score };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score === 0 || (second && second.score === best.score)) return null;
  return best.number;
}

/**
 * Documents named by the body that publishes them, without its region ("selon l'ARS", "la page de
 * l'ARS"): every regional document of such a body, unless the question names a region — one the
 * corpus covers (already a reference), one it does not (a place the glossary marks `elsewhere`,
 * anywhere in the question), a name nobody knows, or a name right after the body ("l'ARS GE").
 * `question` is the text as typed, for its capitals; `s`, its simplified form.
 */
export function resolvePublishers(question: string, s: string, corpus: Corpus, named: readonly DocumentRef[], glossary: readonly GlossaryMatch[], unknownNames: readonly string[]): DocumentRef[] {
  if (glossary.some((g) => g.elsewhere) || unknownNames.length) return [];
  if (named.some((r) => corpus.documents.find((d) => d.id === r.id)?.scope === "regional")) return [];
  const nameAfter = (kind: string) =>
    [...question.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(kind).replace(/\s+/g, "\\s+")}\\s+(\\S)`, "giu"))].some((m) => /\p{Lu}/u.test(m[1]!));
  return publisherKinds(corpus)
    .filter((k) => k.pattern.test(s) && !nameAfter(k.kind))
    .flatMap((k) => k.documents)
    .filter((id) => !named.some((r) => r.id === id))
    .map((id) => ({ id, by: "publisher" as const }));
}

/**
 * Places the question asks the plan of, which the corpus does not cover: a glossary term marked
 * `elsewhere` ("la stratégie de l'Allemagne", "ARS Occitanie") that no document's region names.
 */
export function elsewherePlaces(question: string, corpus: Corpus, glossary: readonly GlossaryMatch[]): string[] {
  const covered = coveredPlaces(corpus);
  const text = vocabulary(corpus).textStems;
  return glossary
    .filter((g) => g.elsewhere && !covered.has(placeKey(g.term)))
    .map((g) => g.term)
    .filter((place) => asksPlanOf(question, place, simplify(place).split(/[^a-z0-9]+/).filter(Boolean).every((w) => text.has(stem(w)))));
}

const placeKey = (x: string) => words(x).join(" ");

/**
 * The places the corpus covers: each document's region, with the names the glossary gives it
 * ("Brittany" for "Bretagne"). A region whose strategy is added stops being elsewhere.
 */
const coveredPlaces = perCorpus((corpus) => new Set(corpus.documents.flatMap((d) => (d.region ? placeNames(corpus, d.region) : [])).map(placeKey)));

/**
 * Whether the question asks about the place itself: its plan ("la stratégie de l'Allemagne",
 * "Germany's plan"), its own body ("ARS Occitanie", "NHS England"), what is done there ("En
 * Normandie, ils déploient…", "les Pays-Bas, ils font comment ?"), or the place first, as the
 * topic ("Suisse dossier patient"). Not "un patient en vacances en Espagne": the French texts may
 * answer that.
 */
function asksPlanOf(question: string, place: string, inTexts: boolean): boolean {
  const s = simplify(question);
  const p = escapeRegExp(simplify(place).trim()).replace(/[\s-]+/g, "[\\s-]+");
  return (
    new RegExp(`\\b${PLAN_OF}\\b[^?.!]{0,40}?\\b(?:de la|de l'|du|des|d'|de|of|in|en)\\s*(?:the\\s+)?${p}\\b`).test(s) ||
    new RegExp(`\\b${p}'?s?\\b[^?.!]{0,40}?\\b${PLAN_OF}\\b`).test(s) ||
    // A place the texts themselves mention may be the topic of a question they answer.
    (!inTexts && new RegExp(`^\\W*(?:(?:en|au|aux|in|a|dans le|dans la|the|l'|la|le|les)\\s*)?${p}\\b`).test(s)) ||
    (!inTexts && new RegExp(`\\b${p}\\b[^?.!]{0,40}\\b${THERE}\\b|\\b${THERE}\\b[^?.!]{0,40}\\b${p}\\b`).test(s)) ||
    afterAcronym(question, simplify(place).trim())
  );
}

/** The place right after an upper-case acronym of the question, "de" aside: "ARS Occitanie", "NHS England". */
function afterAcronym(question: string, place: string): boolean {
  const tokens = question.split(/[\s,;:!?()]+/).filter(Boolean);
  return tokens.some((t, i) => {
    if (!/^\p{Lu}{2,6}$/u.test(t.replace(/^[dl]['’]/i, ""))) return false;
    const next = tokens.slice(i + 1).join(" ");
    return simplify(next).replace(/^(de |du |d')/, "").startsWith(place);
  });
}
