import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { FailureWindow } from "./failure-window.js";

/** How many failed logons are allowed in one sliding window; 0 means no limit. */
export interface ThrottleSettings {
  /** Per account or tenant name, whether or not it exists. */
  accountFailures: number;
  /** Per source address; IPv6 addresses count by their /64. */
  addressFailures: number;
  windowMs: number;
}

/** Names and addresses held, each; with 50 instants a key at most, a few MB at worst. */
const CAPACITY = 10_000;

export type ThrottleReason = "account" | "address";

export interface LogonAttempt {
  /** The account or tenant as named, already case-folded, so `A\b` and `b@a` are one. */
  principal: string;
  /** The source address, when the caller has one. */
  address?: string;
}

/**
 * Brute-force throttling of logons. After too many failures in the window for a name or a
 * source address, logons for it are refused until the oldest failure leaves the window.
 * Refused attempts are not counted, so a throttle lifts at most one window after the
 * failures that caused it: nothing locks for good.
 */
export class LogonThrottle {
  private readonly principals: FailureWindow;
  private readonly addresses: FailureWindow;

  constructor(
    settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.principals = new FailureWindow(settings.accountFailures, settings.windowMs, CAPACITY);
    this.addresses = new FailureWindow(settings.addressFailures, settings.windowMs, CAPACITY);
  }

  /** Why this attempt is refused now, or undefined when it may go ahead. */
  refusal(attempt: LogonAttempt): ThrottleReason | undefined {
    const now = this.now();
    if (this.principals.isFull(principalKey(attempt), now)) return "account";
    const address = addressKey(attempt);
    if (address !== undefined && this.addresses.isFull(address, now)) return "address";
    return undefined;
  }

  recordFailure(attempt: LogonAttempt): void {
    const now = this.now();
    this.principals.record(principalKey(attempt), now);
    const address = addressKey(attempt);
    if (address !== undefined) this.addresses.record(address, now);
  }

  /** A success clears the name's failures; the address keeps its own. */
  recordSuccess(attempt: LogonAttempt): void {
    this.principals.clear(principalKey(attempt));
  }
}

// Names arrive as long as the header limit allows; a digest keeps every key small.
function principalKey(attempt: LogonAttempt): string {
  return createHash("sha256").update(attempt.principal).digest("base64");
}

function addressKey(attempt: LogonAttempt): string | undefined {
  const address = attempt.address?.replace(/%.*$/, "");
  if (address === undefined || address === "") return undefined;

  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  // One host usually holds a whole /64, so counting per address would be no limit at all.
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lowercase hex without leading zeros. */
function ipv6Groups(address: string): string[] {
  const toGroups = (part: string) => (part === "" ? [] : part.split(":").flatMap(withIpv4));
  const [head = "", tail] = address.toLowerCase().split("::");
  const front = toGroups(head);
  const back = tail === undefined ? [] : toGroups(tail);
  const zeros = Array<string>(8 - front.length - back.length).fill("0");
  return [...front, ...zeros, ...back].map((group) => parseInt(group, 16).toString(16));
}

// An IPv4 tail (64:ff9b::192.0.2.1) is the last two groups.
function withIpv4(group: string): string[] {
  if (!group.includes(".")) return [group];
  const [a, b, c, d] = group.split(".").map(Number);
  return [((a! << 8) | b!).toString(16), ((c! << 8) | d!).toString(16)];
}
