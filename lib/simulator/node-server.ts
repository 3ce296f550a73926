// Serves a simulator's Request -> Response handler over Node's HTTP server: the upstream that
// end-to-end tests and benchmarks dial as if it were api.merge.dev.

import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";

import type { Simulator } from "./index";

const CLOSE_GRACE_MS = 2_000;

export type RunningServer = { url: string; close(): Promise<void> };

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Listens on host:port (127.0.0.1 by default; 0 picks a free port) until close(). */
export function serveSimulator(simulator: Simulator, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  const server = createServer((req, res) => {
    // The client hanging up aborts the request, which ends an injected hang or delay.
    const controller = new AbortController();
    res.on("close", () => controller.abort(new Error("The client closed the connection")));
    const request = new Request(new URL(req.url ?? "/", `http://${host}:${port}`), {
      method: req.method,
      headers: toHeaders(req.headers),
      signal: controller.signal,
    });
    simulator.handle(request).then(
      (response) => send(response, res),
      // A hang released by close() or by the client leaving: nothing to answer, drop the socket.
      () => res.destroy(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        // Graceful: answers in flight finish, hung and delayed ones are released by simulator.close()
        // (their sockets dropped), idle keep-alive sockets close now, and stragglers after a grace period.
        close: () =>
          new Promise((done) => {
            simulator.close();
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
          }),
      });
    });
  });
}
