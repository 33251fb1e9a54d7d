import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { LlmSettings } from "../../src/answer/llm/chat-model.js";
import { enrichDocument, EnrichError, formatEnrichReport } from "../../src/cli/corpus-enrich.js";
import { addDocument } from "../../src/corpus/add-document.js";
import { checkCorpus, formatSummary } from "../../src/corpus/check.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { API_KEY, BASE, chatHandler, sseResponse, type ChatBody } from "../answer/llm/support/openai-mock.js";
import { OCCITANIE, removeTempCorpora, tempCorpus, TEST_ROADMAP } from "../support/temp-corpus.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  removeTempCorpora();
});

const SETTINGS: LlmSettings = { baseURL: BASE, apiKey: API_KEY, model: "openweight-medium", timeoutMs: 5_000, rewriteTimeoutMs: 5_000, maxRetries: 0 };

/** The passage the request carries, between its <extrait> tags. */
function excerptOf(body: ChatBody): string {
  return /<extrait>\n([\s\S]*)\n<\/extrait>/.exec(body.messages.find((m) => m.role === "user")!.content)![1]!;
}

/** A model that answers each passage with questions quoting its first words. */
function draftingModel(seen: ChatBody[]) {
  return chatHandler((body) => {
    const first = excerptOf(body).split("\n")[1] ?? excerptOf(body);
    const words = first.split(" ").slice(0, 3).join(" ");
    return sseResponse(JSON.stringify({ questions: [`c'est quoi ${words} ?`, "Qui finance TéléOc ?"], keywords: [words, "télémédecine"] }));
  }, seen);
}

function corpusWithOccitanie() {
  const { root, dir } = tempCorpus({ copyReal: true });
  addDocument(dir, OCCITANIE);
  return { root, dir, enrichment: readFileSync(join(dir, "enrichment.yaml"), "utf8") };
}

