import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Runs `next start` of the production build on `port` until it exits (or 30 s pass) and returns its
 * exit code and output: for settings that must stop the server at start. The environment's own
 * auth, Merge and archive settings are left out, so only `env` decides.
 */
export function startUntilExit(
  port: number,
  env: Record<string, string> & { NODE_ENV: "development" | "test" | "production" },
): Promise<{ code: number | null; output: string }> {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const inherited = Object.entries(process.env).filter(([name]) => !/^(AUTH_|NEXTAUTH_|MERGE_|ARCHIVE|DATABASE_URL$)/.test(name));
  const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", ...env };
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGTERM"), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
