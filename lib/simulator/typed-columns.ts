// Growable typed arrays: the dataset is stored as columns (one number per event per column) so a
// million events cost ~25 MB and no object exists until a page asks for it. They grow because live
// arrival appends events while the simulator runs.

type Storage = Float64Array | Int32Array;

export class Column {
  private data: Storage;
  private count = 0;

  constructor(
    private readonly kind: "float64" | "int32",
    capacity = 16,
  ) {
    this.data = this.allocate(Math.max(16, capacity));
  }

  private allocate(capacity: number): Storage {
    return this.kind === "float64" ? new Float64Array(capacity) : new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const bigger = this.allocate(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.count] = value;
    this.count += 1;
  }
}
