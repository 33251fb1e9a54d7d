import type { Corpus } from "../corpus/schema.js";
import {
  ACTION_WORDS, AMOUNT_ASKED, ASKS_CONTENT, ASKS_COUNT, asksDate, ASKS_EVOLUTION, ASKS_FIGURE, ASKS_GROUP_OF, ASKS_HELP, ASKS_LIST,
  ASKS_PERSON, ASKS_REASON, BOTH_PLANS, STILL, FIGURE_NOUNS, FOLLOWED_SINCE, GREETINGS, MEASURE_WORDS, NATIONAL, PLAN_WORDS, SINCE_WHEN, WHICH,
  escapeRegExp, ASKS_PERCENT, ASKS_SHARE, ASKS_WHICH_NUMBER, MEASURES_HOW_MANY, COUNTED_THEN, COUNT_STATED, TOPIC_AFTER_COUNT, SPENDS, ATTRIBUTES, YES_NO, anyOf, ASKS_MONEY, BECAME_IN_YEAR, BECAME_WORDS, COUNT_OF_EN, COUNT_OF_FR, DURATION_ASKED, GROUP_SYNONYMS, ASKS_GROUP_ITSELF, ASKS_MEANING, PERSON_PRONOUNS, POSTS,
} from "../language/lexicon.js";
import { findFigures } from "../language/figures.js";
import { stem } from "../language/french.js";
import { anyGroupWord, groupTitles, perCorpus, roadmaps, roadmapsByRecency } from "./corpus-tables.js";
import type { Intent, StructureAsk, Understanding } from "./schema.js";

type References = Understanding["references"];

export interface IntentReading {
  intent: Intent;
  structure: StructureAsk | null;
  asks: Understanding["asks"];
}

