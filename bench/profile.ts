/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of the server's main thread: the share of
 * busy time by area (emrest's folders, fastify, logging, Node's HTTP and sockets, GC) and the
 * functions with the most self time.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [RegExp, string][] = [
  [/\/src\/http\//, "emrest src/http (routing, auth check, replies)"],
  [/\/src\/representation\//, "emrest src/representation (XML, JSON)"],
  [/\/src\/sessions\//, "emrest src/sessions (service, links, ids)"],
  [/\/src\/store\//, "emrest src/store (SQLite queries)"],
  [/\/src\//, "emrest, other"],
  [/node_modules\/(pino|sonic-boom)\//, "pino logging"],
  [/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request)\//, "fastify"],
  [
    /^node:(_http|net|internal\/stream|internal\/http|stream|events)/,
    "Node HTTP, streams, sockets",
  ],
  [/^node:/, "Node, other"],
];

/**
 * The main thread's profile is the largest file in `dir` (tsx's loader thread has its own).
 * Only its last `seconds` before the shutdown count, leaving start-up out.
 */
export function summariseProfile(dir: string, seconds: number): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) return ["(no profile was written)"];
  const largest = files
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const profile = JSON.parse(readFileSync(largest, "utf8")) as Profile;

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  const from = profile.endTime - (seconds + 0.5) * 1e6;
  let at = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0);
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    const micros = profile.timeDeltas[i] ?? 0;
    at += micros;
    if (at < from || node.callFrame.functionName === "(idle)") return;
    busy += micros;
    const area = areaOf(node, nodes, parents);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    const name = `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node)}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  });

  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%`;
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([k, v]) => `${share(v)}  ${k}`);
  return [
    "Share of the server's busy time (idle excluded), by area:",
    ...top(byArea, 12),
    "",
    "Functions with the most self time:",
    ...top(byFunction, 15),
  ];
}

/** Native frames (no URL) count towards the nearest caller that has one. */
function areaOf(node: ProfileNode, nodes: Map<number, ProfileNode>, parents: Map<number, number>) {
  const own = node.callFrame.functionName;
  if (own === "(garbage collector)") return "garbage collection";
  for (let current: ProfileNode | undefined = node; current;) {
    const url = current.callFrame.url;
    if (url) return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? "other libraries";
    const parent = parents.get(current.id);
    current = parent === undefined ? undefined : nodes.get(parent);
  }
  return own === "(program)" ? "V8 and native, unattributed" : "other";
}

function shortUrl(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return "";
  const short = url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(src|bench)\//, "$1/");
  return `(${short}:${node.callFrame.lineNumber + 1})`;
}
