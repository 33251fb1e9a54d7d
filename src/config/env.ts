import { z } from "zod";
import type { LogLevel } from "./log.js";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const list = optionalString.transform((v) => (v ? v.split(",").map((x) => x.trim()).filter(Boolean) : []));

const url = optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL");

const wholeNumber = optionalString.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    ctx.addIssue({ code: "custom", message: "must be a positive whole number" });
    return z.NEVER;
  }
  return n;
});

const positiveInt = (fallback: number) => wholeNumber.transform((v) => v ?? fallback);

/** Every setting fdr-santé reads, validated once at start; `.env.example` documents each one. */
export const EnvSchema = z
  .object({
    CORPUS_DIR: optionalString.transform((v) => v ?? "corpus"),
    INDEX_DIR: optionalString.transform((v) => v ?? ".index"),
    DATA_DIR: optionalString.transform((v) => v ?? "data"),
    LOG_LEVEL: optionalString.pipe(z.enum(["debug", "info", "warn", "error", "silent"]).optional()).transform((v): LogLevel => v ?? "info"),

    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xoxb-"), "must be a bot token starting with xoxb-"),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith("xapp-"), "must be an app-level token starting with xapp-"),
    SLACK_API_URL: url,
    PORT: positiveInt(3000),
    SLACK_ALLOWED_TEAMS: list,
    SLACK_ALLOWED_CHANNELS: list,
    SLACK_RATE_LIMIT_PER_MINUTE: positiveInt(10),
    SHUTDOWN_DRAIN_MS: positiveInt(8000),

    LLM_BASE_URL: url,
    LLM_API_KEY: optionalString,
    LLM_MODEL: optionalString,
    LLM_TIMEOUT_MS: positiveInt(20_000),

    EMBEDDINGS_PROVIDER: optionalString.pipe(z.enum(["local", "openai"]).optional()).transform((v) => v ?? "local"),
    EMBEDDINGS_BASE_URL: url,
    EMBEDDINGS_API_KEY: optionalString,
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_DIMENSIONS: wholeNumber,
  });

type Raw = Record<string, string | undefined>;

/**
 * Settings that need each other. Checked on the raw values, apart from each field's own
 * validation, so that a malformed PORT does not hide a missing LLM_MODEL.
 */
function missingCompanions(raw: Raw): { variable: string; message: string }[] {
  const set = (k: string) => !!raw[k]?.trim();
  const out: { variable: string; message: string }[] = [];
  if (set("SLACK_BOT_TOKEN") && !set("SLACK_APP_TOKEN") && !set("SLACK_SIGNING_SECRET")) {
    out.push({ variable: "SLACK_SIGNING_SECRET", message: "is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)" });
  }
  if ((set("SLACK_SIGNING_SECRET") || set("SLACK_APP_TOKEN")) && !set("SLACK_BOT_TOKEN")) {
    out.push({ variable: "SLACK_BOT_TOKEN", message: "is required to connect to Slack" });
  }
  if (set("LLM_BASE_URL") && !set("LLM_MODEL")) out.push({ variable: "LLM_MODEL", message: "is required with LLM_BASE_URL" });
  if (raw.EMBEDDINGS_PROVIDER?.trim() === "openai") {
    if (!set("EMBEDDINGS_BASE_URL") && !set("LLM_BASE_URL")) out.push({ variable: "EMBEDDINGS_BASE_URL", message: "is required with EMBEDDINGS_PROVIDER=openai" });
    if (!set("EMBEDDINGS_MODEL")) out.push({ variable: "EMBEDDINGS_MODEL", message: "is required with EMBEDDINGS_PROVIDER=openai" });
  }
  return out;
}

export type Config = z.infer<typeof EnvSchema>;

/** Raised at start when a setting is missing or malformed; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvSchema.safeParse(env);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => ({ variable: String(i.path[0] ?? "environment"), message: i.message }))),
    ...missingCompanions(env),
  ];
  if (problems.length || !result.success) throw new ConfigError(problems);
  return result.data;
}

/** Values that must never reach a log line. */
export function secretsOf(config: Config): string[] {
  return [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.LLM_API_KEY, config.EMBEDDINGS_API_KEY].filter(
    (s): s is string => !!s,
  );
}
