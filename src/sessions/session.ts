import type { SessionRecord } from "../store/store.js";

/** A live logon session whose SessionId is known: the caller's own, or one it named by ID. */
export interface ActiveSession {
  sessionId: string;
  token: string;
  record: SessionRecord;
}

/** What a logon brings: Basic credentials, or a tenant's `LoginSpec`. */
export interface LogonRequest {
  version: string;
  basic?: { userName: string; password: string };
  tenant?: { name: string; password: string };
  /** Where the logon came from, as the edge saw it (an IP address); throttled and audited. */
  address?: string;
}
