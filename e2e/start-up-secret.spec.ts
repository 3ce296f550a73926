import { spawn } from "node:child_process";
import path from "node:path";

import { expect, test } from "./support/test";

// The production build, started for real: with an identity provider or Merge configured and no
// usable NEXTAUTH_SECRET it must stop at once, naming the variable, whatever NODE_ENV says (the
// public development secret would otherwise sign its sessions).

const PORT = 3233;

/** Runs `next start` until it exits (or 30 s pass) and returns its exit code and output. */
function startUntilExit(env: Record<string, string> & { NODE_ENV: "development" | "test" | "production" }): Promise<{ code: number | null; output: string }> {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const inherited = Object.entries(process.env).filter(([name]) => !/^(AUTH_|NEXTAUTH_|MERGE_)/.test(name));
  const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), NEXT_TELEMETRY_DISABLED: "1", ...env };
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(PORT)], {
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

test.describe.configure({ mode: "default" });

for (const NODE_ENV of ["development", "test", "production"] as const) {
  test(`next start stops without NEXTAUTH_SECRET when an identity provider is configured (NODE_ENV=${NODE_ENV})`, async () => {
    test.setTimeout(60_000);
    const { code, output } = await startUntilExit({
      NODE_ENV,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      AUTH_OIDC_ISSUER: "https://idp.example.test",
      AUTH_OIDC_CLIENT_ID: "client",
      AUTH_OIDC_CLIENT_SECRET: "secret",
      AUTH_ALLOWED_DOMAINS: "example.com",
    });
    expect(code).toBe(1);
    expect(output).toContain("Refusing to start: NEXTAUTH_SECRET is not set");
  });
}
