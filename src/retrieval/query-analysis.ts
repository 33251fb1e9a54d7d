import { simplify, words } from "../corpus/french.js";
import type { Corpus, CorpusDocument } from "../corpus/schema.js";

export type Lang = "fr" | "en";

export type Intent =
  | { type: "count_actions" }
  | { type: "count_measures" }
  | { type: "list_groups" }
  | { type: "group_actions" }
  | { type: "action_group" }
  | { type: "action_measures" }
  | { type: "describe_action" }
  | { type: "compare" }
  | { type: "search" };

/** A detail people ask for that the texts may not give. */
export type Detail = "figure" | "deadline" | "owner";

export interface ActionRef {
  document: string;
  number: number;
  /** false when the roadmap has no action with this number. */
  exists: boolean;
}

export interface QuestionAnalysis {
  question: string;
  lang: Lang;
  /** Documents the question names (by year, period or alias); empty = all. */
  documents: string[];
  actions: ActionRef[];
  groups: { document: string; number: number }[];
  intent: Intent;
  details: Detail[];
  injection: boolean;
  /** Years the question names that no document covers ("la feuille de route 2028-2032"). */
  unknownYears: number[];
  /** The question asks about a roadmap without naming one: prose documents are left out. */
  roadmapsOnly: boolean;
  /** The person describes their own health and asks what to do: medical advice, not the roadmaps. */
  personalMedical: boolean;
}

const EN_MARKERS = new Set([
  "the", "what", "which", "how", "is", "are", "does", "do", "of", "about", "roadmap", "with", "for",
  "and", "who", "why", "when", "where", "there", "planned", "plan", "say", "says", "tell", "me", "any", "in",
  "measures", "health", "digital", "can", "it", "to",
  // Short questions about oneself ("I'm pregnant, should I…?") carry no other marker.
  "i", "my", "we", "our", "you", "your", "should", "would", "could", "will", "have", "has", "did", "was", "were", "this", "that", "been", "not",
]);
const FR_MARKERS = new Set([
  "le", "la", "les", "des", "du", "de", "est", "quoi", "quel", "quelle", "quelles", "quels", "comment",
  "pour", "dans", "sur", "et", "en", "une", "un", "qui", "que", "au", "aux", "feuille", "route", "sante",
  "numerique", "c", "l", "d", "qu", "pourquoi", "combien", "ou", "parle", "prevoit",
]);

/** English when English function words clearly outnumber French ones. */
export function detectLanguage(question: string): Lang {
  const tokens = simplify(question).split(/[^a-z0-9]+/).filter(Boolean);
  let en = 0;
  let fr = 0;
  for (const t of tokens) {
    if (EN_MARKERS.has(t)) en++;
    if (FR_MARKERS.has(t)) fr++;
  }
  return en > fr ? "en" : "fr";
}

/** Attempts to make the assistant drop its rules. They are refused, whatever else they ask. */
const INJECTION = [
  /\b(ignore|oublie|oubliez|ignorez|ne tiens pas compte|fais abstraction)\b.{0,40}\b(instructions?|consignes?|regles?|rules|prompt|directives?|precedent|previous|above|tout ce qui)/,
  /\b(ignore|disregard|forget|override)\b.{0,30}\b(instructions?|rules|prompt|above|previous|system)/,
  /\b(system prompt|prompt systeme|invite systeme|tes instructions|your instructions|tes consignes|ton prompt|your prompt)\b/,
  /\b(tu es (maintenant|desormais)|you are now|agis comme (un|une|si)|act as if|pretend (to be|you are|that you)|fais semblant|joue le role d.?(un|une) |roleplay|mode developpeur|developer mode|jailbreak|\bdan\b)/,
  /\b(revele|affiche|montre|donne|print|reveal|show|dump|display|list)\b.{0,40}\b(configuration|config|cle d.?api|api key|token|jeton|secret|mot de passe|password|variables? d.?environnement|environment variables?|env vars?)\b/,
  /\b(sans (citer|citation|source|mentionner|reference)s?|without (citing|citations?|sources?|references?))\b/,
  /\b(invente|inventer|make up|hallucinate)\b.{0,25}\b(reponse|citations?|sources?|chiffres?|answer|facts?|references?)\b/,
  /(^|\n)\s*(system|systeme|assistant)\s*:|\bnouvelles? (consignes?|instructions?)\b|\bnew instructions?\b/,
];

