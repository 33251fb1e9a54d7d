import { describe, expect, it } from "vitest";
import { compounds, fold, isStopword, normalize, simplify, stem, terms, words } from "../../src/language/french.js";

describe("normalize / fold / simplify", () => {
  it("lowercases, unifies apostrophes and expands ligatures, keeping accents", () => {
    expect(normalize("L’ŒUVRE ʼÆ‘")).toBe("l'oeuvre 'ae'");
    expect(normalize("Cœur `Été`")).toBe("coeur 'été'");
  });

  it("unifies the acute accent typed as an apostrophe (´), which it lists among apostrophes", () => {
    // NFKC runs first and turns ´ into a space + combining accent, so the replacement never sees it.
    expect(normalize("l´ApCV")).toBe("l'apcv");
    expect(words("l´ApCV")).toEqual(["apcv"]);
  });

  it("folds accents away without touching anything else", () => {
    expect(fold("éèêëàâäîïôöùûüçÉÀ")).toBe("eeeeaaaiioouuucEA");
    expect(fold("cybersécurité")).toBe("cybersecurite");
  });

  it("leaves plain ASCII as it is, but for ^ and `, which Unicode counts as diacritics", () => {
    expect(fold("Action 14 : DMP, e-parcours (2023-2027) #3 @ans")).toBe("Action 14 : DMP, e-parcours (2023-2027) #3 @ans");
    expect(fold("a^b`c")).toBe("abc");
  });

  it("simplify = normalize then fold", () => {
    expect(simplify("Ça a Été l’Œuvre de la DNS")).toBe("ca a ete l'oeuvre de la dns");
    expect(simplify("MSSanté")).toBe("mssante");
  });
});

describe("words", () => {
  it("strips elisions, whatever the apostrophe", () => {
    expect(words("l'ApCV")).toEqual(["apcv"]);
    expect(words("L’ApCV")).toEqual(["apcv"]);
    expect(words("c'est d'abord qu'il s'agit jusqu'à lorsqu'on")).toEqual(["est", "abord", "il", "agit", "a", "on"]);
    expect(words("Mise en œuvre d’un Centre")).toEqual(["mise", "en", "oeuvre", "un", "centre"]);
  });

  it("gives hyphenated and apostrophised compounds their joined form and their parts", () => {
    expect(words("e-parcours")).toEqual(["eparcours", "parcours"]);
    expect(words("eparcours")).toEqual(["eparcours"]);
    expect(words("HOP'EN")).toEqual(["hopen", "hop", "en"]);
    expect(words("HOP’EN")).toEqual(["hopen", "hop", "en"]);
    expect(words("médico-sociaux")).toEqual(["medicosociaux", "medico", "sociaux"]);
    expect(words("2023-2027")).toEqual(["20232027", "2023", "2027"]);
  });

  it("lists the compounds with their joined form and their parts of two letters or more", () => {
    expect(compounds("e-parcours : compare-moi ça, là-dessus, l'ApCV")).toEqual([
      { joined: "eparcours", parts: ["parcours"] },
      { joined: "comparemoi", parts: ["compare", "moi"] },
      { joined: "ladessus", parts: ["la", "dessus"] },
    ]);
    expect(compounds("sans trait d'union")).toEqual([]);
  });

  it("ends English words at their contraction or possessive", () => {
    expect(words("who'll they’re doesn't France's we've I'm")).toEqual(["who", "they", "does", "france", "we", "i"]);
    // French compounds with an apostrophe keep theirs.
    expect(words("aujourd'hui")).toEqual(["aujourdhui", "aujourd", "hui"]);
  });

  it("splits on punctuation and drops stray quotes and hyphens", () => {
    expect(words("Santé.fr, MaSanté@UE ; 'cité' --x--")).toEqual(["sante", "fr", "masante", "ue", "cite", "x"]);
    expect(words("   ")).toEqual([]);
  });
});

describe("stopwords", () => {
  it("covers French and English function words and question fillers", () => {
    for (const w of ["le", "la", "les", "de", "des", "et", "en", "ou", "quoi", "quel", "combien", "est", "c", "the", "what", "which", "about", "svp", "my", "only", "them", "actually"]) {
      expect(isStopword(w), w).toBe(true);
    }
  });

  it("covers pronouns, determiners and conjunctions the stock list lacks: 'qu'elles', 'celui', 'chaque', 'selon'", () => {
    for (const w of ["elles", "celui", "celles", "dont", "lesquels", "chaque", "plusieurs", "aucun", "ainsi", "parce", "selon", "parmi", "afin"]) {
      expect(isStopword(w), w).toBe(true);
    }
  });

  it("keeps the words that carry a topic", () => {
    for (const w of ["sante", "action", "dmp", "cybersecurite", "apcv", "numerique", "securite", "autres", "non", "sous"]) {
      expect(isStopword(w), w).toBe(false);
    }
  });

  it("stores its entries accent-free, as words() produces them", () => {
    expect(isStopword("deja")).toBe(true);
    expect(isStopword("apres")).toBe(true);
    expect(isStopword("très")).toBe(false); // callers pass simplified words
  });
});

describe("stem and terms", () => {
  it("folds before stemming, so accented and unaccented spellings meet", () => {
    // Stemming the accented form directly gives another stem: this is why the fold comes first.
    expect(stem("cybersécurité")).toBe("cybersécur");
    expect(stem("cybersecurite")).toBe("cybersecurit");
    expect(terms("cybersécurité")).toEqual(["cybersecurit"]);
    expect(terms("cybersecurite")).toEqual(["cybersecurit"]);
    expect(terms("Établissements")).toEqual(terms("etablissement"));
    expect(terms("Établissements")).toEqual(["etabl"]);
  });

  it("conflates inflections", () => {
    expect(terms("messageries sécurisées")).toEqual(terms("messagerie sécurisée"));
    expect(terms("professionnels")).toEqual(["professionnel"]);
    expect(terms("numériques")).toEqual(["numer"]);
  });

  it("leaves tokens with digits as they are", () => {
    expect(stem("2fa")).toBe("2fa");
    expect(terms("10 000 médiateurs")).toEqual(["10", "000", "mediateur"]);
  });

  it("drops stopwords and one-letter words from terms", () => {
    expect(terms("c'est quoi l'ApCV ?")).toEqual(["apcv"]);
    expect(terms("e parcours")).toEqual(["parcour"]);
    expect(terms("qu'il y a")).toEqual([]);
    expect(terms("HOP'EN")).toEqual(["hopen", "hop"]);
    expect(terms("What is the DMP?")).toEqual(["dmp"]);
  });
});
