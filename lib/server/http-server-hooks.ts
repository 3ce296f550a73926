import "server-only";

import { Server, type IncomingMessage, type ServerResponse } from "node:http";

import { recordLostQueryParams } from "@/lib/server/lost-query-params";
import { answerUnsupportedMethod } from "@/lib/server/unsupported-methods";

// What must happen to a request before Next sees it, which no part of Next offers a hook for: Next
// cannot build a Request for some methods, and its parse of the query loses some keys.

declare global {
  var httpServerHooksInstalled: boolean | undefined;
}

/** Puts the hooks in front of every HTTP server of this process (Next's included); once. */
export function installHttpServerHooks(): void {
  if (globalThis.httpServerHooksInstalled) return;
  globalThis.httpServerHooksInstalled = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (answerUnsupportedMethod(request, response)) return true;
      recordLostQueryParams(request);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  };
}
