import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { VENDOR_QUERY_TYPES } from "../../src/query/query-types.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { arbitraryShape, printFilter } from "../query/filter-text.js";
import { smallInventory } from "../query/small-inventory.js";

// Any query string: real and invented types, filters well and badly formed over real and
// invented property names, odd formats, sorts and page numbers. Each answer is a QueryResult
// or an Error in the representation asked for, and nothing is a 500.

const PROPERTIES = [
  "Name",
  "Result",
  "State",
  "CreationTime",
  "EndTime",
  "JobName",
  "IsRetry",
  "UID",
  "FreeSpace",
  "Platform",
  "Size",
];
const word = (values: string[]) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );

const VALID = fc.constantFrom(
  "Result==Failed",
  "Result>=Warning;IsRetry==false",
  'JobName=="Exchange Backup",JobName=="Copy Job"',
  'CreationTime>="2026-06-14T21:07:25"',
  "State==Working",
  "Name!=x",
);

const filter = fc.oneof(
  { weight: 4, arbitrary: VALID },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(...'Name=!<>;,()" 1aZ:-T'.split("")),
      maxLength: 40,
    }),
  },
  { weight: 1, arbitrary: arbitraryShape.map(printFilter) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...PROPERTIES),
        fc.constantFrom("==", "!=", "<", ">=", "="),
        word(["Failed", "2026-06-15", "true", "1e9", "x y"]),
      )
      .map(([p, o, v]) => `${p}${o}${v}`),
  },
);

const parameters = fc.record(
  {
    type: word([...VENDOR_QUERY_TYPES, ...Array(20).fill("BackupJobSession"), "Job", "CatalogVm"]),
    format: word(["Refs", "Entities", "entity", "ENTITIES"]),
    filter,
    sort: fc.tuple(fc.constantFrom("sortAsc", "sortDesc", "sortasc"), word(PROPERTIES)),
    pageSize: word(["1", "3", "100", "1", "3", "100", "0", "-1", "99999999999", "2.5"]),
    page: word(["1", "2", "1", "2", "1000000", "0", "x"]),
  },
  { requiredKeys: ["type"] },
);

describe("GET /api/query with any parameters", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({ inventory: smallInventory() });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  test("answers a QueryResult or an Error, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(parameters, fc.boolean(), async (given, json) => {
        const { sort, ...rest } = given;
        const query = new URLSearchParams({
          ...rest,
          ...(sort ? { [sort[0]]: sort[1] } : {}),
        }).toString();
        const reply = await send(`${server.http}/api/query?${query}`, {
          headers: { "x-restsvcsessionid": token, ...(json ? { accept: "application/json" } : {}) },
        });
        assert.ok(
          [200, 400, 501].includes(reply.status),
          `${reply.status} for ${query}: ${reply.body.slice(0, 300)}`,
        );
        if (json) {
          const body = JSON.parse(reply.body);
          assert.ok(reply.status === 200 ? "PagingInfo" in body : body.Message.length > 0, query);
        } else {
          const body = parseXml(reply.body);
          assert.ok(
            reply.status === 200 ? body.QueryResult.PagingInfo : body.Error["@Message"],
            query,
          );
        }
      }),
      { numRuns: 300 },
    );
    const errors = server.logs.filter((line) => Number(line.level) >= 50 && line.status !== 501);
    assert.deepEqual(errors, []);
  });
});
