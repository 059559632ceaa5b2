import { createHash } from "node:crypto";
import { viaPort } from "../helpers/outage.js";
import {
  adminQuery,
  dropTestSchemas,
  freshSchemaUrl,
  POSTGRES_URL,
  postgresSkipReason,
  schemaOf,
} from "../store/postgres-server.js";
import { crossNodeTests } from "./cross-node.js";

const server = new URL(POSTGRES_URL);

crossNodeTests(
  {
    name: "PostgreSQL",
    target: { host: server.hostname, port: Number(server.port || 5432) },
    freshUrl: (port) => viaPort(freshSchemaUrl(), port),
    // Every UPDATE gives the row a new version, so its xmin changes even if no value does.
    writeMark: async (url, token) => {
      const keyHash = createHash("sha256").update(token).digest();
      const rows = await adminQuery<{ mark: string }>(
        `SELECT xmin::text AS mark FROM "${schemaOf(url)}".sessions WHERE key_hash = $1`,
        [keyHash],
      );
      return rows[0]?.mark ?? "gone";
    },
    cleanUp: dropTestSchemas,
  },
  3,
  await postgresSkipReason(),
);
