import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { accountForLines } from "../../src/corpus/line-fates.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { listMarker, parseProse } from "../../src/corpus/parse-prose.js";
import { decodeSource, type SourceLine } from "../../src/corpus/source-text.js";
import { isCaption, isChrome } from "../../src/corpus/web-page-chrome.js";
import { CORPUS_DIR } from "../support/pipeline.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/prose");

function fixture(name: string): SourceLine[] {
  const file = join(FIXTURES, name);
  return decodeSource(file, readFileSync(file));
}

const linesOf = (text: string): SourceLine[] => text.split("\n").map((t, i) => ({ line: i + 1, text: t }));

describe("parseProse on an ARS-like page", () => {
  const page = parseProse(fixture("feuille-de-route-regionale.txt"));

  it("records the page chrome and the photo caption, and never takes them as section names", () => {
    expect(page.skipped.map((s) => [s.line, s.role])).toEqual([
      [1, "chrome"], // Accueil > Nos actions > E-santé
      [2, "heading"],
      [4, "chrome"], // Article
      [6, "chrome"], // Mis à jour le 12 mars 2024
      [7, "chrome"], // Partager
      [8, "chrome"], // Imprimer
      [10, "chrome"], // Visuel
      [11, "caption"], // Claire Martin, directrice de la stratégie de l'ARS
      [12, "chrome"], // Crédit photo : ARS
      [14, "chrome"], // Corps de texte
      [35, "heading"],
      [38, "chrome"], // Partagez cet article
      [39, "chrome"], // Sommaire de l'article
    ]);
    expect(new Set(page.passages.map((p) => p.section))).toEqual(
      new Set(["Feuille de route régionale du numérique en santé 2023-2028", "Pour en savoir plus"]),
    );
  });

  it("keeps the seven 'Axe N :' lines with their lead-in, which has no colon, in one passage", () => {
    const axes = page.passages[1]!;
    expect(axes.lines).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
    expect(axes.text.split("\n")).toEqual([
      "La feuille de route s'organise autour de sept axes",
      "Axe 1 : Gouverner le numérique en santé avec les acteurs du territoire",
      "Axe 2 : Sécuriser les systèmes d'information des établissements",
      "Axe 3 : Généraliser les services socles",
      "Axe 4 : Développer la télésanté dans les zones rurales",
      "Axe 5 : Accompagner les usagers éloignés du numérique",
      "Axe 6 : Former les professionnels",
      "Axe 7 : Évaluer et partager les résultats",
    ]);
  });

  it("keeps '•' bullets with the lead-in ending with ':'", () => {
    expect(page.passages[3]).toEqual({
      section: "Feuille de route régionale du numérique en santé 2023-2028",
      text: "Les services socles déployés dans la région :\n• la messagerie sécurisée de santé\n• le dossier médical partagé\n• l'identifiant national de santé\n• l'e-prescription",
      line: 27,
      lines: [27, 28, 29, 30, 31],
    });
  });

  it("makes one passage per paragraph, figures in words included", () => {
    expect(page.passages.map((p) => p.lines)).toEqual([[15], [16, 17, 18, 19, 20, 21, 22, 23], [25], [27, 28, 29, 30, 31], [33], [36]]);
    expect(page.passages[2]!.text).toBe("Le comité régional se réunit deux fois par an. Il suit quatre actions prioritaires et rend compte de leur avancement aux usagers.");
  });
});

