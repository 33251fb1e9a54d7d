import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFrenchEmbeddings } from "../../../src/index/local-embedder.js";
import { CORPUS_DIR } from "../../support/pipeline.js";

/**
 * The contract end to end: `ask --json` as a child process against a tiny OpenAI-compatible
 * server on 127.0.0.1 (no msw here: the child process has its own network stack).
 */
const ROOT = resolve(import.meta.dirname, "../../..");
const KEY = "sk-test-CLI-KEY-do-not-print-91b2";
const DIMS = 64;
const run = promisify(execFile);

let behaviour: "answer" | "fail" = "answer";
const chatRequests: { stream: boolean; auth: string | undefined }[] = [];
const embedder = new LocalFrenchEmbeddings(DIMS);

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  return JSON.parse(raw) as Record<string, unknown>;
}

function chat(req: Record<string, unknown>, res: ServerResponse): void {
  if (behaviour === "fail") {
    res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "internal error" } }));
    return;
  }
  const messages = req.messages as { role: string; content: string }[];
  const ids = [...(messages.find((m) => m.role === "user")?.content ?? "").matchAll(/<extrait id="([^"]+)">/g)].map((m) => m[1]);
  const content = JSON.stringify({ answer: [{ text: "L'ApCV, application carte Vitale, doit être diffusée largement.", citations: [ids[0]] }], refused: false });
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  if (req.stream) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (let i = 0; i < content.length; i += 20) res.write(chunk({ content: content.slice(i, i + 20) }, null));
    res.end(chunk({}, "stop") + "data: [DONE]\n\n");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(
    JSON.stringify({ id: "x", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }] }),
  );
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((b) => {
      if (req.url === "/v1/embeddings") {
        const input = b.input as string[];
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({ object: "list", data: input.map((t, index) => ({ object: "embedding", index, embedding: embedder.embed(t) })) }),
        );
      } else if (req.url === "/v1/chat/completions") {
        chatRequests.push({ stream: b.stream === true, auth: req.headers.authorization });
        chat(b, res);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const INDEX_DIR = join(mkdtempSync(join(tmpdir(), "fdr-cli-")), "index");

async function ask(env: Record<string, string>): Promise<{ json: Record<string, unknown>; stderr: string; stdout: string }> {
  const { stdout, stderr } = await run("npx", ["tsx", "src/app/commands/ask.ts", "--json", "c'est quoi l'ApCV ?"], {
    cwd: ROOT,
    // A clean environment: nothing like OPENAI_API_KEY or OPENAI_BASE_URL may leak in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      CORPUS_DIR,
      INDEX_DIR,
      LOG_LEVEL: "info",
      LLM_API_KEY: KEY,
      LLM_MODEL: "test-model",
      EMBEDDINGS_PROVIDER: "openai",
      EMBEDDINGS_MODEL: "test-embeddings",
      EMBEDDINGS_DIMENSIONS: String(DIMS),
      ...env,
    },
    timeout: 90_000,
  });
  return { json: JSON.parse(stdout) as Record<string, unknown>, stderr, stdout };
}

describe("npm run ask -- --json against an OpenAI-compatible server", () => {
  it("answers in llm mode with a citation the server chose among the retrieved ones", async () => {
    behaviour = "answer";
    const { json, stderr, stdout } = await ask({ LLM_BASE_URL: base });
    expect(json.mode).toBe("llm");
    expect(json.fallback_reason).toBeUndefined();
    expect(json.citations).toEqual([expect.objectContaining({ id: "fdr-2023-2027#action-13" })]);
    expect(json.answer).toBe("L'ApCV, application carte Vitale, doit être diffusée largement. [1]");
    expect(chatRequests.at(-1)).toEqual({ stream: true, auth: `Bearer ${KEY}` });
    expect(stdout + stderr).not.toContain(KEY);
  });

  it("falls back to the extractive answer with a reason when the server answers 500", async () => {
    behaviour = "fail";
    const { json, stderr, stdout } = await ask({ LLM_BASE_URL: base });
    expect(json.mode).toBe("extractive");
    expect(json.fallback_reason).toBe("Réponse extractive : le modèle de langue est indisponible.");
    expect((json.citations as { id: string }[])[0]!.id).toBe("fdr-2023-2027#action-13");
    expect(stderr).toContain('"cause":"unavailable"');
    expect(stdout + stderr).not.toContain(KEY);
  });

  it("falls back when the chat server refuses connections", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const { json } = await ask({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, EMBEDDINGS_BASE_URL: base });
    expect(json.mode).toBe("extractive");
    expect(json.fallback_reason).toBe("Réponse extractive : le modèle de langue est indisponible.");
  });

  it("stays extractive with --mode extractive, and errors clearly on --mode llm without LLM_BASE_URL", async () => {
    const extractive = await run("npx", ["tsx", "src/app/commands/ask.ts", "--json", "--mode", "extractive", "c'est quoi l'ApCV ?"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CORPUS_DIR, INDEX_DIR: join(mkdtempSync(join(tmpdir(), "fdr-cli-")), "index"), LLM_BASE_URL: base, LLM_MODEL: "m" },
    });
    expect((JSON.parse(extractive.stdout) as { mode: string }).mode).toBe("extractive");

    const error = await run("npx", ["tsx", "src/app/commands/ask.ts", "--json", "--mode", "llm", "c'est quoi l'ApCV ?"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CORPUS_DIR, INDEX_DIR },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain("LLM_BASE_URL: is required for --mode llm");
  });
});
