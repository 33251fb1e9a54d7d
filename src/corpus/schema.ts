import { isAbsolute } from "node:path";
import { z } from "zod";

/** Citation and document IDs are a public contract: lowercase letters, digits and hyphens. */
export const DocumentId = z.string().regex(/^[a-z0-9-]+$/, {
  error: (issue) => `${JSON.stringify(issue.input)} must use only a-z, 0-9 and -`,
});

const Range = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([a, b]) => a <= b, "range must be [first, last] with first <= last");

const YEAR = "must be a year written with four digits, such as 2024";
const Year = z.int({ error: YEAR }).min(1990, { error: YEAR }).max(2100, { error: YEAR });
const Period = z
  .tuple([Year, Year], { error: "must be [first year, last year], such as [2024, 2028]" })
  .refine(([a, b]) => a < b, "must be [first year, last year] with the first before the last");

/** A file named by the manifest, relative to the corpus folder: nothing outside it is read. */
const CorpusPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !p.split(/[\\/]/).includes(".."), "must be a path inside the corpus folder, such as sources/<id>.txt");

export const DOCUMENT_KINDS = ["roadmap", "prose"] as const;

/** A non-empty text; the message says what is expected, for the manifest and for `corpus add` alike. */
const Text = (expected: string) =>
  z.string({ error: `expected ${expected}` }).refine((t) => t.trim().length > 0, { error: `expected ${expected}, not an empty text` });

export const ManifestEntry = z
  .object({
    id: DocumentId,
    kind: z.enum(DOCUMENT_KINDS, {
      error: (issue) => `${issue.input === undefined ? "missing" : `unknown kind ${JSON.stringify(issue.input)}`}: expected ${DOCUMENT_KINDS.join(" or ")}`,
    }),
    title: Text("the document's full title, in quotes"),
    /** Derived from the title at load when absent (label.ts). */
    label: Text('the short name citations show, such as "ARS Normandie · Stratégie e-santé"').optional(),
    year: Year.optional(),
    period: Period.optional(),
    /** Optional: a page copied from the web does not always say who published it. */
    publisher: Text('who published the document, such as "ARS Normandie"').optional(),
    scope: z.enum(["national", "regional"], { error: "expected national or regional" }).default("national"),
    region: Text("the region's name, such as Occitanie").optional(),
    source: CorpusPath,
    structure: CorpusPath.optional(),
    aliases: z.array(Text("a name people give the document"), { error: "expected a list of names" }).default([]),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.kind === "roadmap" && !entry.structure) {
      ctx.addIssue({ code: "custom", path: ["structure"], message: "a roadmap needs a structure file" });
    }
    if (entry.kind === "prose" && entry.structure) {
      ctx.addIssue({ code: "custom", path: ["structure"], message: "a prose document takes no structure file" });
    }
    if (entry.year !== undefined && entry.period !== undefined) {
      ctx.addIssue({ code: "custom", path: ["period"], message: "give year or period, not both" });
    }
    if (entry.scope === "regional" && !entry.region) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "a regional document needs region" });
    }
    if (entry.scope === "national" && entry.region) {
      ctx.addIssue({ code: "custom", path: ["region"], message: "region goes with scope: regional" });
    }
  });
export type ManifestEntry = z.infer<typeof ManifestEntry>;

/** The manifest: the documents, then the curated files that steer retrieval and comparisons. */
export const Manifest = z
  .object({
    documents: z.array(z.unknown()).min(1),
    glossary: z.string().min(1).optional(),
    enrichment: z.string().min(1).optional(),
    correspondences: z.array(z.string().min(1)).default([]),
  })
  .strict();

const LinesGroup = z
  .object({
    number: z.number().int().positive(),
    title: z.string().min(1),
    short: z.string().min(1).optional(),
    actions: Range,
  })
  .strict();

const SectionsGroup = z
  .object({
    number: z.number().int().positive(),
    title: z.string().min(1),
    short: z.string().min(1).optional(),
    heading: z.string().min(1),
    actions: Range,
  })
  .strict();

export const Structure = z.discriminatedUnion("layout", [
  z
    .object({
      layout: z.literal("lines"),
      first_action_line: z.number().int().positive(),
      group_name: z.string().min(1),
      group_name_en: z.string().min(1),
      groups: z.array(LinesGroup).min(1),
    })
    .strict(),
  z
    .object({
      layout: z.literal("sections"),
      group_name: z.string().min(1),
      group_name_en: z.string().min(1),
      groups: z.array(SectionsGroup).min(1),
    })
    .strict(),
]);
export type Structure = z.infer<typeof Structure>;

export const Measure = z.object({
  title: z.string().nullable(),
  text: z.string().nullable(),
  line: z.number().int().positive(),
});
export type Measure = z.infer<typeof Measure>;

export const Action = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  group: z.number().int().positive(),
  measures: z.array(Measure),
  line: z.number().int().positive(),
});
export type Action = z.infer<typeof Action>;

