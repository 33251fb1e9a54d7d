import { describe, expect, it } from "vitest";
import { countsWhatIsAsked, listedUnder } from "../../src/language/counts.js";

describe("countsWhatIsAsked", () => {
  it("finds the unit counted beside the figure, an amount, a share, or a count of something named before", () => {
    expect(countsWhatIsAsked("Ces cinq axes regroupent 24 actions.", "action")).toBe(true);
    expect(countsWhatIsAsked("Trois territoires pilotes.", "teleconsult")).toBe(false);
    expect(countsWhatIsAsked("2 milliards d'euros sont alloués.", "money")).toBe(true);
    expect(countsWhatIsAsked("98 % des Français", "percent")).toBe(true);
    // People are counted by whatever the text calls them, beside a word of what is asked of them.
    expect(countsWhatIsAsked("Former 10 000 médiateurs au numérique en santé.", "person", new Set(["form"]))).toBe(true);
    expect(countsWhatIsAsked("Former 10 000 médiateurs au numérique en santé.", "person", new Set(["activ"]))).toBe(false);
    expect(countsWhatIsAsked("2 milliards d'euros pour former.", "person", new Set(["form"]))).toBe(false);
    // A share is given as a percentage or as the amount that goes to it.
    expect(countsWhatIsAsked("dont 1,4 Milliard pour le partage des données, sur 2 milliards d'euros", "share")).toBe(true);
    expect(countsWhatIsAsked("98 % des Français", "share")).toBe(true);
    expect(countsWhatIsAsked("Trois territoires pilotes.", "share")).toBe(false);
    expect(countsWhatIsAsked("dont 1,4 Milliard pour le partage des données, sur 2 milliards d'euros", "percent")).toBe(false);
    expect(countsWhatIsAsked("Les CPTS couvrent la région. Nous en comptons soixante-dix-huit.", "cpt")).toBe(true);
    expect(countsWhatIsAsked("En 2019, la feuille de route.", "action")).toBe(false);
  });
});
describe("listedUnder", () => {
  it("reads a list introduced by the unit counted, and nothing else", () => {
    const text = "Nos priorités :\n- former les soignants\n- équiper les EHPAD\n1) sécuriser les SI\nLa suite du texte.";
    expect(listedUnder(text, "priorit")).toEqual({ intro: "Nos priorités :", items: ["- former les soignants", "- équiper les EHPAD", "1) sécuriser les SI"] });
    expect(listedUnder(text, "axe")).toBeNull();
    expect(listedUnder(text, "money")).toBeNull();
    // One item is no list to count.
    expect(listedUnder("Nos priorités :\n- former les soignants\nLa suite.", "priorit")).toBeNull();
  });
});
