import type { BenchResult, GrowthRow, Target } from "./schema.js";
import { round } from "./stats.js";

type Cell = string | number | null | undefined;

/** Columns padded to their widest cell: readable in a terminal and in a log. */
export function textTable(headers: readonly string[], rows: readonly Cell[][]): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map(show))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function markdownTable(headers: readonly string[], rows: readonly Cell[][]): string {
  const esc = (c: string) => c.replace(/\|/g, "\\|");
  return [
    `| ${headers.map(esc).join(" | ")} |`,
    `|${headers.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((r) => `| ${r.map((c) => esc(show(c))).join(" | ")} |`),
  ].join("\n");
}

function show(c: Cell): string {
  if (c === null || c === undefined) return "—";
  return typeof c === "number" ? String(c) : c;
}

function ms(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  return x >= 10_000 ? `${round(x / 1000, 1)} s` : `${round(x, x < 100 ? 2 : 1)} ms`;
}

function targetValue(t: Target): string {
  if (t.value === null) return "not measured";
  return t.unit === "ms" ? ms(t.value) : `${t.value}${t.unit ? ` ${t.unit}` : ""}`;
}

function targetLimit(t: Target): string {
  const v = t.unit === "ms" ? ms(t.limit) : `${t.limit}${t.unit ? ` ${t.unit}` : ""}`;
  return `${t.kind === "max" ? "<" : "≥"} ${v}`;
}

function status(t: Target): string {
  return t.met === null ? "—" : t.met ? "met" : "MISSED";
}

/** "value (×growth)" against the first row: how a cost grows with the corpus. */
function grown(rows: readonly GrowthRow[], row: GrowthRow, pick: (g: GrowthRow) => number, format: (x: number) => string): string {
  const base = pick(rows[0]!);
  const v = pick(row);
  if (row === rows[0] || base <= 0) return format(v);
  return `${format(v)} (×${round(v / base, 1)})`;
}

interface Section {
  title: string;
  headers: string[];
  rows: Cell[][];
  note?: string;
}

function sections(r: BenchResult): Section[] {
  const out: Section[] = [];
  out.push({
    title: "Targets",
    headers: ["measure", "value", "target", "status"],
    rows: r.targets.map((t) => [t.label, targetValue(t), targetLimit(t), status(t)]),
  });
  out.push({
    title: "The real corpus",
    headers: ["measure", "p50", "p95", "p99", "single figure"],
    rows: [
      ["ingest (read corpus + buildIndex, temp dir)", null, null, null, ms(r.ingest_ms)],
      ["cold ask (median, whole process)", null, null, null, ms(r.cold_ask_ms)],
      ["warm answer (timings_ms.total)", ms(r.warm_ms?.p50), ms(r.warm_ms?.p95), ms(r.warm_ms?.p99), null],
      ["  of which retrieval", ms(r.retrieval_ms?.p50), ms(r.retrieval_ms?.p95), ms(r.retrieval_ms?.p99), null],
      ["  of which answer composition", ms(r.answer_ms?.p50), ms(r.answer_ms?.p95), ms(r.answer_ms?.p99), null],
      [`Slack ack, ${r.slack?.concurrency ?? "—"} concurrent events`, ms(r.slack?.ack_p50_ms), ms(r.slack?.ack_p95_ms), ms(r.slack?.ack_p99_ms), null],
      ["Slack event → chat.postMessage", ms(r.slack?.answer_p50_ms), null, ms(r.slack?.answer_p99_ms), null],
      ["Slack ack, slowest; questions answered twice", null, null, null, r.slack ? `${ms(r.slack.ack_max_ms)}; ${r.slack.duplicates}` : null],
      ["Slack answers per second", null, null, null, r.slack ? `${r.slack.answers_per_s} /s` : null],
      ["Slack app's event-loop delay during the load (longest wait inside the app)", null, null, ms(r.slack?.app_loop_delay_p99_ms), r.slack?.app_loop_delay_max_ms != null ? `max ${ms(r.slack.app_loop_delay_max_ms)}` : null],
      ["peak RSS, serving (index loaded, all questions answered)", null, null, null, r.rss_mb === null ? null : `${r.rss_mb} MB`],
      ["peak RSS, Slack app after the load", null, null, null, r.slack?.rss_mb ? `${r.slack.rss_mb} MB` : null],
    ],
  });
  if (r.growth.length) {
    const g = r.growth;
    out.push({
      title: "Growth (synthetic corpora, recombined real texts, fixed seed)",
      headers: ["scale", "chunks", "ingest", "of which embed", "ingest RSS", "load index", "answer p95", "retrieval p95", "hnswlib p95", "recall@10", `recall@${g[0]!.depth}`, "serving RSS"],
      rows: g.map((row) => [
        `×${row.scale}`,
        row.chunks,
        grown(g, row, (x) => x.ingest_ms, ms),
        ms(row.embed_ms),
        grown(g, row, (x) => x.ingest_rss_mb, (x) => `${x} MB`),
        grown(g, row, (x) => x.load_ms, ms),
        grown(g, row, (x) => x.query_p95_ms, ms),
        grown(g, row, (x) => x.retrieval_p95_ms, ms),
        grown(g, row, (x) => x.hnsw_p95_ms, ms),
        row.recall_at_10,
        row.recall_at_depth,
        grown(g, row, (x) => x.rss_mb, (x) => `${x} MB`),
      ]),
      note: "answer p95 = ask() over the evaluation questions, warm; slowest question kind at each scale: " + g.map((row) => `×${row.scale} ${row.slowest_kind ? `${row.slowest_kind.kind} ${ms(row.slowest_kind.p95_ms)}` : "—"}`).join(", "),
    });
    out.push({
      title: "Memory",
      headers: ["scale", "peak RSS, serving", "peak RSS, loading only", "RSS settled after load", "index heap", "retriever tables heap", "hnswlib native (file size)", "peak RSS, ingest"],
      rows: g.map((row) => [
        `×${row.scale}`,
        `${row.rss_mb} MB`,
        `${row.memory.load_peak_rss_mb} MB`,
        `${row.memory.settled_rss_mb} MB`,
        `${row.memory.index_heap_mb} MB`,
        `${row.memory.pipeline_heap_mb} MB`,
        `${row.memory.hnsw_file_mb} MB`,
        `${row.ingest_rss_mb} MB`,
      ]),
      note: "heap figures after a full GC; serving peak = the largest RSS over loading and answering every question",
    });
    out.push({
      title: "Baselines, p95 per question (same questions, same vectors)",
      headers: ["scale", `hnswlib k=${g[0]!.depth}`, "exact brute-force cosine", "brute force / hnswlib", "BM25 only", "system retrieval", "retrieval / BM25"],
      rows: g.map((row) => [
        `×${row.scale}`,
        ms(row.hnsw_p95_ms),
        ms(row.brute_force_p95_ms),
        row.hnsw_p95_ms > 0 ? `×${round(row.brute_force_p95_ms / row.hnsw_p95_ms, 1)}` : null,
        ms(row.bm25_p95_ms),
        ms(row.retrieval_p95_ms),
        row.bm25_p95_ms > 0 ? `×${round(row.retrieval_p95_ms / row.bm25_p95_ms, 1)}` : null,
      ]),
    });
  }
  if (r.cold_ask?.layers.length) {
    out.push({
      title: "Cold start, layer by layer (median wall time of a whole process)",
      headers: ["command", "median"],
      rows: r.cold_ask.layers.map((l) => [l.name, ms(l.median_ms)]),
    });
  }
  return out;
}

export function renderText(r: BenchResult): string {
  const head = [`fdr-santé bench${r.quick ? " (--quick)" : ""} — ${r.date}`, r.machine, `load average at start ${r.load_avg.start.join(" ")}, at end ${r.load_avg.end.join(" ")}`];
  const body = sections(r).map((s) => [`\n${s.title}`, textTable(s.headers, s.rows), ...(s.note ? [s.note] : [])].join("\n"));
  const errors = r.errors.map((e) => `\nERROR in ${e.phase}: ${e.message}`);
  return [...head, ...body, ...errors].join("\n");
}

function diagnosisMarkdown(r: BenchResult): string[] {
  const d = r.cold_ask?.diagnosis;
  const out: string[] = [];
  if (d) {
    out.push(
      "## Cold start diagnosis",
      "",
      `Phases inside one cold process (bench/cold-phases.ts, which runs the sources through tsx, so its imports cost more than the compiled ask's; Node's bootstrap and the tsx loader before the first line: ${ms(d.phases.boot_ms)}). Imports are charged to the first group that loads a package; the modules column comes from bench/module-census.mjs.`,
      "",
      markdownTable(
        ["phase", "time", "modules loaded"],
        d.phases.phases.map((p) => [p.name, ms(p.ms), p.modules ? Object.entries(p.modules).map(([k, v]) => `${k} ${v}`).join(", ") : null]),
      ),
      "",
      `Modules loaded by a real cold ask (compiled): ${d.modules.total}.`,
      "",
      markdownTable(["origin", "modules"], d.modules.by_origin.slice(0, 15).map((m) => [m.name, m.count])),
      "",
      `CPU profile of a real cold ask (\`node --cpu-prof dist/app/commands/ask.js\`, ${ms(d.profile.wall_ms)} on the main thread). Self time by origin:`,
      "",
      markdownTable(["origin", "self time", "share"], d.profile.main.map((s) => [s.name, ms(s.ms), `${round(s.share * 100, 1)} %`])),
      "",
      "Hottest functions (main thread):",
      "",
      markdownTable(["function", "self time", "share"], d.profile.main_functions.map((s) => [s.name, ms(s.ms), `${round(s.share * 100, 1)} %`])),
      "",
      ...(d.profile.loader.length
        ? [
            "Module loader thread (tsx's hooks: resolving and transpiling every module):",
            "",
            markdownTable(["origin", "self time", "share"], d.profile.loader.map((s) => [s.name, ms(s.ms), `${round(s.share * 100, 1)} %`])),
            "",
          ]
        : []),
    );
  }
  for (const [name, p] of Object.entries(r.profiles)) {
    const pct = (share: number) => `${round(share * 100, 1)} %`;
    out.push(
      `## Profile: ${name}`,
      "",
      `V8's sampling profiler (node:inspector) around the measured work only, in a separate run (${ms(p.wall_ms)}). Native time (hnswlib, sqlite, JSON.parse) is charged to the frame that calls it: \`HierarchicalNSW\` is hnswlib's native code.`,
      "",
      markdownTable(["origin", "self time", "share"], p.by_origin.map((s) => [s.name, ms(s.ms), pct(s.share)])),
      "",
      markdownTable(["function", "self time", "share"], p.by_function.map((s) => [s.name, ms(s.ms), pct(s.share)])),
      "",
    );
  }
  return out;
}

/** bench/report.md: the measured tables, the automatic diagnosis, then the analysis written by hand (bench/findings.md). */
export function renderMarkdown(r: BenchResult, findings: string): string {
  return [
    "# fdr-santé benchmark",
    "",
    `Generated by \`npm run bench${r.quick ? " -- --quick" : ""}\` on ${r.date}. Machine: ${r.machine}. Load average at start ${r.load_avg.start.join(" ")}, at end ${r.load_avg.end.join(" ")}: other work on the machine inflates every figure.`,
    "",
    ...sections(r).flatMap((s) => [`## ${s.title}`, "", markdownTable(s.headers, s.rows), ...(s.note ? ["", s.note] : []), ""]),
    ...r.errors.map((e) => `**Error in ${e.phase}:** ${e.message}\n`),
    ...diagnosisMarkdown(r),
    findings.trim(),
    "",
  ].join("\n");
}
