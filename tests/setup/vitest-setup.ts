// Runs before every Vitest file. Database tests get their own SQLite file per worker from
// tests/setup/test-database.ts; nothing global is needed here yet.
process.env.NODE_ENV ??= "test";
