import type { Corpus } from "../corpus/schema.js";
import { citationLabel } from "./labels.js";
import type { Citation, Statement } from "./schema.js";

/**
 * Collects citations while an answer is composed: each distinct ID gets one number, and the
 * measures quoted from it are gathered into its label.
 */
export class CitationList {
  private readonly order: string[] = [];
  private readonly measures = new Map<string, string[]>();
  private readonly sections = new Map<string, string | null>();
  readonly statements: Statement[] = [];

  constructor(private readonly corpus: Corpus) {}

  cite(id: string, measure: string | null = null, section: string | null = null): number {
    let n = this.order.indexOf(id) + 1;
    if (!n) {
      this.order.push(id);
      this.measures.set(id, []);
      this.sections.set(id, section);
      n = this.order.length;
    }
    const list = this.measures.get(id)!;
    if (measure && !list.includes(measure)) list.push(measure);
    return n;
  }

  say(text: string, ...cites: number[]): void {
    this.statements.push({ text, cites: [...new Set(cites)] });
  }

  citations(): Citation[] {
    return this.order.map((id) => ({ id, label: citationLabel(this.corpus, id, this.measures.get(id), this.sections.get(id) ?? null) }));
  }
}
