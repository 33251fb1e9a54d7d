import { describe, expect, it } from "vitest";
import { figureKinds, findFigures, isYear } from "../../src/language/figures.js";

const values = (text: string) => findFigures(text).map((f) => [f.text, f.value]);

describe("findFigures", () => {
  it("reads French numbers written in words, with their span", () => {
    const text = "Le comité se réunit deux fois par an et suit quatre actions.";
    expect(findFigures(text)).toEqual([
      { value: 2, start: 20, end: 24, text: "deux", written: "words" },
      { value: 4, start: 45, end: 51, text: "quatre", written: "words" },
    ]);
    expect(text.slice(20, 24)).toBe("deux");
  });

  it("reads compounds: hyphens, 'et', quatre-vingt, cent, mille, million", () => {
    expect(values("les vingt-six actions")).toEqual([["vingt-six", 26]]);
    expect(values("dix mille patients")).toEqual([["dix mille", 10_000]]);
    expect(values("soixante et onze, quatre-vingt-dix-sept, quatre-vingts")).toEqual([
      ["soixante et onze", 71],
      ["quatre-vingt-dix-sept", 97],
      ["quatre-vingts", 80],
    ]);
    expect(values("trois cent quatre-vingt mille euros")).toEqual([["trois cent quatre-vingt mille", 380_000]]);
    expect(values("deux millions trois cent mille")).toEqual([["deux millions trois cent mille", 2_300_000]]);
    expect(values("vingt et un établissements")).toEqual([["vingt et un", 21]]);
    expect(values("Dix-sept régions, DIX-HUIT départements")).toEqual([["Dix-sept", 17], ["DIX-HUIT", 18]]);
  });

  it("reads English number words", () => {
    expect(values("twice, two times a year, twenty-six actions, one hundred and five sites, ten thousand users")).toEqual([
      ["two", 2],
      ["twenty-six", 26],
      ["one hundred and five", 105],
      ["ten thousand", 10_000],
    ]);
  });

  it("reads digits with French grouping, decimals and a scale word", () => {
    expect(values("2 milliards d'euros dont 1,4 Milliard et 600 millions sur 5 ans")).toEqual([
      ["2 milliards", 2e9],
      ["1,4 Milliard", 1.4e9],
      ["600 millions", 6e8],
      ["5", 5],
    ]);
    expect(values("10 000 patients, 3\u202f500 lits, 3.8 million, en 2019, 2023-2027")).toEqual([
      ["10 000", 10_000],
      ["3\u202f500", 3500],
      ["3.8 million", 3_800_000],
      ["2019", 2019],
      ["2023", 2023],
      ["2027", 2027],
    ]);
  });

  it("keeps articles, 'neuf' meaning new, and neighbouring numbers apart", () => {
    expect(values("un patient, une équipe, one of them")).toEqual([]);
    expect(values("un million de patients")).toEqual([["un million", 1e6]]);
    expect(values("un hôpital tout neuf, remis à neuf ; neuf hôpitaux")).toEqual([["neuf", 9]]);
    expect(values("deux trois jours")).toEqual([["deux", 2], ["trois", 3]]);
    expect(values("deux, trois")).toEqual([["deux", 2], ["trois", 3]]);
    expect(values("septembre, centre, milliers, onzième")).toEqual([]);
    expect(values("vingt et des poussières")).toEqual([["vingt", 20]]);
  });
});

describe("figureKinds", () => {
  it("reads every line of a quoted text, and gives what findFigures gives for the whole", () => {
    const kinds = (text: string) => {
      const figures = findFigures(text);
      return { figure: figures.some((f) => !isYear(f)), year: figures.some(isYear) };
    };
    const texts = [
      "Titre sans chiffre \nDéployer en 2019 \nun budget de 2 milliards",
      "Action 5 \nsur trois ans",
      "Depuis 2023\n",
      "dix\nmille patients",
      "10\n000 patients",
      "2 \nmilliards",
      "aucun chiffre\nni date",
    ];
    for (const text of texts) expect(figureKinds(text), text).toEqual(kinds(text));
    expect(figureKinds("Titre sans chiffre \nDéployer en 2019 \nun budget de 2 milliards")).toEqual({ figure: true, year: true });
    expect(figureKinds("aucun chiffre\nni date")).toEqual({ figure: false, year: false });
    // Read again from what was kept: the same answer.
    expect(figureKinds("Action 5 \nsur trois ans")).toEqual({ figure: true, year: false });
  });
});
