import { z } from "zod";

// Signs in the way a person does: next-auth's CSRF token, then the demo user's credentials
// callback. Using the real provider keeps the bench independent of the session's claims.

export type Session = {
  /** For a `Cookie` request header. */
  cookieHeader: string;
  /** For a Playwright browser context. */
  cookies: { name: string; value: string; url: string }[];
};

const providersSchema = z.record(z.string(), z.object({ id: z.string(), type: z.string() }));
const csrfSchema = z.object({ csrfToken: z.string() });

function cookiePairs(response: Response): [string, string][] {
  return response.headers.getSetCookie().map((line) => {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

export async function signIn(appUrl: string): Promise<Session> {
  const providers = providersSchema.parse(await (await fetch(`${appUrl}/api/auth/providers`)).json());
  const demo = Object.values(providers).find((provider) => provider.type === "credentials");
  if (!demo) throw new Error(`No demo (credentials) sign-in offered by ${appUrl}: providers ${Object.keys(providers).join(", ")}`);

  const csrfResponse = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = csrfSchema.parse(await csrfResponse.json());
  const jar = new Map(cookiePairs(csrfResponse));

  const callback = await fetch(`${appUrl}/api/auth/callback/${demo.id}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
    },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
  for (const [name, value] of cookiePairs(callback)) jar.set(name, value);
  const session = [...jar].filter(([name, value]) => name.includes("session-token") && value !== "");
  if (session.length === 0) throw new Error(`Demo sign-in gave no session cookie (HTTP ${callback.status})`);

  return {
    cookieHeader: session.map(([name, value]) => `${name}=${value}`).join("; "),
    cookies: session.map(([name, value]) => ({ name, value, url: appUrl })),
  };
}
