// Prints the path of the Temporal CLI, building it into the project cache when needed (.ci/run uses this).
import { ensureTemporalCli } from './lib/temporal-cli';

ensureTemporalCli((line) => console.error(line)).then(
  (binary) => console.log(binary),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
