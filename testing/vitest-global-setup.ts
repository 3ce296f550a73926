import pg from "pg";

// Once per Vitest run: says in one line whether the archive's tests also run on a PostgreSQL
// server, and fails the run when TEST_DATABASE_URL is set but nothing answers there, rather than
// letting the server variant pass by not running.
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log("TEST_DATABASE_URL is not set: the archive's tests run on PGlite only (PostgreSQL variant skipped)");
    return;
  }
  const where = new URL(url);
  where.password = "";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but no PostgreSQL server answers at ${where.host}: ${String(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  console.log(`The archive's tests run on PGlite and on the PostgreSQL server at ${where.host}`);
}
