import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { createChatModel, type LlmSettings } from "../answer/llm/chat-model.js";
import { classifyError, describeError } from "../answer/llm/faults.js";
import {
  DRAFT_RESPONSE_FORMAT,
  draftPrompt,
  enrichmentUnits,
  mergeDraft,
  parseDraft,
  reviewedKeys,
  writeDrafts,
  type DraftOutput,
} from "../corpus/enrich.js";
import { loadCorpus, MANIFEST_FILE } from "../corpus/load.js";
import { Manifest, type CorpusDocument } from "../corpus/schema.js";
import { parseYaml } from "../corpus/yaml.js";

/** `corpus enrich` could not draft; nothing was written when it is thrown. */
export class EnrichError extends Error {
  override name = "EnrichError";
}

export interface EnrichReport {
  doc: CorpusDocument;
  file: string;
  /** Passages or actions sent to the model. */
  units: number;
  entries: { key: string; questions: number; keywords: number }[];
  /** Keys left alone because a person already wrote their entry. */
  reviewed: string[];
}

// Reasoning models spend their thinking out of max_tokens (see answer/llm/create.ts).
const DRAFT_MAX_TOKENS = 2048;

function enrichmentFile(corpusDir: string): string {
  const file = join(corpusDir, MANIFEST_FILE);
  const manifest = Manifest.safeParse(parseYaml(file, readFileSync(file, "utf8")).value);
  const name = manifest.success ? manifest.data.enrichment : undefined;
  if (!name) throw new EnrichError(`${file} names no enrichment file: add "enrichment: enrichment.yaml" to it`);
  return join(corpusDir, name);
}

/**
 * Drafts the enrichment of one document with the configured model: for each passage (prose) or
 * action (roadmap), the everyday questions and keywords it answers, validated, then written into
 * the enrichment file as `draft: true` entries. Entries a person already wrote are left alone.
 * Any failure (server error, unreadable answer, timeout) stops before anything is written.
 */
export async function enrichDocument(
  corpusDir: string,
  id: string,
  settings: LlmSettings,
  onUnit: (name: string, done: number, total: number) => void = () => {},
): Promise<EnrichReport> {
  const corpus = loadCorpus(corpusDir);
  const doc = corpus.documents.find((d) => d.id === id);
  if (!doc) throw new EnrichError(`no document "${id}" in ${join(corpusDir, MANIFEST_FILE)}; its documents: ${corpus.documents.map((d) => d.id).join(", ")}`);
  const file = enrichmentFile(corpusDir);

  const all = enrichmentUnits(doc);
  const reviewed = reviewedKeys(corpus.enrichment, [...new Set(all.map((u) => u.key))]);
  const units = all.filter((u) => !reviewed.includes(u.key));
  if (!units.length) {
    throw new EnrichError(`every enrichment entry of ${id} was written by a person (${reviewed.join(", ")}) in ${file}: enrich drafts only missing or draft entries`);
  }

  const model = createChatModel(settings, DRAFT_MAX_TOKENS);
  const drafts = new Map<string, DraftOutput>();
  for (const [i, unit] of units.entries()) {
    onUnit(unit.name, i, units.length);
    const prompt = draftPrompt(doc, unit);
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    let content = "";
    try {
      // Streamed, as the answers are: on the non-streaming path the SDK parses a json_schema reply
      // inside its retry loop, and an unreadable reply would be asked for again.
      const stream = await model.stream([new SystemMessage(prompt.system), new HumanMessage(prompt.user)], { signal: deadline, response_format: DRAFT_RESPONSE_FORMAT });
      for await (const chunk of stream) content += chunk.text;
      mergeDraft(drafts, unit.key, parseDraft(content, unit));
    } catch (error) {
      const cause = classifyError(error, deadline);
      const e = describeError(error, [settings.apiKey]);
      const why = cause === "malformed"
        ? `its answer is not the JSON asked for, {"questions": […], "keywords": […]} (${e.message.split("\n")[0]!.slice(0, 160)})`
        : cause === "timeout"
          ? `it did not answer within LLM_TIMEOUT_MS (${settings.timeoutMs} ms)`
          : `the server failed${e.status ? ` with HTTP ${e.status}` : ""}: ${e.message.split("\n")[0]}`;
      throw new EnrichError(`the model ${settings.model} could not draft ${unit.name} of ${id}: ${why}`);
    }
  }

  const original = readFileSync(file, "utf8");
  writeFileSync(file, writeDrafts(file, original, drafts));
  try {
    loadCorpus(corpusDir);
  } catch (error) {
    writeFileSync(file, original);
    throw error;
  }
  return {
    doc,
    file,
    units: units.length,
    entries: [...drafts].map(([key, d]) => ({ key, questions: d.questions.length, keywords: d.keywords.length })),
    reviewed,
  };
}

/** What `corpus enrich` prints once the drafts are written. */
export function formatEnrichReport(r: EnrichReport, model: string): string {
  const what = r.doc.kind === "roadmap" ? "action" : "passage";
  return [
    `Drafted the enrichment of ${r.doc.id} with ${model}, from ${r.units} ${what}${r.units === 1 ? "" : "s"}:`,
    ...r.entries.map((e) => `  ${e.key}: ${e.questions} questions, ${e.keywords} keywords`),
    ...(r.reviewed.length ? [`Left as they are (written by a person): ${r.reviewed.join(", ")}.`] : []),
    `Written to ${r.file} with "draft: true": drafts steer retrieval already. Read them, correct or delete what the text does not say, then remove "draft: true"; npm run corpus -- check counts the drafts left.`,
    "Run npm run ingest to rebuild the index (the bot also rebuilds it at start when the corpus changed).",
  ].join("\n");
}
