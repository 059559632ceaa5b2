import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TimeSeries } from "../../src/reports/time-series.js";

describe("TimeSeries", () => {
  const series = new TimeSeries([
    { time: 30, value: 3 },
    { time: 10, value: 1 },
    { time: 20, value: 2 },
    { time: 20, value: 20 },
  ]);

  it("counts and sums entries after `from` and up to `to`, both ends as the period has them", () => {
    assert.equal(series.countIn(10, 20), 2);
    assert.equal(series.sumIn(10, 20), 22);
    assert.equal(series.countIn(9, 30), 4);
    assert.equal(series.sumIn(9, 30), 26);
  });

  it("gives nothing for a window before, after or between the entries", () => {
    assert.equal(series.countIn(0, 9), 0);
    assert.equal(series.sumIn(30, 100), 0);
    assert.equal(series.countIn(21, 29), 0);
    assert.equal(new TimeSeries([]).sumIn(0, 100), 0);
  });
});
