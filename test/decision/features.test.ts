import { beforeAll, describe, expect, it } from "vitest";
import { passageOpening, type Corpus } from "../../src/corpus/schema.js";
import { candidatesFeatures, missingAttributes, pieceFeatures, questionContext } from "../../src/decision/features.js";
import { understand } from "../../src/understanding/understand.js";
import { HybridRetriever } from "../../src/retrieval/retriever.js";
import { realIndex } from "../support/pipeline.js";

let corpus: Corpus;
let retriever: HybridRetriever;
beforeAll(async () => {
  const index = await realIndex();
  corpus = index.corpus;
  retriever = new HybridRetriever(index);
});

describe("candidatesFeatures", () => {
  it("reads each candidate's coverage against the best of its rivals: ahead is positive, behind negative", async () => {
    const result = await retriever.retrieve(understand("Quelle action porte sur la cybersécurité des établissements de santé ?", corpus));
    const head = result.ranked.slice(0, 5);
    const features = candidatesFeatures(questionContext(result, corpus), result, head);
    for (const [i, f] of features.entries()) {
      const rivals = features.filter((_, j) => j !== i);
      for (const k of ["coverage", "coverage_text", "coverage_title", "chunk_coverage", "question_coverage", "phrase", "asked_like"]) {
        expect(f[`${k}_lead`]).toBeCloseTo(f[k]! - Math.max(0, ...rivals.map((g) => g[k]!)), 10);
      }
    }
    // The best-covered candidate leads everyone; the others trail it.
    const best = Math.max(...features.map((f) => f.coverage!));
    expect(features.filter((f) => f.coverage_lead! >= 0).every((f) => f.coverage === best)).toBe(true);
    expect(features.some((f) => f.coverage_lead! < 0)).toBe(true);
  });

  it("tells a roadmap named by its name from the texts its year brings along", async () => {
    const result = await retriever.retrieve(understand("L'ENS de la feuille de route 2019, c'est quoi ?", corpus));
    const features = candidatesFeatures(questionContext(result, corpus), result, result.ranked.slice(0, 5));
    const byDocument = new Map(result.ranked.slice(0, 5).map((c, i) => [c.id.split("#")[0]!, features[i]!]));
    expect(byDocument.get("virage-numerique-2019")?.named_explicitly).toBe(1);
    for (const [id, f] of byDocument) if (id !== "virage-numerique-2019") expect([id, f.named_explicitly]).toEqual([id, 0]);
    expect([...byDocument.keys()].some((id) => id !== "virage-numerique-2019")).toBe(true);
  });

  it("tells a roadmap cited as a whole from its actions and from prose texts", async () => {
    const result = await retriever.retrieve(understand("En 2019, qui pilotait la feuille de route ?", corpus));
    const head = result.ranked.slice(0, 8);
    const features = candidatesFeatures(questionContext(result, corpus), result, head);
    const read = head.map((c, i) => [c.id, features[i]!.whole_roadmap]);
    expect(read.filter(([, v]) => v === 1).map(([id]) => id)).toEqual(head.map((c) => c.id).filter((id) => id === "virage-numerique-2019" || id === "fdr-2023-2027"));
    expect(read.some(([id]) => id === "virage-numerique-2019" || id === "fdr-2023-2027")).toBe(true);
    expect(read.some(([id]) => id === "lancement-2019" || id === "breve-virage-2019")).toBe(true);
  });

  it("reads the question's words side by side in a text as a phrase of it, not the same words apart", async () => {
    const result = await retriever.retrieve(understand("Quelle action parle de la messagerie sécurisée ?", corpus));
    const head = result.ranked.slice(0, 5);
    const features = new Map(candidatesFeatures(questionContext(result, corpus), result, head).map((f, i) => [head[i]!.id, f]));
    // Action 1 writes "messagerie sécurisée"; action 13 has both words, in other places.
    expect(features.get("fdr-2023-2027#action-1")).toMatchObject({ phrase: 1, coverage: 1 });
    expect(features.get("fdr-2023-2027#action-13")).toMatchObject({ phrase: 0, phrase_lead: -1, coverage: 1 });
  });

  it("reads how often a candidate says the question's words against how much it says: its lead over the best rival", async () => {
    const question = "Quelle action porte sur la cybersécurité des établissements de santé ?";
    const result = await retriever.retrieve(understand(question, corpus));
    const head = result.ranked.slice(0, 5);
    const top = head[0]!;
    const knowing = (questions: string[]): Corpus => {
      const swap = (r: Corpus["enrichment"]["actions"]) => Object.fromEntries(Object.entries(r).map(([id, e]) => [id, id === top.id ? { ...e, questions } : e]));
      return { ...corpus, enrichment: { actions: swap(corpus.enrichment.actions), documents: swap(corpus.enrichment.documents) } };
    };
    const saying = candidatesFeatures(questionContext(result, knowing([question, question, question])), result, head);
    const silent = candidatesFeatures(questionContext(result, knowing([])), result, head);
    expect(saying[0]!.likelihood).toBeGreaterThan(silent[0]!.likelihood!);
    // The rivals' own texts did not change; only the corpus's background moved a little.
    for (let i = 1; i < head.length; i++) expect(saying[i]!.likelihood).toBeCloseTo(silent[i]!.likelihood!, 1);
    expect(saying[0]!.likelihood_lead).toBeCloseTo(saying[0]!.likelihood! - Math.max(...saying.slice(1).map((f) => f.likelihood!)), 10);
  });

  it("gives an earlier action way to its successor for what is planned, not for what a short form stands for", async () => {
    const read = async (question: string) => {
      const result = await retriever.retrieve(understand(question, corpus));
      const head = result.ranked.slice(0, 5);
      return new Map(candidatesFeatures(questionContext(result, corpus), result, head).map((f, i) => [head[i]!.id, f]));
    };
    const planned = await read("Le DMP, qu'est-ce qui est prévu ?");
    expect(planned.get("virage-numerique-2019#action-11")).toMatchObject({ superseded: 1, supersedes: 0 });
    expect(planned.get("fdr-2023-2027#action-6")).toMatchObject({ superseded: 0, supersedes: 1 });
    const meaning = await read("DMP, ça veut dire quoi ?");
    expect(meaning.get("virage-numerique-2019#action-11")).toMatchObject({ superseded: 0, defines: 1 });
    expect(meaning.get("fdr-2023-2027#action-6")).toMatchObject({ supersedes: 0 });
  });

  it("reads a text nobody wrote questions for on its own passages, not as a worse match", async () => {
    const result = await retriever.retrieve(understand("Quelle action porte sur la cybersécurité des établissements de santé ?", corpus));
    const top = result.ranked[0]!;
    const strip = (r: Corpus["enrichment"]["actions"]) => Object.fromEntries(Object.entries(r).map(([id, e]) => [id, id === top.id ? { ...e, questions: [] } : e]));
    const unenriched: Corpus = { ...corpus, enrichment: { actions: strip(corpus.enrichment.actions), documents: strip(corpus.enrichment.documents) } };
    const [enrichedTop] = candidatesFeatures(questionContext(result, corpus), result, [top]);
    const [bareTop] = candidatesFeatures(questionContext(result, unenriched), result, [top]);
    expect(bareTop!.question_coverage).toBe(bareTop!.chunk_coverage);
    expect(enrichedTop!.question_coverage).not.toBe(enrichedTop!.chunk_coverage);
    // Its own sentences stand in for the questions nobody wrote: it is not "like no known question".
    expect(bareTop!.asked_like).toBeGreaterThan(0.2);
  });

  it("finds a known question about just this more alike than one about this and more, which covers it as well", async () => {
    const question = "Quelle action porte sur la cybersécurité des établissements de santé ?";
    const result = await retriever.retrieve(understand(question, corpus));
    const top = result.ranked[0]!;
    // The vocabulary is read per corpus: each variant is a corpus of its own.
    const knowing = (questions: string[]): Corpus => {
      const swap = (r: Corpus["enrichment"]["actions"]) => Object.fromEntries(Object.entries(r).map(([id, e]) => [id, id === top.id ? { ...e, questions } : e]));
      return { ...corpus, enrichment: { actions: swap(corpus.enrichment.actions), documents: swap(corpus.enrichment.documents) } };
    };
    const [same] = candidatesFeatures(questionContext(result, knowing([question])), result, [top]);
    const [broader] = candidatesFeatures(questionContext(result, knowing([`${question.slice(0, -2)} et du financement des hôpitaux en région ?`])), result, [top]);
    expect(same!.asked_like).toBeCloseTo(1, 10);
    expect(broader!.question_coverage).toBeCloseTo(same!.question_coverage!, 10);
    expect(broader!.asked_like).toBeLessThan(0.9);
  });
});

