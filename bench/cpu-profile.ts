import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { bucketOf } from "./origin.js";
import type { ProfileSummary } from "./schema.js";
import { round } from "./stats.js";

/** The parts of V8's `.cpuprofile` (written by `node --cpu-prof`) the summaries read. */
export const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof CpuProfile>;

export interface Share {
  name: string;
  ms: number;
  share: number;
}

/** Self time per frame id: each sample's delta is charged to the frame on top of the stack. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  return self;
}

function shares(profile: CpuProfile, keyOf: (node: CpuProfile["nodes"][number]) => string, top: number): Share[] {
  const self = selfTimes(profile);
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    all += us;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: round(us / 1000, 1), share: all ? round(us / all, 3) : 0 }));
}

/** Self time by origin (package, repository folder, Node, V8), largest first. */
export function timeByOrigin(profile: CpuProfile, top = 15): Share[] {
  return shares(profile, (n) => bucketOf(n.callFrame.url, n.callFrame.functionName), top);
}

/** Self time by function, largest first: the hot spots inside the origins. */
export function timeByFunction(profile: CpuProfile, top = 15): Share[] {
  return shares(
    profile,
    (n) => {
      const where = bucketOf(n.callFrame.url, n.callFrame.functionName);
      const file = n.callFrame.url.split("/").pop();
      return `${n.callFrame.functionName || "(anonymous)"} (${where}${file ? ` ${file}:${n.callFrame.lineNumber + 1}` : ""})`;
    },
    top,
  );
}

/** The profiles `node --cpu-prof` wrote into `dir`: the main thread's, and the others (tsx's loader thread). */
export function readProfiles(dir: string): { main: CpuProfile; others: CpuProfile[] } {
  // File names end in <pid>.<thread id>.<sequence>.cpuprofile: thread 0 is the main thread.
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const read = (f: string) => CpuProfile.parse(JSON.parse(readFileSync(join(dir, f), "utf8")));
  const main = files.find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
  if (!main) throw new Error(`no main-thread profile in ${dir}`);
  return { main: read(main), others: files.filter((f) => f !== main).map(read) };
}

export function summarize(profile: CpuProfile, top = 12): ProfileSummary {
  return { wall_ms: round((profile.endTime - profile.startTime) / 1000, 1), by_origin: timeByOrigin(profile, top), by_function: timeByFunction(profile, top) };
}
