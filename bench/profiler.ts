import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * Runs `fn` under V8's sampling profiler and writes the profile (the `.cpuprofile` format) to
 * `file`; without a file, just runs it. Started from inside the process, so the profile covers
 * the work measured and not the start-up around it, as `node --cpu-prof` would.
 */
export async function profiled<T>(file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
