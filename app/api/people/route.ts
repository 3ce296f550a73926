import { appDependencies } from "@/lib/server/app-dependencies";

import { createPeopleRoute } from "./create-route";

export const GET = createPeopleRoute(appDependencies);
