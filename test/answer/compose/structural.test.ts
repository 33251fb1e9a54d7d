import { beforeAll, describe, expect, it } from "vitest";
import { CitationList } from "../../../src/answer/citations.js";
import { citationLabel } from "../../../src/answer/labels.js";
import { renderStatements } from "../../../src/answer/schema.js";
import { answerStructure } from "../../../src/answer/compose/structural.js";
import { loadCorpus } from "../../../src/corpus/load.js";
import type { Corpus } from "../../../src/corpus/schema.js";
import { understand } from "../../../src/understanding/understand.js";
import { CORPUS_DIR } from "../../support/pipeline.js";

let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus(CORPUS_DIR);
});

function structural(question: string) {
  const out = new CitationList(corpus);
  const answered = answerStructure(understand(question, corpus), corpus, out);
  return { answered, statements: out.statements, citations: out.citations(), text: renderStatements(out.statements) };
}

describe("answerStructure", () => {
  it("counts the 26 actions of 2019 in their 5 orientations", () => {
    const a = structural("combien d'actions en 2019 ?");
    expect(a.answered).toBe(true);
    expect(a.statements).toEqual([
      {
        text: "Feuille de route 2019 : 26 actions, réparties en 5 orientations — Gouvernance (actions 1 à 3) ; Sécurité et interopérabilité (actions 4 à 10) ; Services numériques socles (actions 11 à 14) ; Plateformes numériques nationales (actions 15 à 17) ; Innovation et engagement des acteurs (actions 18 à 26).",
        cites: [1],
      },
    ]);
    expect(a.citations).toEqual([{ id: "virage-numerique-2019", label: "Feuille de route 2019" }]);
  });

  it("counts the 18 actions of 2023-2027 in their 4 axes", () => {
    const a = structural("combien d'actions dans la feuille de route 2023-2027 ?");
    expect(a.text).toBe(
      "Feuille de route 2023-2027 : 18 actions, réparties en 4 axes — Prévention (actions 1 à 5) ; Prise en charge (actions 6 à 9) ; Accès à la santé (actions 10 à 13) ; Cadre propice (actions 14 à 18). [1]",
    );
    expect(a.citations.map((c) => c.id)).toEqual(["fdr-2023-2027"]);
  });

  it("counts both roadmaps, most recent first, when none is named", () => {
    const a = structural("combien d'actions au total ?");
    expect(a.citations.map((c) => c.id)).toEqual(["fdr-2023-2027", "virage-numerique-2019"]);
    expect(a.statements.map((s) => s.text.split(" — ")[0])).toEqual([
      "Feuille de route 2023-2027 : 18 actions, réparties en 4 axes",
      "Feuille de route 2019 : 26 actions, réparties en 5 orientations",
    ]);
    expect(a.statements.map((s) => s.cites)).toEqual([[1], [2]]);
  });

  it("answers in English with the English group name", () => {
    expect(structural("how many actions are in the 2019 roadmap?").text).toBe(
      "Feuille de route 2019: 26 actions in 5 orientations — Gouvernance (actions 1–3) ; Sécurité et interopérabilité (actions 4–10) ; Services numériques socles (actions 11–14) ; Plateformes numériques nationales (actions 15–17) ; Innovation et engagement des acteurs (actions 18–26). [1]",
    );
  });

  it("counts the measures", () => {
    expect(structural("combien de mesures dans la feuille de route 2023-2027 ?").text).toBe(
      "Feuille de route 2023-2027 : 61 mesures nommées, réparties dans ses 18 actions. [1]",
    );
    expect(structural("combien de mesures dans la feuille de route 2019 ?").text).toBe(
      "Feuille de route 2019 : ses 26 actions tiennent chacune en une ligne, sans mesures nommées. [1]",
    );
  });

  it("lists the axes of 2023-2027 with their subtitles and ranges", () => {
    expect(structural("quels sont les axes de la feuille de route 2023-2027 ?").text).toBe(
      [
        "Feuille de route 2023-2027 compte 4 axes : [1]",
        "• 1. Prévention — Développer la prévention et rendre chacun acteur de sa santé (actions 1 à 5) [1]",
        "• 2. Prise en charge — Dégager du temps pour tous les professionnels de santé et améliorer la prise en charge des personnes grâce au numérique (actions 6 à 9) [1]",
        "• 3. Accès à la santé — Améliorer l'accès à la santé pour les personnes et les professionnels qui les orientent (actions 10 à 13) [1]",
        "• 4. Cadre propice — Déployer un cadre propice pour le développement des usages et de l'innovation numériques en santé (actions 14 à 18) [1]",
      ].join("\n"),
    );
  });

  it("lists the 5 orientations of 2019, the texts where their names stand first (the roadmap's own file has none)", () => {
    const a = structural("quelles sont les orientations de 2019 ?");
    expect(a.text).toBe(
      [
        "Feuille de route 2019 compte 5 orientations : [1][2][3]",
        "• 1. Renforcer la gouvernance du numérique en santé (actions 1 à 3) [1][3]",
        "• 2. Intensifier la sécurité et l'interopérabilité des systèmes d'information en santé (actions 4 à 10) [1][3]",
        "• 3. Accélérer le déploiement des services numériques socles (actions 11 à 14) [1][3]",
        "• 4. Déployer au niveau national des plateformes numériques de santé (actions 15 à 17) [1][3]",
        "• 5. Soutenir l'innovation et favoriser l'engagement des acteurs (actions 18 à 26) [2][3]",
      ].join("\n"),
    );
    // The brief words the fifth orientation differently; the presentation gives it as the roadmap does.
    expect(a.citations.map((c) => c.id)).toEqual(["breve-virage-2019", "lancement-2019", "virage-numerique-2019"]);
  });

  it("gives each group's English title beside the published one in an English answer", () => {
    const a = structural("which actions are in the access to health axis of the 2023-2027 roadmap?");
    expect(a.text.split("\n")[0]).toBe('Feuille de route 2023-2027, axis 3 "Accès à la santé" (Access to health, actions 10–13): [5]');
    expect(a.text.split("\n")[1]).toBe("• Action 10: Renforcer l'information des patients et des professionnels sur la santé et l'offre de santé dans les territoires [1]");
  });

  it("lists the axes of 2023-2027 citing the roadmap alone: its own text names them", () => {
    expect(structural("quels sont les axes de la feuille de route 2023-2027 ?").citations.map((c) => c.id)).toEqual(["fdr-2023-2027"]);
  });

  it("places a 2019 action in its orientation, citing the action and where the orientation's name stands", () => {
    const a = structural("dans quelle orientation est l'action 13 de 2019 ?");
    expect(a.text).toBe("Feuille de route 2019, action 13 « Développement de la e-prescription. » : orientation 3, « Accélérer le déploiement des services numériques socles » (actions 11 à 14). [1][2]");
    expect(a.citations.map((c) => c.id)).toEqual(["virage-numerique-2019#action-13", "breve-virage-2019"]);
  });

  it("lists the actions of the axe Prévention, each cited, the actions leading the sources", () => {
    const a = structural("quelles actions dans l'axe prévention ?");
    expect(a.text).toBe(
      [
        "Feuille de route 2023-2027, axe 1 « Prévention » (actions 1 à 5) : [6]",
        "• Action 1 : Faire entrer Mon espace santé dans nos vies quotidiennes, pour gérer notre santé [1]",
        "• Action 2 : Développer une prévention personnalisée [2]",
        "• Action 3 : Rendre chacun acteur de sa santé et maître de ses données [3]",
        "• Action 4 : Accompagner tous les citoyens pour qu'ils s'approprient la santé numérique, en particulier les plus fragiles et les plus vulnérables [4]",
        "• Action 5 : Faire bénéficier à tous des innovations en santé numérique [5]",
      ].join("\n"),
    );
    expect(a.citations).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => ({ id: `fdr-2023-2027#action-${n}`, label: `Feuille de route 2023-2027 · Axe Prévention · Action ${n}` })),
      { id: "fdr-2023-2027", label: "Feuille de route 2023-2027" },
    ]);
  });

  it("says action 30 does not exist, citing the roadmap", () => {
    const a = structural("action 30 de 2023-2027");
    expect(a.text).toBe("Feuille de route 2023-2027 ne compte que 18 actions : il n'y a pas d'action 30. [1]");
    expect(a.citations).toEqual([{ id: "fdr-2023-2027", label: "Feuille de route 2023-2027" }]);
  });

  it("places action 9 in the axe Prise en charge", () => {
    const a = structural("dans quel axe est l'action 9 ?");
    expect(a.text).toBe(
      "Feuille de route 2023-2027, action 9 « Renforcer l'accompagnement de proximité et la formation des professionnels de santé, du médico-social et du social vis-à-vis du numérique » : axe 2, « Prise en charge » (actions 6 à 9). [1]",
    );
    expect(a.citations).toEqual([{ id: "fdr-2023-2027#action-9", label: "Feuille de route 2023-2027 · Axe Prise en charge · Action 9" }]);
  });

  it("describes action 12 of 2019", () => {
    const a = structural("l'action 12 de 2019");
    expect(a.text).toBe(
      "Feuille de route 2019, orientation 3 « Services numériques socles » — action 12 : « Accompagnement à l’usage des Messageries Sécurisées de Santé (MSSanté). ». [1]",
    );
    expect(a.citations).toEqual([{ id: "virage-numerique-2019#action-12", label: "Feuille de route 2019 · Orientation 3 (Services numériques socles) · Action 12" }]);
  });

  it("describes action 14 with its 7 measures, the measure titles in the label", () => {
    const a = structural("quelles sont les mesures de l'action 14 ?");
    expect(a.statements).toHaveLength(8);
    expect(a.statements[0]!.text).toBe(
      "Feuille de route 2023-2027, axe 4 « Cadre propice » — action 14 : « Élaborer et mettre en œuvre un nouveau plan pluriannuel sur le renforcement massif de la cybersécurité pour tous les acteurs de santé et notamment les établissements sanitaires et médico-sociaux ». Mesures :",
    );
    expect(a.statements[4]!.text).toBe(
      "• Exercices : Régulariser les audits cyber et les exercice de crise dans les établissements, pour identifier les failles et se préparer",
    );
    expect(a.statements[7]!.text).toBe("• Regagner pragmatiquement notre souveraineté sur l'hébergement des données de santé.");
    expect(a.statements.every((s) => s.cites.length === 1 && s.cites[0] === 1)).toBe(true);
    expect(a.citations).toEqual([
      {
        id: "fdr-2023-2027#action-14",
        label:
          "Feuille de route 2023-2027 · Axe Cadre propice · Action 14 › Gouvernance, Sensibilisation, Ressources, Exercices, Remédiation, Prérequis aux financements et certifications",
      },
    ]);
  });

  it("declines what is not structural", () => {
    const a = structural("c'est quoi l'ApCV ?");
    expect(a.answered).toBe(false);
    expect(a.statements).toEqual([]);
  });
});

describe("citationLabel", () => {
  it("labels documents, actions and measures", () => {
    expect(citationLabel(corpus, "ars-bretagne")).toBe("ARS Bretagne · Stratégie régionale");
    expect(citationLabel(corpus, "fdr-2023-2027#action-14", ["Exercices"])).toBe("Feuille de route 2023-2027 · Axe Cadre propice · Action 14 › Exercices");
    expect(citationLabel(corpus, "virage-numerique-2019#action-26")).toBe("Feuille de route 2019 · Orientation 5 (Innovation et engagement des acteurs) · Action 26");
    expect(citationLabel(corpus, "fdr-2023-2027", [], "Prévention")).toBe("Feuille de route 2023-2027 · Prévention");
    expect(citationLabel(corpus, "fdr-2023-2027#action-99")).toBe("Feuille de route 2023-2027 · Action 99");
    expect(citationLabel(corpus, "inconnu")).toBe("inconnu");
  });
});
