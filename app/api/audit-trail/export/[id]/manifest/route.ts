import { appDependencies } from "@/lib/server/app-dependencies";

import { createManifestRoute } from "./create-route";

export const GET = createManifestRoute(appDependencies);
