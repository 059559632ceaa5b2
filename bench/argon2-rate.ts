/**
 * The baseline of logons: the raw argon2id rate of the library emrest uses, on a hash that
 * emrest's own `hashPassword` made (so with its parameters), verified `concurrency` at a
 * time as concurrent logons would be. Run as its own process, pinned like the server:
 * `node --import tsx bench/argon2-rate.ts SECONDS CONCURRENCY`. Prints one JSON line.
 */
import { verify } from "@node-rs/argon2";
import { hashPassword } from "../src/sessions/credentials.js";
import { percentile } from "./load.js";

const [seconds = 5, concurrency = 8] = process.argv.slice(2).map(Number);
const password = "bench password";
const stored = await hashPassword(password);
await verify(stored, password);

const latencies: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
const end = started + seconds * 1000;

async function verifyUntilEnd(): Promise<void> {
  while (performance.now() < end) {
    const begun = performance.now();
    if (!(await verify(stored, password))) throw new Error("the password did not verify");
    latencies.push(performance.now() - begun);
  }
}
await Promise.all(Array.from({ length: concurrency }, verifyUntilEnd));

const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
const result = {
  rps: latencies.length / elapsed,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  cpuUs: (cpu.user + cpu.system) / latencies.length,
  busy: (cpu.user + cpu.system) / 1e6 / elapsed,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
