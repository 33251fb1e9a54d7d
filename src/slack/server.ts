import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, webApi } from "@slack/bolt";
import { ConfigError, type Config } from "../config/env.js";
import type { Logger } from "../config/log.js";
import type { Storage } from "../storage/storage.js";
import { boltLogger } from "./bolt-logger.js";
import { Dedupe } from "./dedupe.js";
import type { IndexDescription, SlackDeps, SlackPipeline } from "./deps.js";
import { threadReader } from "./history.js";
import { InFlight } from "./inflight.js";
import { registerListeners } from "./listeners/index.js";
import { RateLimiter } from "./rate-limit.js";
import { recoverPending } from "./recover.js";
import { screenRequest } from "./request-check.js";
import { ThreadMemory } from "./thread-memory.js";
import { keepConnected } from "./socket-reconnect.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
/** A thread's history is read within this; past it, the follow-up is answered as a standalone question. */
const HISTORY_DEADLINE_MS = 2500;
/** Of the drain deadline, what is kept for writing the store's last records. */
const STORE_FLUSH_MS = 500;
const REJECTED_TOKEN = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"]);

export interface SlackServiceOptions {
  config: Config;
  log: Logger;
  /** Resolves once the index is loaded; the server answers (health 503) before that. */
  pipeline: Promise<SlackPipeline>;
  /** Feedback and pending work; flushed and closed when the service stops. */
  storage: Storage;
  /** Every interface by default, where Slack or a proxy reaches it; tests use 127.0.0.1. */
  host?: string;
  /** PORT by default; 0 picks a free one. */
  port?: number;
}

export interface SlackService {
  mode: "http" | "socket";
  /** The port bound for POST /slack/events (HTTP mode) and GET /healthz. */
  port: number;
  /**
   * Stops taking events, cuts the model calls under way (their questions get the extractive
   * answer, open streams are closed with it), waits for the answers up to SHUTDOWN_DRAIN_MS, then
   * writes the store's last records and releases everything. A question still unanswered then
   * stays pending in the store: the next start answers it.
   */
  stop(): Promise<{ drained: boolean }>;
}

/**
 * Connects to Slack: HTTP mode (events on POST /slack/events, signatures checked by Bolt's
 * HTTPReceiver) or Socket Mode when SLACK_APP_TOKEN is set. One HTTP server on `port` carries the
 * events route and GET /healthz, so health is observable while the index is still loading.
 */
export async function startSlack({ config, log, pipeline, storage, host, port = config.PORT }: SlackServiceOptions): Promise<SlackService> {
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
  // Thread reads fail fast on a rate limit instead of pausing the client that posts answers.
  const historyClient = new webApi.WebClient(token, { ...clientOptions(), logger, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: HISTORY_DEADLINE_MS });
  const stop = new AbortController();
  const deps: SlackDeps = {
    pipeline,
    storage,
    rateLimiter: new RateLimiter(config.SLACK_RATE_LIMIT_PER_MINUTE),
    dedupe: new Dedupe(),
    readThread: threadReader(historyClient, HISTORY_DEADLINE_MS),
    threads: new ThreadMemory(),
    stopping: stop.signal,
    log,
    config,
  };
  registerListeners(app, deps);
  app.error(async (error) => log.error("slack listener failed", { error }));
  try {
    await app.init(); // auth.test: a wrong token fails here, at start, not on the first event
  } catch (error) {
    storage.close();
    throw rejectedToken(error);
  }
  // Before the first event: a redelivery of a recovered question must be seen as one.
  void inflight.track(recoverPending(deps, app.client));

  let index: IndexDescription | undefined;
  pipeline.then(
    (p) => {
      index = p.describe();
      log.info("index ready", { chunks: index.chunks, corpus_hash: index.corpusHash });
    },
    () => undefined, // the caller owns the failure (the start command stops and exits)
  );
  let stopping = false;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === HEALTH_PATH && req.method === "GET") {
      if (stopping) return send(res, 503, { status: "stopping" });
      if (!index) return send(res, 503, { status: "loading" });
      // The manifest's summary; the help's examples are for people, not for health checks.
      const { corpusHash, embedder, chunks, builtAt, documents } = index;
      return send(res, 200, { status: "ok", mode, corpusHash, embedder, chunks, builtAt, documents: documents.length });
    }
    if (path === EVENTS_PATH && req.method === "POST" && receiver instanceof HTTPReceiver) {
      // Refused while stopping: Slack retries the delivery, to whichever instance takes over.
      if (stopping) return send(res, 503, { status: "stopping" });
      void screened(req, res, signingSecret!, log).then((pass) => pass && receiver.requestListener(req, res));
      return;
    }
    return send(res, 404, { status: "not found" });
  });
  const bound = await listen(server, port, host);
  if (mode === "socket") await app.start();
  const connection = receiver instanceof SocketModeReceiver ? keepConnected(receiver.client, log) : undefined;
  log.info("slack started", { mode, port: bound, api: config.SLACK_API_URL ?? "https://slack.com/api/", drain_ms: config.SHUTDOWN_DRAIN_MS });

  let stopped: Promise<{ drained: boolean }> | undefined;
  return {
    mode,
    port: bound,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        const started = performance.now();
        const left = () => config.SHUTDOWN_DRAIN_MS - (performance.now() - started);
        log.info("slack stopping", { in_flight: inflight.size });
        stop.abort(new Error("the service is stopping"));
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        connection?.stop();
        if (mode === "socket") await app.stop();
        const drained = await inflight.drain(Math.max(0, left() - STORE_FLUSH_MS));
        server.closeAllConnections();
        await closed;
        const flushed = await storage.flush(Math.max(50, left()));
        storage.close();
        log.info("slack stopped", { drained, flushed, unfinished: inflight.size, ms: Math.round(performance.now() - started) });
        return { drained };
      })()),
  };
}

/**
 * The events route's first look at a request (see screenRequest): the body is read here, once,
 * and left on the request where Bolt's receiver takes it.
 */
async function screened(req: IncomingMessage, res: ServerResponse, signingSecret: string, log: Logger): Promise<boolean> {
  let body: string;
  try {
    body = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody.toString();
  } catch (error) {
    log.warn("request body not read", { error });
    send(res, HTTPModuleFunctions.isRawBodyError(error) ? error.statusCode : 400, { status: "unreadable body" });
    return false;
  }
  const header = (name: string) => (typeof req.headers[name] === "string" ? (req.headers[name] as string) : undefined);
  const screening = screenRequest({ contentType: header("content-type"), timestamp: header("x-slack-request-timestamp"), signature: header("x-slack-signature"), body }, signingSecret);
  if (screening.pass) return true;
  log.warn("request refused", { status: screening.status, reason: screening.reason });
  send(res, screening.status, { status: screening.reason });
  return false;
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