describe("corpus enrich against an OpenAI-compatible server", () => {
  it("drafts a new prose document passage by passage into draft entries, keeping the file's other lines", async () => {
    const { dir, enrichment } = corpusWithOccitanie();
    const seen: ChatBody[] = [];
    server.use(draftingModel(seen));
    const units: string[] = [];
    const report = await enrichDocument(dir, "ars-occitanie", SETTINGS, (name) => units.push(name));

    expect(units).toEqual(["passage 1 (line 4)", "passage 2 (line 7)", "passage 3 (line 10)"]);
    expect(seen).toHaveLength(3);
    expect(seen[0]!.model).toBe("openweight-medium");
    expect(seen[0]!.stream).toBe(true);
    expect(seen[0]!.response_format?.json_schema?.name).toBe("enrichissement");
    expect(excerptOf(seen[1]!)).toBe(
      "Dépistage en pharmacie\nDans le cadre de TéléOc, 212 pharmacies d'officine de Lozère, de l'Aveyron et du Gers photographient le fond d'œil des personnes diabétiques ; les ophtalmologues du CHU de Toulouse interprètent les clichés et dépistent la rétinopathie diabétique sous sept jours.",
    );

    const written = readFileSync(join(dir, "enrichment.yaml"), "utf8");
    expect(written.startsWith(enrichment)).toBe(true);
    expect(written.slice(enrichment.length)).toBe(
      [
        "  ars-occitanie:",
        "    draft: true",
        '    keywords: ["L\'Agence régionale de", "télémédecine", "Dans le cadre", "Le programme est"]',
        "    questions:",
        '      - "c\'est quoi L\'Agence régionale de ?"',
        '      - "Qui finance TéléOc ?"',
        '      - "c\'est quoi Dans le cadre ?"',
        '      - "c\'est quoi Le programme est ?"',
        "",
      ].join("\n"),
    );
    expect(loadCorpus(dir).enrichment.documents["ars-occitanie"]).toMatchObject({ draft: true });
    expect(report.entries).toEqual([{ key: "ars-occitanie", questions: 4, keywords: 4 }]);
    expect(formatEnrichReport(report, SETTINGS.model).split("\n")[0]).toBe("Drafted the enrichment of ars-occitanie with openweight-medium, from 3 passages:");

    const summary = checkCorpus(dir);
    expect(summary.draftEntries).toEqual(["ars-occitanie"]);
    expect(formatSummary(summary)).toContain('\nEnrichment: 1 draft entry to review (ars-occitanie): used for retrieval already; remove "draft: true" once read.\n');

    // Drafting again replaces the draft instead of adding a second entry.
    await enrichDocument(dir, "ars-occitanie", SETTINGS);
    expect(readFileSync(join(dir, "enrichment.yaml"), "utf8")).toBe(written);
  });

  it("drafts a roadmap action by action, each into its own entry", async () => {
    const { dir } = tempCorpus({ copyReal: true });
    addDocument(dir, TEST_ROADMAP);
    const seen: ChatBody[] = [];
    server.use(draftingModel(seen));
    const report = await enrichDocument(dir, "fdr-test-2028", SETTINGS);
    expect(report.entries.map((e) => e.key)).toEqual(["fdr-test-2028#action-1", "fdr-test-2028#action-2", "fdr-test-2028#action-3", "fdr-test-2028#action-4"]);
    expect(excerptOf(seen[0]!).startsWith("Action 1 : ")).toBe(true);
    const file = parse(readFileSync(join(dir, "enrichment.yaml"), "utf8")) as { actions: Record<string, { draft?: boolean }> };
    expect(Object.keys(file.actions).slice(-4)).toEqual(report.entries.map((e) => e.key));
    expect(loadCorpus(dir).enrichment.actions["fdr-test-2028#action-3"]!.draft).toBe(true);
  });

  it("says so and writes nothing when the model's answer is not the JSON asked for", async () => {
    const { dir, enrichment } = corpusWithOccitanie();
    let calls = 0;
    server.use(chatHandler(() => sseResponse(++calls === 2 ? '{"questions": "une seule", "keywords": []}' : '{"questions": ["q ?"], "keywords": ["k"]}')));
    const error = await enrichDocument(dir, "ars-occitanie", SETTINGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnrichError);
    expect((error as Error).message).toMatch(
      /^the model openweight-medium could not draft passage 2 \(line 7\) of ars-occitanie: its answer is not the JSON asked for, \{"questions": \[…\], "keywords": \[…\]\} \(/,
    );
    expect(readFileSync(join(dir, "enrichment.yaml"), "utf8")).toBe(enrichment);
  });

  it("says so and writes nothing when the server fails with a 500", async () => {
    const { dir, enrichment } = corpusWithOccitanie();
    server.use(http.post(`${BASE}/chat/completions`, () => HttpResponse.json({ error: { message: "upstream overloaded" } }, { status: 500 })));
    const error = await enrichDocument(dir, "ars-occitanie", SETTINGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnrichError);
    expect((error as Error).message).toMatch(/^the model openweight-medium could not draft passage 1 \(line 4\) of ars-occitanie: the server failed with HTTP 500: /);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(readFileSync(join(dir, "enrichment.yaml"), "utf8")).toBe(enrichment);
  });

  it("leaves entries a person wrote alone", async () => {
    const { dir, enrichment } = corpusWithOccitanie();
    const error = await enrichDocument(dir, "ars-bretagne", SETTINGS).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `every enrichment entry of ars-bretagne was written by a person (ars-bretagne) in ${join(dir, "enrichment.yaml")}: enrich drafts only missing or draft entries`,
    );
    expect(readFileSync(join(dir, "enrichment.yaml"), "utf8")).toBe(enrichment);
  });
});

describe("npm run corpus -- enrich without a model", () => {
  it("names the variable to set", async () => {
    const REPO = resolve(import.meta.dirname, "../..");
    const { root } = tempCorpus({ copyReal: true });
    const env: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: "corpus" };
    delete env.LLM_BASE_URL;
    delete env.LLM_MODEL;
    const result = await new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
      execFile(join(REPO, "node_modules/.bin/tsx"), [join(REPO, "src/app/commands/corpus.ts"), "enrich", "ars-bretagne"], { cwd: root, env, encoding: "utf8" }, (error, stdout, stderr) =>
        done({ status: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(result).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "fdr-santé: invalid configuration:\n  LLM_BASE_URL: is required by corpus enrich: the OpenAI-compatible server whose model drafts the enrichment (with LLM_MODEL, and LLM_API_KEY if it needs one)\n",
    });
  });
});
