// oidc-provider ships no type declarations: these cover only what the test IdP uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  type Account = { accountId: string; claims: () => Record<string, unknown> };

  type Configuration = {
    clients: Array<{
      client_id: string;
      client_secret: string;
      redirect_uris: string[];
      grant_types: string[];
      response_types: string[];
    }>;
    pkce: { required: () => boolean };
    claims: Record<string, string[]>;
    features: { devInteractions: { enabled: boolean } };
    interactions: { url: (ctx: unknown, interaction: { uid: string }) => string };
    cookies: { keys: string[] };
    findAccount: (ctx: unknown, id: string) => Promise<Account | undefined>;
  };

  type InteractionDetails = { uid: string; params: Record<string, unknown> };

  class Grant {
    constructor(properties: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: { login: { accountId: string }; consent: { grantId: string } },
      options: { mergeWithLastSubmission: boolean },
    ): Promise<void>;
  }
}
