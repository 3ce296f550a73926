import { createServer, type Server } from "node:http";

import type { Simulator } from "./servers";

// The floor for "time to first row": a bare HTML page that fetches one page of events and writes
// them into a table, no framework. Its fetch goes through this same server (same origin, so no CORS
// preflight), which adds the simulator's key, as our proxy does.

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title></head>
<body>
<table>
<thead><tr><th>Time</th><th>User</th><th>Role</th><th>Event</th><th>Description</th><th>IP address</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<script>
fetch("/upstream" + location.search)
  .then((response) => response.json())
  .then((page) => {
    const rows = document.getElementById("rows");
    for (const event of page.results) {
      const tr = document.createElement("tr");
      const user = event.user_name ? event.user_name + " " + (event.user_email || "") : event.role;
      for (const text of [event.created_at, user, event.role, event.event_type, event.event_description, event.ip_address]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      rows.append(tr);
    }
  });
</script>
</body></html>`;

export async function startFloorPage(simulator: Simulator, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(HTML);
      return;
    }
    if (url.pathname === "/upstream") {
      fetch(simulator.pageUrl(url.searchParams), { headers: { authorization: simulator.authHeader } })
        .then(async (upstream) => {
          response.writeHead(upstream.status, { "content-type": "application/json", "cache-control": "no-store" });
          response.end(await upstream.text());
        })
        .catch(() => {
          response.writeHead(502).end();
        });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
