import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
  /** What the stand-in answered (recorded by the msw one). */
  response?: Record<string, unknown>;
}

export type ApiHandler = (params: Record<string, unknown>) => Record<string, unknown>;

/** A whole HTTP answer, for what Slack says with a status and headers (429 with Retry-After). */
export interface RawAnswer {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

/** The Web API's body: form-encoded with JSON-encoded nested values (WebClient), or JSON (response_url). */
export function parseSlackBody(contentType: string | null | undefined, text: string): Record<string, unknown> {
  if (contentType?.includes("application/json")) return JSON.parse(text || "{}") as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export const BOT = { user_id: "UBOT", bot_id: "BBOT", team_id: "T0FDR" } as const;

/**
 * A stand-in for the Slack Web API on 127.0.0.1: records every call (method and parameters) and
 * answers like Slack would. Response URLs (slash commands, actions) are served under /respond/.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  private readonly handlers = new Map<string, ApiHandler>();
  private readonly raw = new Map<string, (params: Record<string, unknown>) => RawAnswer>();
  private server: Server | undefined;
  private port = 0;
  private seq = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  on(method: string, handler: ApiHandler): void {
    this.handlers.set(method, handler);
  }

  /** Answers `method` with its own status and headers until `off`. */
  onRaw(method: string, answer: (params: Record<string, unknown>) => RawAnswer): void {
    this.raw.set(method, answer);
  }

  off(method: string): void {
    this.handlers.delete(method);
    this.raw.delete(method);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** A Slack-shaped message timestamp, increasing. */
  nextTs(): string {
    this.seq += 1;
    return `1700000500.${String(this.seq).padStart(6, "0")}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((answer) => {
        res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<RawAnswer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = parseSlackBody(req.headers["content-type"], Buffer.concat(chunks).toString("utf8"));
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const method = path.startsWith("/respond/") ? `response_url:${path.slice("/respond/".length)}` : path.replace(/^\/api\//, "");
    this.calls.push({ method, params, authorization: req.headers.authorization });
    const raw = this.raw.get(method);
    return raw ? raw(params) : { status: 200, body: this.answer(method, params) };
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const custom = this.handlers.get(method);
    if (custom) return custom(params);
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fdr.slack.com/", team: "fdr", user: "fdr-sante", ...BOT };
      case "chat.postMessage":
      case "chat.startStream":
        return { ok: true, channel: params.channel, ts: this.nextTs() };
      case "chat.appendStream":
      case "chat.stopStream":
      case "chat.update":
        return { ok: true, channel: params.channel, ts: params.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.replies":
        return { ok: true, messages: [], has_more: false };
      default:
        return { ok: true };
    }
  }
}

/** Polls until `condition` holds; fails with `what` after the deadline. Never a fixed sleep. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 15_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
