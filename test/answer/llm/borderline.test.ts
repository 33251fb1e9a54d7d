import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLlm } from "../../../src/answer/llm/create.js";
import { BORDERLINE_NOTE } from "../../../src/answer/llm/prompt.js";
import { createAnswerPipeline } from "../../../src/answer/pipeline.js";
import { DEFAULT_MODELS, type Models } from "../../../src/decision/decide.js";
import { realIndex } from "../../support/pipeline.js";
import { capturedLog, TEST_SETTINGS } from "./support/llm-pipeline.js";
import { chatHandler, citingFirst, groundedReply, sseResponse, type ChatBody } from "./support/openai-mock.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Decisions that always hesitate: every searched question falls between answering and refusing. */
const HESITANT: Models = { ...DEFAULT_MODELS, answer: { ...DEFAULT_MODELS.answer, answerAt: 1.01, closestAt: 0 } };

async function pipeline(models: Models) {
  const index = await realIndex();
  const { log } = capturedLog();
  return createAnswerPipeline({ index, log, models, ...createLlm(TEST_SETTINGS, index, log) });
}

const userMessage = (body: ChatBody) => String(body.messages.at(-1)!.content);

describe("borderline answerability in llm mode", () => {
  it("asks the model to decline when the excerpts do not answer, and serves its grounded answer when they do", async () => {
    const seen: ChatBody[] = [];
    server.use(chatHandler(citingFirst(), seen));
    const answer = await (await pipeline(HESITANT)).ask("c'est quoi l'ApCV ?");
    expect(userMessage(seen[0]!)).toContain(BORDERLINE_NOTE);
    expect(answer).toMatchObject({ mode: "llm", refused: false });
    expect(answer.citations[0]!.id).toBe("fdr-2023-2027#action-13");
  });

  it("turns the model's refusal into the assistant's: the closest text stays, flagged, and the answer is a refusal", async () => {
    server.use(chatHandler(() => sseResponse(groundedReply([{ text: "Je ne sais pas", citations: [] }], true))));
    const answer = await (await pipeline(HESITANT)).ask("c'est quoi l'ApCV ?");
    expect(answer).toMatchObject({ mode: "extractive", refused: true });
    expect(answer.answer).toMatch(/^Je ne suis pas sûr que les textes que je couvre répondent directement à cette question\. Le passage le plus proche, à vérifier :/);
    expect(answer.fallback_reason).toMatch(/n'a pas trouvé la réponse dans les extraits/);
  });

  it("says nothing of doubt to the model when the decision is sure, and a model's refusal then falls back to the extractive answer", async () => {
    const seen: ChatBody[] = [];
    server.use(chatHandler((body) => (seen.push(body), sseResponse(groundedReply([{ text: "Je ne sais pas", citations: [] }], true)))));
    const sure: Models = { ...DEFAULT_MODELS, answer: { ...DEFAULT_MODELS.answer, answerAt: 0, closestAt: 0 } };
    const answer = await (await pipeline(sure)).ask("c'est quoi l'ApCV ?");
    expect(userMessage(seen[0]!)).not.toContain(BORDERLINE_NOTE);
    expect(answer).toMatchObject({ mode: "extractive", refused: false });
    expect(answer.citations[0]!.id).toBe("fdr-2023-2027#action-13");
  });
});
