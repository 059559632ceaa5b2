/**
 * `GET` on the inventory resources a LogonSession links to: a collection (references, or
 * entities with `?format=Entity`), one object (its `EntityRef`, or its entity), and the
 * sub-collections its links name (`backupServers/{ID}/jobs`, `jobs/{ID}/includes`, …).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Representation } from "../../representation/representation.js";
import {
  entityModel,
  referenceModel,
  type ChildCollection,
  type ResourceContext,
  type ResourceKind,
} from "../../resources/resource-kind.js";
import type { HttpContext } from "../context.js";
import { sendRepresented } from "../reply.js";
import {
  checkId,
  formatOf,
  notFound,
  refuseAction,
  resourceContext,
  type Format,
} from "../resource-request.js";
import type { Handler } from "../route.js";

type Params = { id?: string; child?: string; childId?: string };

function renderList<T>(
  kind: ResourceKind<T>,
  items: readonly T[],
  format: Format,
  ctx: ResourceContext,
): (representation: Representation) => string {
  if (format === "refs") {
    const models = items.map((item) => referenceModel(kind, item, ctx));
    return (representation) => representation.references(models);
  }
  const models = items.map((item) => entityModel(kind, item, ctx));
  return (representation) => representation.entities(kind.listElement, models);
}

function renderOne<T>(kind: ResourceKind<T>, item: T, format: Format, ctx: ResourceContext) {
  if (format === "refs") {
    const model = referenceModel(kind, item, ctx);
    return (representation: Representation) => representation.reference(model);
  }
  const model = entityModel(kind, item, ctx);
  return (representation: Representation) => representation.entity(model);
}

/** Checks the request, then finds the object named by `:id` (404 if there is none). */
async function prepare<T>(kind: ResourceKind<T>, request: FastifyRequest, context: HttpContext) {
  refuseAction(request);
  const format = formatOf(request);
  const ctx = await resourceContext(request, context);
  const id = (request.params as Params).id ?? "";
  checkId(id, kind.guidIds, kind.entityType);
  const item = kind.find(ctx, id);
  if (item === undefined) throw notFound(kind.entityType, id);
  return { format, ctx, item };
}

function childOf<T>(kind: ResourceKind<T>, request: FastifyRequest, item: T, id: string) {
  const wanted = ((request.params as Params).child ?? "").toLowerCase();
  const entry = Object.entries(kind.children ?? {}).find(([name]) => name.toLowerCase() === wanted);
  if (entry === undefined) throw notFound(`${wanted} of ${kind.entityType}`, id);
  return entry[1] as ChildCollection<T>;
}

export function listHandler<T>(kind: ResourceKind<T>): Handler {
  return async (request, reply, context) => {
    refuseAction(request);
    const format = formatOf(request);
    const ctx = await resourceContext(request, context);
    return sendRepresented(request, reply, 200, renderList(kind, kind.all(ctx), format, ctx));
  };
}

export function itemHandler<T>(kind: ResourceKind<T>): Handler {
  return async (request, reply, context) => {
    const { format, ctx, item } = await prepare(kind, request, context);
    return sendRepresented(request, reply, 200, renderOne(kind, item, format, ctx));
  };
}

export function childListHandler<T>(kind: ResourceKind<T>): Handler {
  return async (request: FastifyRequest, reply: FastifyReply, context: HttpContext) => {
    const { format, ctx, item } = await prepare(kind, request, context);
    const child = childOf(kind, request, item, kind.idOf(item));
    if ("nodes" in child) {
      const model = child.nodes(item, ctx);
      return sendRepresented(request, reply, 200, (r) => r.nodeList(model));
    }
    const render = renderList(child.kind(), child.items(item, ctx), format, ctx);
    return sendRepresented(request, reply, 200, render);
  };
}

export function childItemHandler<T>(kind: ResourceKind<T>): Handler {
  return async (request: FastifyRequest, reply: FastifyReply, context: HttpContext) => {
    const { format, ctx, item } = await prepare(kind, request, context);
    const child = childOf(kind, request, item, kind.idOf(item));
    const childId = (request.params as Params).childId ?? "";
    if ("nodes" in child) {
      const model = child.item?.(item, childId, ctx);
      if (model === undefined) throw notFound(`item of ${kind.entityType}`, childId);
      return sendRepresented(request, reply, 200, (r) => r.node(model));
    }
    const childKind = child.kind();
    const found = child.items(item, ctx).find((c) => childKind.idOf(c) === childId.toLowerCase());
    if (found === undefined) throw notFound(childKind.entityType, childId);
    return sendRepresented(request, reply, 200, renderOne(childKind, found, format, ctx));
  };
}
