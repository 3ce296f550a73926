import { appDependencies } from "@/lib/server/app-dependencies";

import { createViewsCreateRoute, createViewsListRoute } from "./create-route";

export const GET = createViewsListRoute(appDependencies);
export const POST = createViewsCreateRoute(appDependencies);
