#!/usr/bin/env node
// Runs emrest from its TypeScript sources: Node 20 cannot strip types, so tsx compiles them.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
