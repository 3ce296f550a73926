import { chromium, type Browser, type BrowserContext } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutablePath } from "../../testing/chromium";
import type { Session } from "./session";

// One headless Chromium for the whole run; every measured load gets a fresh context, so its HTTP
// cache, cookies and storage are empty (a cold load) while the browser process stays warm.

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS, headless: true });
}

export async function coldContext(browser: Browser, session?: Session): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (session) await context.addCookies(session.cookies);
  return context;
}
