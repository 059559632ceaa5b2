import { FAULTS, type FaultName } from "./catalogue.js";

/** A fault from the catalogue, raised by domain code and rendered only at the HTTP edge. */
export class Fault extends Error {
  readonly fault: FaultName;
  /** Extra response headers the fault calls for, such as `Allow` or `Retry-After`. */
  readonly headers: Record<string, string>;

  constructor(fault: FaultName, message?: string, headers: Record<string, string> = {}) {
    super(message ?? FAULTS[fault].message);
    this.name = "Fault";
    this.fault = fault;
    this.headers = headers;
  }

  get status(): number {
    return FAULTS[this.fault].status;
  }
}
