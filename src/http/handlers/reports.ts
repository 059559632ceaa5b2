import type { FastifyReply, FastifyRequest } from "fastify";
import type { InventoryView } from "../../inventory/view.js";
import { jsonReportsFor } from "../../representation/json/report-json.js";
import { pruneLinks } from "../../representation/link-pruning.js";
import type { ReportRepresentation } from "../../representation/reports.js";
import { xmlReports } from "../../representation/xml/report-xml.js";
import { jobStatisticsReport } from "../../reports/job-statistics-report.js";
import { overviewReport } from "../../reports/overview-report.js";
import { processedVmsReport } from "../../reports/processed-vms-report.js";
import { repositoryReport } from "../../reports/repository-report.js";
import { summaryReportLinks } from "../../reports/summary-report.js";
import { vmsOverviewReport } from "../../reports/vms-overview-report.js";
import type { HttpContext } from "../context.js";
import { jsonCasingOf, representationFor } from "../negotiate.js";

type Handler = (request: FastifyRequest, reply: FastifyReply, context: HttpContext) => unknown;

/** Reports come in the representation the request negotiated (see negotiate.ts). */
function reportsFor(request: FastifyRequest): ReportRepresentation {
  const json = representationFor(request).name === "json";
  return json ? jsonReportsFor(jsonCasingOf(request)) : xmlReports;
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  body: (r: ReportRepresentation) => string,
) {
  const reports = reportsFor(request);
  return reply.code(200).header("content-type", reports.contentType).send(body(reports));
}

/** `GET /reports/summary`: the `SummaryReport` linking to the five frames. */
export async function getSummaryReport(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const keep = request.linkFilter;
  const all = summaryReportLinks(context.apiBase(request));
  const links = keep === undefined ? all : pruneLinks(all, keep);
  return send(request, reply, (reports) => reports.summaryReport(links));
}

/** A frame handler: read the inventory, compute the frame as of now, write it. */
function frameHandler<F>(
  compute: (view: InventoryView, now: number) => F,
  write: (reports: ReportRepresentation, frame: F) => string,
): Handler {
  return async (request, reply, context) => {
    const frame = compute(await context.inventory(), Date.now());
    return send(request, reply, (reports) => write(reports, frame));
  };
}

/** The frames by their path under `/api/reports/summary/`, in the summary's order. */
export const REPORT_FRAME_HANDLERS: Record<string, Handler> = {
  overview: frameHandler(overviewReport, (r, frame) => r.overview(frame)),
  vms_overview: frameHandler(vmsOverviewReport, (r, frame) => r.vmsOverview(frame)),
  job_statistics: frameHandler(jobStatisticsReport, (r, frame) => r.jobStatistics(frame)),
  processed_vms: frameHandler(processedVmsReport, (r, frame) => r.processedVms(frame)),
  repository: frameHandler(repositoryReport, (r, frame) => r.repository(frame)),
};
