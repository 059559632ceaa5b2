/**
 * What VM, vApp and replica points share: their name and the words for their method.
 */
import type { VirtualMachine } from "../inventory/model.js";
import { timedName } from "./time-format.js";

/** `sql01@2025-10-06 13:59:50`: a VM point is named after its VM and creation time. */
export function pointName(vm: VirtualMachine, creationTime: number): string {
  return timedName(vm.name, creationTime);
}

/** The vendor's Algorithm words (get_vmrestorepoints_id): Full, Incremental, … */
export function algorithmOf(algorithm: "Full" | "Increment"): string {
  return algorithm === "Full" ? "Full" : "Incremental";
}
