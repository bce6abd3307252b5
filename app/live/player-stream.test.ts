import { describe, expect, it } from "vitest";
import type { GameEvent, GameState } from "./game-state";
import { broadcastViews, composePlayerView, encodedViewHead, encodePlayerView, playerCommonView, playerPersonal, playerView, sentPersonal, type PlayerView, type SentPersonal } from "./player-view";
import { currentView, receiveCommon, receiveView, type PlayerStream } from "./player-stream";
import { seededRandom } from "./shuffle";
import { pendingTimer, transition } from "./transition";
import { answer, hostMust, makeGame, makeQuestion, must, openFirstQuestion, rightKeys, school, withPlayers } from "./__fixtures__/live-game";

const OPEN = 10_000;

describe("a phone joining common parts and whole snapshots (property)", () => {
  // Every state of random games is broadcast as the runner broadcasts it (broadcastViews), to
  // phones that keep what they get as the play page does (player-stream.ts). After every
  // broadcast each phone must show exactly the whole snapshot the server would send it.
  for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
    it(`shows what a whole snapshot would show, in every state of random game ${seed}`, () => {
      const random = seededRandom(`stream-${seed}`);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
      const ids = Array.from({ length: 6 }, (_, index) => `p${index}`);
      let state: GameState = makeGame({
        seed,
        mode: random() < 0.5 ? "classic" : "elimination",
        rescues: 2,
        teamsBy: pick(["school", "area", null] as const),
        questions: [makeQuestion(1), makeQuestion(2), makeQuestion(3)],
      });
      const sent = new Map<string, SentPersonal>();
      const phones = new Map<string, PlayerStream | null>();
      let now = 0;
      let checked = 0;
      let fromCommon = 0;

      // A phone that joins gets its whole snapshot in the ack, as the transport sends it.
      const connect = (playerId: string) => {
        const personal = playerPersonal(state, playerId);
        if (!personal) return;
        const view = composePlayerView(playerCommonView(state, now), personal);
        phones.set(playerId, receiveView(phones.get(playerId) ?? null, view));
        sent.set(playerId, sentPersonal(state, playerId, view, personal));
      };
      for (const [index, id] of ids.entries()) {
        state = must(state, { type: "player-joined", playerId: id, name: `Tên ${index}`, unit: school(`s${index % 3}`, `d${index % 2}`) }, now).state;
        connect(id);
      }

      for (let step = 0; step < 300 && state.phase.name !== "ended"; step += 1) {
        now += Math.floor(random() * 2_000);
        const roll = random();
        let event: GameEvent;
        if (roll < 0.45) {
          const questionIndex = "questionIndex" in state.phase ? state.phase.questionIndex : 0;
          event = { type: "answer-submitted", playerId: pick(ids), answerId: `a${step}`, questionIndex, optionIds: [pick(["A", "B", "C", "D"])] };
        } else if (roll < 0.6) {
          const pending = pendingTimer(state);
          if (pending) now = Math.max(now, pending.at);
          event = pending ? { type: "timer-fired", timer: pending.timer } : { type: "host-connected" };
        } else if (roll < 0.9) {
          event = { type: "host-command", command: pick(["start", "next", "next", "next", "pause", "resume", "rescue", "skip"] as const), step: state.step };
        } else if (roll < 0.95) {
          event = { type: "host-command", command: "kick", playerId: pick(ids) };
        } else {
          event = { type: "player-reconnected", playerId: pick(ids) };
        }
        const result = transition(state, event, now);
        state = result.state;
        for (const effect of result.effects) {
          if (effect.type === "send" && effect.to.role === "player") connect(effect.to.playerId);
          if (effect.type !== "broadcast") continue;
          const present = ids.filter((id) => playerView(state, id, now) !== null);
          const { common, personal } = broadcastViews(state, now, present, sent);
          const head = encodedViewHead(common);
          // Whole snapshots as the transport writes them: encoded from the common part's JSON.
          const views = new Map(personal.map(([id, part]) => [id, JSON.parse(encodePlayerView(head, common, part)) as PlayerView]));
          for (const id of present) {
            const whole = views.get(id);
            if (whole) expect(whole).toEqual(composePlayerView(common, personal.find(([other]) => other === id)![1]));
            if (!whole) fromCommon += 1;
            phones.set(id, whole ? receiveView(phones.get(id) ?? null, whole) : receiveCommon(phones.get(id) ?? null, common));
            expect(currentView(phones.get(id) ?? null)).toEqual(playerView(state, id, now));
            checked += 1;
          }
        }
      }
      expect(checked).toBeGreaterThan(10);
      // The common part alone carried some of them: the property is not met by sending everything whole.
      expect(fromCommon).toBeGreaterThan(0);
    });
  }
});

describe("the messages a player's phone keeps", () => {
  const opened = openFirstQuestion(withPlayers(makeGame(), ["ann", "bao"]), OPEN);
  const inQuestion = answer(opened, "ann", rightKeys(opened, 0), OPEN + 1_000).state;

  it("joins a broadcast that came before the join's ack with the ack's own part", () => {
    const ack = playerView(inQuestion, "ann", OPEN + 1_000)!;
    const paused = hostMust(inQuestion, "pause", OPEN + 2_000);
    const common = playerCommonView(paused, OPEN + 2_000);
    const phone = receiveView(receiveCommon(null, common), ack);
    expect(currentView(phone)).toEqual(playerView(paused, "ann", OPEN + 2_000));
  });

  it("shows nothing until a whole snapshot came", () => {
    expect(currentView(receiveCommon(null, playerCommonView(inQuestion, OPEN)))).toBeNull();
  });

  it("never lets an older message replace a newer one, and a new epoch wins over any version", () => {
    const older = playerView(inQuestion, "ann", OPEN + 1_000)!;
    const paused = hostMust(inQuestion, "pause", OPEN + 2_000);
    const newer = playerView(paused, "ann", OPEN + 2_000)!;
    const phone = receiveCommon(receiveView(null, newer), playerCommonView(inQuestion, OPEN + 1_000));
    expect(currentView(receiveView(phone, older))).toEqual(newer);

    const restored = { ...paused, epoch: (paused.epoch ?? paused.createdAt) + 1, version: 1 };
    const afterRestart = playerView(restored, "ann", OPEN + 3_000)!;
    expect(currentView(receiveView(phone, afterRestart))).toEqual(afterRestart);
  });
});
