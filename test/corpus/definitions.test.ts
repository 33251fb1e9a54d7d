import { describe, expect, it } from "vitest";
import { definedAcronyms, definitionsIn } from "../../src/corpus/definitions.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { CORPUS_DIR } from "../support/pipeline.js";

describe("definitionsIn", () => {
  it("reads the long form before the acronym, as the shortest run of words the acronym spells", () => {
    expect(definitionsIn("l'identitovigilance autour de l'Identité Nationale de Santé (INS) dans les établissements")).toEqual([
      { acronym: "INS", long: "Identité Nationale de Santé" },
    ]);
    expect(definitionsIn("pour concrétiser le service d’accès aux soins (SAS)")).toEqual([{ acronym: "SAS", long: "service d’accès aux soins" }]);
  });

  it("reads the long form in the parenthesis after the acronym, a long acronym taking one capital inside a word", () => {
    expect(definitionsIn("le GRADeS (groupement régional d'appui au développement de la e-santé) pilote")).toEqual([
      { acronym: "GRADeS", long: "groupement régional d'appui au développement de la e-santé" },
    ]);
    expect(definitionsIn("la CRIV (cellule régionale d'identitovigilance) veille")).toEqual([{ acronym: "CRIV", long: "cellule régionale d'identitovigilance" }]);
  });

  it("leaves out a parenthesis the acronym does not spell", () => {
    expect(definitionsIn("le programme EN (pour les établissements de santé) et la CPS (et plus généralement CPx)")).toEqual([]);
  });
});

describe("definedAcronyms", () => {
  it("adds to the glossary, read both ways, only the acronyms the texts define and the glossary does not know", () => {
    const corpus = loadCorpus(CORPUS_DIR);
    // Every acronym the five texts define is curated (ANS as an expansion only: "ans" is a word).
    expect(definedAcronyms(corpus.documents, corpus.glossary)).toEqual([]);
    const withoutAns = corpus.glossary.map((e) => ({ ...e, terms: e.terms.filter((t) => t !== "ANS"), expand: e.expand.filter((t) => t !== "ANS") }));
    expect(definedAcronyms(corpus.documents, withoutAns)).toEqual([
      { id: "defined-ans", terms: ["ANS", "Agence du Numérique en Santé"], expand: ["Agence du Numérique en Santé", "ANS"], senses: [], elsewhere: false },
    ]);
  });
});
