import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { silentLogger } from "../../../src/config/log.js";
import { localEmbedder } from "../../../src/index/embedder.js";
import { openIndex } from "../../../src/index/open.js";
import { waitFor } from "../../slack/support/fake-slack.js";
import { signatureHeaders } from "../../slack/support/signing.js";
import { CORPUS_DIR } from "../../support/pipeline.js";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const SECRET = "bot-e2e-signing-secret";
/** Root ignores file permissions: a child that must meet them runs as this user. */
const NOBODY = 65534;

/** A folder of its own; owned by the unprivileged user when the test runs as root and the bot will not. */
export function tempFolder(prefix: string, forUnprivileged = false): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (forUnprivileged && process.getuid?.() === 0) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** The real corpus's index, built once into a folder the bot then only reads. */
export async function builtIndex(): Promise<string> {
  const parent = tempFolder("fdr-bot-index-");
  chmodSync(parent, 0o755); // readable by a bot running unprivileged
  const indexDir = join(parent, "index");
  mkdirSync(indexDir);
  const { embeddings, info } = localEmbedder();
  await openIndex({ corpusDir: CORPUS_DIR, indexDir, embeddings, embedder: info, log: silentLogger });
  return indexDir;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

export interface Bot {
  child: ChildProcess;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Log records from stderr, parsed. */
  records(): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  send(payload: unknown, headers?: Record<string, string>): Promise<Response>;
  sendForm(fields: Record<string, string>): Promise<Response>;
  /** Resolves once /healthz says the index is loaded. */
  ready(): Promise<void>;
}

/** `npm start` as an operator runs it (bin/run.mjs start), bound to 127.0.0.1 through PORT, with `env` on top of a clean environment. */
export async function startBot(env: Record<string, string>, options: { unprivileged?: boolean } = {}): Promise<Bot> {
  const port = await freePort();
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const child = spawn(process.execPath, [join(ROOT, "bin/run.mjs"), "start"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-1111-2222-bote2e", PORT: String(port), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += String(d)));
  child.stderr!.on("data", (d) => (stderr += String(d)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once("exit", (code, signal) => done({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const post = (body: string, contentType: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/slack/events`, { method: "POST", headers: { "content-type": contentType, ...signatureHeaders(SECRET, body), ...headers }, body });
  return {
    child,
    port,
    stdout: () => stdout,
    stderr: () => stderr,
    records: () =>
      stderr
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    exited,
    send: (payload, headers) => post(JSON.stringify(payload), "application/json", headers),
    sendForm: (fields) => post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded"),
    ready: () =>
      waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}): ${stderr.slice(-2000)}`);
          return fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
        },
        "the bot to load its index",
        90_000,
      ),
  };
}
