import { afterEach, describe, expect, it, vi } from "vitest";

import { auditTrailPageSchema } from "../audit-event";
import { walkPages } from "../paging";
import { parseFaults } from "./faults";
import { createSimulator, FAULT_HEADER, type SimulatorOptions } from "./index";
import { BASE, get, getPage } from "@/testing/simulator-requests";
import { expectedEvents } from "@/testing/simulator-oracle";

const NOW = "2026-11-28T12:00:00Z";
const make = (options: SimulatorOptions = {}) => createSimulator({ now: NOW, events: 200, ...options });

async function statuses(simulator: ReturnType<typeof make>, count: number) {
  const seen: number[] = [];
  for (let i = 0; i < count; i += 1) seen.push((await get(simulator, { page_size: 1 })).status);
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("fault rule syntax", () => {
  it.each(["429", "429:30", "500@after:5", "502@3", "503@2-4", "hang@first:1", "malformed@every:3", "wrong-shape@10%", "latency:250, 503@0.5%", "429:5@120s-150s", "500@0.5s-2s"])(
    "accepts %s",
    (text) => {
      expect(parseFaults(text).ok).toBe(true);
    },
  );

  it.each(["teapot", "418", "latency", "500:3", "429@sometimes", "503@150%", "hang@every:0", "429@150s-120s", "429@s-10s"])("rejects %s with an example", (text) => {
    const parsed = parseFaults(text);
    expect(parsed.ok).toBe(false);
  });

  it("refuses to start with a bad rule", () => {
    expect(() => make({ faults: "teapot" })).toThrow(/teapot/);
  });
});

describe("injected failures", () => {
  it("throttles chosen requests with 429, Retry-After and DRF's message", async () => {
    const simulator = make({ faults: "429:7@2-3" });
    expect(await statuses(simulator, 4)).toEqual([200, 429, 429, 200]);
    const again = make({ faults: "429:7@1" });
    const response = await get(again);
    expect(response.headers.get("Retry-After")).toBe("7");
    expect(await response.json()).toEqual({ detail: "Request was throttled. Expected available in 7 seconds." });
  });

  it("throttles every request inside a window of seconds after the start, and none outside it", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const simulator = make({ faults: "429:5@10s-20s" });
    expect(await statuses(simulator, 2)).toEqual([200, 200]);
    vi.advanceTimersByTime(10_000);
    expect(await statuses(simulator, 3)).toEqual([429, 429, 429]);
    vi.advanceTimersByTime(9_999);
    expect(await statuses(simulator, 1)).toEqual([429]);
    vi.advanceTimersByTime(1);
    expect(await statuses(simulator, 2)).toEqual([200, 200]);
  });

  it("fails the first N, every request after the Nth, or every Nth", async () => {
    expect(await statuses(make({ faults: "503@first:2" }), 4)).toEqual([503, 503, 200, 200]);
    expect(await statuses(make({ faults: "500@after:2" }), 5)).toEqual([200, 200, 500, 500, 500]);
    expect(await statuses(make({ faults: "502@every:2" }), 4)).toEqual([200, 502, 200, 502]);
  });

  it("answers 5xx the way Merge's stack does", async () => {
    const [five, bad, unavailable] = await Promise.all(
      ["500", "502", "503"].map((fault) => get(make({ faults: fault }))),
    );
    expect(five!.headers.get("Content-Type")).toBe("text/html");
    expect(await bad!.text()).toContain("502 Bad Gateway");
    expect(await unavailable!.json()).toEqual({ detail: "Service temporarily unavailable, try again later." });
  });

  it("draws a share of failures from the seed: same seed, same requests fail", async () => {
    const first = await statuses(make({ faults: "503@30%" }), 100);
    expect(await statuses(make({ faults: "503@30%" }), 100)).toEqual(first);
    const failures = first.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
  });

  it("sends malformed JSON or JSON of the wrong shape with status 200", async () => {
    const malformed = await get(make({ faults: "malformed" }));
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    const wrong = await get(make({ faults: "wrong-shape" }));
    expect(wrong.status).toBe(200);
    expect(auditTrailPageSchema.safeParse(await wrong.json()).success).toBe(false);
  });

  it("takes one-off faults from the X-Simulator-Fault header, and rejects a bad one", async () => {
    const simulator = make();
    expect((await get(simulator, {}, { headers: { [FAULT_HEADER]: "503" } })).status).toBe(503);
    expect((await get(simulator)).status).toBe(200);
    const bad = await get(simulator, {}, { headers: { [FAULT_HEADER]: "teapot" } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ [FAULT_HEADER]: [expect.stringContaining("teapot")] });
  });

  it("counts only requests that reach the endpoint with a valid key", async () => {
    const simulator = make({ faults: "500@1" });
    expect((await simulator.handle(new Request(BASE))).status).toBe(401);
    expect((await get(simulator)).status).toBe(500);
    expect(simulator.requestCount()).toBe(1);
  });
});

describe("latency and hangs", () => {
  it("delays answers by the configured latency", async () => {
    vi.useFakeTimers();
    const simulator = make({ latencyMs: 300 });
    let answered = false;
    const pending = get(simulator).then((response) => {
      answered = true;
      return response;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it("hangs until the caller gives up (its AbortSignal)", async () => {
    const simulator = make({ faults: "hang" });
    const controller = new AbortController();
    let settled = false;
    const pending = get(simulator, {}, { signal: controller.signal }).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it("releases hung requests when the simulator closes", async () => {
    const simulator = make({ faults: "hang@1" });
    const pending = get(simulator);
    simulator.close();
    await expect(pending).rejects.toThrow(/closed/);
  });
});

describe("what a client walking every page meets", () => {
  // The data path retries 429s; the export must then still see every event exactly once.
  async function walkWithRetries(simulator: ReturnType<typeof make>) {
    const events = [];
    const fetchPage = async (cursor: string | undefined) => {
      for (let attempt = 0; ; attempt += 1) {
        const response = await get(simulator, { page_size: 20, ...(cursor && { cursor }) });
        if (response.status === 429 && attempt < 2) continue;
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        return auditTrailPageSchema.parse(await response.json());
      }
    };
    for await (const page of walkPages(fetchPage)) events.push(...page.results);
    return events;
  }

  it("429s in the middle of a walk still let it complete", async () => {
    const simulator = make({ faults: "429:1@3-4,429:1@7" });
    expect(await walkWithRetries(simulator)).toEqual(expectedEvents(simulator));
  });

  it("a persistent 500 in the middle makes it fail", async () => {
    const simulator = make({ faults: "500@after:4" });
    await expect(walkWithRetries(simulator)).rejects.toThrow("status 500");
    expect((await getPage(make())).results).toHaveLength(30);
  });
});
