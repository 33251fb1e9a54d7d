import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load.js";
import type { GlossaryEntry } from "../../src/corpus/schema.js";
import { GlossaryMatcher } from "../../src/understanding/glossary.js";
import { CORPUS_DIR } from "../support/pipeline.js";

const entry = (id: string, terms: string[], expand: string[] = [id], senses: GlossaryEntry["senses"] = []): GlossaryEntry => ({ id, terms, expand, senses, elsewhere: false });

describe("GlossaryMatcher on hand-made entries", () => {
  const matcher = new GlossaryMatcher([
    entry("ens", ["ENS"], [], [
      { document: "doc-2019", meaning: "Espace Numérique de Santé", expand: ["Espace Numérique de Santé"] },
      { document: "doc-2023", meaning: "entreprises du numérique en santé", expand: ["entreprises du numérique en santé"] },
    ]),
    entry("ps", ["PS", "professionnel de santé"], ["professionnels de santé"]),
    entry("ans", ["ANS"], ["Agence du Numérique en Santé"]),
    entry("messagerie", ["messagerie sécurisée", "MSSanté"], ["MSSanté"]),
    entry("dmp", ["DMP", "dossier patient"], ["Dossier Médical Partagé"]),
  ]);
  const ids = (q: string, docs: string[] = []) => matcher.match(q, docs).map((m) => m.entry);

  it("gives an ambiguous acronym all its senses when no document is named", () => {
    expect(matcher.match("c'est quoi l'ENS ?")).toEqual([
      {
        entry: "ens",
        term: "ENS",
        expand: ["Espace Numérique de Santé", "entreprises du numérique en santé"],
        senses: [
          { document: "doc-2019", meaning: "Espace Numérique de Santé" },
          { document: "doc-2023", meaning: "entreprises du numérique en santé" },
        ],
        elsewhere: false,
      },
    ]);
  });

  it("picks the sense of the document the question names", () => {
    expect(matcher.match("l'ENS en 2023", ["doc-2023"])).toEqual([
      { entry: "ens", term: "ENS", expand: ["entreprises du numérique en santé"], senses: [], elsewhere: false },
    ]);
    expect(matcher.match("l'ENS", ["doc-2019"])[0]!.expand).toEqual(["Espace Numérique de Santé"]);
    // A named document without a sense of its own: all senses again.
    expect(matcher.match("l'ENS", ["autre"])[0]!.senses).toHaveLength(2);
  });

  it("never reads 'en' (or its stem) as ENS", () => {
    expect(ids("qu'est-ce qui est prévu en santé en 2023 ?")).toEqual([]);
    expect(ids("les actions engagées en région")).toEqual([]);
  });

  it("matches short acronyms that are everyday words only in upper case", () => {
    expect(ids("le rôle des PS")).toEqual(["ps"]);
    expect(ids("ps : merci")).toEqual([]);
    expect(ids("l'ANS pilote")).toEqual(["ans"]);
    expect(ids("depuis 3 ans")).toEqual([]);
    expect(ids("Ans")).toEqual([]);
  });

  it("matches other terms whatever the case and accents, on stems and word sequences", () => {
    expect(ids("les messageries securisees")).toEqual(["messagerie"]);
    expect(ids("MSSANTE")).toEqual(["messagerie"]);
    expect(ids("les dossiers patients")).toEqual(["dmp"]);
    expect(ids("le dossier du patient")).toEqual([]); // not the same word sequence
    expect(ids("un professionnel de santé et le DMP")).toEqual(["ps", "dmp"]);
  });

  it("reads the name inside a longer term alone when typed as written, and a lower-case word never as that name", () => {
    const m = new GlossaryMatcher([
      entry("cyber", ["plan CaRE", "programme ETAPES", "GIE SESAM-Vitale"], ["cybersécurité"]),
      entry("soins", ["care", "soins"], ["soins"]),
    ]);
    const found = (q: string) => m.match(q).map((g) => `${g.entry}:${g.term}`);
    expect(found("c'est quoi le plan CaRE ?")).toEqual(["cyber:plan CaRE"]);
    expect(found("c'est quoi le CaRE ?")).toEqual(["cyber:CaRE"]);
    expect(found("What is ETAPES?")).toEqual(["cyber:ETAPES"]);
    // Typed in lower case, the name is the everyday word; a short acronym inside a term ("GIE") stands for nothing alone.
    expect(found("la care des patients, les etapes")).toEqual(["soins:care"]);
    expect(found("le GIE")).toEqual([]);
  });

  it("lists the entries found in the glossary's order, whatever the question's", () => {
    expect(ids("le DMP et un professionnel de santé")).toEqual(["ps", "dmp"]);
    expect(ids("MSSanté, l'ENS et le DMP")).toEqual(["ens", "messagerie", "dmp"]);
  });

  it("says when a term names a place the corpus does not cover", () => {
    const places = new GlossaryMatcher([{ ...entry("pays", ["Allemagne", "pays voisins"], ["UE"]), elsewhere: true }]);
    expect(places.match("la stratégie de l'Allemagne")).toEqual([{ entry: "pays", term: "Allemagne", expand: ["UE"], senses: [], elsewhere: true }]);
  });

  it("reports each entry once, with the first of its terms found", () => {
    expect(matcher.match("le DMP, le dossier patient")).toEqual([{ entry: "dmp", term: "DMP", expand: ["Dossier Médical Partagé"], senses: [], elsewhere: false }]);
  });
});

describe("GlossaryMatcher on the real glossary", () => {
  let matcher: GlossaryMatcher;
  beforeAll(() => {
    matcher = new GlossaryMatcher(loadCorpus(CORPUS_DIR).glossary);
  });

  it("brings the roadmap's words to the words staff use", () => {
    const apcv = matcher.match("la carte vitale sur le téléphone").find((m) => m.entry === "apcv")!;
    expect(apcv.expand).toContain("ApCV");
    const dmp = matcher.match("le dossier patient").find((m) => m.entry === "dmp")!;
    expect(dmp.expand).toEqual(["DMP", "Dossier Médical Partagé", "historique de santé"]);
  });

  it("gives ENS its 2019 and its 2023-2027 meanings, and one when the roadmap is named", () => {
    const all = matcher.match("ENS").find((m) => m.entry === "ens")!;
    expect(all.senses.map((s) => s.document)).toEqual(["virage-numerique-2019", "breve-virage-2019", "lancement-2019", "fdr-2023-2027"]);
    const y2023 = matcher.match("les ENS", ["fdr-2023-2027"]).find((m) => m.entry === "ens")!;
    expect(y2023).toEqual({ entry: "ens", term: "ENS", expand: ["entreprises du numérique en santé"], senses: [], elsewhere: false });
    const y2019 = matcher.match("l'ENS", ["virage-numerique-2019"]).find((m) => m.entry === "ens")!;
    expect(y2019.expand).toEqual(["Espace Numérique de Santé"]);
  });

  it("does not match ENS inside an ordinary French question", () => {
    expect(matcher.match("qu'est-ce qui est prévu en 2019 en région ?").map((m) => m.entry)).not.toContain("ens");
  });

  it("matches PS and UE only in upper case", () => {
    expect(matcher.match("les PS").map((m) => m.entry)).toContain("ps");
    expect(matcher.match("ps").map((m) => m.entry)).not.toContain("ps");
    expect(matcher.match("dans l'UE").map((m) => m.entry)).toContain("ue-europe");
    expect(matcher.match("une ue").map((m) => m.entry)).not.toContain("ue-europe");
  });
});
