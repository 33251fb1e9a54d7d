import { describe, expect, it } from "vitest";
import { simplify } from "../../src/language/french.js";
import { PURPOSE } from "../../src/language/lexicon.js";

describe("PURPOSE", () => {
  it("reads a stated cause as well as a stated purpose, and not a word that merely contains one", () => {
    for (const text of ["Parce qu'une attaque paralyse un hôpital.", "compte tenu du poids des maladies chroniques", "afin de sécuriser les échanges", "because it was attacked"]) {
      expect(PURPOSE.test(simplify(text)), text).toBe(true);
    }
    for (const text of ["La cartographie des métiers.", "Un carnet de santé numérique."]) {
      expect(PURPOSE.test(simplify(text)), text).toBe(false);
    }
  });
});
