import { createHmac, randomBytes } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startWorker } from "./child.js";
import { SlackAppReady, SlackAppStopped } from "./schema.js";
import { distribution, round, type Distribution } from "./stats.js";

/** Everything here talks to 127.0.0.1 only: the app, its stand-in Web API, the load. */
const HOST = "127.0.0.1";
const BOT = { user_id: "UBENCHBOT", bot_id: "BBENCHBOT", team_id: "TBENCH" } as const;

/** Slack's v0 request signature: HMAC-SHA256 of "v0:{timestamp}:{raw body}" with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** An Events API delivery of an `app_mention`, unique in event id, user (rate limits are per person) and ts. */
export function mentionDelivery(question: string, n: number): { body: string; ts: string } {
  const ts = `1800000000.${String(n).padStart(6, "0")}`;
  const body = {
    token: "unused",
    team_id: BOT.team_id,
    api_app_id: "ABENCH",
    type: "event_callback",
    event_id: `EvBENCH${n}`,
    event_time: 1800000000,
    authorizations: [{ enterprise_id: null, team_id: BOT.team_id, user_id: BOT.user_id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event: {
      type: "app_mention",
      user: `UBENCH${n}`,
      text: `<@${BOT.user_id}> ${question}`,
      ts,
      channel: "CBENCH",
      event_ts: ts,
      team: BOT.team_id,
    },
  };
  return { body: JSON.stringify(body), ts };
}

/**
 * A stand-in for the Slack Web API: answers what the app calls (auth.test at start,
 * chat.postMessage per answer, anything else with ok) and notes when each answer arrives,
 * keyed by the thread it replies to.
 */
class WebApiStandIn {
  readonly answers = new Map<string, number>();
  /** Answers posted per thread: more than one is a question answered twice. */
  readonly posts = new Map<string, number>();
  private server: Server | undefined;
  private seq = 0;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.reply(req).then((body) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, HOST, resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://${HOST}:${this.port}/api/`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async reply(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = new URL(req.url ?? "/", `http://${HOST}`).pathname.replace(/^\/api\//, "");
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://bench.slack.com/", team: "bench", user: "fdr-sante", ...BOT };
      case "chat.postMessage": {
        // WebClient sends form-encoded parameters; thread_ts names the question answered.
        const thread = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("thread_ts");
        if (thread && !this.answers.has(thread)) this.answers.set(thread, performance.now());
        if (thread) this.posts.set(thread, (this.posts.get(thread) ?? 0) + 1);
        this.seq += 1;
        return { ok: true, channel: "CBENCH", ts: `1900000000.${String(this.seq).padStart(6, "0")}` };
      }
      default:
        return { ok: true };
    }
  }
}

/** POSTs one signed delivery on a fresh connection, as Slack does; the time until the app's whole HTTP response (the ack). */
function deliver(port: number, secret: string, body: string, timeoutMs: number): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    const req = request(
      {
        host: HOST,
        port,
        method: "POST",
        path: "/slack/events",
        agent: false,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": slackSignature(secret, timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no ack within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

export interface SlackLoadOptions {
  corpusDir: string;
  indexDir: string;
  dataDir: string;
  questions: readonly string[];
  concurrency: number;
  /** Measured rounds of `concurrency` simultaneous deliveries, after one unmeasured round. */
  rounds: number;
  /** The whole phase, app start included, must end within this. */
  deadlineMs: number;
  /** Where the app writes a CPU profile of the load, if wanted. */
  profile?: string;
  log: (msg: string) => void;
}

export interface SlackLoadResult {
  concurrency: number;
  events: number;
  answered: number;
  ack: Distribution;
  /** From a delivery to the chat.postMessage answering it. */
  answer: Distribution;
  answers_per_s: number;
  /** Questions answered more than once, over every delivery (warm-up included). */
  duplicates: number;
  rss_mb: number | null;
  /** Event-loop delay inside the app during the load: see SlackAppStopped. */
  app_loop_delay: { p99_ms: number; max_ms: number } | null;
}

/**
 * The Slack HTTP app under load: started as `npm start` starts it (its own process, real
 * configuration, real index, HTTPReceiver checking signatures), the Web API stood in by a local
 * server, then rounds of `concurrency` signed `app_mention` deliveries sent at once. Each round
 * waits for all its answers (chat.postMessage calls) before the next starts. Bounded: at most
 * (rounds + 1) × concurrency deliveries, and `deadlineMs` in all.
 */
export async function runSlackLoad(options: SlackLoadOptions): Promise<SlackLoadResult> {
  const deadline = performance.now() + options.deadlineMs;
  const left = () => Math.max(1, deadline - performance.now());
  const secret = randomBytes(16).toString("hex");
  const api = new WebApiStandIn();
  await api.start();
  const app = startWorker({
    job: "slack-app",
    env: {
      SLACK_BOT_TOKEN: "xoxb-bench-not-a-token",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: api.url,
      CORPUS_DIR: options.corpusDir,
      INDEX_DIR: options.indexDir,
      DATA_DIR: options.dataDir,
      LOG_LEVEL: "warn",
    },
    ...(options.profile ? { profile: options.profile } : {}),
  });
  try {
    const { port } = await app.next(SlackAppReady, left());
    options.log(`slack: app ready on ${HOST}:${port}, ${options.rounds} rounds of ${options.concurrency} concurrent events`);
    const acks: number[] = [];
    const answerMs: number[] = [];
    let answered = 0;
    let busyMs = 0;
    let n = 0;
    for (let round = 0; round <= options.rounds; round++) {
      const deliveries = Array.from({ length: options.concurrency }, () => {
        n += 1;
        return mentionDelivery(options.questions[n % options.questions.length]!, n);
      });
      const started = performance.now();
      const results = await Promise.all(deliveries.map((d) => deliver(port, secret, d.body, Math.min(10_000, left()))));
      const refused = results.filter((r) => r.status !== 200);
      if (refused.length) throw new Error(`${refused.length} deliveries refused (HTTP ${refused[0]!.status}): signature or route mismatch`);
      while (deliveries.some((d) => !api.answers.has(d.ts)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const arrivals = deliveries.map((d) => api.answers.get(d.ts));
      const done = arrivals.filter((a): a is number => a !== undefined);
      if (round === 0) continue; // JIT and connection warm-up
      acks.push(...results.map((r) => r.ms));
      answerMs.push(...done.map((a) => a - started));
      answered += done.length;
      busyMs += (done.length ? Math.max(...done) : performance.now()) - started;
      if (done.length < deliveries.length) {
        options.log(`slack: deadline reached with ${deliveries.length - done.length} answers missing`);
        break;
      }
    }
    app.stop();
    const stopped = await app.next(SlackAppStopped, Math.min(20_000, left())).catch(() => null);
    await app.exited(10_000);
    return {
      concurrency: options.concurrency,
      events: acks.length,
      answered,
      ack: distribution(acks),
      answer: distribution(answerMs),
      answers_per_s: busyMs > 0 ? round(answered / (busyMs / 1000), 1) : 0,
      duplicates: [...api.posts.values()].reduce((n, count) => n + count - 1, 0),
      rss_mb: stopped?.rss_mb ?? null,
      app_loop_delay: stopped ? { p99_ms: stopped.loop_delay_p99_ms, max_ms: stopped.loop_delay_max_ms } : null,
    };
  } finally {
    app.kill();
    await api.close();
  }
}
