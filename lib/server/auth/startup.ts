import "server-only";

import { getAuthConfig, hasRealProvider, type AuthConfig } from "@/lib/server/auth/config";
import { isAllowlistEmpty } from "@/lib/server/auth/allowlist";
import { isDemoSignInEnabled } from "@/lib/server/auth/demo";
import { getAuthSecret } from "@/lib/server/auth/secret";

// Configuration mistakes that lock everyone out are legal but surprising: say so once, loudly, in
// the server log, instead of leaving the operator to wonder why every sign-in is refused.

export function describeLockouts(
  config: AuthConfig,
  context: { demoEnabled: boolean; production: boolean; appUrl: string | undefined },
): string[] {
  const warnings: string[] = [];
  if (hasRealProvider(config) && isAllowlistEmpty(config.allowlist)) {
    warnings.push(
      "Sign-in: an identity provider is configured but neither AUTH_ALLOWED_EMAILS nor AUTH_ALLOWED_DOMAINS is set, so nobody is let in. Set one of them.",
    );
  }
  if (!hasRealProvider(config) && !context.demoEnabled) {
    warnings.push(
      "Sign-in: the upstream is Merge, so the demo sign-in is off, and no identity provider is configured (AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET): nobody can sign in.",
    );
  }
  if (context.production && !context.appUrl) {
    warnings.push(
      "Sign-in: NEXTAUTH_URL is not set: sign-in redirects will point at http://localhost:3000. Set it to this app's public URL.",
    );
  }
  return warnings;
}

let checked = false;

/**
 * Validates the sign-in configuration (throwing on a missing NEXTAUTH_SECRET in production or a
 * half-configured provider) and logs lock-out warnings. Cheap after the first call.
 */
export function checkAuthConfiguration(): void {
  if (checked) return;
  getAuthSecret();
  const config = getAuthConfig();
  const warnings = describeLockouts(config, {
    demoEnabled: isDemoSignInEnabled(),
    production: process.env.NODE_ENV === "production",
    appUrl: process.env.NEXTAUTH_URL,
  });
  for (const warning of warnings) console.warn(warning);
  checked = true;
}
