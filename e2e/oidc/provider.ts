import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import Provider from "oidc-provider";

// A real, certified OpenID Connect provider (panva's oidc-provider) on loopback, so the sign-in
// journeys exercise next-auth's actual authorization-code + PKCE flow. Only the login screen is
// ours: a one-field form that logs in the account with that email and grants consent at once.

export type TestAccount = { id: string; email: string; emailVerified: boolean; name: string };

export type TestIdp = { issuer: string; close(): Promise<void> };

const SCOPE = "openid email profile";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function loginPage(uid: string, message = ""): string {
  return `<!doctype html><html lang="en"><head><title>Test IdP sign-in</title></head><body>
<h1>Test IdP</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label>Email <input name="email" type="email" required autofocus></label>
<button type="submit">Continue</button>
</form></body></html>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function startTestIdp(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: readonly TestAccount[];
}): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const byId = new Map(options.accounts.map((account) => [account.id, account]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Refuse any authorization request without a PKCE challenge: proves the app sends one.
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["audit-trail-explorer-test-idp"] },
    async findAccount(_ctx, id) {
      const account = byId.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified, name: account.name }),
      };
    },
  });
  const handleOidc = provider.callback();

  async function handleInteraction(request: IncomingMessage, response: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(request, response);
    if (request.method === "GET") {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(uid));
      return;
    }
    const email = (await readForm(request)).get("email")?.trim().toLowerCase();
    const account = options.accounts.find((candidate) => candidate.email === email);
    if (!account) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(loginPage(uid, "Unknown account"));
      return;
    }
    const grant = new provider.Grant({ accountId: account.id, clientId: String(details.params.client_id) });
    grant.addOIDCScope(SCOPE);
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.id }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const server: Server = createServer((request, response) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(request.url ?? "/", issuer).pathname);
    if (!match?.[1]) {
      void handleOidc(request, response);
      return;
    }
    handleInteraction(request, response, match[1]).catch((error: unknown) => {
      response.writeHead(500, { "Content-Type": "text/plain" }).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
