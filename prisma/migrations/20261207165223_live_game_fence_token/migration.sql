-- The lease's fencing token of the process running the game (docs/decisions/037). An added column
-- rather than the engine's table rebuild, so the migration composes with other branches' changes.
ALTER TABLE "LiveGame" ADD COLUMN "fenceToken" INTEGER NOT NULL DEFAULT 0;
