/**
 * A representation that leaves out the links its caller may not follow, then writes as the
 * one it wraps: every body built from links (entities, references, nested resources, tasks,
 * services, a query's paging) goes through one filter, so no resource file decides it.
 */
import { pruneEntity, pruneLinks, pruneNode, pruneReference } from "./link-pruning.js";
import type { LinkFilter } from "./link-pruning.js";
import type { Representation, TaskModel } from "./representation.js";

/** `base`, writing every model with only the links `keep` lets through. */
export function filteredRepresentation(base: Representation, keep: LinkFilter): Representation {
  const task = (model: TaskModel): TaskModel => {
    const links = pruneLinks(model.links, keep);
    return links === model.links ? model : { ...model, links };
  };

  return {
    name: base.name,
    contentType: base.contentType,
    entryPoint: (model) =>
      base.entryPoint({
        links: pruneLinks(model.links, keep),
        supportedVersions: model.supportedVersions.map((version) => ({
          ...version,
          links: pruneLinks(version.links, keep),
        })),
      }),
    // A LogonSession's links are its role's set already (link-sets.ts, the same decision).
    logonSession: (model) => base.logonSession(model),
    logonSessions: (models) => base.logonSessions(models),
    error: (model) => base.error(model),
    // The objects of a query are written before this (src/query/object-writers.ts prunes
    // them with the same filter); the paging links are pruned here.
    queryResult: (model) =>
      base.queryResult({
        ...model,
        paging: { ...model.paging, links: pruneLinks(model.paging.links, keep) },
      }),
    service: (root, href, links) => base.service(root, href, pruneLinks(links, keep)),
    hierarchyItems: (items) => base.hierarchyItems(items),
    task: (model) => base.task(task(model)),
    tasks: (models) => base.tasks(models.map(task)),
    entity: (model) => base.entity(pruneEntity(model, keep)),
    entities: (listName, models) =>
      base.entities(
        listName,
        models.map((model) => pruneEntity(model, keep)),
      ),
    reference: (model) => base.reference(pruneReference(model, keep)),
    references: (models) => base.references(models.map((model) => pruneReference(model, keep))),
    nodeList: (model) =>
      base.nodeList({ ...model, items: model.items.map((item) => pruneNode(item, keep)) }),
    node: (model) => base.node({ ...model, node: pruneNode(model.node, keep) }),
  };
}
