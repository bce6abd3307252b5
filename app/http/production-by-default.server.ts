// Imported by server.ts right after dotenv, before anything reads NODE_ENV (React picks its build at
// import time): a started server with no NODE_ENV runs as production — the safe side — never as
// development with Vite serving the project folder. `npm run dev` says "development" explicitly.
// (docs/decisions/012)
if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  console.warn("NODE_ENV is not set: starting in production mode (npm run dev starts the development server).");
}
