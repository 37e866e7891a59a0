/**
 * Group commit: the writes that arrive while the event loop is busy go to the database together,
 * in one transaction and so one flush to disk, instead of one flush each. Each caller still
 * gets its answer only once its own write is durable. Under load from many kiosks at once this is
 * what lets the disk's flush rate stop being the intake's rate; with one request at a time it
 * costs one turn of the event loop.
 *
 * When a batch fails as a whole (a deadlock, a constraint the statement does not absorb), each of
 * its writes is tried again alone, so one bad write fails itself and not its neighbours.
 */
export class GroupCommit<I, O> {
  private pending: { item: I; resolve: (value: O) => void; reject: (error: Error) => void }[] = [];
  private flushScheduled = false;

  constructor(
    private readonly commit: {
      batch: (items: I[]) => Promise<O[]>;
      one: (item: I) => Promise<O>;
      /** The most writes in one transaction; the rest wait for the next. */
      maxBatch?: number;
    },
  ) {}

  write(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      // After the I/O callbacks of this turn: every request already read joins the batch.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.pending.splice(0, this.commit.maxBatch ?? 64);
    if (this.pending.length > 0) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
    if (batch.length === 0) return;
    if (batch.length === 1) {
      const [only] = batch as [(typeof batch)[number]];
      return this.commit.one(only.item).then(only.resolve, (error: unknown) => only.reject(asError(error)));
    }
    let outcomes: O[];
    try {
      outcomes = await this.commit.batch(batch.map((entry) => entry.item));
    } catch {
      for (const entry of batch) await this.commit.one(entry.item).then(entry.resolve, (error: unknown) => entry.reject(asError(error)));
      return;
    }
    batch.forEach((entry, index) => entry.resolve(outcomes[index]!));
  }
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
