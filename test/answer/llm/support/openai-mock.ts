import { http, HttpResponse, type JsonBodyType } from "msw";

/** The mocked provider: only this host is reached, and only through msw. */
export const BASE = "https://llm.example.test/v1";
export const API_KEY = "sk-test-NEVER-LOG-THIS-4f3a9c";

export interface ChatBody {
  model: string;
  stream?: boolean;
  stream_options?: unknown;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> } };
  max_tokens?: number;
  temperature?: number;
}

export function completion(content: string | null): JsonBodyType {
  return {
    id: "c",
    object: "chat.completion",
    created: 1,
    model: "m",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** The citation IDs the prompt offered, in order. */
export function offeredIds(body: ChatBody): string[] {
  const user = body.messages.find((m) => m.role === "user")?.content ?? "";
  return [...user.matchAll(/<extrait id="([^"]+)">/g)].map((m) => m[1]!);
}

/** Generations carry the answer's JSON schema; follow-up rewrites do not. */
export function isGeneration(body: ChatBody): boolean {
  return body.response_format?.type === "json_schema";
}

export function groundedReply(statements: { text: string; citations: string[] }[], refused = false): string {
  return JSON.stringify({ answer: statements, refused });
}

const sseEvent = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "s", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/**
 * An SSE chat completion sending `content` in pieces of `size` characters. With `cutAfter`, the
 * connection breaks after that many pieces, without [DONE].
 */
export function sseResponse(content: string, options: { size?: number; cutAfter?: number } = {}): HttpResponse<string> {
  const size = options.size ?? 12;
  const pieces: string[] = [];
  for (let i = 0; i < content.length; i += size) pieces.push(content.slice(i, i + size));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(sseEvent({ role: "assistant", content: "" })));
      pieces.forEach((p, i) => {
        if (options.cutAfter === undefined || i < options.cutAfter) controller.enqueue(encoder.encode(sseEvent({ content: p })));
      });
      if (options.cutAfter !== undefined) {
        // Later, or the queued pieces would be discarded with the error.
        setTimeout(() => controller.error(new Error("connection reset")), 20);
        return;
      }
      controller.enqueue(encoder.encode(sseEvent({}, "stop")));
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
  });
  return new HttpResponse(stream as unknown as string, { headers: { "content-type": "text/event-stream" } });
}

/** Chat completions answered by `reply`, every request body and its headers recorded. */
export function chatHandler(reply: (body: ChatBody) => Response | Promise<Response>, seen: ChatBody[] = [], headers: Headers[] = []) {
  return http.post(`${BASE}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as ChatBody;
    seen.push(body);
    headers.push(request.headers);
    return reply(body);
  });
}

/** A reply citing the first offered excerpt, plain or streamed to match the request. */
export function citingFirst(text = "L'application carte Vitale (ApCV) doit être diffusée largement."): (body: ChatBody) => Response {
  return (body) => {
    const content = groundedReply([{ text, citations: [offeredIds(body)[0] ?? "none"] }]);
    return body.stream ? sseResponse(content) : HttpResponse.json(completion(content));
  };
}
