import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { getAuthOptions } from "@/lib/server/auth/options";
import { refuseDeniedSession } from "@/lib/server/auth/session-endpoint";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The options are built per process on first request, not at import (see getAuthOptions).
async function handler(request: NextRequest, context: RouteContext): Promise<Response> {
  const refused = await refuseDeniedSession(request);
  if (refused) return refused;
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