/**
 * "J'ai 40 ans et je suis diabétique", "I'm pregnant": the person's own health — not "j'ai un
 * patient diabétique", a professional's question about care.
 */
const OWN_HEALTH = [
  /\b(je suis|j.?ai|je souffre|i am|i'm|im|i have|i've got|i suffer)\b(?:(?!\b(?:patients?|enfants?|mere|pere|proches?|usagers?|residents?|clients?|fils|fille|famille|child|mother|father|relative)\b)[^?.!]){0,40}?\b(diabetiques?|diabete|malade|enceinte|asthmatiques?|asthme|cardiaque|hypertendue?|tension|cancer|fievre|mal (a|au|aux)|douleurs?|symptomes?|allergiques?|depressi(f|ve|on)|diabetic|diabetes|sick|ill|pregnant|asthma|fever|pain|symptoms?|allergic|depressed)\b/,
];
/** … and asks for care: tests, treatment, whether it is serious. */
const ADVICE = /\b(examens?|traitements?|medicaments?|analyses?|vaccins?|vacciner|depistages?|soigner|est-ce grave|c.?est grave|consulter|tests?|treatment|medications?|medicine|vaccines?|vaccinated|screening|is it serious|see a doctor)\b/;
/** A question about patients or other people is a professional's, whatever else it says. */
const OTHERS = /\b(patients?|usagers?|residents?|clients?|beneficiaires?)\b/;

export function isPersonalMedicalQuestion(question: string): boolean {
  const s = simplify(question);
  return OWN_HEALTH.some((re) => re.test(s)) && ADVICE.test(s) && !OTHERS.test(s);
}

export function isInjection(question: string): boolean {
  const s = simplify(question);
  return INJECTION.some((re) => re.test(s));
}

const DETAILS: Record<Detail, RegExp> = {
  // A figure is asked only by a question word: "il y a un plan pour les salaires ?" asks no amount.
  figure: /\b(combien|nombre de|quel(le)?s? (est |sont |serait |etait )?(le |la |les |l.)?(montant|prix|tarifs?|couts?|budgets?|taux|pourcentage|nombre|salaires?|remunerations?|delais?|enveloppe|chiffres?|statistiques?)|how (much|many)|what (is|are|was|were) the (price|cost|rate|number|budget|amount|salary|figure)s?|delais? (d.?attente|moyens?))\b/,
  deadline: /\b(quand|date|echeance|calendrier|d.?ici (quand|a quand)|deadline|when|timeline|en quelle annee|delai)\b/,
  owner: /\b(qui (pilote|porte|est responsable|s.?occupe|gere)|responsable de|pilote par|porteur|who (leads|is in charge|runs|owns))\b/,
};

const ORDINALS: [RegExp, number | "last"][] = [
  [/\b(premier|premiere|1er|1ere|first)\b/, 1],
  [/\b(deuxieme|second|seconde|2e|2eme|2nd)\b/, 2],
  [/\b(troisieme|3e|3eme|third|3rd)\b/, 3],
  [/\b(quatrieme|4e|4eme|fourth|4th)\b/, 4],
  [/\b(cinquieme|5e|5eme|fifth|5th)\b/, 5],
  [/\b(dernier|derniere|last)\b/, "last"],
];

/**
 * Tables derived from the corpus alone, computed once per corpus: with hundreds of documents,
 * simplifying every label, alias and group title again for each question cost more than the search.
 */
function perCorpus<T>(derive: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const cache = new WeakMap<Corpus, T>();
  return (corpus) => {
    let value = cache.get(corpus);
    if (value === undefined) {
      value = derive(corpus);
      cache.set(corpus, value);
    }
    return value;
  };
}

