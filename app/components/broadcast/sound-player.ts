import { useEffect, useRef, useState } from "react";
import { cuesBetween, type CueMoment, type SoundCue } from "~/broadcast/sound-cues";

/**
 * The display's sound cues, synthesised with WebAudio (no sound files): a rising two-note chime
 * when a question opens, a short tick for each of the last seconds (higher for the last one), and
 * a bright arpeggio on the reveal. Short and moderate in level: the sound desk mixes them in.
 */
type Note = { frequency: number; at: number; length: number; type: OscillatorType; level: number };

const CUES: Record<SoundCue, Note[]> = {
  "question-start": [
    { frequency: 523.25, at: 0, length: 0.16, type: "sine", level: 0.35 },
    { frequency: 783.99, at: 0.14, length: 0.3, type: "sine", level: 0.35 },
  ],
  tick: [{ frequency: 880, at: 0, length: 0.07, type: "square", level: 0.12 }],
  "last-tick": [{ frequency: 1318.5, at: 0, length: 0.12, type: "square", level: 0.15 }],
  reveal: [
    { frequency: 523.25, at: 0, length: 0.18, type: "triangle", level: 0.3 },
    { frequency: 659.25, at: 0.09, length: 0.18, type: "triangle", level: 0.3 },
    { frequency: 783.99, at: 0.18, length: 0.2, type: "triangle", level: 0.3 },
    { frequency: 1046.5, at: 0.27, length: 0.45, type: "triangle", level: 0.3 },
  ],
};

function play(context: AudioContext, cue: SoundCue): void {
  const start = context.currentTime + 0.01;
  for (const note of CUES[cue]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = note.type;
    oscillator.frequency.value = note.frequency;
    // A quick attack and an exponential release: no clicks at either end.
    gain.gain.setValueAtTime(0.0001, start + note.at);
    gain.gain.exponentialRampToValueAtTime(note.level, start + note.at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + note.length);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + note.at);
    oscillator.stop(start + note.at + note.length + 0.02);
  }
}

/**
 * Plays the cues between successive moments while `enabled`. Browsers other than broadcast
 * software's browser sources keep audio off until someone clicks the page: `blocked` says so, and
 * `unblock` (from a click) lets it play.
 */
export function useSoundCues(enabled: boolean, moment: CueMoment | null) {
  const context = useRef<AudioContext | null>(null);
  const previous = useRef<CueMoment | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    if (!enabled || typeof window === "undefined" || !("AudioContext" in window)) return;
    const audio = new AudioContext();
    context.current = audio;
    const update = () => setBlocked(audio.state === "suspended");
    update();
    audio.addEventListener("statechange", update);
    return () => {
      audio.removeEventListener("statechange", update);
      context.current = null;
      void audio.close();
    };
  }, [enabled]);

  const phase = moment?.phase;
  const questionIndex = moment?.questionIndex;
  const secondsLeft = moment?.secondsLeft;
  const paused = moment?.paused;
  useEffect(() => {
    if (!moment) return;
    const cues = cuesBetween(previous.current, moment);
    previous.current = moment;
    const audio = context.current;
    if (!enabled || !audio || audio.state !== "running") return;
    for (const cue of cues) play(audio, cue);
    // Keyed by the moment's fields, not the object: a new snapshot of the same moment plays nothing.
  }, [enabled, phase, questionIndex, secondsLeft, paused]);

  return {
    blocked: enabled && blocked,
    unblock: () => void context.current?.resume(),
  };
}
