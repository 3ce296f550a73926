import { appDependencies } from "@/lib/server/app-dependencies";
import { archiveStatus } from "@/lib/server/archive/runtime";

import { createArchiveStatusRoute } from "./create-route";

export const GET = createArchiveStatusRoute({ getSession: appDependencies.getSession, readStatus: archiveStatus });
