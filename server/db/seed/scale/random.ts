/** Seeded randomness and stable ids for the scale seed: the same key always gives the same data. */
import { createHash } from "node:crypto";

/** A uuid derived from md5 of a stable key, with the version (3, name-based md5) and variant bits set. */
export function stableUuid(key: string): string {
  const raw = createHash("md5").update(key).digest("hex");
  const hex = `${raw.slice(0, 12)}3${raw.slice(13, 16)}${((parseInt(raw[16]!, 16) & 0x3) | 0x8).toString(16)}${raw.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function seedOf(key: string): number {
  return createHash("md5").update(key).digest().readUInt32LE(0);
}

/** mulberry32: small, fast and good enough for test data. */
export class Random {
  private state: number;

  constructor(key: string) {
    this.state = seedOf(key);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `max` distinct items (at least `min`). */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = this.int(min, Math.min(max, items.length));
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return chosen;
  }
}
