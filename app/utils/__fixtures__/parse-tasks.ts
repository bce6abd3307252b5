// Tasks for app/utils/parse-in-worker.server.test.ts: a parser that answers, one that never ends
// and one that eats memory without bound — the two kinds of bug the worker's budget is for.

export function echo(input: { text: string }) {
  return { length: input.text.length };
}

export function spin(): never {
  for (;;) {
    // A parser stuck in a loop.
  }
}

export function hog(): never {
  const kept: string[] = [];
  for (;;) kept.push(`${"x".repeat(1024)}${kept.length}`);
}

export function fail(): never {
  throw new Error("a parser bug");
}
