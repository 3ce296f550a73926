// The simulated audit trail, stored as columns in ascending created_at order (index = arrival
// order, which also breaks ties between equal timestamps). Everything an event shows (id, ip,
// description) is derived from its index and a per-event salt, so a page materialises only its
// own rows and a million events stay a few typed arrays.

import type { AuditEvent } from "../audit-event";
import { EVENT_CODES, EVENT_SPECS } from "./catalog";
import { buildCast, type Cast } from "./cast";
import { Column } from "./typed-columns";
import { createRng, cumulative, hashString, mix32, weightedIndex, type Rng } from "./random";
import { hourlySlots, MICROS_PER_HOUR } from "./schedule";
import { formatCreatedAt, MICROS_PER_DAY } from "./time";

export type DatasetOptions = {
  seed: string;
  events: number;
  /** The end of the window, in microseconds since the epoch. */
  nowMicros: number;
  days: number;
};

/** Share of actions of a burst-capable type that write several events at the same instant. */
const BURST_SHARE = 0.25;

const TYPE_TOTALS = cumulative(EVENT_SPECS.map((spec) => spec.weight));

// Byte-wise lookup: Number#toString(16) is slow enough to dominate a 1,000,000-event export.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const hex8 = (word: number) => HEX[word >>> 24]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;