const roadmaps = perCorpus((corpus): readonly CorpusDocument[] => corpus.documents.filter((d) => d.kind === "roadmap"));

/** Most recent first: the default roadmap when a question names none. */
export const roadmapsByRecency = perCorpus((corpus): readonly CorpusDocument[] => {
  const end = (d: CorpusDocument) => d.period?.[1] ?? d.year ?? 0;
  return [...roadmaps(corpus)].sort((a, b) => end(b) - end(a));
});

/** A phrase as a whole-word pattern over simplified text; null when nothing is left of it. */
function phrasePattern(phrase: string): RegExp | null {
  const p = simplify(phrase).trim();
  return p ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(p)}($|[^a-z0-9])`) : null;
}

/** Each document's aliases (years aside: "2019" is read as a year) as patterns. */
const aliasPatterns = perCorpus((corpus) =>
  corpus.documents.map((d) => d.aliases.filter((a) => !/^\d{4}$/.test(a.trim())).map(phrasePattern).filter((re): re is RegExp => re !== null)),
);

/** Each group's title and short title as patterns, with the significant words of each. */
const groupTitles = perCorpus((corpus) =>
  new Map(
    corpus.documents.map((d) => [
      d.id,
      d.groups.map((g) => ({
        number: g.number,
        titles: [g.title, g.short].filter((t): t is string => !!t).map((t) => ({ pattern: phrasePattern(t), words: significant(t) })),
      })),
    ]),
  ),
);

/** Words that name a document ("virage numérique", "ARS Bretagne"): not a subject of their own. */
const namingWords = perCorpus((corpus) => new Set(corpus.documents.flatMap((d) => [d.label, ...d.aliases]).flatMap((a) => simplify(a).split(/[^a-z0-9]+/))));

/**
 * Documents named by a year, a period or an alias. A document named by its alias brings the
 * documents of the same period with it: the 2019 brief and presentation describe the 2019 roadmap.
 */
export function documentsNamed(question: string, corpus: Corpus): string[] {
  const s = simplify(question);
  const found = new Set<string>();
  const years = [...s.matchAll(/\b(19\d{2}|20\d{2})\b/g)].map((m) => Number(m[1]));
  const covers = (d: CorpusDocument, y: number) => d.year === y || (d.period !== null && y >= d.period[0] && y <= d.period[1]);
  const aliases = aliasPatterns(corpus);
  for (const [i, d] of corpus.documents.entries()) {
    if (aliases[i]!.some((re) => re.test(s))) {
      found.add(d.id);
      const y = d.year ?? d.period?.[0];
      if (y !== undefined) for (const other of corpus.documents) if (covers(other, y)) found.add(other.id);
    }
    for (const y of years) if (covers(d, y)) found.add(d.id);
  }
  return [...found];
}

function resolveActionRefs(s: string, corpus: Corpus, named: string[]): ActionRef[] {
  const numbers: number[] = [];
  const re = /\b(?:actions?|priorites?|priority|priorities)\s*(?:n\s*[°o]?\s*\.?\s*|numero\s*|number\s*|no\.?\s*|#\s*)?(\d{1,3})((?:\s*(?:,|et|and|&|ou|or)\s*\d{1,3})*)/g;
  for (const m of s.matchAll(re)) {
    numbers.push(Number(m[1]));
    for (const extra of (m[2] ?? "").matchAll(/\d{1,3}/g)) numbers.push(Number(extra[0]));
  }
  const all = roadmapsByRecency(corpus);
  const ordinal = /\b(premiere|derniere|first|last)\s+(action|priorite)\b|\b(action|priorite)\s+(finale)\b/.exec(s);
  if (!numbers.length && ordinal) {
    const d = all.find((x) => named.includes(x.id)) ?? all[0];
    if (d?.actions.length) {
      const n = /premiere|first/.test(ordinal[0]) ? Math.min(...d.actions.map((a) => a.number)) : Math.max(...d.actions.map((a) => a.number));
      return [{ document: d.id, number: n, exists: true }];
    }
  }
  if (!numbers.length) return [];
  const namedRoadmaps = all.filter((d) => named.includes(d.id));
  const refs: ActionRef[] = [];
  for (const n of [...new Set(numbers)]) {
    if (namedRoadmaps.length) {
      for (const d of namedRoadmaps) refs.push({ document: d.id, number: n, exists: d.actions.some((a) => a.number === n) });
    } else {
      const d = all.find((x) => x.actions.some((a) => a.number === n)) ?? all[0];
      if (d) refs.push({ document: d.id, number: n, exists: d.actions.some((a) => a.number === n) });
    }
  }
  return refs;
}

/**
 * The words for a roadmap's groups, read from its structure file ("axe"/"axis",
 * "orientation"…), singular and plural: a new roadmap's "chantiers" work the same way.
 */
const groupWordCache = new WeakMap<Corpus, RegExp>();
function groupWord(corpus: Corpus): RegExp {
  let re = groupWordCache.get(corpus);
  if (!re) {
    const names = new Set<string>();
    for (const d of corpus.documents) {
      for (const n of [d.groupName, d.groupNameEn]) {
        if (!n) continue;
        const w = simplify(n).trim();
        names.add(w).add(`${w}s`).add(w.endsWith("is") ? `${w.slice(0, -2)}es` : `${w}es`);
      }
    }
    re = names.size ? new RegExp(`\\b(${[...names].map(escapeRegExp).join("|")})\\b`) : /$^/;
    groupWordCache.set(corpus, re);
  }
  return re;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function resolveGroupRefs(s: string, corpus: Corpus, named: string[]): { document: string; number: number }[] {
  if (!groupWord(corpus).test(s)) return [];
  const candidates = roadmapsByRecency(corpus).filter((d) => !named.length || named.includes(d.id));
  const byWord = candidates.filter((d) => {
    const name = simplify(d.groupName ?? "");
    const en = simplify(d.groupNameEn ?? "");
    return new RegExp(`\\b(${name}s?|${en}|${en}es)\\b`).test(s);
  });
  const pool = byWord.length ? byWord : candidates;
  const refs: { document: string; number: number }[] = [];
  const qWords = new Set(words(s));
  const titlesOf = groupTitles(corpus);
  for (const d of pool) {
    for (const g of titlesOf.get(d.id) ?? []) {
      if (g.titles.some((t) => t.pattern?.test(s) || t.words.every((w) => qWords.has(w)))) refs.push({ document: d.id, number: g.number });
    }
    // Without a roadmap named, the most recent one with such a group answers: a later plan
    // that reuses an axis title supersedes the older ones rather than piling up beside them.
    if (refs.length && !named.length) break;
  }
  if (refs.length) return refs;
  const g = groupWord(corpus).source;
  const numbered = new RegExp(`${g}\\s*(?:n\\s*[°o]?\\s*)?(\\d)\\b`).exec(s) ?? new RegExp(`\\b(\\d)\\s*(?:e|eme|er)?\\s*${g}`).exec(s);
  const digit = numbered?.slice(1).find((x) => x !== undefined && /^\d$/.test(x));
  let number: number | "last" | null = digit ? Number(digit) : null;
  if (number === null) for (const [re, n] of ORDINALS) if (re.test(s)) number = n;
  if (number === null) return [];
  const d = pool[0];
  if (!d) return [];
  const n = number === "last" ? Math.max(...d.groups.map((g) => g.number)) : number;
  return d.groups.some((g) => g.number === n) ? [{ document: d.id, number: n }] : [];
}

function significant(title: string): string[] {
  return words(title).filter((w) => w.length > 3);
}

const LIST_FRAME = new Set([
  "quels", "quelles", "sont", "liste", "lister", "combien", "feuille", "route", "roadmap", "grandes", "grands", "principaux",
  "principales", "what", "which", "list", "many", "main", "there", "have", "does", "compte", "comporte", "numerique", "sante",
  "digital", "health", "cette", "celle", "nouvelle", "enumere",
]);

function detectIntent(s: string, actions: ActionRef[], groups: { document: string; number: number }[], named: string[], corpus: Corpus): Intent {
  const asksCount = /\b(combien|nombre|how many|number of|count)\b/.test(s);
  const asksList = /\b(quels?|quelles?|liste|lister|enumere|cite|what are|which are|list|name the|les \d+|the \d+)\b/.test(s);
  const groupRe = groupWord(corpus);
  const hasGroupWord = groupRe.test(s);
  const naming = namingWords(corpus);
  const namedRoadmaps = named.filter((id) => corpus.documents.find((d) => d.id === id)?.kind === "roadmap");
  const evolution = /\b(devenu|devenue|devenus|evolue|evolution|evolutions|depuis|suite|successeur|remplace|change|changed|since|become|became|compare|comparer|comparaison|comparison|difference|differences|versus|vs|puis|then|avant|before|after|apres)\b/.test(s);

  const g = groupRe.source;
  const asksGroup =
    /\b(appartient|rattache|belongs?)\b/.test(s) ||
    new RegExp(`\\b(quel(le)?s?|which|(dans|sous) quel(le)?|in which)\\s+${g}`).test(s);
  if (actions.length) {
    if (asksGroup) return { type: "action_group" };
    if (/\b(mesures|measures|objectifs|contenu|contient|detail|detaille)\b/.test(s)) return { type: "action_measures" };
    return { type: "describe_action" };
  }
  if (asksCount && /\b(mesures?|measures?|objectifs?)\b/.test(s)) return { type: "count_measures" };
  if (asksCount && /\b(actions?|priorites?|priorities)\b/.test(s)) return { type: "count_actions" };
  if (asksGroup) return { type: "action_group" };
  if (groups.length) return { type: "group_actions" };
  // "quels sont les axes de 2023-2027 ?" — but not "quel axe pour la télésanté ?", which has a subject of its own.
  const subject = s
    .replace(new RegExp(g, "g"), " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 3 && !/^(19|20)\d{2}$/.test(w) && !LIST_FRAME.has(w) && !naming.has(w));
  if (hasGroupWord && (subject.length === 0 || (subject.length <= 3 && (asksList || asksCount || /\b(grandes?|principaux|principales|main)\b/.test(s))))) {
    return { type: "list_groups" };
  }
  const both = /\b(les deux|deux feuilles|both|two roadmaps|chaque feuille|each roadmap|d.?une feuille de route a l.?autre)\b/.test(s);
  const latest = roadmapsByRecency(corpus)[0]?.id;
  const namesOlder = namedRoadmaps.some((id) => id !== latest);
  if (namedRoadmaps.length >= 2 || both || (evolution && (namesOlder || /\b(depuis|since|devenu|become|became|ancienne|old)\b/.test(s)))) {
    if (roadmaps(corpus).length >= 2) return { type: "compare" };
  }
  return { type: "search" };
}

export function analyzeQuestion(question: string, corpus: Corpus): QuestionAnalysis {
  const s = simplify(question);
  const named = documentsNamed(question, corpus);
  const actions = resolveActionRefs(s, corpus, named);
  const groups = actions.length ? [] : resolveGroupRefs(s, corpus, named);
  const intent = detectIntent(s, actions, groups, named, corpus);
  const details = (Object.keys(DETAILS) as Detail[]).filter((d) => DETAILS[d].test(s));
  const years = [...s.matchAll(/\b(19\d{2}|20\d{2})\b/g)].map((m) => Number(m[1]));
  const unknownYears = years.filter((y) => !corpus.documents.some((d) => d.year === y || (d.period && y >= d.period[0] && y <= d.period[1])));
  const roadmapsOnly = !named.length && /\b(feuilles? de route|roadmaps?)\b/.test(s);
  return {
    question, lang: detectLanguage(question), documents: named, actions, groups, intent, details,
    injection: isInjection(question), unknownYears, roadmapsOnly, personalMedical: isPersonalMedicalQuestion(question),
  };
}
