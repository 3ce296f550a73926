import { appDependencies } from "@/lib/server/app-dependencies";

import { createStatsRoute } from "./create-route";

export const GET = createStatsRoute(appDependencies);
