/**
 * An exact count of distinct ids. When each id's rows come together (a source ordered by the id
 * hands them so) it keeps only the last id seen, whatever the number of rows; otherwise it must
 * keep every id.
 */
export class DistinctCount {
  private last: string | undefined;
  private runs = 0;
  private readonly seen: Set<string> | null;

  constructor(grouped: boolean) {
    this.seen = grouped ? null : new Set();
  }

  add(id: string): void {
    if (this.seen) {
      this.seen.add(id);
    } else if (id !== this.last) {
      this.runs += 1;
      this.last = id;
    }
  }

  get size(): number {
    return this.seen ? this.seen.size : this.runs;
  }
}