/** A version-4-shaped UUID, unique per index (mix32 is a bijection of its second argument). */
function uuid(seedHash: number, index: number): string {
  const a = hex8(mix32(seedHash ^ 0x1, index));
  const b = hex8(mix32(seedHash ^ 0x2, index));
  const c = hex8(mix32(seedHash ^ 0x3, index));
  const d = hex8(mix32(seedHash ^ 0x4, index));
  const variant = "89ab"[parseInt(c[0]!, 16) & 3];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

export class Dataset {
  readonly times: Column;
  private readonly identities: Column;
  private readonly types: Column;
  private readonly salts: Column;
  private readonly byType: Column[] = EVENT_CODES.map(() => new Column("int32"));
  private readonly byEmail: Column[] = [];
  private readonly emailIds = new Map<string, number>();
  private readonly cast: Cast;
  private readonly seedHash: number;
  private readonly startMicros: number;
  private readonly spanMicros: number;
  private readonly liveRng: Rng;
  /** Bumped on every append, so caches of derived lists know they are stale. */
  version = 0;

  constructor(options: DatasetOptions) {
    this.times = new Column("float64", options.events);
    this.identities = new Column("int32", options.events);
    this.types = new Column("int32", options.events);
    this.salts = new Column("int32", options.events);
    this.seedHash = hashString(options.seed);
    this.spanMicros = options.days * MICROS_PER_DAY;
    this.startMicros = options.nowMicros - this.spanMicros;
    this.liveRng = createRng(mix32(this.seedHash, 0x11fe));
    this.cast = buildCast(EVENT_SPECS);
    this.cast.rows.forEach((row) => {
      if (row.emailKey !== null && !this.emailIds.has(row.emailKey)) {
        this.emailIds.set(row.emailKey, this.byEmail.length);
        this.byEmail.push(new Column("int32"));
      }
    });
    this.generate(options.events, options.days * 24);
    this.coverEveryType();
    for (let index = 0; index < this.size; index += 1) this.index(index);
  }

  get size(): number {
    return this.times.length;
  }

  private fraction(micros: number): number {
    return (micros - this.startMicros) / this.spanMicros;
  }

  private generate(total: number, hours: number): void {
    const rng = createRng(mix32(this.seedHash, 0x5eed));
    const slots = hourlySlots(rng, total, this.startMicros, hours);
    const actionTypes: number[] = [];
    const actionSizes: number[] = [];
    for (let hour = 0; hour < hours; hour += 1) {
      const count = slots[hour]!;
      if (count === 0) continue;
      actionTypes.length = 0;
      actionSizes.length = 0;
      for (let filled = 0; filled < count; ) {
        const type = weightedIndex(TYPE_TOTALS, rng.next());
        const burst = EVENT_SPECS[type]!.burst;
        const size = burst > 1 && rng.next() < BURST_SHARE ? rng.int(2, burst) : 1;
        actionTypes.push(type);
        actionSizes.push(Math.min(size, count - filled));
        filled += size;
      }
      const offsets = new Float64Array(actionTypes.length);
      for (let i = 0; i < offsets.length; i += 1) offsets[i] = Math.floor(rng.next() * MICROS_PER_HOUR);
      offsets.sort();
      const hourStart = this.startMicros + hour * MICROS_PER_HOUR;
      for (let action = 0; action < actionTypes.length; action += 1) {
        const time = hourStart + offsets[action]!;
        const type = actionTypes[action]!;
        const identity = this.cast.pick(type, this.fraction(time), rng.next());
        if (identity < 0) throw new Error(`No actor may do ${EVENT_CODES[type]} at ${formatCreatedAt(time)}`);
        // A burst: one action writing several events at the very same instant (e.g. a bulk invite).
        for (let i = 0; i < actionSizes[action]!; i += 1) this.push(time, identity, type, rng.u32());
      }
    }
  }

  private push(time: number, identity: number, type: number, salt: number): void {
    this.times.push(time);
    this.identities.push(identity);
    this.types.push(type);
    this.salts.push(salt | 0);
  }

  private isAlone(index: number): boolean {
    const time = this.times.get(index);
    return (
      (index === 0 || this.times.get(index - 1) !== time) &&
      (index === this.size - 1 || this.times.get(index + 1) !== time)
    );
  }

  /**
   * Rare types may not come up in a small dataset; the dashboard's tests want every one of them, so
   * a few lone events of the commonest type are turned into each missing type, spread over the window.
   */
  private coverEveryType(): void {
    if (this.size < EVENT_CODES.length * 4) return;
    const counts = new Array<number>(EVENT_CODES.length).fill(0);
    for (let index = 0; index < this.size; index += 1) counts[this.types.get(index)]! += 1;
    const missing = counts.flatMap((count, type) => (count === 0 ? [type] : []));
    missing.forEach((type, k) => {
      const commonest = counts.indexOf(Math.max(...counts));
      const start = Math.floor(((k + 0.5) / missing.length) * this.size);
      for (let step = 0; step < this.size; step += 1) {
        const index = (start + step) % this.size;
        if (this.types.get(index) !== commonest || !this.isAlone(index)) continue;
        const identity = this.cast.pick(type, this.fraction(this.times.get(index)), 0.5);
        if (identity < 0) continue;
        this.types.set(index, type);
        this.identities.set(index, identity);
        counts[commonest]! -= 1;
        counts[type]! += 1;
        return;
      }
    });
  }

  private index(index: number): void {
    this.byType[this.types.get(index)]!.push(index);
    const emailKey = this.cast.rows[this.identities.get(index)]!.emailKey;
    if (emailKey !== null) this.byEmail[this.emailIds.get(emailKey)!]!.push(index);
  }

  /** A new event happening now (live arrival); created_at never goes backwards. */
  append(nowMicros: number): void {
    const last = this.size > 0 ? this.times.get(this.size - 1) : -Infinity;
    const time = Math.max(Math.floor(nowMicros), last + 1);
    let type: number;
    let identity: number;
    // Draw again in the (unlikely) case nobody may do the drawn type at this time.
    do {
      type = weightedIndex(TYPE_TOTALS, this.liveRng.next());
      identity = this.cast.pick(type, this.fraction(time), this.liveRng.next());
    } while (identity < 0);
    this.push(time, identity, type, this.liveRng.u32());
    this.index(this.size - 1);
    this.version += 1;
  }

  typeOf(index: number): number {
    return this.types.get(index);
  }

  emailOf(index: number): number {
    const emailKey = this.cast.rows[this.identities.get(index)]!.emailKey;
    return emailKey === null ? -1 : this.emailIds.get(emailKey)!;
  }

  /** The event indexes of one type, ascending; undefined for a code the simulator never emits. */
  typeList(code: string): { list: Column; id: number } | undefined {
    const id = EVENT_CODES.indexOf(code);
    return id < 0 ? undefined : { list: this.byType[id]!, id };
  }

  /** The event indexes of one (lower-cased) email, ascending; undefined for an email nobody had. */
  emailList(emailKey: string): { list: Column; id: number } | undefined {
    const id = this.emailIds.get(emailKey);
    return id === undefined ? undefined : { list: this.byEmail[id]!, id };
  }

  /** What the filters look at, without building the whole event (for brute-force checks). */
  facts(index: number): { email: string | null; eventType: string; micros: number } {
    return {
      email: this.cast.rows[this.identities.get(index)]!.identity.email,
      eventType: EVENT_CODES[this.types.get(index)]!,
      micros: this.times.get(index),
    };
  }

  /** The event as Merge's API returns it. */
  event(index: number): AuditEvent {
    const row = this.cast.rows[this.identities.get(index)]!;
    const salt = this.salts.get(index) >>> 0;
    const rng = createRng(salt);
    const ips = row.actor.ips;
    const ip = rng.next() < 0.7 ? ips[0]! : rng.pick(ips);
    return {
      id: uuid(this.seedHash, index),
      user_name: row.identity.name,
      user_email: row.identity.email,
      role: row.identity.role,
      ip_address: ip,
      event_type: EVENT_CODES[this.types.get(index)]!,
      event_description: EVENT_SPECS[this.types.get(index)]!.describe(rng, row.identity),
      created_at: formatCreatedAt(this.times.get(index)),
    };
  }
}