describe("parseProse on an interview", () => {
  const interview = parseProse(fixture("entretien.txt"));

  it("keeps each question with its quoted answer", () => {
    expect(interview.passages[1]!.text).toBe(
      "Pourquoi une stratégie régionale de télésanté ?\n« Parce que les besoins ne sont pas les mêmes partout. Dans les zones rurales, la téléconsultation évite des trajets de plus d'une heure. »",
    );
    expect(interview.passages[2]!.lines).toEqual([13, 14]);
  });

  it("keeps a question in quotation marks with the speaker's answer after it", () => {
    const { passages } = parseProse(linesOf("Entretien\n\n« Pourquoi un axe à part ? »\n\nMarie Durand : Parce que nous avons été attaqués en 2022.\n\n« Et ensuite ? »\nMarie Durand : Un bilan fin 2026."));
    expect(passages.map((p) => [p.lines, p.text])).toEqual([
      [[3, 5], "« Pourquoi un axe à part ? »\nMarie Durand : Parce que nous avons été attaqués en 2022."],
      [[7, 8], "« Et ensuite ? »\nMarie Durand : Un bilan fin 2026."],
    ]);
  });

  it("keeps '–', '1)' and '*' lists with their lead-in, the last one a line without colon", () => {
    expect(interview.passages.slice(3).map((p) => [p.lines, p.text.split("\n")[0]])).toEqual([
      [[15, 16, 17, 18], "Les priorités pour 2025 :"],
      [[20, 21, 22, 23], "Les trois étapes du déploiement :"],
      [[25, 26, 27, 28], "À retenir"],
    ]);
    expect(interview.passages[5]!.text).toBe("À retenir\n* 12 cabines de téléconsultation\n* 300 pharmacies\n* un bilan chaque année");
  });

  it("skips the date line, the caption and the photo credit", () => {
    expect(interview.skipped).toEqual([
      { line: 1, role: "heading", text: "Entretien" },
      { line: 2, role: "heading", text: "Trois questions sur la télésanté en région" },
      { line: 3, role: "chrome", text: "Publié le 4 juin 2024" },
      { line: 5, role: "caption", text: "Jean Dubois, directeur général adjoint" },
      { line: 6, role: "chrome", text: "Crédit photo : ARS" },
    ]);
  });
});

describe("parseProse on 'Axe N' sections", () => {
  const page = parseProse(fixture("axes-en-sections.txt"));

  it("reads a lone 'Axe N : title' followed by a paragraph as that paragraph's heading", () => {
    expect(page.skipped.map((s) => s.text)).toEqual(["Programme régional e-santé", "Axe 1 : Gouvernance", "Axe 2 : Sécurité", "Axe 3 : Usages"]);
    expect(page.passages.map((p) => p.section)).toEqual(["Axe 1 : Gouvernance", "Axe 2 : Sécurité", "Axe 2 : Sécurité", "Axe 3 : Usages"]);
  });

  it("keeps a list item longer than a heading in its list, and joins a sentence cut by the layout", () => {
    expect(page.passages[2]!.lines).toEqual([6, 7, 8]);
    expect(page.passages[2]!.text.split("\n")[1]!.length).toBeGreaterThan(90);
    expect(page.passages[3]).toMatchObject({ lines: [10, 11] });
    expect(page.passages[3]!.text).toContain("se déplacent dans les cabinets");
  });
});

describe("parseProse on small texts", () => {
  it("splits paragraphs, takes headings as sections, keeps ':' lists and lower-case continuations", () => {
    const text = [
      "Un titre", // 1 heading
      "Premier paragraphe.", // 2
      "Une liste :", // 3
      "- premier point", // 4
      "- second point", // 5
      "Une phrase assez longue pour ne pas être prise pour un titre, coupée en deux par la mise en page", // 6
      "qui continue ici.", // 7
      "Autre titre", // 8
      "Dernier paragraphe !", // 9
    ].join("\n");
    expect(parseProse(linesOf(text))).toEqual({
      passages: [
        { section: "Un titre", text: "Premier paragraphe.", line: 2, lines: [2] },
        { section: "Un titre", text: "Une liste :\n- premier point\n- second point", line: 3, lines: [3, 4, 5] },
        {
          section: "Un titre",
          text: "Une phrase assez longue pour ne pas être prise pour un titre, coupée en deux par la mise en page qui continue ici.",
          line: 6,
          lines: [6, 7],
        },
        { section: "Autre titre", text: "Dernier paragraphe !", line: 9, lines: [9] },
      ],
      skipped: [
        { line: 1, role: "heading", text: "Un titre" },
        { line: 8, role: "heading", text: "Autre titre" },
      ],
    });
  });

  it("keeps a lead-in's short unmarked lines, and a lead-in's paragraph, with it", () => {
    const text = ["Les objectifs :", "Gouvernance", "Sécurité", "", "La ministre a déclaré :", "« Le numérique est un levier. »", "", "Une suite"].join("\n");
    const { passages, skipped } = parseProse(linesOf(text));
    expect(passages.map((p) => p.lines)).toEqual([[1, 2, 3], [5, 6]]);
    expect(skipped).toEqual([{ line: 8, role: "heading", text: "Une suite" }]);
  });

  it("does not merge two lead-ins or two questions", () => {
    const { passages } = parseProse(linesOf("Qui pilote ?\nQui finance ?\nL'ARS.\nLes étapes :\nLes moyens :\n- des crédits"));
    expect(passages.map((p) => p.lines)).toEqual([[1], [2, 3], [4], [5, 6]]);
  });

  it("reads two numbered lines as a list, and a single one followed by text as a heading", () => {
    const list = parseProse(linesOf("1. Gouvernance\n2. Sécurité"));
    expect(list.passages.map((p) => p.lines)).toEqual([[1, 2]]);
    const heading = parseProse(linesOf("1. Gouvernance\nLe comité se réunit chaque trimestre."));
    expect(heading.skipped).toEqual([{ line: 1, role: "heading", text: "1. Gouvernance" }]);
  });
});

