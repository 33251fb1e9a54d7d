import { spawn } from "node:child_process";
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** The environment of a fresh shell: no setting of the developer's leaks into the test. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(SLACK_|LLM_|EMBEDDINGS_|CORPUS_DIR|INDEX_DIR|DATA_DIR|LOG_LEVEL|PORT)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Root ignores permissions: a command that must meet them runs as this user. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

function ask(args: string[], env: Record<string, string>, { unprivileged = false } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // As `npm run ask` runs it: the compiled command when dist/ is current, else the sources.
    const child = spawn(process.execPath, ["bin/run.mjs", "ask", ...args], { cwd: ROOT, env: cleanEnv(env), ...(unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const tempIndex = () => join(mkdtempSync(join(tmpdir(), "fdr-cli-")), "index");
/** Lines of our own logs on stderr (npm may add its own warnings there). */
const logLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("{"));

describe("npm run ask", () => {
  it("--json prints exactly one JSON line on stdout, logs only on stderr", async () => {
    const { code, stdout, stderr } = await ask(["--json", "c'est quoi l'ApCV ?"], { INDEX_DIR: tempIndex() });
    expect(code).toBe(0);
    expect(stdout.endsWith("\n")).toBe(true);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["question", "answer", "citations", "retrieved", "refused", "timings_ms"]));
    expect(json.question).toBe("c'est quoi l'ApCV ?");
    expect(json.refused).toBe(false);
    expect(typeof json.answer).toBe("string");
    const citations = json.citations as { id: string; label: string }[];
    expect(citations[0]!.id).toBe("fdr-2023-2027#action-13");
    for (const c of citations) expect(Object.keys(c).sort()).toEqual(["id", "label"]);
    const retrieved = json.retrieved as { id: string; score: number }[];
    expect(retrieved.length).toBeGreaterThan(0);
    for (const r of retrieved) {
      expect(Object.keys(r).sort()).toEqual(["id", "score"]);
      expect(typeof r.score).toBe("number");
    }
    for (const c of citations) expect(retrieved.map((r) => r.id)).toContain(c.id);
    expect(Object.keys(json.timings_ms as object).sort()).toEqual(["answer", "retrieval", "total"]);

    // The first run builds the index and says so, as JSON log lines on stderr only.
    const logs = logLines(stderr).map((l) => JSON.parse(l) as { level: string; msg: string; time: string });
    for (const l of logs) expect(Object.keys(l).slice(0, 3)).toEqual(["level", "time", "msg"]);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(["building the index", "index built"]));
    expect(stdout).not.toContain('"level"');
  });

  it("without --json prints the answer and its numbered sources", async () => {
    const { code, stdout } = await ask(["l'action 12 de 2019"], { INDEX_DIR: tempIndex(), LOG_LEVEL: "warn" });
    expect(code).toBe(0);
    expect(stdout).toBe(
      "Feuille de route 2019, orientation 3 « Services numériques socles » — action 12 : « Accompagnement à l’usage des Messageries Sécurisées de Santé (MSSanté). ». [1]\n" +
        "\n" +
        "Sources :\n" +
        "  [1] Feuille de route 2019 · Orientation 3 (Services numériques socles) · Action 12  (virage-numerique-2019#action-12)\n",
    );
  });

  it("without a question prints the usage on stderr and exits 1", async () => {
    const { code, stdout, stderr } = await ask([], { INDEX_DIR: tempIndex() });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^usage: npm run ask -- \[--json\].* "votre question"$/m);
    expect(logLines(stderr)).toEqual([]);
  });

  it("with a broken corpus manifest exits 1 naming manifest.yaml and the line, without a stack trace", async () => {
    const corpus = join(mkdtempSync(join(tmpdir(), "fdr-cli-")), "corpus");
    cpSync(resolve(ROOT, "corpus"), corpus, { recursive: true });
    const manifest = join(corpus, "manifest.yaml");
    const text = readFileSync(manifest, "utf8");
    const lines = text.split("\n");
    const kindLine = lines.findIndex((l) => l.trim() === "kind: roadmap") + 1;
    expect(kindLine).toBeGreaterThan(0);
    writeFileSync(manifest, text.replace(/^(\s*)kind: roadmap$/m, "$1kind: roadmapp"));

    const { code, stdout, stderr } = await ask(["--json", "c'est quoi l'ApCV ?"], { CORPUS_DIR: corpus, INDEX_DIR: tempIndex() });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`fdr-santé: ${manifest}:${kindLine}: kind: unknown kind "roadmapp": expected roadmap or prose\n`);
    expect(stderr).toMatch(/manifest\.yaml:\d+:/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("with an invalid setting exits 1 naming the variable", async () => {
    const { code, stdout, stderr } = await ask(["--json", "c'est quoi l'ApCV ?"], { INDEX_DIR: tempIndex(), PORT: "abc" });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("fdr-santé: invalid configuration:\n  PORT: must be a positive whole number\n");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a question longer than Slack's limit of 4,000 characters, without searching", async () => {
    const { code, stdout, stderr } = await ask([`${"cybersécurité ".repeat(300)}?`], { INDEX_DIR: tempIndex() });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("fdr-santé: the question is 4201 characters long, more than 4000: ask it in fewer words\n");
  });

  it("names INDEX_DIR and the path, in one line, when the index folder is a file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "fdr-cli-")), "index");
    writeFileSync(file, "not a folder\n");
    const { code, stdout, stderr } = await ask(["c'est quoi l'ApCV ?"], { INDEX_DIR: file });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`fdr-santé: INDEX_DIR ${file} is not a folder: set INDEX_DIR to a folder, or move the file away\n`);
  });

  it("names INDEX_DIR and the path, in one line, when the index folder cannot be written", async () => {
    const parent = mkdtempSync(join(tmpdir(), "fdr-cli-"));
    chmodSync(parent, 0o755);
    const dir = join(parent, "index");
    mkdirSync(dir, { mode: 0o555 });
    if (asRoot) chownSync(dir, 0, 0);
    const { code, stdout, stderr } = await ask(["c'est quoi l'ApCV ?"], { INDEX_DIR: dir }, { unprivileged: true });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    // The build writes beside the folder first, then moves into it: the path that failed is named too.
    const error = stderr.split("\n").filter((l) => l.startsWith("fdr-santé:"));
    expect(error).toEqual([expect.stringMatching(new RegExp(`^fdr-santé: INDEX_DIR ${dir} is not writable \\(${parent}/[^)]+\\) \\(EACCES\\): give the bot's user write access to it, or set INDEX_DIR to a writable folder$`))]);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
