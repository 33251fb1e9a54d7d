import { describe, expect, it } from "vitest";
import { cleanSlackText, isHelpRequest } from "../../src/slack/clean.js";

describe("cleanSlackText", () => {
  it("removes the bot mention and other user mentions", () => {
    expect(cleanSlackText("<@U0BOT> c'est quoi l'ApCV ?")).toBe("c'est quoi l'ApCV ?");
    expect(cleanSlackText("<@U0BOT|fdr-santé> demande de <@U0PAUL> : action 14")).toBe("demande de : action 14");
  });

  it("keeps a channel's name and a link's label, drops broadcasts", () => {
    expect(cleanSlackText("<!here> vu dans <#C0123|e-sante> : <https://esante.gouv.fr/x|la feuille de route> ?")).toBe(
      "vu dans #e-sante : la feuille de route ?",
    );
    expect(cleanSlackText("<!channel> <!everyone> <!subteam^S0123|@equipe> quoi de neuf ?")).toBe("quoi de neuf ?");
    expect(cleanSlackText("voir <https://esante.gouv.fr>")).toBe("voir https://esante.gouv.fr");
    expect(cleanSlackText("<#C0123> et <mailto:a@b.fr|a@b.fr>")).toBe("et a@b.fr");
  });

  it("shows a date's fallback text", () => {
    expect(cleanSlackText("depuis <!date^1392734382^{date_short}|19 févr. 2014> ?")).toBe("depuis 19 févr. 2014 ?");
  });

  it("unescapes &, <, > after the markup is gone", () => {
    expect(cleanSlackText("R&amp;D &lt;santé&gt; &amp;lt;")).toBe("R&D <santé> &lt;");
  });

  it("collapses whitespace and gives an empty string for a bare mention", () => {
    expect(cleanSlackText("  <@U0BOT>  \n ")).toBe("");
    expect(cleanSlackText("a\n\n  b")).toBe("a b");
  });
});

describe("isHelpRequest", () => {
  it("recognises aide, help and ? alone", () => {
    for (const q of ["aide", "Aide !", "help", "HELP?", "?"]) expect(isHelpRequest(q), q).toBe(true);
    for (const q of ["aide à domicile", "action 14", "helpdesk"]) expect(isHelpRequest(q), q).toBe(false);
  });
});
