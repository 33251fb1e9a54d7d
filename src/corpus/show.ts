import { join } from "node:path";
import { formatDocument, formatWarning, proseWarnings, readSource, summarizeDocument } from "./check.js";
import { accountForLines } from "./line-fates.js";
import type { CorpusDocument, Passage } from "./schema.js";
import type { SourceLine } from "./source-text.js";

function lineRange(lines: readonly number[]): string {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return first === last ? `l.${first}` : `l.${first}-${last}`;
}

function indent(text: string): string[] {
  return text.split("\n").map((t) => `    ${t}`);
}

function passageBlock(p: Passage, n: number): string[] {
  return [`passage ${n}  ${lineRange(p.lines)}  § ${p.section ?? "(none)"}`, ...indent(p.text)];
}

/**
 * What `npm run corpus -- show ID` prints: the document as the index sees it, in source order.
 * A prose document: each passage with its section and source lines, and each skipped line with
 * why (heading, chrome, caption). A roadmap: its passages, then each group's actions and measures.
 */
export function showDocument(corpusDir: string, d: CorpusDocument): string {
  const source = d.kind === "prose" ? readSource(corpusDir, d) : null;
  const out = [...formatDocument(summarizeDocument(d, source)), ""];
  if (source) out.push(...showProse(corpusDir, d, source));
  else out.push(...showRoadmap(d));
  return out.join("\n");
}

function showProse(corpusDir: string, d: CorpusDocument, source: SourceLine[]): string[] {
  const out: string[] = [];
  const shown = new Set<number>();
  for (const f of accountForLines(source, d).fates) {
    if (f.fate === "passage") {
      if (shown.has(f.passage)) continue;
      shown.add(f.passage);
      out.push(...passageBlock(d.passages[f.passage - 1]!, f.passage));
    } else {
      out.push(`l.${f.line}  ${f.fate}  ${f.text}`);
    }
  }
  const warnings = proseWarnings(join(corpusDir, d.source), d, source);
  if (warnings.length) out.push("", ...warnings.map(formatWarning));
  return out;
}

function showRoadmap(d: CorpusDocument): string[] {
  const out: string[] = [];
  d.passages.forEach((p, i) => out.push(...passageBlock(p, i + 1)));
  for (const g of d.groups) {
    out.push("", `${d.groupName ?? "group"} ${g.number}  ${g.title}`);
    for (const n of g.actions) {
      const a = d.actions.find((x) => x.number === n)!;
      out.push(`  action ${a.number}  l.${a.line}  ${a.title}`);
      a.measures.forEach((m, i) => {
        out.push(`    measure ${i + 1}  l.${m.line}  ${[m.title, m.text].filter(Boolean).join(" — ")}`);
      });
    }
  }
  return out;
}
