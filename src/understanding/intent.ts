import type { Corpus } from "../corpus/schema.js";
import {
  ACTION_WORDS, ASKS_CONTENT, ASKS_COUNT, ASKS_DATE, ASKS_EVOLUTION, ASKS_FIGURE, ASKS_GROUP_OF, ASKS_HELP, ASKS_LIST,
  ASKS_PERSON, ASKS_REASON, BOTH_PLANS, FIGURE_NOUNS, FOLLOWED_SINCE, GREETINGS, MEASURE_WORDS, NATIONAL, PLAN_WORDS, SINCE_WHEN, WHICH,
  escapeRegExp,
} from "../language/lexicon.js";
import { anyGroupWord, perCorpus, roadmaps, roadmapsByRecency } from "./corpus-tables.js";
import type { Intent, StructureAsk, Understanding } from "./schema.js";

type References = Understanding["references"];

export interface IntentReading {
  intent: Intent;
  structure: StructureAsk | null;
  asks: Understanding["asks"];
}

/** What kind of answer the words ask for, whatever the route. */
export function answerType(s: string): Understanding["asks"] {
  return {
    figure: ASKS_FIGURE.test(s) || (FIGURE_NOUNS.test(s) && /\?|\b(quel|quelle|what|how)\b/.test(s)),
    date: ASKS_DATE.test(s),
    person: ASKS_PERSON.test(s),
    reason: ASKS_REASON.test(s),
  };
}

/**
 * The intent, read after the references: "combien d'actions" counts the actions *of the document
 * named*, and is a structure question only when that document has a structure; "depuis quand"
 * asks a date, not a comparison; "dans quel axe" needs a roadmap that has axes.
 */
export function readIntent(s: string, rest: string, refs: References, subject: readonly string[], corpus: Corpus): IntentReading {
  const asks = answerType(s);
  const named = refs.documents.map((d) => corpus.documents.find((x) => x.id === d.id)!).filter(Boolean);
  const namedRoadmaps = named.filter((d) => d.kind === "roadmap");
  // A question naming only prose documents is about their text, whatever its words.
  const proseOnly = named.length > 0 && namedRoadmaps.length === 0;
  const structure = proseOnly ? null : structureAsk(s, refs, subject, corpus);
  if (structure) return { intent: "structure", structure, asks };

  if (!subject.length && !refs.actions.length && (ASKS_HELP.test(s) || GREETINGS.test(s) || !s.trim())) return { intent: "help", structure: null, asks };
  if (isComparison(s, rest, refs, corpus)) return { intent: "compare", structure: null, asks };
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
  const hasGroupWord = groupWord.test(s);
  const asksGroupOf = ASKS_GROUP_OF.test(s) && (hasGroupWord || /\b(quel|quelle|which|what)\b/.test(s)) || whichGroup(corpus).test(s);
  const asksCount = ASKS_COUNT.test(s);
  if (refs.actions.length) {
    if (asksGroupOf) return "action_group";
    if (ASKS_CONTENT.test(s) || MEASURE_WORDS.test(s)) return "action_measures";
    return "describe_action";
  }
  // "combien d'actions sur la cybersécurité" counts nothing the structure knows: it is a search.
  const bare = subject.length === 0;
  if (asksCount && bare) {
    if (MEASURE_WORDS.test(s)) return "count_measures";
    if (ACTION_WORDS.test(s)) return "count_actions";
    if (hasGroupWord) return "count_groups";
  }
  if (asksGroupOf && hasGroupWord) return "action_group";
  if (refs.groups.length) return "group_actions";
  if (hasGroupWord && (bare || (subject.length <= 2 && ASKS_LIST.test(s)))) return asksCount ? "count_groups" : "list_groups";
  return null;
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
  const evolution = ASKS_EVOLUTION.test(s);
  if (namedRoadmaps.length >= 2) return true;
  if (BOTH_PLANS.test(s) && all.length >= 2) return true;
  if (evolution && earlier) return true;
  if (FOLLOWED_SINCE.test(s) && all.length >= 2 && !refs.documents.some((d) => d.by !== "year" && corpus.documents.find((x) => x.id === d.id)?.kind === "prose")) return true;
  // A document set beside the roadmaps: "… et la feuille de route nationale", "colle à la FDR".
  const prose = explicit.filter((d) => corpus.documents.find((x) => x.id === d.id)?.kind === "prose" && d.by !== "period");
  return evolution && prose.length > 0 && (PLAN_WORDS.test(rest) || NATIONAL.test(rest));
}