describe("pieceFeatures", () => {
  it("reads the questions a measure is known to answer: the measure asked about in these words leads its siblings", async () => {
    const question = "Les gens pourront-ils choisir quels soignants ont le droit de regarder leurs infos de santé ?";
    const result = await retriever.retrieve(understand(question, corpus));
    const action = result.ranked.find((c) => c.id === "fdr-2023-2027#action-3")!;
    const measures = action.chunks.filter((x) => x.kind === "measure");
    const access = measures.find((x) => x.measure === "Contrôle d'accès aux données")!;
    const known = "Pourrai-je choisir quels soignants ont le droit de regarder mes données ?";
    const entry = corpus.enrichment.actions[action.id]!;
    const taught: Corpus = {
      ...corpus,
      enrichment: { ...corpus.enrichment, actions: { ...corpus.enrichment.actions, [action.id]: { ...entry, questions: [...entry.questions, known], pieces: { "Contrôle d'accès aux données": [known] } } } },
    };
    const q = questionContext(result, taught);
    const read = measures.map((x, i) => [x.measure, pieceFeatures(q, action, x, i)] as const);
    for (const [title, f] of read) {
      if (title === access.measure) expect([title, f.piece_asked! > 0.5, f.piece_asked_gap]).toEqual([title, true, 0]);
      else expect([title, f.piece_asked, f.piece_asked_gap! < 0]).toEqual([title, 0, true]);
    }
    // Without the attribution, nothing tells the measures apart on this count.
    const bare = questionContext(result, { ...taught, enrichment: { ...taught.enrichment, actions: { ...taught.enrichment.actions, [action.id]: { ...entry, pieces: {} } } } });
    expect(measures.map((x, i) => pieceFeatures(bare, action, x, i).piece_asked)).toEqual(measures.map(() => 0));
  });

  it("names a document's passage by its opening words, a split part of it too", async () => {
    const result = await retriever.retrieve(understand("Selon l'ARS Bretagne, à quoi sert le Ségur numérique ?", corpus));
    const page = result.ranked.find((c) => c.id === "ars-bretagne")!;
    const passages = page.chunks.filter((x) => x.kind === "passage");
    const chosen = passages[0]!;
    const opening = passageOpening(corpus.documents.find((d) => d.id === "ars-bretagne")!.passages.find((p) => p.text.includes(chosen.body))!.text);
    const known = "À quoi sert le Ségur numérique pour l'ARS Bretagne ?";
    const entry = corpus.enrichment.documents["ars-bretagne"]!;
    const taught: Corpus = { ...corpus, enrichment: { ...corpus.enrichment, documents: { ...corpus.enrichment.documents, "ars-bretagne": { ...entry, questions: [...entry.questions, known], pieces: { [opening]: [known] } } } } };
    const q = questionContext(result, taught);
    const asked = passages.map((x, i) => pieceFeatures(q, page, x, i).piece_asked!);
    expect(asked[0]).toBeGreaterThan(0.5);
    for (const [i, x] of passages.entries()) if (!corpus.documents.find((d) => d.id === "ars-bretagne")!.passages.some((p) => p.text.includes(x.body) && passageOpening(p.text) === opening)) expect(asked[i]).toBe(0);
    expect(passages.length).toBeGreaterThan(1);
  });
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

  it.each([
    ["Le Lab e-santé est ouvert à quelles heures ?", "contact"],
    ["La déléguée de 2019 occupe quel poste aujourd'hui ?", "career"],
    ["Quel hébergeur a été retenu pour les données du HDH ?", "vendor"],
    ["Quels résultats a donnés l'évaluation de la télésanté ?", "status"],
  ])("reads what '%s' asks that plans seldom say: %s", (q, kind) => {
    expect(asked(q).asks.attributes).toContain(kind);
  });

  it("names each kind asked that the text says nothing of, and reads no text when none is asked", () => {
    const u = asked("La cellule d'éthique, qui en fait partie, et comment on candidate ?");
    expect(u.asks.attributes).toEqual(["membership", "procedure"]);
    expect(missingAttributes(u, "Création d'une cellule d'éthique du numérique en santé.")).toEqual(["membership", "procedure"]);
    expect(missingAttributes(u, "La cellule réunit des patients et des soignants ; les candidatures passent par un appel à candidatures.")).toEqual([]);
    expect(missingAttributes(asked("c'est quoi l'ApCV ?"), "")).toEqual([]);
  });
});
