import "server-only";

import CredentialsProvider from "next-auth/providers/credentials";

import { getServerConfig } from "@/lib/server/config";
import { isDemoUpstream } from "@/lib/upstream";

// The password-less demo sign-in. It reads demo data only, so it exists exactly while the upstream
// is not Merge itself; `isDemoUpstream` is the one rule that decides it.

export const DEMO_PROVIDER_ID = "demo";

/** A reserved-domain address (RFC 2606): it can never belong to a real person. */
export const DEMO_USER = { id: "demo-user", email: "demo@example.com", name: "Demo user" } as const;

export function isDemoSignInEnabled(): boolean {
  return isDemoUpstream(getServerConfig().upstream);
}

export function demoProvider() {
  const provider = CredentialsProvider({
    id: DEMO_PROVIDER_ID,
    name: "Demo user",
    credentials: {},
    // Re-checked here, not only when building the provider list, so a request can never sign in
    // as the demo user against Merge's hosts.
    authorize: () => (isDemoSignInEnabled() ? { ...DEMO_USER } : null),
  });
  // next-auth applies the options' id when it loads providers; say it at the top level too, so
  // the provider list reads the same before that.
  return { ...provider, id: DEMO_PROVIDER_ID };
}