describe("the shapes of lines", () => {
  it("names list markers by family", () => {
    expect(["- a", "– a", "• a", "* a", "1) a", "2. a", "b) a", "Axe 3 : a", "AXE 2 – a", "Objectif stratégique 4 : a", "Priorité n°1 : a"].map((t) => listMarker(t)?.family)).toEqual([
      "bullet -", "bullet –", "bullet •", "bullet *", "number", "number", "letter", "label axe", "label axe", "label objectif strategique", "label priorite",
    ]);
    for (const t of ["Le 25 avril 2019, la ministre", "Depuis 3 ans, l'ARS", "Dont 1,4 milliard", "En 2019 : lancement", "-10 % de délais"]) expect(listMarker(t)).toBeNull();
  });

  it("recognises chrome, breadcrumbs and captions, not sentences that look alike", () => {
    for (const t of ["Article", "Corps de texte", "Partagez cet article", "Sommaire de l’article", "Mis à jour le 3 mai", "Crédit photo : X", "© ARS", "Accueil / Actualités", "Santé > Numérique > ARS", "***"]) {
      expect([t, isChrome(t)]).toEqual([t, true]);
    }
    for (const t of ["Article 51 : les expérimentations", "Crédit d'impôt innovation", "patients > 75 ans", "établissements / usagers / professionnels", "Partager les données de santé"]) {
      expect([t, isChrome(t)]).toEqual([t, false]);
    }
    expect(isCaption("Agnès BUZYN, ministre des Solidarités et de la Santé")).toBe(true);
    expect(isCaption("Dr Marie de La Tour, la directrice médicale")).toBe(true);
    expect(isCaption("Pays de la Loire, une région pilote")).toBe(false);
    expect(isCaption("Agnès Buzyn, ministre des Solidarités et de la Santé, a présenté la feuille de route.")).toBe(false);
  });
});

describe("ingestion loses nothing", () => {
  const corpus = loadCorpus(CORPUS_DIR);
  const prose = corpus.documents.filter((d) => d.kind === "prose");
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt"));

  it.each(prose.map((d) => [d.id, d] as const))("accounts for every non-empty line of %s exactly once", (_, doc) => {
    const source = decodeSource(doc.source, readFileSync(join(CORPUS_DIR, doc.source)));
    const account = accountForLines(source, doc);
    expect({ lost: account.lost, twice: account.twice, phantom: account.phantom }).toEqual({ lost: [], twice: [], phantom: [] });
    expect(account.fates).toHaveLength(source.filter((l) => l.text.trim()).length);
  });

  it.each(fixtures)("accounts for every non-empty line of the fixture %s exactly once", (name) => {
    const source = fixture(name);
    const account = accountForLines(source, parseProse(source));
    expect({ lost: account.lost, twice: account.twice, phantom: account.phantom }).toEqual({ lost: [], twice: [], phantom: [] });
  });

  it("sees a lost, a doubled and a phantom line", () => {
    const source = linesOf("Titre\nUn.\nDeux.\n\nTrois.");
    const account = accountForLines(source, {
      passages: [
        { section: null, text: "Un.", line: 2, lines: [2] },
        { section: null, text: "Un.", line: 2, lines: [2, 4] },
      ],
      skipped: [{ line: 1, role: "heading", text: "Titre" }],
    });
    expect(account).toMatchObject({ lost: [3, 5], twice: [2], phantom: [4] });
  });
});
