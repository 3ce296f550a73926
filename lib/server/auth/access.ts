import "server-only";

import { checkAllowlist, type Allowlist, type DenialReason } from "@/lib/server/auth/allowlist";
import { DEMO_PROVIDER_ID } from "@/lib/server/auth/demo";

// The one decision "may this person read the audit trail", made at sign-in and again on every
// request, so that removing someone from the allowlist (or pointing the app at Merge, which ends
// the demo) takes effect without waiting for their session to expire.

export type AccessDenial = DenialReason | "demo_unavailable";

export type AccessDecision = { allowed: true } | { allowed: false; reason: AccessDenial };

export type SignedInIdentity = {
  provider: string;
  email: string | null | undefined;
  /** The IdP's `email_verified` claim where it sends one; only known at sign-in. */
  emailVerified?: boolean;
};

export function decideAccess(
  identity: SignedInIdentity,
  context: { allowlist: Allowlist; demoEnabled: boolean },
): AccessDecision {
  // The demo user is always allowed, but only while the data is demo data.
  if (identity.provider === DEMO_PROVIDER_ID) {
    return context.demoEnabled ? { allowed: true } : { allowed: false, reason: "demo_unavailable" };
  }
  return checkAllowlist(context.allowlist, identity);
}
