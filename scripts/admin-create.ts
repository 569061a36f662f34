// npm run admin:create -- --username <name> [--display-name <name>] [--email <address>]: the first system administrator.
import { adminCreateMain } from '../apps/api/src/admin-create';

void adminCreateMain(process.argv.slice(2));
