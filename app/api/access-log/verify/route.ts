import { appDependencies } from "@/lib/server/app-dependencies";

import { createVerifyRoute } from "./create-route";

export const GET = createVerifyRoute(appDependencies);
