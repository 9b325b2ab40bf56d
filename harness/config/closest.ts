/** "Did you mean …?": the known name nearest to a mistyped one (edit distance, case ignored). */

function distance(a: string, b: string): number {
  // One row of the Levenshtein table at a time: names are short, candidates a few hundred.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The nearest candidate, whatever the distance; undefined only when there are none. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The nearest candidate when it is plausibly what was meant (a typo, not another word). */
export function suggestion(name: string, candidates: Iterable<string>): string | undefined {
  const best = closestName(name, candidates);
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return distance(name.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
