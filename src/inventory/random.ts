import { createHash } from "node:crypto";

/**
 * A seeded random source for the inventory generator: the same seed gives the same numbers on
 * every machine. Not for anything secret (ids that matter for security come from node:crypto).
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, public domain),
 * seeded from the SHA-256 of the seed text, so a seed may be any text.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: string) {
    [this.#a, this.#b, this.#c, this.#d] = hashSeed(seed);
    // The first outputs of sfc32 still show the seed's pattern; skip them.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A new source for one part of the inventory, so parts do not shift each other's numbers. */
  fork(label: string): Random {
    return new Random(`${this.next32()}:${label}`);
  }

  /** An unsigned 32-bit integer. */
  next32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float from `min` to `max`. */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A random version-4 GUID in lower case. */
  guid(): string {
    const a = this.next32();
    const b = this.next32();
    const c = this.next32();
    const d = this.next32();
    const hex = hex32(a) + hex32((b & 0xffff0fff) | 0x4000) + hex32((c & 0x3fffffff) | 0x80000000);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 24)}${hex32(d)}`;
  }

  /** `count` hex digits in upper case, e.g. for a certificate thumbprint. */
  hexUpper(count: number): string {
    let text = "";
    while (text.length < count) text += hex32(this.next32());
    return text.slice(0, count).toUpperCase();
  }
}

// Byte by byte from a table: the generator makes millions of GUIDs, and toString(16) was its
// hottest line.
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function hex32(value: number): string {
  return (
    HEX_BYTES[value >>> 24]! +
    HEX_BYTES[(value >>> 16) & 255]! +
    HEX_BYTES[(value >>> 8) & 255]! +
    HEX_BYTES[value & 255]!
  );
}

/** Four 32-bit words from any text: the first 16 bytes of its SHA-256. */
function hashSeed(seed: string): [number, number, number, number] {
  const digest = createHash("sha256").update(seed).digest();
  return [0, 4, 8, 12].map((at) => digest.readUInt32LE(at)) as [number, number, number, number];
}
