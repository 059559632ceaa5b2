/**
 * A monitoring exporter's round against emrest, as the Prometheus exporters for EM do it: log
 * on with Basic auth, keep X-RestSvcSessionId, read the five summary report frames and the
 * backup servers, page through the last 24 hours of backup job and task sessions by
 * PagingInfo's Next link, and log out. Every figure is checked against the inventory the
 * server was given, counted here from its objects, in JSON and in XML.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import type { Inventory, Result } from "../../src/inventory/model.js";
import { basic, send, type Reply } from "../helpers/client.js";
import { DAY, HOUR, MINUTE } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

type Format = "json" | "xml";
type Row = Record<string, unknown>;

// Lists an exporter reads as lists even when they hold one item.
const LISTS = new Set([
  "Link",
  "Day",
  "Period",
  "BackupServer",
  "BackupJobSession",
  "BackupTaskSession",
]);
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

/** The report site plus 140 backup runs in the last 22 hours: more than one page of each. */
function busyInventory(now: number): Inventory {
  const { site, jobs } = reportSite(now);
  const vm = (name: string) => site.inventory.vms.find((one) => one.name === name)!;
  const results: Exclude<Result, "None">[] = ["Success", "Warning", "Failed", "Success"];
  for (let i = 0; i < 140; i++) {
    const start = now - 22 * HOUR + i * 9 * MINUTE;
    const result = results[i % results.length]!;
    site.run(jobs.daily, {
      start,
      end: start + 5 * MINUTE,
      result,
      tasks: [
        { vm: vm("web"), result },
        { vm: vm("db"), result: "Success" },
      ],
    });
  }
  return site.inventory;
}

/** What the exporter knows: a base URL, a representation, and after logon a session. */
class Exporter {
  token = "";
  sessionHref = "";

  constructor(
    readonly base: string,
    readonly format: Format,
  ) {}

  #accept() {
    return this.format === "json" ? "application/json" : "application/xml";
  }

  #parse(reply: Reply): any {
    assert.equal(reply.status, 200, reply.body.slice(0, 300));
    return this.format === "json" ? JSON.parse(reply.body) : xml.parse(reply.body);
  }

  async logon(user: string, password: string) {
    const reply = await send(`${this.base}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic(user, password), accept: this.#accept() },
    });
    assert.equal(reply.status, 201);
    this.token = String(reply.headers["x-restsvcsessionid"]);
    const body = this.#parse({ ...reply, status: 200 });
    this.sessionHref = this.format === "json" ? body.Href : body.LogonSession.Href;
  }

  async get(pathOrUrl: string): Promise<any> {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.base}/api/${pathOrUrl}`;
    const headers = { "x-restsvcsessionid": this.token, accept: this.#accept() };
    return this.#parse(await send(url, { headers }));
  }

  /** A report frame's figures as numbers, whatever the representation. */
  async report(frame: string, root: string): Promise<Record<string, number>> {
    const body = await this.get(`reports/summary/${frame}`);
    const figures = this.format === "json" ? body : body[root];
    return Object.fromEntries(
      Object.entries(figures)
        .filter(([, value]) => typeof value !== "object" && /^-?\d+$/.test(String(value)))
        .map(([name, value]) => [name, Number(value)]),
    );
  }

  /** Every object of a query, page after page by the Next link; and how many pages. */
  async queryAll(type: string, since: string): Promise<{ items: Row[]; pages: number }> {
    const filter = encodeURIComponent(`CreationTime>="${since}"`);
    let next: string | undefined = `query?type=${type}&format=Entities&filter=${filter}`;
    const items: Row[] = [];
    let pages = 0;
    while (next !== undefined) {
      const page = await this.get(next);
      pages++;
      const result = this.format === "json" ? page : page.QueryResult;
      const list = result.Entities[`${type}s`];
      items.push(...(this.format === "json" ? list[`${type}s`] : (list?.[type] ?? [])));
      const links: Row[] =
        this.format === "json" ? result.PagingInfo.Links : result.PagingInfo.Links.Link;
      next = links.find((link) => link.Rel === "Next")?.Href as string | undefined;
    }
    return { items, pages };
  }

  async logoff() {
    const reply = await send(this.sessionHref, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": this.token },
    });
    assert.equal(reply.status, 204);
  }
}

