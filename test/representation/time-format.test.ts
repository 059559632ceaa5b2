import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nameTime, restorePointName, timedName, utcTime } from "../../src/resources/time-format.js";

describe("Times as EM writes them", () => {
  it("trim trailing zeros of the milliseconds, and the fraction of a whole second", () => {
    assert.equal(utcTime(Date.parse("2026-06-15T05:50:44.620Z")), "2026-06-15T05:50:44.62Z");
    assert.equal(utcTime(Date.parse("2026-06-15T05:50:44.623Z")), "2026-06-15T05:50:44.623Z");
    assert.equal(utcTime(Date.parse("2026-06-15T05:50:44.700Z")), "2026-06-15T05:50:44.7Z");
    assert.equal(utcTime(Date.parse("2014-10-19T05:22:00.000Z")), "2014-10-19T05:22:00Z");
    assert.equal(utcTime(Date.parse("2026-06-15T05:50:40.000Z")), "2026-06-15T05:50:40Z");
  });

  it("name sessions and points after the UTC time to the second", () => {
    const at = Date.parse("2026-06-15T05:34:19.503Z");
    assert.equal(nameTime(at), "2026-06-15 05:34:19");
    assert.equal(
      timedName("BACKUP_CORP_SITE3_VMW_INF", at),
      "BACKUP_CORP_SITE3_VMW_INF@2026-06-15 05:34:19",
    );
  });

  it("name restore points as the captures do, day and hour padded with a space", () => {
    assert.equal(restorePointName(Date.parse("2026-06-15T05:34:19Z")), "Jun 15 2026  5:34AM");
    assert.equal(restorePointName(Date.parse("2025-10-06T13:59:50Z")), "Oct  6 2025  1:59PM");
    assert.equal(restorePointName(Date.parse("2025-10-14T20:00:31Z")), "Oct 14 2025  8:00PM");
    assert.equal(restorePointName(Date.parse("2025-01-01T00:05:00Z")), "Jan  1 2025 12:05AM");
    assert.equal(restorePointName(Date.parse("2025-01-01T12:05:00Z")), "Jan  1 2025 12:05PM");
  });
});