export const Group = z.object({
  number: z.number().int().positive(),
  title: z.string().min(1),
  short: z.string().nullable(),
  /** The group's own subtitle in the text, when it has one. */
  subtitle: z.string().nullable(),
  actions: z.array(z.number().int().positive()),
});
export type Group = z.infer<typeof Group>;

/** Text that is not an action: introductions, axis presentations, prose documents. Cited as the document. */
export const Passage = z.object({
  section: z.string().nullable(),
  text: z.string().min(1),
  /** Its first source line. */
  line: z.number().int().positive(),
  /** Every source line its text comes from, in order. */
  lines: z.array(z.number().int().positive()).min(1),
});
export type Passage = z.infer<typeof Passage>;

/**
 * A non-empty line of a prose source that is in no passage: a heading (the section name of the
 * passages after it), web page chrome ("Partager", a breadcrumb, "Mis à jour le …") or a photo
 * caption. With the passages' lines, it accounts for every line of the source.
 */
export const SkippedLine = z.object({
  line: z.number().int().positive(),
  role: z.enum(["heading", "chrome", "caption"]),
  text: z.string(),
});
export type SkippedLine = z.infer<typeof SkippedLine>;

export const CorpusDocument = z.object({
  id: DocumentId,
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  label: z.string(),
  year: z.number().int().nullable(),
  period: z.tuple([z.number().int(), z.number().int()]).nullable(),
  publisher: z.string().nullable(),
  scope: z.enum(["national", "regional"]),
  region: z.string().nullable(),
  aliases: z.array(z.string()),
  source: z.string(),
  groupName: z.string().nullable(),
  groupNameEn: z.string().nullable(),
  groups: z.array(Group),
  actions: z.array(Action),
  passages: z.array(Passage),
  /** Lines of a prose source left out of its passages, and why; empty for a roadmap. */
  skipped: z.array(SkippedLine),
});
export type CorpusDocument = z.infer<typeof CorpusDocument>;

export const GlossaryEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    terms: z.array(z.string().min(1)).min(1),
    expand: z.array(z.string().min(1)).default([]),
    senses: z
      .array(
        z
          .object({ document: DocumentId, meaning: z.string().min(1), expand: z.array(z.string().min(1)).min(1) })
          .strict(),
      )
      .default([]),
    /**
     * The terms name places or bodies the corpus does not cover (other countries): a question about
     * their own plan ("la stratégie de l'Allemagne") is out of scope, one about them within the
     * French roadmaps ("un patient allemand") is not.
     */
    elsewhere: z.boolean().default(false),
  })
  .strict()
  .refine((e) => e.expand.length > 0 || e.senses.length > 0, "an entry needs expand or senses");
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const Glossary = z.object({ entries: z.array(GlossaryEntry) }).strict();

export const Enrichment = z
  .object({
    keywords: z.array(z.string().min(1)).default([]),
    questions: z.array(z.string().min(1)).default([]),
    /**
     * Written by `corpus enrich` and not yet read by a person. Drafts steer retrieval like
     * reviewed entries (a new document is better found with them than without); `corpus check`
     * counts them until "draft: true" is removed.
     */
    draft: z.boolean().default(false),
  })
  .strict();
export type Enrichment = z.infer<typeof Enrichment>;

export const EnrichmentFile = z
  .object({
    actions: z.record(z.string(), Enrichment).default({}),
    documents: z.record(z.string(), Enrichment).default({}),
  })
  .strict();

export const CorrespondenceLink = z
  .object({
    from: z.number().int().positive(),
    to: z.array(z.number().int().positive()).min(1),
    topic: z.string().min(1),
    topic_en: z.string().min(1).optional(),
    strength: z.enum(["direct", "partial"]),
    note: z.string().min(1).optional(),
  })
  .strict();
export type CorrespondenceLink = z.infer<typeof CorrespondenceLink>;

export const Correspondence = z
  .object({
    from: DocumentId,
    to: DocumentId,
    links: z.array(CorrespondenceLink),
    unmatched_from: z.array(z.number().int().positive()).default([]),
    unmatched_to: z.array(z.number().int().positive()).default([]),
  })
  .strict();
export type Correspondence = z.infer<typeof Correspondence>;

export const Corpus = z.object({
  documents: z.array(CorpusDocument),
  glossary: z.array(GlossaryEntry),
  enrichment: z.object({
    actions: z.record(z.string(), Enrichment),
    documents: z.record(z.string(), Enrichment),
  }),
  correspondences: z.array(Correspondence),
  /** sha256 over every file that shapes the index: changing any of them rebuilds it. */
  hash: z.string(),
});
export type Corpus = z.infer<typeof Corpus>;

export function actionId(documentId: string, number: number): string {
  return `${documentId}#action-${number}`;
}

/** Splits "doc#action-3" into its parts; a bare document ID has no action. */
export function parseCitationId(id: string): { document: string; action: number | null } {
  const m = /^([a-z0-9-]+)#action-(\d+)$/.exec(id);
  if (m) return { document: m[1]!, action: Number(m[2]) };
  return { document: id, action: null };
}