/** Results counted as a client sees them at `now`: a run not ended yet has none. */
function resultsAt(runs: { endTime: number; result: Result }[], now: number) {
  const counts: Record<string, number> = {};
  for (const run of runs) {
    const result = run.endTime <= now ? run.result : "None";
    counts[result] = (counts[result] ?? 0) + 1;
  }
  return counts;
}

function countBy(items: Row[], key: string) {
  const counts: Record<string, number> = {};
  for (const item of items) counts[String(item[key])] = (counts[String(item[key])] ?? 0) + 1;
  return counts;
}

const inPeriod = (time: number, now: number) => time > now - DAY && time <= now;

for (const format of ["json", "xml"] as const) {
  describe(`a monitoring exporter's round in ${format.toUpperCase()}`, () => {
    const now = Date.now();
    const inventory = busyInventory(now);
    // As the exporters send it: UTC, to the second, without a zone.
    const since = new Date(now - DAY).toISOString().slice(0, 19);
    const sinceMs = Date.parse(`${since}Z`);
    let server: TestServer;
    let exporter: Exporter;

    before(async () => {
      server = await startTestServer({ inventory });
      await server.addAccount("SRV12\\exporter", "s3cret!");
      exporter = new Exporter(server.http, format);
      await exporter.logon("exporter", "s3cret!");
    });
    after(() => server.close());

    const sessionsOf = (kind: "Backup" | "Replica") =>
      inventory.jobSessions.filter((run) => run.kind === kind);

    it("reads the overview: servers, jobs and each VM's latest state", async () => {
      const overview = await exporter.report("overview", "OverviewReportFrame");
      const roles = (role: string) =>
        inventory.managedServers.filter((server) => server.roles.includes(role as never)).length;
      const latest = new Map<string, { end: number; result: Result }>();
      for (const task of inventory.taskSessions) {
        const known = latest.get(task.vmId);
        if (task.endTime <= now && (known === undefined || task.endTime > known.end)) {
          latest.set(task.vmId, { end: task.endTime, result: task.result });
        }
      }
      const states = countBy(
        [...latest.values()].map((state) => ({ result: state.result })),
        "result",
      );
      const running = new Set(
        inventory.jobSessions
          .filter((run) => run.creationTime <= now && run.endTime > now)
          .map((run) => run.jobId),
      );

      assert.deepEqual(overview, {
        BackupServers: inventory.backupServers.length,
        ProxyServers: roles("Proxy"),
        RepositoryServers: roles("Repository"),
        RunningJobs: running.size,
        ScheduledJobs: inventory.jobs.filter((job) => job.scheduleConfigured && job.scheduleEnabled)
          .length,
        SuccessfulVmLastestStates: states.Success ?? 0,
        WarningVmLastestStates: states.Warning ?? 0,
        FailedVmLastestStates: states.Failed ?? 0,
      });
      assert.ok(running.size > 0, "a job is running now");
    });

    it("reads the VMs overview: protected VMs, their size, and the day's restore points", async () => {
      const vms = await exporter.report("vms_overview", "VmsOverviewReportFrame");
      const pointsOf = (points: { restorePointId: string; vmId: string }[]) =>
        new Set(points.map((point) => point.vmId));
      const backedUp = pointsOf(inventory.vmRestorePoints);
      const replicated = pointsOf(inventory.vmReplicaPoints);
      const protectedVms = new Set([...backedUp, ...replicated]);
      const dayPoints = [
        ...inventory.vmRestorePoints,
        ...inventory.vAppRestorePoints,
        ...inventory.vmReplicaPoints,
      ].filter((point) => inPeriod(point.creationTime, now));

      assert.equal(vms.ProtectedVms, protectedVms.size);
      assert.equal(vms.BackedUpVms, backedUp.size);
      assert.equal(vms.ReplicatedVms, replicated.size);
      assert.equal(vms.RestorePoints, dayPoints.length);
      assert.equal(
        vms.SourceVmsSize,
        inventory.vms
          .filter((vm) => protectedVms.has(vm.id))
          .reduce((total, vm) => total + vm.sizeBytes, 0),
      );
      assert.ok(vms.RestorePoints > 100, "the busy day made many points");
    });

    it("reads the job statistics, which agree with the runs ended in the last 24 hours", async () => {
      const statistics = await exporter.report("job_statistics", "JobStatisticsReportFrame");
      const ended = inventory.jobSessions.filter((run) => inPeriod(run.endTime, now));
      const byResult = resultsAt(ended, now);

      assert.equal(statistics.TotalJobRuns, ended.length);
      assert.equal(statistics.SuccessfulJobRuns, byResult.Success);
      assert.equal(statistics.WarningsJobRuns, byResult.Warning);
      assert.equal(statistics.FailedJobRuns, byResult.Failed);
      assert.ok(statistics.TotalJobRuns > 100);
    });

    it("reads the VMs processed on each of the last seven days", async () => {
      const body = await exporter.get("reports/summary/processed_vms");
      const days: Row[] = format === "json" ? body.Days : body.ProcessedVmsReportFrame.Day;
      assert.equal(days.length, 7);

      const today = Math.floor(now / DAY) * DAY;
      for (const [i, day] of days.entries()) {
        const from = today - i * DAY;
        assert.equal(Date.parse(String(day.Timestamp)), from);
        const vmsOf = (kind: "Backup" | "Replica") => {
          const runs = new Set(sessionsOf(kind).map((run) => run.id));
          const tasks = inventory.taskSessions.filter(
            (task) =>
              runs.has(task.jobSessionId) &&
              task.result !== "Failed" &&
              task.endTime >= from &&
              task.endTime < from + DAY &&
              task.endTime <= now,
          );
          return new Set(tasks.map((task) => task.vmId)).size;
        };
        assert.equal(Number(day.BackupedVms), vmsOf("Backup"), String(day.Timestamp));
        assert.equal(Number(day.ReplicatedVms), vmsOf("Replica"), String(day.Timestamp));
      }
    });

    it("reads each repository's capacity and free space", async () => {
      const body = await exporter.get("reports/summary/repository");
      const periods: Row[] = format === "json" ? body.Periods : body.RepositoryReportFrame.Period;
      assert.deepEqual(
        periods.map((period) => [period.Name, Number(period.Capacity), Number(period.FreeSpace)]),
        inventory.repositories.map((repository) => [
          repository.name,
          repository.capacity,
          repository.freeSpace,
        ]),
      );
    });

    it("reads the backup servers as entities", async () => {
      const body = await exporter.get("backupServers?format=Entity");
      const servers: Row[] =
        format === "json" ? body.BackupServers : body.BackupServers.BackupServer;
      assert.deepEqual(
        servers.map((server) => [server.Name, server.UID]),
        inventory.backupServers.map((server) => [
          server.name,
          `urn:veeam:BackupServer:${server.id}`,
        ]),
      );
    });

    it("pages through the backup job sessions created in the last 24 hours", async () => {
      const { items, pages } = await exporter.queryAll("BackupJobSession", since);
      const expected = sessionsOf("Backup").filter((run) => run.creationTime >= sinceMs);

      assert.ok(expected.length > 100, "more than one page");
      assert.equal(pages, Math.ceil(expected.length / 100));
      assert.deepEqual(
        items.map((item) => item.UID),
        expected.map((run) => `urn:veeam:BackupJobSession:${run.id}`),
      );
      assert.deepEqual(countBy(items, "Result"), resultsAt(expected, now));
      const running = items.filter((item) => item.State === "Working");
      assert.equal(running.length, expected.filter((run) => run.endTime > now).length);
      assert.ok(running.length > 0, "a run is still working, with no result yet");
    });

    it("pages through the backup task sessions created in the last 24 hours", async () => {
      const { items, pages } = await exporter.queryAll("BackupTaskSession", since);
      const runs = new Set(sessionsOf("Backup").map((run) => run.id));
      const expected = inventory.taskSessions.filter(
        (task) => runs.has(task.jobSessionId) && task.creationTime >= sinceMs,
      );

      assert.ok(expected.length > 200, "several pages");
      assert.equal(pages, Math.ceil(expected.length / 100));
      assert.deepEqual(
        items.map((item) => item.UID).sort(),
        expected.map((task) => `urn:veeam:BackupTaskSession:${task.id}`).sort(),
      );
      assert.deepEqual(countBy(items, "Result"), resultsAt(expected, now));
      const vmNames = new Map(inventory.vms.map((vm) => [vm.id, vm.name]));
      assert.deepEqual(
        countBy(items, "VmDisplayName"),
        countBy(
          expected.map((task) => ({ name: vmNames.get(task.vmId) })),
          "name",
        ),
      );
    });

    it("logs out, after which its session id is refused", async () => {
      await exporter.logoff();
      const reply = await send(`${server.http}/api/reports/summary/overview`, {
        headers: { "x-restsvcsessionid": exporter.token },
      });
      assert.equal(reply.status, 401);
    });
  });
}
