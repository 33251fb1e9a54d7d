import { beforeAll, describe, expect, it } from "vitest";
import { buildChunks, groupLabel, periodOf, type Chunk } from "../../src/corpus/chunk.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { actionId, type Corpus, type CorpusDocument } from "../../src/corpus/schema.js";
import { CORPUS_DIR } from "../support/pipeline.js";

let corpus: Corpus;
let chunks: Chunk[];
const byId = (id: string) => chunks.find((c) => c.id === id)!;

beforeAll(async () => {
  corpus = loadCorpus(CORPUS_DIR);
  chunks = await buildChunks(corpus);
});

const A14 =
  "Élaborer et mettre en œuvre un nouveau plan pluriannuel sur le renforcement massif de la cybersécurité pour tous les acteurs de santé et notamment les établissements sanitaires et médico-sociaux";

describe("chunks of the real corpus", () => {
  it("has one action chunk per action, one measure chunk per measure, one passage chunk per passage", () => {
    const kinds = (k: Chunk["kind"]) => chunks.filter((c) => c.kind === k).length;
    expect(kinds("action")).toBe(26 + 18);
    expect(kinds("measure")).toBe(61);
    // 1 + 5 + 13 + 5 + 13 passages, none longer than 800 characters
    expect(kinds("passage")).toBe(37);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it("never straddles two actions: every action-level chunk cites its own action", () => {
    const actionLevel = chunks.filter((c) => c.action !== null);
    expect(actionLevel.length).toBeGreaterThan(0);
    for (const c of actionLevel) {
      expect(c.citation).toBe(actionId(c.document, c.action!.number));
      expect(c.id.startsWith(`${c.citation}/`)).toBe(true);
    }
    for (const c of chunks.filter((x) => x.kind === "passage")) {
      expect(c.citation).toBe(c.document);
      expect(c.action).toBeNull();
      expect(c.group).toBeNull();
    }
  });

  it("prefixes an action chunk with its roadmap, axis and title, and lists its measure titles", () => {
    expect(byId("fdr-2023-2027#action-14/action").text).toBe(
      `Feuille de route 2023-2027 › Axe Cadre propice › Action 14 : ${A14}\n` +
        "Mesures : Gouvernance ; Sensibilisation ; Ressources ; Exercices ; Remédiation ; Prérequis aux financements et certifications",
    );
    expect(byId("virage-numerique-2019#action-12/action")).toMatchObject({
      kind: "action",
      citation: "virage-numerique-2019#action-12",
      period: "2019",
      group: { number: 3, title: "Accélérer le déploiement des services numériques socles", name: "orientation" },
      body: "Accompagnement à l’usage des Messageries Sécurisées de Santé (MSSanté).",
      text: "Feuille de route 2019 › Orientation 3 (Services numériques socles) › Action 12 : Accompagnement à l’usage des Messageries Sécurisées de Santé (MSSanté).",
    });
  });

  it("prefixes a measure chunk with the path down to the measure title", () => {
    expect(byId("fdr-2023-2027#action-14/measure-4")).toMatchObject({
      kind: "measure",
      citation: "fdr-2023-2027#action-14",
      measure: "Exercices",
      body: "Régulariser les audits cyber et les exercice de crise dans les établissements, pour identifier les failles et se préparer",
      text:
        `Feuille de route 2023-2027 › Axe Cadre propice › Action 14 : ${A14} › Exercices\n` +
        "Exercices : Régulariser les audits cyber et les exercice de crise dans les établissements, pour identifier les failles et se préparer",
    });
    // The untitled measure: no title in the path, its sentence as body.
    expect(byId("fdr-2023-2027#action-14/measure-7")).toMatchObject({
      measure: null,
      body: "Regagner pragmatiquement notre souveraineté sur l'hébergement des données de santé.",
      text: `Feuille de route 2023-2027 › Axe Cadre propice › Action 14 : ${A14}\nRegagner pragmatiquement notre souveraineté sur l'hébergement des données de santé.`,
    });
    // A title-only measure: the title is the body.
    expect(byId("fdr-2023-2027#action-4/measure-1")).toMatchObject({ measure: "Déléguer l'accès à Mon espace santé à un aidant", body: "Déléguer l'accès à Mon espace santé à un aidant" });
  });

  it("every action and measure chunk carries its context path in its text", () => {
    for (const c of chunks.filter((x) => x.kind === "action" || x.kind === "measure")) {
      const doc = corpus.documents.find((d) => d.id === c.document)!;
      expect(c.text.startsWith(doc.label)).toBe(true);
      expect(c.text).toContain(` › ${groupLabel(doc, c.group!.number)} › Action ${c.action!.number} : ${c.action!.title}`);
      if (c.measure) expect(c.text).toContain(` › ${c.measure}\n`);
    }
  });

  it("prefixes passages with the document label and their section", () => {
    expect(byId("fdr-2023-2027/passage-2").text.startsWith("Feuille de route 2023-2027 › Prévention\nDévelopper la prévention")).toBe(true);
    expect(byId("fdr-2023-2027/passage-2").section).toBe("Prévention");
    expect(byId("ars-bretagne/passage-1").text).toBe(
      "ARS Bretagne · Stratégie régionale › Stratégie régionale du numérique en santé\nDepuis 3 ans, l’ARS Bretagne décline le volet numérique du second projet régional de santé dans le secteur médicosocial (déploiement Via trajectoire, DMP, répertoire opérationnel des ressources…).",
    );
    expect(byId("ars-bretagne/passage-1").period).toBe("");
    // A label that lacks the year gets it in parentheses.
    expect(byId("lancement-2019/passage-1").text.startsWith("Présentation du 25 avril 2019\n")).toBe(true);
    expect(byId("breve-virage-2019/passage-1").text.startsWith("Brève du lancement 2019 › [Brève] Ma Santé 2022 : lancement du volet numérique\n")).toBe(true);
  });

  it("points every enrichment chunk to the action or document it enriches, with no body", () => {
    const enrichment = chunks.filter((c) => c.kind === "keywords" || c.kind === "question");
    expect(enrichment.length).toBe(
      Object.values(corpus.enrichment.actions).reduce((n, e) => n + (e.keywords.length ? 1 : 0) + e.questions.length, 0) +
        Object.values(corpus.enrichment.documents).reduce((n, e) => n + (e.keywords.length ? 1 : 0) + e.questions.length, 0),
    );
    for (const c of enrichment) {
      expect(c.body).toBe("");
      expect(c.id.startsWith(`${c.citation}/`)).toBe(true);
    }
    for (const [id, extra] of Object.entries(corpus.enrichment.actions)) {
      const mine = enrichment.filter((c) => c.citation === id);
      expect(mine.length).toBe((extra.keywords.length ? 1 : 0) + extra.questions.length);
      for (const c of mine) expect(actionId(c.document, c.action!.number)).toBe(id);
      extra.questions.forEach((q, i) => expect(byId(`${id}/question-${i + 1}`).text).toBe(q));
    }
  });
});

describe("periodOf / groupLabel", () => {
  it("formats a period, a year, or nothing", () => {
    expect(periodOf({ year: null, period: [2023, 2027] })).toBe("2023-2027");
    expect(periodOf({ year: 2019, period: null })).toBe("2019");
    expect(periodOf({ year: null, period: null })).toBe("");
  });

  it("names an axis by its title and an orientation by number and short name", () => {
    const fdr = corpus.documents.find((d) => d.id === "fdr-2023-2027")!;
    const v2019 = corpus.documents.find((d) => d.id === "virage-numerique-2019")!;
    expect(groupLabel(fdr, 4)).toBe("Axe Cadre propice");
    expect(groupLabel(v2019, 2)).toBe("Orientation 2 (Sécurité et interopérabilité)");
    expect(groupLabel(fdr, 9)).toBe("Axe 9");
  });
});

describe("a long prose passage", () => {
  function corpusWith(text: string): Corpus {
    const doc: CorpusDocument = {
      id: "longue",
      kind: "prose",
      title: "Un long texte",
      label: "Texte long",
      year: 2024,
      period: null,
      publisher: "Test",
      scope: "national",
      region: null,
      aliases: [],
      source: "sources/longue.txt",
      groupName: null,
      groupNameEn: null,
      groups: [],
      actions: [],
      passages: [
        { section: "Partie A", text, line: 3, lines: [3] },
        { section: null, text: "Un court paragraphe.", line: 9, lines: [9] },
      ],
      skipped: [],
    };
    return { documents: [doc], glossary: [], enrichment: { actions: {}, documents: {} }, correspondences: [], hash: "x" };
  }

  it("is split into pieces of at most 800 characters that cover the whole text", async () => {
    const sentences = Array.from({ length: 55 }, (_, i) => `Phrase numéro ${String(i + 1).padStart(2, "0")} du passage, assez longue pour compter.`);
    const text = sentences.join(" ");
    expect(text.length).toBeGreaterThanOrEqual(3000);
    const out = await buildChunks(corpusWith(text));
    const pieces = out.filter((c) => c.section === "Partie A");
    expect(pieces.length).toBeGreaterThanOrEqual(4);
    for (const p of pieces) {
      expect(p.body.length).toBeLessThanOrEqual(800);
      expect(p.citation).toBe("longue");
      expect(p.kind).toBe("passage");
      expect(p.text).toBe(`Texte long (2024) › Partie A\n${p.body}`);
    }
    for (const s of sentences) expect(pieces.some((p) => p.body.includes(s))).toBe(true);
    expect(out.map((c) => c.id)).toEqual([...pieces.map((_, i) => `longue/passage-${i + 1}`), `longue/passage-${pieces.length + 1}`]);
    expect(out.at(-1)).toMatchObject({ body: "Un court paragraphe.", section: null, text: "Texte long (2024)\nUn court paragraphe." });
  });
});
