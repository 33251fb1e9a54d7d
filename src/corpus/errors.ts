/** A corpus file that cannot be used. The message always names the file and the line. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "CorpusError";
  }
}
