// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel builds (tests, benchmarks, several checkouts' tooling) keep apart.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // The archive's drivers load at run time from node_modules: PGlite reads its WASM and data files
  // next to its own code, and pg has optional native parts a bundler cannot resolve.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
};

module.exports = nextConfig;
