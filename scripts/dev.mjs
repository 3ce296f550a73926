// `npm run dev`: the dashboard on http://127.0.0.1:3000, against the embedded simulator unless
// MERGE_API_KEY is set. Fills in the local defaults a fresh machine lacks, then hands over to next dev.
import { spawn } from "node:child_process";

const port = process.env.PORT || "3000";
const url = `http://127.0.0.1:${port}`;

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED || "1",
  // next-auth builds its redirects from this; without it they point at localhost:3000.
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || url,
};

const upstream = process.env.MERGE_API_KEY ? "Merge (MERGE_API_KEY is set)" : "the embedded simulator (demo data)";
console.log(`\n  Audit Trail Explorer: open ${url}\n  Data: ${upstream}\n`);

const child = spawn("npx", ["next", "dev", "--hostname", "127.0.0.1", "--port", port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
