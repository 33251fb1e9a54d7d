import { beforeAll, describe, expect, it } from "vitest";
import { CorpusError } from "../../src/corpus/errors.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { parseLinesRoadmap } from "../../src/corpus/parse-lines.js";
import { parseSectionsRoadmap } from "../../src/corpus/parse-sections.js";
import type { Corpus, CorpusDocument, Structure } from "../../src/corpus/schema.js";
import { decodeSource, type SourceLine } from "../../src/corpus/source-text.js";
import { CORPUS_DIR } from "../support/pipeline.js";

type Sections = Extract<Structure, { layout: "sections" }>;
type Lines = Extract<Structure, { layout: "lines" }>;

function linesOf(text: string): SourceLine[] {
  return decodeSource("inline.txt", new TextEncoder().encode(text));
}

/** Runs `fn` and returns the CorpusError it throws (fails the test when it throws nothing else). */
function corpusError(fn: () => unknown): CorpusError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CorpusError);
    return e as CorpusError;
  }
  throw new Error("expected a CorpusError, nothing was thrown");
}

describe("the real corpus", () => {
  let corpus: Corpus;
  let v2019: CorpusDocument;
  let fdr: CorpusDocument;
  beforeAll(() => {
    corpus = loadCorpus(CORPUS_DIR);
    v2019 = corpus.documents.find((d) => d.id === "virage-numerique-2019")!;
    fdr = corpus.documents.find((d) => d.id === "fdr-2023-2027")!;
  });

  it("holds the five documents of the manifest, in order, with their kinds", () => {
    expect(corpus.documents.map((d) => [d.id, d.kind])).toEqual([
      ["virage-numerique-2019", "roadmap"],
      ["breve-virage-2019", "prose"],
      ["lancement-2019", "prose"],
      ["fdr-2023-2027", "roadmap"],
      ["ars-bretagne", "prose"],
    ]);
    expect(corpus.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  describe("virage-numerique-2019 (one action per line)", () => {
    it("has exactly 26 actions numbered 1..26 from line 3 to line 28, without measures", () => {
      expect(v2019.actions).toHaveLength(26);
      expect(v2019.actions.map((a) => a.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
      expect(v2019.actions.map((a) => a.line)).toEqual(Array.from({ length: 26 }, (_, i) => i + 3));
      expect(v2019.actions.every((a) => a.measures.length === 0)).toBe(true);
    });

    it("gives the 5 orientations the ranges 1-3, 4-10, 11-14, 15-17, 18-26", () => {
      expect(v2019.groupName).toBe("orientation");
      expect(v2019.groupNameEn).toBe("orientation");
      expect(v2019.groups.map((g) => [g.number, g.actions])).toEqual([
        [1, [1, 2, 3]],
        [2, [4, 5, 6, 7, 8, 9, 10]],
        [3, [11, 12, 13, 14]],
        [4, [15, 16, 17]],
        [5, [18, 19, 20, 21, 22, 23, 24, 25, 26]],
      ]);
      expect(v2019.groups.map((g) => g.title)).toEqual([
        "Renforcer la gouvernance du numérique en santé",
        "Intensifier la sécurité et l'interopérabilité des systèmes d'information en santé",
        "Accélérer le déploiement des services numériques socles",
        "Déployer au niveau national des plateformes numériques de santé",
        "Soutenir l'innovation et favoriser l'engagement des acteurs",
      ]);
      expect(v2019.groups.map((g) => g.short)).toEqual([
        "Gouvernance",
        "Sécurité et interopérabilité",
        "Services numériques socles",
        "Plateformes numériques nationales",
        "Innovation et engagement des acteurs",
      ]);
      const groupOf = (n: number) => v2019.actions.find((a) => a.number === n)!.group;
      expect([1, 3, 4, 10, 11, 14, 15, 17, 18, 26].map(groupOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    });

    it("keeps each action's line as its title (1 = DNS, 12 = MSSanté, 26 = ateliers citoyens)", () => {
      const title = (n: number) => v2019.actions.find((a) => a.number === n)!.title;
      expect(title(1)).toBe(
        "Création d’une Délégation ministérielle du Numérique en Santé (DNS), suppression de la DSSIS et transformation de l’ASIP Santé en Agence du Numérique en Santé (ANS).",
      );
      expect(title(7)).toBe("Mise à disposition de l’appli Carte Vitale (\"apCV\") pour l’authentification numérique des usagers du système de santé.");
      expect(title(11)).toBe("Poursuite du déploiement et du développement du Dossier Médical Partagé (DMP).");
      expect(title(12)).toBe("Accompagnement à l’usage des Messageries Sécurisées de Santé (MSSanté).");
      expect(title(17)).toBe("Lancement du \"Health Data Hub\".");
      expect(title(19)).toBe("Soutien à l’évolution des systèmes d’information hospitaliers avec le programme \"HOP’EN\".");
      expect(title(26)).toBe(
        "Organisation sur les territoires \"d’ateliers citoyens du numérique en santé\" permettant aux usagers de participer à la conception et à la construction de leur Espace Numérique de Santé.",
      );
    });

    it("cites the two introduction lines as one passage of the document", () => {
      expect(v2019.passages).toHaveLength(1);
      const [intro] = v2019.passages;
      expect(intro!.section).toBeNull();
      expect(intro!.line).toBe(1);
      expect(intro!.text.split("\n")).toHaveLength(2);
      expect(intro!.text.startsWith("Agnès Buzyn, Ministre des Solidarités et de la Santé a présenté le 25 avril 2019")).toBe(true);
      expect(intro!.text.endsWith("La feuille de route présente les 5 grandes orientations et 26 actions")).toBe(true);
    });
  });

  describe("fdr-2023-2027 (sections)", () => {
    it("has exactly 18 actions in 4 axes: Prévention 1-5, Prise en charge 6-9, Accès à la santé 10-13, Cadre propice 14-18", () => {
      expect(fdr.actions.map((a) => a.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      expect(fdr.groupName).toBe("axe");
      expect(fdr.groupNameEn).toBe("axis");
      expect(fdr.groups.map((g) => [g.number, g.title, g.actions])).toEqual([
        [1, "Prévention", [1, 2, 3, 4, 5]],
        [2, "Prise en charge", [6, 7, 8, 9]],
        [3, "Accès à la santé", [10, 11, 12, 13]],
        [4, "Cadre propice", [14, 15, 16, 17, 18]],
      ]);
      expect(fdr.actions.map((a) => a.group)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]);
    });

    it("reads each axis subtitle from the text", () => {
      expect(fdr.groups.map((g) => g.subtitle)).toEqual([
        "Développer la prévention et rendre chacun acteur de sa santé",
        "Dégager du temps pour tous les professionnels de santé et améliorer la prise en charge des personnes grâce au numérique",
        "Améliorer l'accès à la santé pour les personnes et les professionnels qui les orientent",
        "Déployer un cadre propice pour le développement des usages et de l'innovation numériques en santé",
      ]);
    });

    it("finds the number of measures of every action, as read in the text", () => {
      // Read in corpus/sources/fdr-2023-2027.txt: title lines, each followed by its description.
      expect(fdr.actions.map((a) => a.measures.length)).toEqual([4, 4, 3, 2, 5, 2, 5, 3, 3, 3, 3, 2, 2, 7, 4, 2, 3, 4]);
      expect(fdr.actions.reduce((n, a) => n + a.measures.length, 0)).toBe(61);
    });

    it("takes titles from the axis lists (action 16 says 'Créer observatoire', not the heading's 'Créer un observatoire')", () => {
      const title = (n: number) => fdr.actions.find((a) => a.number === n)!.title;
      expect(title(1)).toBe("Faire entrer Mon espace santé dans nos vies quotidiennes, pour gérer notre santé");
      expect(title(6)).toBe("Permettre aux professionnels d'accéder à l'historique de santé des patients qu'ils prennent en charge");
      expect(title(13)).toBe("Diffuser largement l'application carte Vitale (ApCV)");
      expect(title(14)).toBe(
        "Élaborer et mettre en œuvre un nouveau plan pluriannuel sur le renforcement massif de la cybersécurité pour tous les acteurs de santé et notamment les établissements sanitaires et médico-sociaux",
      );
      expect(title(16)).toBe("Créer observatoire de la maturité numérique en santé");
      expect(title(18)).toBe("Développer la recherche en santé numérique et en particulier l'utilisation secondaire des données de santé");
    });

    it("locates the action headings, with or without 'ACTION N' (actions 1, 9, 10, 12, 13 have none)", () => {
      expect(fdr.actions.map((a) => a.line)).toEqual([37, 67, 99, 125, 145, 220, 240, 278, 304, 359, 385, 411, 431, 479, 533, 565, 585, 611]);
    });

    it("gathers both parts (1/2) and (2/2) of action 14, with its untitled measure", () => {
      const a14 = fdr.actions.find((a) => a.number === 14)!;
      expect(a14.measures.map((m) => m.title)).toEqual([
        "Gouvernance",
        "Sensibilisation",
        "Ressources",
        "Exercices",
        "Remédiation",
        "Prérequis aux financements et certifications",
        null,
      ]);
      expect(a14.measures.map((m) => m.line)).toEqual([483, 489, 495, 501, 515, 521, 527]);
      expect(a14.measures[3]!.text).toBe(
        "Régulariser les audits cyber et les exercice de crise dans les établissements, pour identifier les failles et se préparer",
      );
      expect(a14.measures[6]).toEqual({
        title: null,
        text: "Regagner pragmatiquement notre souveraineté sur l'hébergement des données de santé.",
        line: 527,
      });
    });

    it("keeps action 4's title-only measure without a description", () => {
      const a4 = fdr.actions.find((a) => a.number === 4)!;
      expect(a4.measures).toEqual([
        { title: "Déléguer l'accès à Mon espace santé à un aidant", text: null, line: 129 },
        {
          title: "Accompagner les personnes dans la prise en main du numérique en santé",
          text: "Former 10 000 médiateurs au numérique en santé pour que le numérique n'accentue jamais les inégalités en santé.",
          line: 133,
        },
      ]);
    });

    it("drops the axis heading repeated inside action 7 and strips the markdown emphasis", () => {
      const a7 = fdr.actions.find((a) => a.number === 7)!;
      expect(a7.measures.map((m) => m.title)).toEqual([
        "Résoudre les irritants numériques des professionnels",
        "Ordonnance numérique",
        "Bouquet de services aux professionnels",
        "Accès Pro Santé Connect à tous les services",
        "2FA dans les établissements",
      ]);
      const all = fdr.actions.flatMap((a) => a.measures.flatMap((m) => [m.title ?? "", m.text ?? ""]));
      expect(all.filter((t) => t.includes("PRISE EN CHARGE") || t.includes("**"))).toEqual([]);
    });

    it("pairs titles with descriptions that end without a full stop (actions 1, 6, 9)", () => {
      const m = (a: number, i: number) => fdr.actions.find((x) => x.number === a)!.measures[i]!;
      expect(m(1, 3)).toEqual({ title: "Articulation des portails santé pour les personnes", text: "Mieux articuler Mon espace santé, Santé.fr et Ameli.fr", line: 59 });
      expect(m(6, 0).text).toBe(
        "Permettre aux professionnels de mieux prendre en charge leurs patients grâce à la consultation de leur historique de santé directement dans leurs logiciels métier",
      );
      expect(m(9, 0).text).toBe(
        "Former tous les élèves des formations médicales, paramédicales et du social aux compétences de base du numérique en santé (RGPD, sécurité, etc.)",
      );
      expect(m(13, 1).title).toBe("Application carte Vitale (ApCV)");
      expect(m(18, 2).title).toBe("Données De Santé @ UE");
    });

    it("cites the title page and each axis presentation as passages of the document", () => {
      expect(fdr.passages.map((p) => [p.section, p.line])).toEqual([
        [null, 3],
        ["Prévention", 17],
        ["Prise en charge", 195],
        ["Accès à la santé", 334],
        ["Cadre propice", 457],
      ]);
      expect(fdr.passages[0]!.text).toBe("FOULLE DE ROUTE DU NUMÉRIQUE EN SANTÉ\n2023-2027\nDévelopper la prévention et rendre chacun acteur de sa santé");
      const prevention = fdr.passages[1]!.text;
      expect(prevention.split("\n")[0]).toBe("Développer la prévention et rendre chacun acteur de sa santé");
      expect(prevention).toContain("98% des citoyens ont un carnet de santé numérique");
      expect(prevention).not.toContain("**");
      expect(prevention).not.toContain("- 1.");
      // The repeated heading and subtitle of "PRISE EN CHARGE" appear once.
      const priseEnCharge = fdr.passages[2]!.text.split("\n");
      expect(priseEnCharge.filter((l) => l.startsWith("Dégager du temps"))).toHaveLength(1);
      expect(priseEnCharge).not.toContain("PRISE EN CHARGE");
      expect(fdr.passages[4]!.text).toContain("la vigilance cyber doit être décuplée");
    });
  });

  describe("prose documents", () => {
    it("become passages, one per paragraph, with the heading above as section", () => {
      const prose = (id: string) => corpus.documents.find((d) => d.id === id)!;
      expect(prose("breve-virage-2019").passages.map((p) => p.line)).toEqual([7, 9, 11, 13, 15]);
      expect(new Set(prose("breve-virage-2019").passages.map((p) => p.section))).toEqual(
        new Set(["[Brève] Ma Santé 2022 : lancement du volet numérique"]),
      );
      expect(prose("lancement-2019").passages.map((p) => p.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17, 18]);
      expect(prose("ars-bretagne").passages.map((p) => p.line)).toEqual([5, 7, 9, 16, 18, 20, 22, 24, 26, 28, 30, 33, 35]);
      // The page's chrome ("Article", "Partagez cet article", "Sommaire de l'article") names no section.
      expect(new Set(prose("ars-bretagne").passages.map((p) => p.section))).toEqual(new Set(["Stratégie régionale du numérique en santé"]));
      expect(prose("ars-bretagne").skipped).toEqual([
        { line: 1, role: "heading", text: "Stratégie régionale du numérique en santé" },
        { line: 3, role: "chrome", text: "Article" },
      ]);
      expect(prose("breve-virage-2019").skipped.map((s) => [s.line, s.role])).toEqual([[1, "chrome"], [2, "chrome"], [3, "heading"], [5, "heading"]]);
      for (const id of ["breve-virage-2019", "lancement-2019", "ars-bretagne"]) {
        expect(prose(id).actions).toEqual([]);
        expect(prose(id).groups).toEqual([]);
      }
    });

    it("keeps a list introduced by ':' with its paragraph, and joins a line that continues in lower case", () => {
      const lancement = corpus.documents.find((d) => d.id === "lancement-2019")!;
      const orientations = lancement.passages.find((p) => p.line === 10)!.text.split("\n");
      expect(orientations).toHaveLength(6);
      expect(orientations[1]).toBe("- renforcer la gouvernance du numérique en santé ;");
      expect(orientations[5]).toBe("- soutenir l’innovation et favoriser l’engagement des acteurs.");
      const ars = corpus.documents.find((d) => d.id === "ars-bretagne")!;
      const segur = ars.passages.find((p) => p.line === 30)!.text;
      expect(segur.endsWith("afin de s’assurer de l’accès effectif du citoyen à ses données de santé et à leur partage entre professionnels.")).toBe(true);
      expect(ars.passages.some((p) => p.line === 31)).toBe(false);
    });
  });
});

describe("parseSectionsRoadmap on small texts", () => {
  const structure: Sections = {
    layout: "sections",
    group_name: "axe",
    group_name_en: "axis",
    groups: [
      { number: 1, title: "Alpha", heading: "ALPHA", actions: [1, 2] },
      { number: 2, title: "Bêta", heading: "BÊTA", actions: [3, 3] },
    ],
  };

  const TEXT = [
    "TITRE DU DOCUMENT", // 1
    "", // 2
    "ALPHA", // 3
    "Sous-titre de l'axe alpha", // 4
    "Un paragraphe d'introduction de l'axe.", // 5
    "- 1. Première action du test", // 6
    "- 2. Seconde action en deux parties", // 7
    "", // 8
    "Première action du test", // 9  heading without "ACTION N"
    "Mesure un", // 10
    "Description de la mesure un.", // 11
    "ALPHA", // 12 the axis heading repeated inside the action
    "Mesure deux", // 13
    "", // 14
    "Description deux sans point final", // 15
    "ACTION 2 – TAG Seconde action en deux parties (1/2)", // 16
    "Mesure trois", // 17
    "Texte trois.", // 18
    "Seconde action en deux parties (2/2)", // 19
    "Une phrase sans titre.", // 20
    "BÊTA", // 21
    "- 3. Troisième action", // 22
    "ACTION 3 Troisième action", // 23
    "Titre seul", // 24
    "", // 25
    "", // 26
    "", // 27
    "Autre titre seul", // 28
  ].join("\n");

  it("reads groups, titles from the lists, measures, parts and passages", () => {
    const parsed = parseSectionsRoadmap("inline.txt", linesOf(TEXT), structure);
    expect(parsed.groups).toEqual([
      { number: 1, title: "Alpha", short: null, titleEn: null, subtitle: "Sous-titre de l'axe alpha", actions: [1, 2] },
      { number: 2, title: "Bêta", short: null, titleEn: null, subtitle: null, actions: [3] },
    ]);
    expect(parsed.actions).toEqual([
      {
        number: 1,
        title: "Première action du test",
        group: 1,
        line: 9,
        measures: [
          { title: "Mesure un", text: "Description de la mesure un.", line: 10 },
          { title: "Mesure deux", text: "Description deux sans point final", line: 13 },
        ],
      },
      {
        number: 2,
        title: "Seconde action en deux parties",
        group: 1,
        line: 16,
        measures: [
          { title: "Mesure trois", text: "Texte trois.", line: 17 },
          { title: null, text: "Une phrase sans titre.", line: 20 },
        ],
      },
      {
        number: 3,
        title: "Troisième action",
        group: 2,
        line: 23,
        measures: [
          { title: "Titre seul", text: null, line: 24 },
          { title: "Autre titre seul", text: null, line: 28 },
        ],
      },
    ]);
    expect(parsed.passages).toEqual([
      { section: null, text: "TITRE DU DOCUMENT", line: 1, lines: [1] },
      { section: "Alpha", text: "Sous-titre de l'axe alpha\nUn paragraphe d'introduction de l'axe.", line: 4, lines: [4, 5] },
    ]);
  });

  it("reports a list item out of order with its file and line", () => {
    const text = TEXT.replace("- 1. Première action du test", "- 2. Première action du test");
    const e = corpusError(() => parseSectionsRoadmap("inline.txt", linesOf(text), structure));
    expect(e.message).toBe("inline.txt:6: list item 2 where the structure expects action 1 (Alpha: actions 1-2)");
    expect([e.file, e.line]).toEqual(["inline.txt", 6]);
  });

  it("reports a listed action whose section heading is missing, at its list item", () => {
    const text = TEXT.replace("ACTION 2 – TAG Seconde action en deux parties (1/2)", "Un intertitre quelconque").replace(
      "Seconde action en deux parties (2/2)",
      "Un autre intertitre",
    );
    const e = corpusError(() => parseSectionsRoadmap("inline.txt", linesOf(text), structure));
    expect(e.message).toBe("inline.txt:7: action 2 is listed here but no section heading for it was found");
  });

  it("reports a list that stops before the structure's last action", () => {
    const text = TEXT.replace("- 2. Seconde action en deux parties\n", "");
    const e = corpusError(() => parseSectionsRoadmap("inline.txt", linesOf(text), structure));
    expect(e.message).toBe("inline.txt:6: the list of Alpha stops at action 1; the structure expects actions 1-2");
  });

  it("reports a group heading that cannot be found", () => {
    const text = TEXT.replace(/^BÊTA$/m, "GAMMA");
    const e = corpusError(() => parseSectionsRoadmap("inline.txt", linesOf(text), structure));
    expect(e.message).toBe('inline.txt:4: heading "BÊTA" of Bêta (group 2 of the structure file) not found from this line on');
  });

  it("reports an 'ACTION N' heading placed in the wrong axis", () => {
    const text = TEXT.replace("ACTION 3 Troisième action", "ACTION 1 Troisième action");
    const e = corpusError(() => parseSectionsRoadmap("inline.txt", linesOf(text), structure));
    expect(e.message).toBe("inline.txt:23: heading of action 1 inside Bêta, whose list holds actions 3-3");
  });
});

describe("parseLinesRoadmap on small texts", () => {
  const structure: Lines = {
    layout: "lines",
    first_action_line: 3,
    group_name: "orientation",
    group_name_en: "orientation",
    groups: [
      { number: 1, title: "Premier groupe", short: "Un", title_en: "First group", actions: [1, 2] },
      { number: 2, title: "Second groupe", actions: [3, 3] },
    ],
  };

  it("numbers the lines in order and groups them by the structure's ranges", () => {
    const parsed = parseLinesRoadmap("l.txt", linesOf("Intro 1\nIntro 2\nA un.\n\nA deux.\nA trois."), structure);
    expect(parsed.actions).toEqual([
      { number: 1, title: "A un.", group: 1, measures: [], line: 3 },
      { number: 2, title: "A deux.", group: 1, measures: [], line: 5 },
      { number: 3, title: "A trois.", group: 2, measures: [], line: 6 },
    ]);
    expect(parsed.groups).toEqual([
      { number: 1, title: "Premier groupe", short: "Un", titleEn: "First group", subtitle: null, actions: [1, 2] },
      { number: 2, title: "Second groupe", short: null, titleEn: null, subtitle: null, actions: [3] },
    ]);
    expect(parsed.passages).toEqual([{ section: null, text: "Intro 1\nIntro 2", line: 1, lines: [1, 2] }]);
  });

  it("reports too many lines at the first extra line", () => {
    const e = corpusError(() => parseLinesRoadmap("l.txt", linesOf("I\nI\nA\nB\nC\nD"), structure));
    expect(e.message).toBe("l.txt:6: the structure announces 3 actions (one per line from line 3), the file has 4");
  });

  it("reports too few lines at the last line", () => {
    const e = corpusError(() => parseLinesRoadmap("l.txt", linesOf("I\nI\nA\nB"), structure));
    expect(e.message).toBe("l.txt:4: the structure announces 3 actions (one per line from line 3), the file has 2");
  });
});

describe("decodeSource", () => {
  it("numbers lines from 1, strips a BOM and trailing spaces, accepts CRLF", () => {
    expect(decodeSource("f.txt", new TextEncoder().encode("\uFEFFun  \r\ndeux\rtrois"))).toEqual([
      { line: 1, text: "un" },
      { line: 2, text: "deux" },
      { line: 3, text: "trois" },
    ]);
  });

  it("refuses binary, invalid UTF-8 and empty files with the line", () => {
    const nul = corpusError(() => decodeSource("f.txt", new Uint8Array([0x61, 0x0a, 0x62, 0x00])));
    expect(nul.message).toBe("f.txt:2: binary content (NUL byte): expected a UTF-8 text file");
    const latin1 = corpusError(() => decodeSource("f.txt", new Uint8Array([0x61, 0x0a, 0x0a, 0x73, 0x61, 0x6e, 0x74, 0xe9])));
    expect(latin1.message).toBe("f.txt:3: not valid UTF-8: save the file as UTF-8");
    const empty = corpusError(() => decodeSource("f.txt", new TextEncoder().encode(" \n\n")));
    expect(empty.message).toBe("f.txt:1: the file is empty");
  });
});
