import { spawn } from "node:child_process";

import { describe, expect, it } from "vitest";

import { auditTrailPageSchema } from "../audit-event";
import { createSimulator, DEFAULT_SIMULATOR_API_KEY, FAULT_HEADER, type Simulator } from "./index";
import { serveSimulator } from "./node-server";

// Ports from the simulator engineer's block (4200-4249).
const SPAWNED_PORT = 4230;
const IN_PROCESS_PORT = 4231;
const AUTH = { Authorization: `Bearer ${DEFAULT_SIMULATOR_API_KEY}` };

describe("npm run simulator", () => {
  it("serves the acceptance query, then shuts down on SIGTERM even with a hung request", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/simulator/server.ts"], {
      env: {
        ...process.env,
        SIMULATOR_PORT: String(SPAWNED_PORT),
        ...Object.fromEntries(
          ["API_KEY", "EVENTS", "FAULTS", "LATENCY_MS", "LIVE_EVENTS_PER_MINUTE"].map((name) => [`SIMULATOR_${name}`, ""]),
        ),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      let output = "";
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes("API key:")) resolve();
        });
        child.once("exit", () => reject(new Error(`exited early: ${output}`)));
      });
      expect(output).toContain(`http://127.0.0.1:${SPAWNED_PORT}/api`);
      expect(output).toContain(DEFAULT_SIMULATOR_API_KEY);

      const url = `http://127.0.0.1:${SPAWNED_PORT}/api/hris/v1/audit-trail`;
      const response = await fetch(`${url}?page_size=5`, { headers: AUTH });
      expect(response.status).toBe(200);
      const page = auditTrailPageSchema.parse(await response.json());
      expect(page.results).toHaveLength(5);
      expect(page.next).toEqual(expect.any(String));

      const hung = fetch(url, { headers: { ...AUTH, [FAULT_HEADER]: "hang" } }).then(
        () => "answered",
        () => "dropped",
      );
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(await hung).toBe("dropped");
    } finally {
      child.kill("SIGKILL");
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
