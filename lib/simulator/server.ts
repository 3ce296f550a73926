// `npm run simulator`: the standalone Merge audit-trail simulator on 127.0.0.1:SIMULATOR_PORT.
// Configuration comes from SIMULATOR_* variables (see options.ts and faults.ts).

import { createSimulator, simulatorOptionsFromEnv, simulatorPortFromEnv } from "./index";
import { serveSimulator } from "./node-server";

async function main(): Promise<void> {
  const port = simulatorPortFromEnv(process.env);
  const simulator = createSimulator(simulatorOptionsFromEnv(process.env));
  const server = await serveSimulator(simulator, port);
  const { apiKey, events, seed, faults, latencyMs, liveEventsPerMinute } = simulator.options;
  console.log(`Merge audit-trail simulator: ${server.url}/api (base URL for MERGE_API_BASE_URL)`);
  console.log(`API key: ${apiKey}`);
  console.log(
    `${events} events, seed ${seed}` +
      (faults ? `, faults ${faults}` : "") +
      (latencyMs ? `, latency ${latencyMs} ms` : "") +
      (liveEventsPerMinute ? `, ${liveEventsPerMinute} new events per minute` : ""),
  );
  console.log(`Try: curl -H 'Authorization: Bearer ${apiKey}' '${server.url}/api/hris/v1/audit-trail?page_size=5'`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the simulator`);
    server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const inUse = error instanceof Error && "code" in error && error.code === "EADDRINUSE";
  console.error(inUse ? `${error.message}: another process listens there; set SIMULATOR_PORT` : error instanceof Error ? error.message : error);
  process.exit(1);
});
