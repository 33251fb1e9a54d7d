import { z } from "zod";

export const Lang = z.enum(["fr", "en"]);
export type Lang = z.infer<typeof Lang>;

/**
 * What the question asks for. Structure questions are answered from the parsed structure,
 * comparisons side by side, the others by searching the texts.
 */
export const Intent = z.enum(["help", "structure", "compare", "figure", "when", "who", "why", "lookup"]);
export type Intent = z.infer<typeof Intent>;

/** The structure question, when the intent is `structure`. */
export const StructureAsk = z.enum([
  "count_actions", "count_measures", "count_groups", "list_groups", "group_actions", "action_group", "describe_action", "action_measures",
]);
export type StructureAsk = z.infer<typeof StructureAsk>;

export const DocumentRef = z.object({
  id: z.string(),
  /** How the question names it. `period` and `year` name every document of that time; `publisher`, every strategy of the body it names ("selon l'ARS"). */
  by: z.enum(["alias", "label", "region", "name", "publisher", "year", "period", "recency", "thread"]),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

export const ActionRef = z.object({
  document: z.string(),
  number: z.number().int(),
  /** false when the roadmap has no action with this number ("action 27"). */
  exists: z.boolean(),
});
export type ActionRef = z.infer<typeof ActionRef>;

export const GroupRef = z.object({
  document: z.string(),
  number: z.number().int(),
  by: z.enum(["number", "title"]),
  /** false when the roadmap has no group with this number ("l'axe 5" of a roadmap in four axes). */
  exists: z.boolean(),
});
export type GroupRef = z.infer<typeof GroupRef>;

export const GlossaryMatch = z.object({
  entry: z.string(),
  /** The words of the question that matched. */
  term: z.string(),
  expand: z.array(z.string()),
  /** For an ambiguous term: the meanings it has in each document. */
  senses: z.array(z.object({ document: z.string(), meaning: z.string() })),
  /** The term names a place the corpus does not cover. */
  elsewhere: z.boolean(),
});
export type GlossaryMatch = z.infer<typeof GlossaryMatch>;

export const Understanding = z.object({
  /** The question as asked. */
  question: z.string(),
  /** The question to answer: the follow-up resolved against the thread, else the question. */
  text: z.string(),
  /** That question without the names of the documents and years it refers to: what to search for within them. */
  subjectText: z.string(),
  lang: Lang,
  safety: z.object({
    /** An attempt to make the assistant drop its rules (in the question as asked, too). */
    injection: z.boolean(),
    /** The person describes their own health and asks what to do. */
    medical: z.boolean(),
    /** A request to write something the texts are not (a poem, code, a letter). */
    writing: z.boolean(),
  }),
  references: z.object({
    documents: z.array(DocumentRef),
    actions: z.array(ActionRef),
    groups: z.array(GroupRef),
    /** Years the question names that no document covers ("la feuille de route 2028-2032"). */
    unknownYears: z.array(z.number().int()),
    /** Places the question asks about whose plans the corpus does not hold (another country or region). */
    elsewhere: z.array(z.string()),
    /** It asks about a plan ("la feuille de route") without naming one. */
    plansOnly: z.boolean(),
    /** A prose text and a roadmap named with "et / and / vs" between them: both are asked, side by side. */
    sideBySide: z.boolean(),
    /** The action asked is the one after or before the action named or found ("l'action qui suit …"). */
    neighbour: z.enum(["next", "previous"]).nullable(),
  }),
  intent: Intent,
  structure: StructureAsk.nullable(),
  /**
   * The kind of answer expected, whatever the intent: a number, a date, a person, a reason — and
   * kinds of information plans seldom give (contact details, a career, a price, a penalty…).
   */
  asks: z.object({
    figure: z.boolean(),
    /** What the figure counts: a stem ("combien de médiateurs" → "mediateur"), "money", or null. */
    counts: z.string().nullable(),
    date: z.boolean(),
    person: z.boolean(),
    reason: z.boolean(),
    /** What a short form stands for ("DMP, ça veut dire quoi ?"): the text that spells it out answers. */
    meaning: z.boolean(),
    attributes: z.array(z.string()),
  }),
  terms: z.object({
    /** Stems of the words that carry the subject: no framing, structure, naming or stop words. */
    subject: z.array(z.string()),
    /** Subject words the corpus, its glossary and its names have never seen. */
    unknown: z.array(z.string()),
    /** Capitalised words nobody in the corpus knows: a place, a product, a body it does not cover. */
    unknownNames: z.array(z.string()),
    /** Misspelt words and the corpus words they were read as. */
    corrections: z.array(z.object({ from: z.string(), to: z.string() })),
    glossary: z.array(GlossaryMatch),
  }),
  followUp: z
    .object({
      kind: z.enum(["ordinal", "next", "previous", "document", "language", "subject"]),
      /** The earlier question or citation it was resolved against. */
      from: z.string(),
    })
    .nullable(),
});
export type Understanding = z.infer<typeof Understanding>;
