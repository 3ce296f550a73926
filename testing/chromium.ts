import { existsSync } from "node:fs";

// Playwright cannot download its own browsers here: tests drive Debian's chromium instead.
const DEFAULT_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumExecutablePath(): string {
  const path = process.env.CHROMIUM_PATH || DEFAULT_PATH;
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}: run "apt-get install -y chromium" or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return path;
}
