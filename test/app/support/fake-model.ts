import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An OpenAI-compatible chat server on 127.0.0.1 for a bot running in another process: each
 * generation is answered by `reply`, which may stream some text and then hold the connection open
 * (a hung model) until the test closes the server.
 */
export class FakeModel {
  readonly requests: { body: Record<string, unknown>; offered: string[] }[] = [];
  private server: Server | undefined;
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly reply: (offered: string[], res: ServerResponse) => void) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messages?: { role: string; content: string }[] };
    const user = body.messages?.find((m) => m.role === "user")?.content ?? "";
    const offered = [...user.matchAll(/<extrait id="([^"]+)">/g)].map((m) => m[1]!);
    this.requests.push({ body, offered });
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
    this.reply(offered, res);
  }
}

const sse = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "s", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** A model that starts streaming `text` (provisional, uncited so far) and then never finishes. */
export function hangsAfter(text: string): (offered: string[], res: ServerResponse) => void {
  return (_offered, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(sse({ role: "assistant", content: "" }));
    if (text) res.write(sse({ content: `{"answer":[{"text":"${text}` }));
  };
}
