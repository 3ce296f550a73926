import { appDependencies } from "@/lib/server/app-dependencies";

import { createViewDeleteRoute, createViewRenameRoute } from "./create-route";

export const PATCH = createViewRenameRoute(appDependencies);
export const DELETE = createViewDeleteRoute(appDependencies);
