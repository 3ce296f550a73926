import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes the next migration from lib/server/archive/schema.ts. The files are
// committed and applied at start by lib/server/archive/database.ts; never edit one that has shipped.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/server/archive/schema.ts",
  out: "./lib/server/archive/migrations",
});
