import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

/** A project with one command, `hello`, in TypeScript and compiled, each saying which one ran. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "fdr-run-"));
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(root, "bin"));
  copyFileSync(join(REPO, "bin/run.mjs"), join(root, "bin/run.mjs"));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, "src/app/commands"), { recursive: true });
  writeFileSync(join(root, "src/app/commands/hello.ts"), 'const args: string[] = process.argv.slice(2);\nconsole.log("from ts", ...args);\n');
  mkdirSync(join(root, "dist/app/commands"), { recursive: true });
  writeFileSync(join(root, "dist/app/commands/hello.js"), 'console.log("from js", ...process.argv.slice(2));\n');
  return root;
}

const at = (root: string, file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);
const hello = (root: string, ...args: string[]) => run(process.execPath, [join(root, "bin/run.mjs"), "hello", ...args], { cwd: root });

describe("bin/run.mjs, the launcher behind the npm scripts", () => {
  let root: string;
  beforeEach(() => {
    root = project();
    for (const f of ["src", "src/app", "src/app/commands", "src/app/commands/hello.ts"]) at(root, f, 1_000);
  });

  it("runs the compiled command when dist/ is as new as src/, with the arguments after the command", async () => {
    at(root, "dist/app/commands/hello.js", 2_000);
    expect((await hello(root, "--json", "c'est quoi l'ApCV ?")).stdout).toBe("from js --json c'est quoi l'ApCV ?\n");
  });

  it("runs the TypeScript source when a source changed after the build", async () => {
    at(root, "dist/app/commands/hello.js", 2_000);
    at(root, "src/app/commands/hello.ts", 3_000);
    expect((await hello(root, "x")).stdout).toBe("from ts x\n");
  });

  it("runs the TypeScript source when a source was deleted after the build", async () => {
    writeFileSync(join(root, "src/app/commands/gone.ts"), "");
    at(root, "dist/app/commands/hello.js", 2_000);
    rmSync(join(root, "src/app/commands/gone.ts"));
    expect((await hello(root)).stdout).toBe("from ts\n");
  });

  it("runs the TypeScript source when nothing was built", async () => {
    rmSync(join(root, "dist"), { recursive: true });
    expect((await hello(root)).stdout).toBe("from ts\n");
  });

  it("refuses an unknown or missing command with exit code 2", async () => {
    await expect(run(process.execPath, [join(root, "bin/run.mjs"), "nope"], { cwd: root })).rejects.toMatchObject({ code: 2, stderr: "unknown command: nope\n" });
    await expect(run(process.execPath, [join(root, "bin/run.mjs")], { cwd: root })).rejects.toMatchObject({ code: 2, stderr: "usage: node bin/run.mjs <command> [arguments]\n" });
    await expect(run(process.execPath, [join(root, "bin/run.mjs"), "../x"], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});
