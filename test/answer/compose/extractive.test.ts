import { describe, expect, it } from "vitest";
import { bestSentences } from "../../../src/answer/compose/extractive.js";

describe("bestSentences", () => {
  const interview = "« Pourquoi la cybersécurité est-elle un axe à part ? » Hélène Castagné : Parce qu'une attaque paralyse un hôpital. Nous l'avons vécu en 2022. La sécurité concerne chaque soignant.";

  it("quotes the answer after a question of the text, not the question, even when the question shares more words", () => {
    expect(bestSentences(interview, "pourquoi la cybersécurité est un axe à part", 1)).toBe("Hélène Castagné : Parce qu'une attaque paralyse un hôpital.");
  });

  it("puts first a sentence holding what is asked when it shares a word with the query", () => {
    const text = "Le SAS fonctionne dans huit départements. Les régulateurs du SAS voient les agendas. L'objectif est de couvrir les douze départements d'ici fin 2024.";
    const dated = (s: string) => /\b20\d{2}\b/.test(s);
    expect(bestSentences(text, "SAS départements agendas", 1)).toBe("Le SAS fonctionne dans huit départements.");
    expect(bestSentences(text, "SAS départements agendas", 1, () => 1, dated)).toBe("L'objectif est de couvrir les douze départements d'ici fin 2024.");
  });

  it("puts first a sentence holding what is asked even when it shares no word with the query, never a text's question", () => {
    const text = "« Combien de CPTS ? » Elles organisent la coordination en ville. Nous en comptons soixante-dix-huit en région.";
    expect(bestSentences(text, "combien CPTS coordination", 1, () => 1, (s) => /soixante|combien/.test(s))).toBe("Nous en comptons soixante-dix-huit en région.");
  });

  it("weighs shared words by the weight given: a rare word outweighs two common ones", () => {
    const text = "La santé numérique progresse en santé. Les EHPAD sont équipés.";
    const rare = (t: string) => (t.startsWith("ehpad") ? 5 : 1);
    expect(bestSentences(text, "santé numérique EHPAD", 1)).toBe("La santé numérique progresse en santé.");
    expect(bestSentences(text, "santé numérique EHPAD", 1, rare)).toBe("Les EHPAD sont équipés.");
  });
});
