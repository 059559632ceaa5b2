/**
 * `/wanAccelerators`. Shapes from the vendor's wanaccelerators_id page (13.1). The inventory
 * does not record whether an accelerator is out of date, its cache path or its bandwidth
 * mode: those members are null (left out of XML).
 */
import type { WanAccelerator } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { WAN_ACCELERATOR } from "./kind-names.js";
import { alternateToEntity, alternateToRef, type ResourceKind } from "./resource-kind.js";
import { serverLink } from "./site.js";

export const wanAccelerators: ResourceKind<WanAccelerator> = {
  ...WAN_ACCELERATOR,
  ...byId("wanAccelerators"),
  listElement: "WanAccelerators",
  nameOf: (accelerator) => accelerator.name,

  refLinks: (accelerator, ctx) => [
    serverLink(ctx, accelerator.backupServerId),
    alternateToEntity(wanAccelerators, accelerator, ctx),
  ],

  entityLinks: (accelerator, ctx) => [
    serverLink(ctx, accelerator.backupServerId),
    alternateToRef(wanAccelerators, accelerator, ctx),
  ],

  levels: (accelerator) => [
    {
      elements: [
        ["Description", accelerator.description],
        ["OutOfDate", null],
        ["Version", accelerator.version],
        ["Capacity", accelerator.capacity],
        ["TrafficPort", accelerator.trafficPort],
        ["ConnectionsCount", accelerator.connectionsCount],
        ["CachePath", null],
        ["HighBandwidthModeEnabled", null],
      ],
    },
  ],
};
