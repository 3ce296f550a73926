import "server-only";

import { z } from "zod";

// What a provider's raw profile says about the person, read through zod: the claims arrive from
// another party and their types vary (some IdPs send `email_verified` as the string "false").

const profileSchema = z.looseObject({
  sub: z.union([z.string(), z.number()]).optional(),
  id: z.union([z.string(), z.number()]).optional(),
  email: z.string().optional(),
  email_verified: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  login: z.string().optional(),
});

export type Identity = { id: string; email: string | undefined; emailVerified: boolean | undefined; name: string | undefined };

export function readIdentity(profile: unknown): Identity {
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success) return { id: "", email: undefined, emailVerified: false, name: undefined };
  const claims = parsed.data;
  const verified = claims.email_verified;
  return {
    id: String(claims.sub ?? claims.id ?? ""),
    email: claims.email?.trim().toLowerCase() || undefined,
    emailVerified: verified === undefined ? undefined : verified === true || verified === "true",
    name: claims.name || claims.preferred_username || claims.login || undefined,
  };
}
