/**
 * The typed Socket.IO contract. Event names are `domain:verb`; every client request carries an
 * ack callback and gets exactly one answer.
 */
export type Ack<T> = (response: AckResponse<T>) => void;
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: string };

export type ServerToClientEvents = Record<string, never>;

export interface ClientToServerEvents {
  /** Clock sync: the client sends its own send time, the server answers with its clock. */
  "system:ping": (payload: { clientSentAt: number }, ack: Ack<{ clientSentAt: number; serverTime: number }>) => void;
}

export interface SocketData {
  user: { id: string; role: string; displayName: string } | null;
}
