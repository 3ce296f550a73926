import { appDependencies } from "@/lib/server/app-dependencies";

import { createEventOpenedRoute } from "./create-route";

export const POST = createEventOpenedRoute(appDependencies);
