import { appDependencies } from "@/lib/server/app-dependencies";

import { createExportRoute } from "./create-route";

export const GET = createExportRoute(appDependencies);