/** What a figure question counts: the noun after "combien de", the head of "how many …", or money. */
function counted(s: string): string | null {
  if (DURATION_ASKED.test(s)) return "duration";
  if (ASKS_PERCENT.test(s)) return "percent";
  if (ASKS_SHARE.test(s)) return "share";
  const fr = COUNT_OF_FR.exec(s);
  if (fr) return ASKS_MONEY.test(fr[1]!) ? "money" : stem(fr[1]!.replace(/'.*$/, ""));
  if (SPENDS.test(s)) return "money";
  const en = COUNT_OF_EN.exec(s);
  if (en) return stem(en[1]!.trim().split(/\s+/).at(-1)!);
  return ASKS_MONEY.test(s) ? "money" : null;
}

/** "a-t-il quitté", "est-elle partie": the inverted question read in the order of a statement. */
function uninverted(s: string): string {
  return s.replace(/-t-(?:il|elle|on)\b/g, "").replace(/(?<=\p{L})-(?:il|elle|ils|elles|on)\b/gu, "");
}

/** The words that ask each kind of detail, compiled once rather than for every question. */
const ATTRIBUTE_ASKS = Object.entries(ATTRIBUTES).map(([kind, a]) => [kind, a.asksBefore ? new RegExp(`${anyOf(a.asks).source}|${a.asksBefore.source}`) : anyOf(a.asks)] as const);

/**
 * The stems of the words that asked each kind of detail ("prochaine réunion", "ouvert le samedi"):
 * they say what is asked of the topic, not the topic, which decides whether the closest text is shown.
 */
export function attributeAskStems(s: string, kinds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const [kind, asks] of ATTRIBUTE_ASKS) {
    if (!kinds.includes(kind)) continue;
    for (const text of [s, uninverted(s)]) for (const m of text.matchAll(new RegExp(asks.source, "g"))) for (const w of m[0].split(/[^a-z0-9']+/)) if (w) out.add(stem(w));
  }
  return out;
}

/** The stems of the words that ask which group an action is in ("rattaché à quelle orientation"): no part of its topic. */
export function groupAskStems(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(new RegExp(ASKS_GROUP_OF.source, "g"))) for (const w of m[0].split(/[^a-z0-9']+/)) if (w) out.add(stem(w));
  return out;
}

/** What kind of answer the words ask for, whatever the route. */
export function answerType(s: string, nameHint: boolean): Understanding["asks"] {
  const plain = uninverted(s);
  // A figure noun ("salaire", "budget") is the ask only when no other question word says what is
  // asked: "qui pourra recruter sur les référentiels de salaire ?" asks who.
  const otherAsk = ASKS_PERSON.test(s) || asksDate(s) || ASKS_REASON.test(s) || /(?:^|\s)(?:comment|how do|how does|how will|how can)\b/.test(s);
  const figure = !ASKS_WHICH_NUMBER.test(s) && !(YES_NO.test(s) && MEASURES_HOW_MANY.test(s)) && (ASKS_FIGURE.test(s) || (FIGURE_NOUNS.test(s) && (/\b(quel|quelle|what|how)\b/.test(s) || (/\?/.test(s) && AMOUNT_ASKED.test(s))) && !YES_NO.test(s) && !otherAsk));
  return {
    counts: figure ? counted(s) : null,
    attributes: ATTRIBUTE_ASKS.filter(([kind, asks]) => (asks.test(s) || asks.test(plain)) && (kind !== "career" || nameHint || PERSON_PRONOUNS.test(s) || POSTS.test(s))).map(([kind]) => kind),
    figure,
    date: asksDate(s),
    person: ASKS_PERSON.test(s),
    reason: ASKS_REASON.test(s),
    meaning: ASKS_MEANING.test(s),
  };
}

/**
 * The intent, read after the references: "combien d'actions" counts the actions *of the document
 * named*, and is a structure question only when that document has a structure; "depuis quand"
 * asks a date, not a comparison; "dans quel axe" needs a roadmap that has axes. `nameHint`: the
 * question may name a person (a name as typed, or a word the corpus does not know), which a
 * question about someone's career needs.
 */
export function readIntent(s: string, rest: string, refs: References, subject: readonly string[], corpus: Corpus, nameHint: boolean): IntentReading {
  const asks = answerType(s, nameHint);
  const named = refs.documents.map((d) => corpus.documents.find((x) => x.id === d.id)!).filter(Boolean);
  const namedRoadmaps = named.filter((d) => d.kind === "roadmap");
  // A question naming only prose documents is about their text, whatever its words.
  const proseOnly = named.length > 0 && namedRoadmaps.length === 0;
  const structure = proseOnly ? null : structureAsk(s, refs, subject, corpus);
  // "Quel budget est alloué à l'action 14 ?": a detail asked of a named action is looked for in
  // its text, which may not give it, rather than answered by describing the action.
  const detailAsked = asks.figure || asks.date || asks.attributes.length > 0;
  if (structure && !(structure === "describe_action" && detailAsked)) return { intent: "structure", structure, asks };

  if (!subject.length && !refs.actions.length && (ASKS_HELP.test(s) || GREETINGS.test(s) || !s.trim())) return { intent: "help", structure: null, asks };
  // "existe encore dans la FDR 2023-2027 ?" asks whether a plan still holds it, which the comparison
  // shows, not how far it has got in the world.
  if (isComparison(s, rest, refs, corpus)) return { intent: "compare", structure: null, asks: { ...asks, attributes: asks.attributes.filter((k) => k !== "status") } };
  // "c'est quoi la FDR ?", "la FDR 2023-2027 dit quoi ?": a roadmap asked about as a whole, and
  // nothing else — no detail, no other text named, no plan the corpus lacks, no change over time —
  // is answered by its parts.
  const asksSomething = asks.figure || asks.date || asks.person || asks.reason || asks.attributes.length > 0 || ASKS_EVOLUTION.test(s);
  const proseNamed = refs.documents.some((r) => r.by !== "year" && r.by !== "period" && corpus.documents.find((d) => d.id === r.id)?.kind === "prose");
  const elsewhere = refs.elsewhere.length > 0 || refs.unknownYears.length > 0;
  if (!subject.length && !refs.actions.length && !refs.groups.length && !asksSomething && !proseNamed && !elsewhere && (namedRoadmaps.length || (!named.length && PLAN_WORDS.test(s)))) {
    return { intent: "structure", structure: "list_groups", asks };
  }
  if (asks.figure) return { intent: "figure", structure: null, asks };
  if (asks.date) return { intent: "when", structure: null, asks };
  if (asks.person) return { intent: "who", structure: null, asks };
  if (asks.reason) return { intent: "why", structure: null, asks };
  return { intent: "lookup", structure: null, asks };
}

/** "quel axe", "which axis": a question word before one of the corpus's group words. */
const whichGroup = perCorpus((corpus) => new RegExp(`(?<![a-z])(?:${WHICH.map(escapeRegExp).join("|")})\\s+(?:${anyGroupWord(corpus).source})`));

function structureAsk(s: string, refs: References, subject: readonly string[], corpus: Corpus): StructureAsk | null {
  if (!roadmaps(corpus).length) return null;
  const groupWord = anyGroupWord(corpus);
  // The roadmaps' own group words ("axe"), and the words anyone uses for a plan's parts ("pilier").
  const hasGroupWord = groupWord.test(s) || GROUP_SYNONYMS.test(s);
  const asksGroupOf = ASKS_GROUP_OF.test(s) && (hasGroupWord || /\b(quel|quelle|which|what)\b/.test(s)) || whichGroup(corpus).test(s);
  const asksCount = ASKS_COUNT.test(s);
  // "l'action qui suit « … »": the neighbour of the action named, or of the one a search finds.
  if (refs.neighbour) return "describe_action";
  if (refs.actions.length) {
    if (asksGroupOf) return "action_group";
    if (ASKS_CONTENT.test(s) || MEASURE_WORDS.test(s)) return "action_measures";
    return "describe_action";
  }
  // "combien d'actions sur la cybersécurité" counts nothing the structure knows: it is a search. But
  // "je prépare une présentation… combien d'actions compte la feuille de route en cours ?" counts a
  // roadmap's actions: its other words set the scene, none follows the counted noun as a topic.
  const bare = subject.length === 0;
  const counted = COUNTED_THEN.exec(s);
  const roadmapNamed = refs.documents.some((d) => roadmaps(corpus).some((r) => r.id === d.id));
  const wholeRoadmap = roadmapNamed && !refs.groups.length && !hasGroupWord;
  if (asksCount && !bare && counted && wholeRoadmap && ACTION_WORDS.test(counted[1]!) && !TOPIC_AFTER_COUNT.test(counted[2]!)) return "count_actions";
  // "…la feuille de route 2019, c'était combien d'orientations (et combien d'actions) ?": its parts counted.
  const countsGroups = counted && (groupWord.test(counted[1]!) || GROUP_SYNONYMS.test(counted[1]!));
  if (asksCount && !bare && countsGroups && roadmapNamed && !refs.groups.length && !TOPIC_AFTER_COUNT.test(counted[2]!)) return ACTION_WORDS.test(counted[2]!) ? "count_actions" : "count_groups";
  // "dix-huit actions c bien ça pour la FDR actuelle ?", "the roadmap has 18 actions, right?": a count
  // stated about a plan, and nothing else asked, is checked against the count.
  const stated = bare && !refs.groups.length && !ASKS_LIST.test(s) && (roadmapNamed || PLAN_WORDS.test(s)) ? statedCount(s, groupWord) : null;
  if (stated) return stated;
  if (asksCount && bare) {
    if (MEASURE_WORDS.test(s)) return "count_measures";
    if (ACTION_WORDS.test(s)) return "count_actions";
    if (hasGroupWord) return "count_groups";
  }
  // "combien de mesures dans l'action sur la télésanté ?", "quelles sont les mesures du plan cyber ?":
  // the measures of the action a search finds.
  if ((asksCount || ASKS_LIST.test(s)) && MEASURE_WORDS.test(s) && !hasGroupWord) return "action_measures";
  if (asksGroupOf && hasGroupWord) return "action_group";
  // The group itself asked (its contents, name, place, count), or a group that does not exist (the
  // groups there are): the structure answers. A topic beside a group is searched instead.
  const groupItself = ASKS_GROUP_ITSELF.test(s) || (asksCount && (ACTION_WORDS.test(s) || MEASURE_WORDS.test(s)));
  if (refs.groups.length && (refs.groups.some((g) => !g.exists) || groupItself || !topicBeyondGroups(subject, refs, corpus))) return "group_actions";
  if (hasGroupWord && (bare || (subject.length <= 2 && ASKS_LIST.test(s)))) return asksCount ? "count_groups" : "list_groups";
  return null;
}

/** The parts a figure of the question counts: "dix-huit actions" → the actions, "4 grands axes" → the groups. */
function statedCount(s: string, groupWord: RegExp): StructureAsk | null {
  for (const f of findFigures(s)) {
    // "les 4 axes", "the four pillars": parts referred to, not a count stated.
    if (/\b(?:les|ces|ses|leurs|the|these|those|its|their)\s+$/.test(s.slice(0, f.start))) continue;
    const noun = COUNT_STATED.exec(s.slice(f.end))?.[1];
    if (!noun) continue;
    if (ACTION_WORDS.test(noun)) return "count_actions";
    if (groupWord.test(noun) || GROUP_SYNONYMS.test(noun)) return "count_groups";
  }
  return null;
}

/**
 * Whether the question has a topic besides the titles of the groups it names: "les enfants" in
 * "dans l'axe prévention, qu'est-ce qui concerne les enfants ?" is searched for in that group; in
 * "l'axe prévention ?" the group is the whole question.
 */
function topicBeyondGroups(subject: readonly string[], refs: References, corpus: Corpus): boolean {
  const titles = groupTitles(corpus).filter((g) => refs.groups.some((r) => r.document === g.document && r.number === g.number));
  const inTitle = (st: string) => titles.some((g) => g.stems.has(st) || [...g.stems].some((t) => Math.min(t.length, st.length) >= 5 && (t.startsWith(st) || st.startsWith(t))));
  return subject.some((st) => !inTitle(st));
}

/**
 * Two roadmaps named, "les deux", or a topic followed from an earlier roadmap ("qu'est devenu
 * e-parcours depuis 2019", "la télémédecine de 2019 vs aujourd'hui"); a document named beside the
 * latest roadmap ("la stratégie bretonne colle-t-elle à la feuille de route nationale ?").
 */
function isComparison(s: string, rest: string, refs: References, corpus: Corpus): boolean {
  const all = roadmapsByRecency(corpus);
  if (all.length < 2 && !refs.documents.some((d) => corpus.documents.find((x) => x.id === d.id)?.kind === "prose")) return false;
  if (SINCE_WHEN.test(s)) return false;
  const latest = all[0]?.id;
  const explicit = refs.documents.filter((d) => d.by !== "year");
  const namedRoadmaps = explicit.filter((d) => all.some((r) => r.id === d.id));
  const earlier = namedRoadmaps.some((d) => d.id !== latest);
  // "la DSSIS, elle est devenue quoi en 2019 ?" asks what happened in 2019, not since.
  const evolution = ASKS_EVOLUTION.test(s) && !(BECAME_IN_YEAR.test(s) && !ASKS_EVOLUTION.test(s.replace(BECAME_WORDS, " ")));
  if (namedRoadmaps.length >= 2) return true;
  if (BOTH_PLANS.test(s) && all.length >= 2) return true;
  if (evolution && earlier) return true;
  // "encore dans la FDR actuelle ?": it lasted from the plan before, which the answer shows too.
  if (STILL.test(s) && namedRoadmaps.some((d) => d.id === latest)) return true;
  if (FOLLOWED_SINCE.test(s) && !BECAME_IN_YEAR.test(s) && all.length >= 2 && !refs.documents.some((d) => d.by !== "year" && corpus.documents.find((x) => x.id === d.id)?.kind === "prose")) return true;
  // A document set beside the roadmaps: "… et la feuille de route nationale", "colle à la FDR".
  const prose = explicit.filter((d) => corpus.documents.find((x) => x.id === d.id)?.kind === "prose" && d.by !== "period");
  if (evolution && prose.length > 0 && (PLAN_WORDS.test(rest) || NATIONAL.test(rest))) return true;
  // Two texts set side by side: "la brève et la présentation du 25 avril disent-elles la même chose ?".
  if (evolution && prose.length >= 2) return true;
  // Both texts asked side by side: "ce qui a été présenté au lancement, et quelle action de la
  // feuille de route en parle", "ce qu'annonçait la présentation de 2019 et ce que prévoit la FDR 2023-2027".
  return refs.sideBySide;
}
