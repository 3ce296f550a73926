import "server-only";

import type { AuthOptions } from "next-auth";

import { SIGN_IN_PATH } from "@/lib/api-errors";
import { decideAccess } from "@/lib/server/auth/access";
import { safeCallbackPath } from "@/lib/server/auth/callback-url";
import { getAuthConfig } from "@/lib/server/auth/config";
import { isDemoSignInEnabled } from "@/lib/server/auth/demo";
import { readIdentity } from "@/lib/server/auth/identity";
import { buildProviders } from "@/lib/server/auth/providers";
import { recordSignIn } from "@/lib/server/auth/sign-in-records";
import { getAuthSecret } from "@/lib/server/auth/secret";
import { checkAuthConfiguration } from "@/lib/server/auth/startup";

/** A working day: long enough not to nag, short enough that a lost laptop's session dies. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function buildAuthOptions(): AuthOptions {
  checkAuthConfiguration();
  const config = getAuthConfig();
  return {
    secret: getAuthSecret(),
    providers: buildProviders(config, { demo: isDemoSignInEnabled() }),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    callbacks: {
      async signIn({ user, account, profile }) {
        const provider = account?.provider ?? "";
        const decision = decideAccess(
          { provider, email: user.email, emailVerified: readIdentity(profile).emailVerified },
          { allowlist: config.allowlist, demoEnabled: isDemoSignInEnabled() },
        );
        await recordSignIn(decision.allowed ? "sign_in" : "sign_in_denied", user.email, {
          provider,
          ...(decision.allowed ? {} : { reason: decision.reason }),
        });
        // A string sends the browser to our access-denied page with the reason it can explain.
        return decision.allowed || `${SIGN_IN_PATH}?error=AccessDenied&denied=${decision.reason}`;
      },
      jwt({ token, account }) {
        // The cookie holds only what the per-request check needs: who, and through which provider.
        if (account) token.provider = account.provider;
        delete token.picture;
        return token;
      },
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
  };
}

let cached: AuthOptions | undefined;

/**
 * next-auth's options, built on first use rather than at import: `next build` loads route modules
 * without production secrets, and the demo provider depends on the runtime upstream.
 */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions();
  return cached;
}
