import { appDependencies } from "@/lib/server/app-dependencies";

import { createAccessLogExportRoute } from "./create-route";

export const GET = createAccessLogExportRoute(appDependencies);
