import { HttpResponse } from "msw";
import { chatHandler, completion, isGeneration, offeredIds } from "../../answer/llm/support/openai-mock.js";
import { deferred } from "./answers.js";

const encoder = new TextEncoder();
const event = (delta: Record<string, unknown>, finish: string | null = null) =>
  encoder.encode(`data: ${JSON.stringify({ id: "s", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);

/**
 * The model behind msw, streaming its generation (SSE) in `parts` pieces that the test releases one
 * at a time: the test watches Slack between pieces, with no timing involved. `reply` builds the
 * reply from the excerpt IDs offered; a follow-up rewrite is answered `rewrite`, unstreamed.
 */
export function heldModel(reply: (offered: string[]) => string, { parts = 3, rewrite = "" } = {}) {
  const pieces: string[] = [];
  const opened = deferred<ReadableStreamDefaultController<Uint8Array>>();
  const handler = chatHandler((body) => {
    if (!isGeneration(body)) return HttpResponse.json(completion(rewrite));
    const content = reply(offeredIds(body));
    const size = Math.ceil(content.length / parts);
    for (let i = 0; i < content.length; i += size) pieces.push(content.slice(i, i + size));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(event({ role: "assistant", content: "" }));
        opened.resolve(controller);
      },
    });
    return new HttpResponse(stream as unknown as string, { headers: { "content-type": "text/event-stream" } });
  });
  return {
    handler,
    /** Sends the next piece of the reply. */
    async release(): Promise<void> {
      (await opened.promise).enqueue(event({ content: pieces.shift() ?? "" }));
    },
    /** Sends the rest of the reply and ends the stream. */
    async end(): Promise<void> {
      const controller = await opened.promise;
      for (const piece of pieces.splice(0)) controller.enqueue(event({ content: piece }));
      controller.enqueue(event({}, "stop"));
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
    /** Breaks the connection halfway: the model's answer is cut off. */
    async cut(): Promise<void> {
      (await opened.promise).error(new Error("connection reset"));
    },
  };
}
