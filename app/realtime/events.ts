import type { DelayPath } from "~/live/play-along-state";
import type { PlayerCommonView, PlayerView, StaffView } from "~/live/player-view";
import type { TokenBucket } from "~/utils/rate-limit";

/**
 * The typed Socket.IO contract. Event names are `domain:verb`; every client request carries an
 * ack callback and gets exactly one answer. Payloads are checked with the zod schemas in
 * live-schemas.ts; error strings are codes the client translates (app/utils/i18n/messages/live.ts).
 */
export type Ack<T> = (response: AckResponse<T>) => void;
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: string };

export type LiveView = PlayerView | StaffView;

export interface ServerToClientEvents {
  /** The whole snapshot this screen renders from; a newer `version` replaces an older one. */
  "game:state": (view: LiveView) => void;
  /**
   * To players: what every player is shown alike, one room broadcast. The phone joins it with its
   * own part from the last whole snapshot (app/live/player-stream.ts, docs/decisions/029).
   */
  "game:common": (view: PlayerCommonView) => void;
  /** The host removed this player; the token no longer works. */
  "game:kicked": (payload: { gameId: string }) => void;
}

export type HostCommandPayload =
  | { gameId: string; command: "start" | "next" | "pause" | "resume" | "skip" | "rescue" | "end"; step: number }
  | { gameId: string; command: "kick"; playerId: string }
  | { gameId: string; command: "lock" | "unlock" };

export interface ClientToServerEvents {
  /** Clock sync: the client sends its own send time, the server answers with its clock. */
  "system:ping": (payload: { clientSentAt: number }, ack: Ack<{ clientSentAt: number; serverTime: number }>) => void;
  /** A host's console: the session cookie must belong to the game's host (or an admin). */
  "host:watch": (payload: { gameId: string }, ack: Ack<StaffView>) => void;
  "host:command": (payload: HostCommandPayload, ack: Ack<{ code: string }>) => void;
  /** The big screen, with the read-only token the host's console shows. */
  "display:watch": (payload: { gameId: string; token: string }, ack: Ack<StaffView>) => void;
  /** A new player: PIN, display name, school or area. The token comes back once; keep it. */
  "player:join": (
    payload: { pin: string; name: string; unitId: string | null; pathId?: string | null },
    ack: Ack<{ gameId: string; playerId: string; token: string; view: PlayerView }>,
  ) => void;
  /** A player coming back (reload, lost connection) with the token from `player:join`. */
  "player:resume": (payload: { gameId: string; token: string }, ack: Ack<{ playerId: string; view: PlayerView }>) => void;
  /** A viewer at home picks another distribution path: in the lobby only (docs/decisions/038). */
  "player:path": (payload: { gameId: string; pathId: string }, ack: Ack<{ code: string; view: PlayerView }>) => void;
  /** The host sets the play-along paths and their delays, before the game starts. */
  "host:play-along": (payload: { gameId: string; paths: DelayPath[] }, ack: Ack<{ code: string }>) => void;
  /** `optionIds` are display keys ("A"–"F"); `answerId` makes a retry count once. */
  "answer:submit": (
    payload: { gameId: string; questionIndex: number; optionIds: string[]; answerId: string },
    ack: Ack<{ code: string }>,
  ) => void;
}

export type LiveSocketData =
  | { role: "host"; gameId: string }
  | { role: "display"; gameId: string }
  | { role: "player"; gameId: string; playerId: string; pathId?: string };

export interface SocketData {
  user: { id: string; role: string; displayName: string } | null;
  live?: LiveSocketData;
  /** The client's network address (per-address join limits), set at connection. */
  address?: string;
  /** This socket's request budget (app/realtime/io.server.ts), shared by every event. */
  bucket?: TokenBucket;
}
