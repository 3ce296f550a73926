import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { auditTrailPageSchema } from "../audit-event";
import { createSimulator, DEFAULT_SIMULATOR_API_KEY, FAULT_HEADER, type Simulator } from "./index";
import { serveSimulator } from "./node-server";
import { startSimulator } from "@/testing/processes";

// Ports from the simulator engineer's block (4200-4249).
const SPAWNED_PORT = 4230;
const IN_PROCESS_PORT = 4231;
const AUTH = { Authorization: `Bearer ${DEFAULT_SIMULATOR_API_KEY}` };

describe("npm run simulator", () => {
  it("serves the acceptance query, then shuts down on SIGTERM even with a hung request", async () => {
    // The key `npm run simulator` uses and prints by default.
    const server = await startSimulator(SPAWNED_PORT, { env: { SIMULATOR_API_KEY: DEFAULT_SIMULATOR_API_KEY } });
    try {
      const output = readFileSync(server.proc.logFile, "utf8");
      expect(output).toContain(`http://127.0.0.1:${SPAWNED_PORT}/api`);
      expect(output).toContain(`API key: ${DEFAULT_SIMULATOR_API_KEY}`);

      const url = `${server.baseUrl}/hris/v1/audit-trail`;
      const response = await fetch(`${url}?page_size=5`, { headers: AUTH });
      expect(response.status).toBe(200);
      const page = auditTrailPageSchema.parse(await response.json());
      expect(page.results).toHaveLength(5);
      expect(page.next).toEqual(expect.any(String));

      const hung = fetch(url, { headers: { ...AUTH, [FAULT_HEADER]: "hang" } }).then(
        () => "answered",
        () => "dropped",
      );
      process.kill(-server.proc.pid, "SIGTERM");
      expect(await server.proc.exited).toBe(0);
      expect(await hung).toBe("dropped");
    } finally {
      await server.stop();
    }
  });
});

describe("serveSimulator", () => {
  it("ends a hung request when its client leaves, and keeps serving", async () => {
    const simulator = createSimulator({ now: "2026-11-28T12:00:00Z", events: 100 });
    const released: string[] = [];
    const watched: Simulator = {
      ...simulator,
      handle: (request) =>
        simulator.handle(request).catch((error: unknown) => {
          released.push(String(error));
          throw error;
        }),
    };
    const server = await serveSimulator(watched, IN_PROCESS_PORT);
    try {
      const url = `${server.url}/api/crm/v1/audit-trail/`;
      const controller = new AbortController();
      const hung = fetch(url, { headers: { ...AUTH, [FAULT_HEADER]: "hang" }, signal: controller.signal });
      await expect.poll(() => simulator.requestCount()).toBe(1);
      controller.abort();
      await expect(hung).rejects.toThrow();
      await expect.poll(() => released.length).toBe(1);
      expect((await fetch(url, { headers: AUTH })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
