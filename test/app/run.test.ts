import { parseArgs } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/app/run.js";

/** Runs a command through `run` and returns what it wrote to stderr and the exit code it set. */
async function outcome(main: () => Promise<number | void>): Promise<{ stderr: string; code: typeof process.exitCode }> {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    run(main);
    await new Promise((resolve) => setImmediate(resolve));
    return { stderr: writes.join(""), code: process.exitCode };
  } finally {
    spy.mockRestore();
  }
}

describe("run", () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("prints a mistyped option as one line, without a stack trace, and exits 1", async () => {
    const { stderr, code } = await outcome(async () => {
      parseArgs({ args: ["--json", "--bogus"], options: { json: { type: "boolean" } } });
    });
    expect(stderr).toMatch(/^fdr-santé: Unknown option '--bogus'[^\n]*\n$/);
    expect(code).toBe(1);
  });

  it("prints an unexpected failure with its stack and exits 2", async () => {
    const { stderr, code } = await outcome(async () => {
      throw new TypeError("boom");
    });
    expect(stderr).toMatch(/^fdr-santé: TypeError: boom\n\s+at /);
    expect(code).toBe(2);
  });

  it("exits with the code the command returns", async () => {
    expect((await outcome(async () => 3)).code).toBe(3);
  });
});
