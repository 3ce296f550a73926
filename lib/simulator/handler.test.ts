import { describe, expect, it } from "vitest";

import { walkPages } from "../paging";
import { createSimulator } from "./index";
import { getPage } from "./test-support";

const simulator = createSimulator({ now: "2026-11-28T12:00:00Z" });

describe("the embedded simulator", () => {
  it("answers a first page of 5 events, newest first, with a next cursor and no previous", async () => {
    const page = await getPage(simulator, { page_size: 5 });
    expect(page.results).toHaveLength(5);
    expect(page.next).toEqual(expect.any(String));
    expect(page.previous).toBeNull();
    expect(page.results).toEqual(simulator.expectedEvents().slice(0, 5));
  });

  it("walks the default data through next, every event once, newest first", async () => {
    const walked = [];
    for await (const page of walkPages((cursor) => getPage(simulator, { page_size: 100, ...(cursor && { cursor }) }))) {
      walked.push(...page.results);
    }
    expect(walked).toHaveLength(4000);
    expect(walked).toEqual(simulator.expectedEvents());
  });
});
