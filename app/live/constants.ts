/** Limits and timings of a live game. Every duration is in milliseconds of the server's clock. */

/**
 * How long after a question's deadline an answer is still accepted.
 *
 * The deadline a player sees is the server's deadline translated by their clock offset, so a tap
 * made just before zero on the phone's screen reaches the server up to one trip later. A phone on
 * a busy 3G/4G cell in a school yard takes 100–400 ms one way; 500 ms lets those taps count while
 * staying too short to be worth cheating for (an answer in the grace window scores as if given at
 * the deadline, i.e. half points). The clients are never told about it: the countdown they show
 * still ends at the deadline.
 */
export const ANSWER_GRACE_MS = 500;

/** A question's time limit, as the host may set it. */
export const MIN_TIME_LIMIT_MS = 5_000;
export const MAX_TIME_LIMIT_MS = 120_000;

/** The "get ready" screen before each question: time to look up at the screen. */
export const DEFAULT_COUNTDOWN_MS = 3_000;
export const MAX_COUNTDOWN_MS = 10_000;

/** Kahoot's published rule: full points for an answer within the first half second. */
export const FULL_POINTS_WITHIN_MS = 500;
export const MAX_POINTS = 1_000;
/** An answer at the deadline still earns this share of the maximum. */
export const POINTS_AT_DEADLINE = 500;
export const STREAK_BONUS_STEP = 100;
export const MAX_STREAK_BONUS = 500;

/** One game is owned by one process (decision 004); past this, split the audience into several games. */
export const MAX_PLAYERS_PER_GAME = 10_000;
export const MAX_QUESTIONS_PER_GAME = 200;
export const MAX_RESCUES_PER_GAME = 10;
export const MAX_NAME_LENGTH = 40;

/**
 * A lobby with no change (no join, no host action) for this long closes and frees its PIN: a game
 * created and forgotten must not keep a PIN that strangers can walk to. Four hours leaves a host
 * who prepares a game in the morning for an afternoon broadcast room to spare; any join or host
 * action restarts the count.
 */
export const LOBBY_IDLE_MS = 4 * 60 * 60 * 1000;

/** How many rows the host and display screens get; a player only ever gets their own row. */
export const LEADERBOARD_SIZE = 10;
/** The lobby shows the latest joiners, not all of them: the list goes to screens a few times a second. */
export const LOBBY_NAMES_SHOWN = 60;

/** Ping samples a client takes to estimate its clock offset; the lowest-delay ones are kept. */
export const CLOCK_SYNC_SAMPLES = 8;
