import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import { ConfigError, type Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import { boltLogger } from "./bolt-logger.js";
import { Dedupe } from "./dedupe.js";
import type { IndexDescription, SlackPipeline } from "./deps.js";
import { FeedbackStore } from "./feedback-store.js";
import { InFlight } from "./inflight.js";
import { registerListeners } from "./listeners/index.js";
import { RateLimiter } from "./rate-limit.js";
import { keepConnected } from "./socket-reconnect.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
/** How long a stop waits for answers under way. */
const DRAIN_MS = 10_000;
const REJECTED_TOKEN = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);

export interface SlackServiceOptions {
  config: Config;
  log: Logger;
  /** Resolves once the index is loaded; the server answers (health 503) before that. */
  pipeline: Promise<SlackPipeline>;
  /** Every interface by default, where Slack or a proxy reaches it; tests use 127.0.0.1. */
  host?: string;
  /** PORT by default; 0 picks a free one. */
  port?: number;
}

export interface SlackService {
  mode: "http" | "socket";
  /** The port bound for POST /slack/events (HTTP mode) and GET /healthz. */
  port: number;
  /** Stops taking events, lets answers under way finish (up to 10 s), then releases everything. */
  stop(): Promise<void>;
}

/**
 * Connects to Slack: HTTP mode (events on POST /slack/events, signatures checked by Bolt's
 * HTTPReceiver) or Socket Mode when SLACK_APP_TOKEN is set. One HTTP server on `port` carries the
 * events route and GET /healthz, so health is observable while the index is still loading.
 */
export async function startSlack({ config, log, pipeline, host, port = config.PORT }: SlackServiceOptions): Promise<SlackService> {
  const { SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = config;
  if (!token) throw new ConfigError([{ variable: "SLACK_BOT_TOKEN", message: "is required to connect to Slack" }]);
  if (!appToken && !signingSecret) throw new ConfigError([{ variable: "SLACK_SIGNING_SECRET", message: "is required in HTTP mode" }]);
  const logger = boltLogger(log, config.LOG_LEVEL);
  // A fresh object each time: the Socket Mode client writes its own retry policy into the one it gets.
  const clientOptions = () => (config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {});
  // keepConnected reconnects Socket Mode in place of the SDK, whose own reconnection waits 5 s.
  const receiver = appToken
    ? new SocketModeReceiver({ appToken, logger, autoReconnectEnabled: false, installerOptions: { clientOptions: clientOptions() } })
    : new HTTPReceiver({ signingSecret: signingSecret!, logger, endpoints: EVENTS_PATH });
  const mode = appToken ? "socket" : "http";

  const app = new App({ token, receiver, logger, clientOptions: clientOptions(), deferInitialization: true, convoStore: false });
  const inflight = new InFlight();
  app.use(async ({ next }) => {
    await inflight.track(next());
  });
  const feedback = FeedbackStore.open(config.DATA_DIR);
  registerListeners(app, { pipeline, feedback, rateLimiter: new RateLimiter(config.SLACK_RATE_LIMIT_PER_MINUTE), dedupe: new Dedupe(), log, config });
  app.error(async (error) => log.error("slack listener failed", { error }));
  try {
    await app.init(); // auth.test: a wrong token fails here, at start, not on the first event
  } catch (error) {
    feedback.close();
    throw rejectedToken(error);
  }

  let index: IndexDescription | undefined;
  pipeline.then(
    (p) => {
      index = p.describe();
      log.info("index ready", { chunks: index.chunks, corpus_hash: index.corpusHash });
    },
    () => undefined, // the caller owns the failure (start.ts stops and exits)
  );
  let stopping = false;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === HEALTH_PATH && req.method === "GET") {
      if (stopping) return send(res, 503, { status: "stopping" });
      if (!index) return send(res, 503, { status: "loading" });
      const { documents, ...summary } = index;
      return send(res, 200, { status: "ok", mode, ...summary, documents: documents.length });
    }
    if (path === EVENTS_PATH && req.method === "POST" && receiver instanceof HTTPReceiver) {
      // Refused while stopping: Slack retries the delivery, to whichever instance takes over.
      if (stopping) return send(res, 503, { status: "stopping" });
      return receiver.requestListener(req, res);
    }
    return send(res, 404, { status: "not found" });
  });
  const bound = await listen(server, port, host);
  if (mode === "socket") await app.start();
  const connection = receiver instanceof SocketModeReceiver ? keepConnected(receiver.client, log) : undefined;
  log.info("slack started", { mode, port: bound, api: config.SLACK_API_URL ?? "https://slack.com/api/" });

  let stopped: Promise<void> | undefined;
  return {
    mode,
    port: bound,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        log.info("slack stopping", { in_flight: inflight.size });
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        connection?.stop();
        if (mode === "socket") await app.stop();
        const drained = await inflight.drain(DRAIN_MS);
        server.closeAllConnections();
        await closed;
        feedback.close();
        log.info("slack stopped", { drained });
      })()),
  };
}

/** SIGTERM or SIGINT: stop taking events, finish what is under way, exit 0. */
export function stopOnSignals(service: SlackService, log: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.info("signal received", { signal });
    service.stop().then(
      () => exit(0),
      (error: unknown) => {
        log.error("stop failed", { error });
        exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

function rejectedToken(error: unknown): unknown {
  if (error instanceof Error && "data" in error) {
    const code = (error as webApi.WebAPIPlatformError).data?.error;
    if (code && REJECTED_TOKEN.has(code)) return new ConfigError([{ variable: "SLACK_BOT_TOKEN", message: `was rejected by Slack (${code})` }]);
  }
  return error;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
