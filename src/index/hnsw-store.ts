import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { SaveableVectorStore } from "@langchain/core/vectorstores";
import hnswlib from "hnswlib-node";
import { z } from "zod";

// hnswlib-node is a CommonJS addon: its named exports are not visible to ESM imports.
const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export const HNSW_FILE = "vectors.hnsw";
export const DOCS_FILE = "vectors.json";

const StoreFile = z.object({
  space: z.literal("cosine"),
  dimensions: z.number().int().positive(),
  m: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  docs: z.array(z.object({ pageContent: z.string(), metadata: z.record(z.string(), z.unknown()) })),
});

export interface HnswParams {
  m: number;
  efConstruction: number;
  /** Query-time breadth. Not persisted by hnswlib: set again after every load. */
  efSearch: number;
}

// efConstruction 100 with efSearch 400 measured at ×100: ingest −38 %, recall@10 0.960 → 0.989, +1 ms a search.
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 400 };

/**
 * A thin LangChain `VectorStore` over hnswlib-node (cosine space). Scores returned are cosine
 * similarities, higher is better. The filter is a predicate over a document's metadata.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: (metadata: Record<string, unknown>) => boolean;

  private index: Hnsw | null = null;
  private docs: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    private readonly params: HnswParams = DEFAULT_HNSW,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  get size(): number {
    return this.docs.length;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    await this.addVectors(vectors, documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error(`${vectors.length} vectors for ${documents.length} documents`);
    if (!vectors.length) return;
    const dims = vectors[0]!.length;
    for (const v of vectors) {
      if (v.length !== dims) throw new Error(`vector of ${v.length} dimensions among vectors of ${dims}`);
    }
    if (!this.index) {
      this.index = new HierarchicalNSW("cosine", dims);
      this.index.initIndex({ maxElements: vectors.length, m: this.params.m, efConstruction: this.params.efConstruction, randomSeed: 100 });
      this.index.setEf(this.params.efSearch);
    } else if (this.index.getNumDimensions() !== dims) {
      throw new Error(`the index holds ${this.index.getNumDimensions()}-dimension vectors, not ${dims}`);
    } else {
      this.index.resizeIndex(this.docs.length + vectors.length);
    }
    vectors.forEach((v, i) => this.index!.addPoint(v, this.docs.length + i));
    this.docs.push(...documents);
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this["FilterType"],
  ): Promise<[DocumentInterface, number][]> {
    if (!this.index || !this.docs.length) return [];
    if (query.length !== this.index.getNumDimensions()) {
      throw new Error(`query of ${query.length} dimensions for an index of ${this.index.getNumDimensions()}`);
    }
    const n = Math.min(k, this.index.getCurrentCount());
    this.index.setEf(Math.max(this.params.efSearch, n));
    const keep = filter ? (label: number) => filter(this.docs[label]!.metadata) : undefined;
    const { neighbors, distances } = this.index.searchKnn(query, n, keep);
    return neighbors.map((label, i) => [this.docs[label]!, 1 - distances[i]!]);
  }

  async save(directory: string): Promise<void> {
    if (!this.index) throw new Error("nothing to save: the store is empty");
    this.index.writeIndexSync(join(directory, HNSW_FILE));
    const file: z.infer<typeof StoreFile> = {
      space: "cosine",
      dimensions: this.index.getNumDimensions(),
      m: this.params.m,
      efConstruction: this.params.efConstruction,
      docs: this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata })),
    };
    writeFileSync(join(directory, DOCS_FILE), JSON.stringify(file));
  }

  /**
   * Reads a saved store. hnswlib does not check what it reads, so the dimensions and the count
   * are checked here against the sidecar file; the caller verifies checksums first.
   */
  static override async load(directory: string, embeddings: EmbeddingsInterface, params: HnswParams = DEFAULT_HNSW): Promise<HnswStore> {
    const file = StoreFile.parse(JSON.parse(readFileSync(join(directory, DOCS_FILE), "utf8")));
    const store = new HnswStore(embeddings, { ...params, m: file.m, efConstruction: file.efConstruction });
    const index = new HierarchicalNSW("cosine", file.dimensions);
    index.readIndexSync(join(directory, HNSW_FILE));
    if (index.getCurrentCount() !== file.docs.length) {
      throw new Error(`${HNSW_FILE} holds ${index.getCurrentCount()} vectors, ${DOCS_FILE} describes ${file.docs.length}`);
    }
    index.setEf(params.efSearch);
    store.index = index;
    store.docs = file.docs.map((d) => new Document(d));
    return store;
  }
}
