import { appDependencies } from "@/lib/server/app-dependencies";

import { createAuditTrailRoute } from "./create-route";

export const GET = createAuditTrailRoute(appDependencies);
