import { describe, expect, it } from "vitest";
import { stem } from "../../src/language/french.js";
import { closestWord, distance, mendPlanWords, truncatedFrom } from "../../src/understanding/spelling.js";

const VOCAB = ["cybersecurite", "etablissements", "etablissement", "messagerie", "message", "sante", "teleconsultation", "telecom", "telesante", "parcours"];

describe("distance (optimal string alignment)", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit", () => {
    expect(distance("sante", "sante", 2)).toBe(0);
    expect(distance("sante", "santee", 2)).toBe(1);
    expect(distance("sante", "sant", 2)).toBe(1);
    expect(distance("sante", "sonte", 2)).toBe(1);
    expect(distance("sante", "snate", 2)).toBe(1);
    expect(distance("kitten", "sitting", 3)).toBe(3);
  });

  it("gives up with max + 1 once the distance exceeds max", () => {
    expect(distance("abc", "abcdef", 2)).toBe(3);
    expect(distance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("closestWord", () => {
  it("reads a misspelt word as the nearest corpus word", () => {
    expect(closestWord("etablisements", VOCAB)).toBe("etablissements");
    expect(closestWord("cybersecruite", VOCAB)).toBe("cybersecurite");
    expect(closestWord("mesagerie", VOCAB)).toBe("messagerie");
    expect(closestWord("telesnate", VOCAB)).toBe("telesante");
  });

  it("allows one edit up to 8 letters, two beyond", () => {
    expect(closestWord("santte", VOCAB)).toBe("sante");
    expect(closestWord("snatee", VOCAB)).toBeNull(); // 6 letters, two edits
    expect(closestWord("parcuors", VOCAB)).toBe("parcours"); // 8 letters, one swap
    expect(closestWord("porcuors", VOCAB)).toBeNull(); // 8 letters, two edits
    expect(closestWord("cybrsecurte", VOCAB)).toBe("cybersecurite"); // 11 letters, two edits
    expect(closestWord("cybrsecrte", VOCAB)).toBeNull(); // three edits
  });

  it("leaves words shorter than 5 letters alone", () => {
    expect(closestWord("sant", VOCAB)).toBeNull();
    expect(closestWord("snte", ["sante"])).toBeNull();
  });

  it("completes a truncation of six letters or more, the shorter completion first", () => {
    expect(closestWord("cybersecu", VOCAB)).toBe("cybersecurite");
    expect(closestWord("teleco", VOCAB)).toBe("telecom");
    expect(closestWord("telecons", VOCAB)).toBe("teleconsultation");
    expect(closestWord("telec", VOCAB)).toBeNull(); // five letters: no completion
  });

  it("reads a word cut short as the shortest word it was cut from, when all it could be cut from is one word", () => {
    expect(truncatedFrom("cybersecu", VOCAB, stem)).toBe("cybersecurite");
    expect(truncatedFrom("etablis", VOCAB, stem)).toBe("etablissement");
    expect(truncatedFrom("telec", VOCAB, stem)).toBeNull(); // five letters
    expect(truncatedFrom("cybersecruite", VOCAB, stem)).toBeNull(); // a typo, not a cut
    expect(truncatedFrom("messagerie", VOCAB, stem)).toBeNull(); // the word itself
    // A word that starts several words is a word of its own.
    expect(truncatedFrom("fonction", ["fonctionnaire", "fonctionnement", "fonctionnelle"], stem)).toBeNull();
    expect(truncatedFrom("teleco", VOCAB, stem)).toBeNull(); // "telecom" or "teleconsultation"
  });

  it("breaks ties on the longer beginning kept, then the shorter word, then alphabetically, whatever the vocabulary order", () => {
    expect(closestWord("accompagnemnt", ["accompagnent", "accompagnement"])).toBe("accompagnement");
    expect(closestWord("accompagnemnt", ["accompagnement", "accompagnent"])).toBe("accompagnement");
    expect(closestWord("abcdex", ["abcdey", "abcdx"])).toBe("abcdey");
    expect(closestWord("abcdex", ["abcdx", "abcdey"])).toBe("abcdey");
    expect(closestWord("abcdex", ["abcdez", "abcdey"])).toBe("abcdey");
    expect(closestWord("abcdex", ["abcdey", "abcdez"])).toBe("abcdey");
    expect(closestWord("etablisement", VOCAB)).toBe("etablissement");
  });

  it("returns the word itself when it is known, and null for an empty vocabulary", () => {
    expect(closestWord("sante", VOCAB)).toBe("sante");
    expect(closestWord("sante", [])).toBeNull();
  });
});

describe("mendPlanWords", () => {
  it("mends a mistyped plan word and leaves the words of the texts as written", () => {
    const texts = new Set(["feuillet", "actuelle"]);
    expect(mendPlanWords("la feulle de route actuelle", texts)).toBe("la feuille de route actuelle");
    expect(mendPlanWords("what does the raodmap say", texts)).toBe("what does the roadmap say");
    expect(mendPlanWords("un feuillet de la feuille", texts)).toBe("un feuillet de la feuille");
  });
});
