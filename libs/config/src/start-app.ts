import { Logger } from '@nestjs/common';
import { ConfigError } from './duban-config';

/**
 * Runs an app's main function; a failure to start ends the process with code 1 and a message
 * (a configuration error as one plain line naming the variable, anything else with its stack).
 */
export function startApp(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      new Logger(name).error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exit(1);
  });
}
