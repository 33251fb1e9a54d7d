import type { Corpus } from "../corpus/schema.js";
import { simplify } from "../language/french.js";
import { ACTION_AFTER, ACTION_BEFORE, AFTER_YEAR, CARE_ABROAD, NEXT_PLAN, PLAN_WORDS } from "../language/lexicon.js";
import { endYear, roadmapsByRecency, textWords } from "./corpus-tables.js";
import { resolveFollowUp, type ThreadTurn } from "./follow-up.js";
import { attributeAskStems, groupAskStems, readIntent } from "./intent.js";
import { detectLanguage } from "./language.js";
import { elsewherePlaces, resolveActions, resolveDocuments, resolveGroups, resolvePublishers } from "./references.js";
import { isInjection, isPersonalMedicalQuestion, isWritingRequest } from "./safety.js";
import { mendPlanWords } from "./spelling.js";
import type { Understanding } from "./schema.js";
import { readTerms } from "./terms.js";

/**
 * The first stage of answering, before any search: the question's language, whether it is safe
 * to answer, what it names in the corpus (documents, actions, groups), what it asks, and its
 * subject words — resolved against the thread when it is a follow-up. Everything downstream reads
 * this value and never the question's text for intent.
 */
export function understand(question: string, corpus: Corpus, history: readonly ThreadTurn[] = []): Understanding {
  const resolved = resolveFollowUp(question, history, corpus);
  const text = resolved.text;
  const s = mendPlanWords(simplify(text), textWords(corpus));
  const lang = resolved.lang ?? detectLanguage(text);
  const documents = resolveDocuments(s, corpus);
  const actions = resolveActions(s, corpus, documents.documents);
  const groups = actions.length ? [] : resolveGroups(s, corpus, documents.documents, detectLanguage(text));
  const read = readTerms(text, documents.rest, corpus, documents.documents);
  // A place abroad where a patient is cared for is the setting, not another country's plan.
  const noted = CARE_ABROAD.test(s) ? { ...read, glossary: read.glossary.map((g) => ({ ...g, elsewhere: false })) } : read;
  const neighbour = ACTION_AFTER.test(s) ? "next" : ACTION_BEFORE.test(s) ? "previous" : null;
  const elsewhere = [
    ...elsewherePlaces(text, corpus, noted.glossary),
    // "la feuille de route 2028-2032": a period no document covers is not answered from another one,
    // nor from one that merely reaches its first year (a regional strategy of 2023-2028).
    ...(documents.unknownYears.length && documents.documents.every((d) => d.by === "period" || d.by === "year") && PLAN_WORDS.test(s) ? [documents.unknownYears.join("-")] : []),
    // "l'action suivante dans la feuille de route" is the next action, not the next plan.
    ...(neighbour ? [] : nextPlan(s, corpus)),
  ];
  const named = [...documents.documents, ...resolvePublishers(text, s, corpus, documents.documents, noted.glossary, noted.unknownNames)];
  const references: Understanding["references"] = {
    documents: named,
    actions,
    groups,
    unknownYears: documents.unknownYears,
    elsewhere,
    plansOnly: !named.length && PLAN_WORDS.test(s) && /\b(feuilles? de route|fdrs?|roadmaps?)\b/.test(s),
    sideBySide: documents.sideBySide,
    neighbour,
  };
  const { intent, structure, asks } = readIntent(s, simplify(documents.rest), references, read.subject, corpus, PERSON_NAME.test(text) || read.unknown.length > 0);
  // What is asked of the topic is no part of it ("la prochaine réunion du CNS" is about the CNS), unless nothing else is asked about.
  const asking = new Set([...attributeAskStems(s, asks.attributes), ...(structure === "action_group" ? groupAskStems(s) : [])]);
  const topic = noted.subject.filter((st) => !asking.has(st));
  const terms = topic.length ? { ...noted, subject: topic, unknown: noted.unknown.filter((st) => !asking.has(st)) } : noted;
  return {
    question,
    text,
    subjectText: documents.rest.replace(/\s+/g, " ").trim(),
    lang,
    safety: {
      // The question as asked too: resolving a follow-up must not launder an injection.
      injection: isInjection(question) || isInjection(text),
      medical: isPersonalMedicalQuestion(text),
      writing: isWritingRequest(question),
    },
    references,
    intent,
    structure,
    asks,
    terms,
    followUp: resolved.followUp,
  };
}

/** A person's name as typed: two capitalised words ("Dominique Pon", "Jean-Marc Aubert"). */
const PERSON_NAME = /\p{Lu}\p{Ll}+[ -]\p{Lu}\p{Ll}+/u;

/** "la prochaine feuille de route", "the roadmap after 2027": a plan after every plan the corpus holds. */
function nextPlan(s: string, corpus: Corpus): string[] {
  const latest = roadmapsByRecency(corpus)[0];
  if (!latest) return [];
  const after = AFTER_YEAR.exec(s);
  if (after && Number(after[1]) >= endYear(latest)) return [after[0]];
  return NEXT_PLAN.test(s) ? [NEXT_PLAN.exec(s)![0]] : [];
}
