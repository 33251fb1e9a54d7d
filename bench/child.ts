import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { z } from "zod";
import type { Job } from "./schema.js";

export const ROOT = resolve(import.meta.dirname, "..");
export const WORKER = resolve(ROOT, "bench/worker.ts");

export interface Finished {
  code: number | null;
  ms: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end and times it from spawn to exit, the whole process as a person
 * waits for it. Killed (this process only, by its own handle) past `timeoutMs`.
 */
export function runTimed(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number; forwardStderr?: boolean }): Promise<Finished> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
      if (options.forwardStderr) process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`${command} ${args.join(" ")}: no result after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, ms: performance.now() - started, stdout, stderr });
    });
  });
}

/** A worker job in its own Node process; its last stdout line is the result, checked against `schema`. */
export async function runWorker<S extends z.ZodType>(job: Job, schema: S, options: { timeoutMs: number; nodeArgs?: string[] }): Promise<z.infer<S>> {
  const args = [...(options.nodeArgs ?? []), "--import", "tsx", WORKER, JSON.stringify(job)];
  const out = await runTimed(process.execPath, args, { timeoutMs: options.timeoutMs, forwardStderr: true });
  if (out.code !== 0) throw new Error(`bench worker (${job.job}) exited with ${out.code}`);
  const last = out.stdout.trim().split("\n").at(-1) ?? "";
  return schema.parse(JSON.parse(last));
}

/** A worker that keeps running (the Slack app): its stdout as parsed lines, stdin to tell it to stop. */
export interface LongWorker {
  child: ChildProcess;
  next<S extends z.ZodType>(schema: S, timeoutMs: number): Promise<z.infer<S>>;
  stop(): void;
  /** Resolves once the process has exited (a CPU profile is written on exit), or after `timeoutMs`. */
  exited(timeoutMs: number): Promise<void>;
  kill(): void;
}

export function startWorker(job: Job): LongWorker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(job)], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  const queue: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => (waiting.length ? waiting.shift()!(line) : queue.push(line)));
  lines.on("close", () => {
    closed = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return {
    child,
    next: (schema, timeoutMs) =>
      new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no message from the ${job.job} worker within ${timeoutMs} ms`)), timeoutMs);
        const take = (line: string | null) => {
          clearTimeout(timer);
          if (line === null) return fail(new Error(`the ${job.job} worker ended (exit ${child.exitCode})`));
          try {
            done(schema.parse(JSON.parse(line)));
          } catch (e) {
            fail(e);
          }
        };
        if (queue.length) take(queue.shift()!);
        else if (closed) take(null);
        else waiting.push(take);
      }),
    stop: () => child.stdin!.end("stop\n"),
    exited: (timeoutMs) =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(done, timeoutMs);
        child.once("exit", () => {
          clearTimeout(timer);
          done();
        });
      }),
    kill: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
