import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes the next migration from the schema files (the archive's and the
// app's records). The files are committed and applied at start by lib/server/archive/database.ts;
// never edit one that has shipped.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/server/archive/schema.ts", "./lib/server/records/schema.ts"],
  out: "./lib/server/archive/migrations",
});
