// Runs the longest test files first, so that no worker starts a two-minute file when the
// others are done. Jest does this from the durations of the last run on the same machine; on a
// clean clone it has none and falls back to file size, which puts the browser and fault files
// (short, and the slowest of all) last. Here they go first when no duration is known.
const Sequencer = require('@jest/test-sequencer').default;

/** Files that start browsers or kill servers take minutes whatever their size. */
const TIERS = [
  // The cluster test (its own PostgreSQL, Temporal's server, the API and two workers) starts
  // after the browsers and the fault tier: all of them at once starve two cores.
  { tier: 1, match: /[\\/]test[\\/]faults[\\/]cluster\.test\.ts$/ },
  { tier: 0, match: /[\\/]test[\\/](e2e|faults)[\\/]/ },
  { tier: 1, match: /[\\/]test[\\/](integration|workflows)[\\/]/ },
];

function tierOf(path) {
  return TIERS.find((t) => t.match.test(path))?.tier ?? 2;
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const known = tests.every((test) => this.time(test) != null);
    // With every duration known (a warm run on this machine), Jest's own order is the right one.
    if (known) return super.sort(tests);
    const sizes = new Map(tests.map((test) => [test.path, test.context.hasteFS.getSize(test.path) ?? 0]));
    return [...tests].sort((a, b) => tierOf(a.path) - tierOf(b.path) || sizes.get(b.path) - sizes.get(a.path));
  }
}

module.exports = SlowFirstSequencer;
