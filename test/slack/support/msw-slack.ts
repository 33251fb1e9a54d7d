import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { webApi } from "@slack/bolt";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { loadConfig } from "../../../src/config/env.js";
import { createLogger, type Logger } from "../../../src/config/log.js";
import { boltLogger } from "../../../src/slack/bolt-logger.js";
import { Dedupe } from "../../../src/slack/dedupe.js";
import { threadReader } from "../../../src/slack/history.js";
import { ThreadMemory } from "../../../src/slack/thread-memory.js";
import { FeedbackStore } from "../../../src/storage/feedback-store.js";
import { openStorage } from "../../../src/storage/storage.js";
import type { SlackDeps, SlackPipeline } from "../../../src/slack/deps.js";
import { RateLimiter } from "../../../src/slack/rate-limit.js";
import { BOT, parseSlackBody, type ApiCall, type ApiHandler } from "./fake-slack.js";

/** msw only intercepts; this address is never reached, and is local anyway. */
export const API = "http://127.0.0.1:9/api/";

/** msw standing in for the Slack Web API: records each call, answers like Slack. */
export function mswSlack() {
  const calls: ApiCall[] = [];
  const handlers = new Map<string, ApiHandler>();
  let seq = 0;
  const server = setupServer(
    http.post(`${API}:method`, async ({ request, params }) => {
      const method = String(params.method);
      const body = parseSlackBody(request.headers.get("content-type"), await request.text());
      const call: ApiCall = { method, params: body, authorization: request.headers.get("authorization") ?? undefined };
      calls.push(call);
      const custom = handlers.get(method);
      call.response = custom ? custom(body) : answer(method, body);
      return HttpResponse.json(call.response);
    }),
  );
  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    seq += 1;
    switch (method) {
      case "chat.postMessage":
      case "chat.startStream":
        return { ok: true, channel: body.channel, ts: `1700000500.${String(seq).padStart(6, "0")}` };
      case "chat.appendStream":
      case "chat.stopStream":
      case "chat.update":
        return { ok: true, channel: body.channel, ts: body.ts };
      case "conversations.replies":
        return { ok: true, messages: [] };
      default:
        return { ok: true };
    }
  }
  return {
    server,
    calls,
    on: (method: string, handler: ApiHandler) => handlers.set(method, handler),
    callsTo: (method: string) => calls.filter((c) => c.method === method),
    reset: () => {
      calls.length = 0;
      handlers.clear();
    },
  };
}

export function webClient(): webApi.WebClient {
  return new webApi.WebClient("xoxb-test-token", { slackApiUrl: API, retryConfig: { retries: 0 }, logger: boltLogger(createLogger("silent"), "silent") });
}

/** Log records, as parsed objects. */
export function memoryLogger(level: "debug" | "info" = "debug"): { log: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  return { log: createLogger(level, { write: (line) => records.push(JSON.parse(line) as Record<string, unknown>) }), records };
}

export interface TestDeps extends SlackDeps {
  records: Record<string, unknown>[];
  /** The store's file as it stands once every queued write is done (a connection of the test's own). */
  stored(): Promise<FeedbackStore>;
}

export function testDeps(pipeline: SlackPipeline, env: Record<string, string> = {}, log?: Logger): TestDeps {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "fdr-slack-")), ...env });
  const memory = memoryLogger();
  const storage = openStorage(config.DATA_DIR, log ?? memory.log);
  return {
    pipeline: Promise.resolve(pipeline),
    storage,
    rateLimiter: new RateLimiter(config.SLACK_RATE_LIMIT_PER_MINUTE),
    dedupe: new Dedupe(),
    readThread: threadReader(webClient(), 2000),
    threads: new ThreadMemory(),
    stopping: new AbortController().signal,
    log: log ?? memory.log,
    config,
    records: memory.records,
    stored: async () => {
      await storage.flush(10_000);
      return FeedbackStore.open(config.DATA_DIR);
    },
  };
}

/** The `context` Bolt gives listeners once auth.test has answered. */
export const context = { botUserId: BOT.user_id, botId: BOT.bot_id, isEnterpriseInstall: false };
