import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../src/corpus/schema.js";
import { missingAttributes } from "../../src/decision/features.js";
import { understand } from "../../src/understanding/understand.js";
import { realIndex } from "../support/pipeline.js";

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await realIndex()).corpus;
});

describe("missingAttributes", () => {
  const asked = (q: string) => understand(q, corpus);

  it("reads a word the stemmer drops as a stopword as evidence: 'déjà' says where things stand", () => {
    const u = asked("Combien de médiateurs sont déjà formés ?");
    expect(u.asks.attributes).toEqual(["status"]);
    expect(missingAttributes(u, "Former 10 000 médiateurs au numérique en santé d'ici 2027.")).toEqual(["status"]);
    expect(missingAttributes(u, "Le programme a déjà formé 2 500 médiateurs.")).toEqual([]);
    expect(missingAttributes(u, "Le programme forme des médiateurs depuis 2022.")).toEqual([]);
  });

  it("names each kind asked that the text says nothing of, and reads no text when none is asked", () => {
    const u = asked("La cellule d'éthique, qui en fait partie, et comment on candidate ?");
    expect(u.asks.attributes).toEqual(["membership", "procedure"]);
    expect(missingAttributes(u, "Création d'une cellule d'éthique du numérique en santé.")).toEqual(["membership", "procedure"]);
    expect(missingAttributes(u, "La cellule réunit des patients et des soignants ; les candidatures passent par un appel à candidatures.")).toEqual([]);
    expect(missingAttributes(asked("c'est quoi l'ApCV ?"), "")).toEqual([]);
  });
});
