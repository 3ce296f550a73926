import { SESSION_EXPIRED_MESSAGE } from "@/lib/api-errors";

// What the sign-in page says about the query next-auth and proxy.ts send people there with.
// Access-denied reasons come from our signIn callback or from the per-request re-check.

export type SignInNotice = { tone: "error" | "info"; title: string; body: string };

export type SignInQuery = { error?: string; denied?: string; reason?: string };

const EXPIRED: SignInNotice = { tone: "info", title: SESSION_EXPIRED_MESSAGE, body: "You will come back to the page you had open." };

function accessDenied(denied: string | undefined, noAllowlist: boolean): SignInNotice {
  const title = "Access denied";
  if (denied === "no_allowlist" || (denied === undefined && noAllowlist)) {
    return {
      tone: "error",
      title,
      body: "Nobody is allowed in yet: this deployment has no allowlist. An administrator must set AUTH_ALLOWED_EMAILS or AUTH_ALLOWED_DOMAINS.",
    };
  }
  if (denied === "unverified") {
    return {
      tone: "error",
      title,
      body: "Your identity provider has not verified your email address, so it cannot be matched against the allowlist. Verify it with your identity provider, then sign in again.",
    };
  }
  if (denied === "demo_unavailable") {
    return {
      tone: "error",
      title,
      body: "The demo sign-in only works with demo data, and this deployment now reads from Merge. Sign in with your organization's account.",
    };
  }
  return {
    tone: "error",
    title,
    body: "Your email address is not on this app's allowlist. Ask an administrator to add it to AUTH_ALLOWED_EMAILS, or its domain to AUTH_ALLOWED_DOMAINS.",
  };
}

export function signInNotice(query: SignInQuery, context: { noAllowlist: boolean }): SignInNotice | undefined {
  if (query.error === "AccessDenied") return accessDenied(query.denied, context.noAllowlist);
  if (query.error === "SessionRequired" || (!query.error && query.reason === "expired")) return EXPIRED;
  if (query.error === "Configuration") {
    return { tone: "error", title: "Sign-in is misconfigured", body: "An administrator should check the server log." };
  }
  if (query.error) {
    // next-auth's codes are single words; anything else is not echoed (it could be a crafted message).
    const code = /^[A-Za-z]{1,40}$/.test(query.error) ? ` (${query.error})` : "";
    return {
      tone: "error",
      title: "Sign-in failed",
      body: `The identity provider's answer could not be used${code}. Try again; if it keeps failing, an administrator should check the server log.`,
    };
  }
  return undefined;
}
