/** The work under way (events being answered), so a shutdown can wait for it. */
export class InFlight {
  private readonly jobs = new Set<Promise<unknown>>();

  get size(): number {
    return this.jobs.size;
  }

  track<T>(job: Promise<T>): Promise<T> {
    this.jobs.add(job);
    const forget = () => this.jobs.delete(job);
    job.then(forget, forget);
    return job;
  }

  /** Resolves true once nothing is under way, or false when `timeoutMs` passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      // Work accepted just before the stop may start while earlier work finishes.
      while (this.jobs.size) {
        const done = await Promise.race([Promise.allSettled([...this.jobs]).then(() => true as const), timeout]);
        if (!done) return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
