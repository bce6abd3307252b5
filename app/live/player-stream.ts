import { composePlayerView, personalOf } from "./player-parts";
import type { PlayerCommonView, PlayerPersonal, PlayerView } from "./player-view";

/**
 * What a player's phone keeps of the messages it gets (docs/decisions/029): whole snapshots
 * (`game:state`, the join and resume acks) and common parts (`game:common`, one room broadcast
 * for every player). The screen shows the newest common part joined with the personal part of the
 * newest whole snapshot. The server sends a whole snapshot whenever the personal part it last
 * sent would show something else beside a new common part, so the join is what it would have
 * sent. Views are ordered by epoch, then version; an older one never replaces a newer one.
 */
export type PlayerStream = {
  common: PlayerCommonView;
  /** From the newest whole snapshot; null until the first one (a broadcast may come before the join's ack). */
  personal: { view: PlayerView; part: PlayerPersonal } | null;
};

type Ordered = { epoch: number; version: number };

function atLeast(incoming: Ordered, current: Ordered): boolean {
  if (incoming.epoch !== current.epoch) return incoming.epoch > current.epoch;
  return incoming.version >= current.version;
}

export function receiveView(stream: PlayerStream | null, view: PlayerView): PlayerStream {
  const fresh = { view, part: personalOf(view) };
  // Another game's snapshot drops what belonged to the last one.
  if (!stream || stream.common.gameId !== view.gameId) return { common: view, personal: fresh };
  return {
    common: atLeast(view, stream.common) ? view : stream.common,
    personal: !stream.personal || atLeast(view, stream.personal.view) ? fresh : stream.personal,
  };
}

export function receiveCommon(stream: PlayerStream | null, common: PlayerCommonView): PlayerStream {
  if (!stream || stream.common.gameId !== common.gameId) return { common, personal: null };
  return atLeast(common, stream.common) ? { common, personal: stream.personal } : stream;
}

/** What the screen renders; null until a whole snapshot came. */
export function currentView(stream: PlayerStream | null): PlayerView | null {
  if (!stream?.personal) return null;
  const { common, personal } = stream;
  return common === personal.view ? personal.view : composePlayerView(common, personal.part);
}
