import { appDependencies } from "@/lib/server/app-dependencies";

import { createAccessLogRoute } from "./create-route";

export const GET = createAccessLogRoute(appDependencies);
