import { createHash } from "node:crypto";
import { viaPort } from "../helpers/outage.js";
import {
  deleteTestKeys,
  freshPrefixUrl,
  prefixOf,
  REDIS_URL,
  redisSkipReason,
  withRedis,
} from "../store/redis-server.js";
import { crossNodeTests } from "./cross-node.js";

const server = new URL(REDIS_URL);

crossNodeTests(
  {
    name: "Redis",
    target: { host: server.hostname, port: Number(server.port || 6379) },
    freshUrl: (port) => viaPort(freshPrefixUrl(), port),
    // The store writes a session only to slide it, and a slide always moves the key's expiry.
    writeMark: async (url, token) => {
      const hex = createHash("sha256").update(token).digest("hex");
      const key = `${prefixOf(url)}session:${hex}`;
      return String(await withRedis((client) => client.pExpireTime(key)));
    },
    cleanUp: deleteTestKeys,
  },
  2,
  await redisSkipReason(),
);
