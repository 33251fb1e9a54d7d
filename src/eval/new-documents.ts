import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { addDocument, parsePeriod } from "../corpus/add-document.js";

/** The documents an operator would add, as `corpus add` options (no label: operators often leave it out). */
const NewDocuments = z
  .object({
    about: z.string(),
    documents: z.array(
      z
        .object({
          file: z.string().min(1),
          id: z.string().min(1),
          kind: z.enum(["prose", "roadmap"]),
          title: z.string().min(1),
          publisher: z.string().optional(),
          region: z.string().optional(),
          period: z.string().optional(),
          aliases: z.array(z.string()).default([]),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * A copy of the corpus with the documents of `file` (evals/new-documents/documents.json) added by
 * `corpus add`'s own code, in a temporary folder: the corpus an operator gets after adding them.
 * Returns the folder; the caller indexes it.
 */
export function corpusWithNewDocuments(corpusDir: string, file: string): string {
  const spec = NewDocuments.parse(JSON.parse(readFileSync(file, "utf8")));
  const dir = join(mkdtempSync(join(tmpdir(), "fdr-new-documents-")), "corpus");
  cpSync(resolve(corpusDir), dir, { recursive: true });
  for (const d of spec.documents) {
    addDocument(dir, { ...d, file: join(dirname(resolve(file)), d.file), period: parsePeriod(d.period) });
  }
  return dir;
}
