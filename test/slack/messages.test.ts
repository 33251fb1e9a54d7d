import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAnswerPipeline } from "../../src/answer/pipeline.js";
import { silentLogger } from "../../src/config/log.js";
import { addDocument } from "../../src/corpus/add-document.js";
import { localEmbedder } from "../../src/index/embedder.js";
import { openIndex } from "../../src/index/open.js";
import { filesOnly, howToAsk, shortHelp, suggestedPrompts } from "../../src/slack/messages.js";
import { helpMessage, shownExamples } from "../../src/slack/render.js";
import { realPipeline } from "../support/pipeline.js";
import { removeTempCorpora, tempCorpus, TEST_ROADMAP } from "../support/temp-corpus.js";
import { DESCRIPTION, HOW_TO_ASK, SHORT_HELP } from "./support/answers.js";

afterAll(removeTempCorpora);

const NONE = { questions: [], references: [], followUps: [] };

describe("the help texts say the examples they are given", () => {
  it("phrases the short help, the files note, the prompts and how to ask from them", () => {
    const examples = shownExamples(DESCRIPTION);
    expect(shortHelp(examples)).toBe(SHORT_HELP);
    expect(filesOnly(examples)).toBe("Je ne lis pas les fichiers joints. Écrivez votre question dans le message lui-même, par exemple « c'est quoi le carnet R&amp;D ? ».");
    expect(howToAsk(examples)).toBe(HOW_TO_ASK);
  });

  it("offers at most four prompts, the broadest reference last", () => {
    const questions = ["un ?", "deux ?", "trois ?", "quatre ?"];
    expect(suggestedPrompts({ ...NONE, questions: questions.slice(0, 3), references: ["action 1", "les parties de 2040"] }).prompts.map((p) => p.message)).toEqual([
      "Un ?",
      "Deux ?",
      "Trois ?",
      "Les parties de 2040",
    ]);
    expect(suggestedPrompts({ ...NONE, questions }).prompts).toHaveLength(4);
  });

  it("says no example rather than an empty one when the corpus gives none", () => {
    expect(shortHelp(NONE)).toBe(
      "Bonjour ! Posez-moi une question sur les feuilles de route du numérique en santé. Chaque réponse cite l'action exacte. Pour en savoir plus : `/feuille-de-route aide`.",
    );
    expect(filesOnly(NONE)).toBe("Je ne lis pas les fichiers joints. Écrivez votre question dans le message lui-même.");
    expect(suggestedPrompts(NONE)).toEqual({ title: "Par exemple :", prompts: [] });
    expect(howToAsk(NONE)).toBe(
      [
        "*Comment me poser une question*",
        "• Mentionnez-moi dans un canal : je réponds dans le fil. Pour une question de suivi (« détaille la deuxième »), mentionnez-moi à nouveau dans le fil.",
        "• Écrivez-moi en message direct, ou ouvrez-moi dans le panneau des agents IA.",
        "• `/feuille-de-route aide` ou `/feuille-de-route votre question`.",
      ].join("\n"),
    );
  });
});

describe("the help of the real corpus", () => {
  it("shows its everyday question, its reviewed correspondence, its periods and its group name", async () => {
    const index = (await realPipeline()).describe();
    const examples = shownExamples(index);
    expect(shortHelp(examples)).toBe(
      "Bonjour ! Posez-moi une question sur les feuilles de route du numérique en santé, par exemple « les patients reçoivent-ils leurs documents de santé dans Mon espace santé ? » ou « action 14 ». " +
        "Chaque réponse cite l'action exacte. Pour en savoir plus : `/feuille-de-route aide`.",
    );
    expect(suggestedPrompts(index.examples.fr).prompts.map((p) => p.message)).toEqual([
      "Les patients reçoivent-ils leurs documents de santé dans Mon espace santé ?",
      "Qu'est devenu e-CPS et Pro Santé Connect depuis 2019 ?",
      "Combien d'actions en 2019 ?",
      "Les axes de 2023-2027",
    ]);
    expect(howToAsk(examples)).toBe(
      [
        "*Comment me poser une question*",
        "• Mentionnez-moi dans un canal : je réponds dans le fil. Pour une question de suivi (« et en 2019 ? », « détaille la deuxième »), mentionnez-moi à nouveau dans le fil.",
        "• Écrivez-moi en message direct, ou ouvrez-moi dans le panneau des agents IA.",
        "• `/feuille-de-route aide`, `/feuille-de-route action 14`, `/feuille-de-route 2019 action 14`, `/feuille-de-route les axes de 2023-2027` ou `/feuille-de-route votre question`.",
        "Exemples : « Les patients reçoivent-ils leurs documents de santé dans Mon espace santé ? », « Qu'est devenu e-CPS et Pro Santé Connect depuis 2019 ? », « Combien d'actions en 2019 ? », « Les axes de 2023-2027 ».",
      ].join("\n"),
    );
  });
});

describe("a corpus with a new roadmap", () => {
  it("names the new roadmap's group word and period, and the previous roadmap's period, in every help text", async () => {
    const { root, dir } = tempCorpus({ copyReal: true });
    // The test roadmap, its groups called "chantiers": a word no roadmap of the real corpus uses.
    const structureFile = join(root, "fdr-test-2028.yaml");
    writeFileSync(structureFile, readFileSync(TEST_ROADMAP.structureFile!, "utf8").replace("group_name: axe", "group_name: chantier").replace("group_name_en: axis", "group_name_en: workstream"));
    addDocument(dir, { ...TEST_ROADMAP, structureFile });
    const { embeddings, info } = localEmbedder();
    const index = await openIndex({ corpusDir: dir, indexDir: join(root, "index"), embeddings, embedder: info, log: silentLogger });
    const description = createAnswerPipeline({ index, log: silentLogger }).describe();

    const help = helpMessage(description).text;
    expect(help).toContain("`/feuille-de-route les chantiers de 2028-2032`");
    expect(help).toContain("« Les chantiers de 2028-2032 »");
    expect(help).toContain("`/feuille-de-route 2023-2027 action 10`");
    expect(help).toContain("(« et en 2023-2027 ? », « détaille la deuxième »)");
    expect(help).toContain("« Combien d'actions en 2023-2027 ? »");
    expect(help).not.toContain("les axes de 2023-2027");
    expect(suggestedPrompts(description.examples.fr).prompts.map((p) => p.message)).toContain("Les chantiers de 2028-2032");
    expect(shortHelp(shownExamples(description))).toContain("« action 3 »");
    expect(description.examples.en.references).toContain("the workstreams of 2028-2032");
  });
});
