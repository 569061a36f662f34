import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadDubanConfig } from '@duban/config';
import { COMMAND_LINE_USERNAME, passwordPolicyProblems, SYSTEM_REASONS } from '@duban/domain';
import { AuditLogRepository, hashPassword, openDatabase, UserRepository } from '@duban/persistence';

/**
 * `npm run admin:create -- --username <name> [--display-name <name>] [--email <address>] [--phone <number>]`
 * (in the Docker image: `node dist/apps/api/main.js admin:create --username …`).
 *
 * Creates a system administrator, the first one of a fresh production system. The password is
 * read from DUBAN_ADMIN_PASSWORD, else asked for twice at the terminal without echo; it must
 * meet the password policy. Runs the migrations first (a fresh database has no tables yet).
 */
export interface AdminCreateIo {
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Asks for a secret at the terminal; null when there is no terminal. */
  askSecret: (prompt: string) => Promise<string | null>;
}

const USAGE = 'usage: npm run admin:create -- --username <name> [--display-name <name>] [--email <address>] [--phone <number>]';

export async function createAdministrator(argv: string[], io: AdminCreateIo): Promise<{ id: string; username: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
    },
    strict: true,
  });
  const username = values.username?.trim();
  if (!username || !/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/.test(username)) {
    throw new Error(`--username is required: 2-64 letters, digits, ., _ or -\n${USAGE}`);
  }
  if (values.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) throw new Error('--email is not an e-mail address');
  const password = io.env.DUBAN_ADMIN_PASSWORD ?? (await askTwice(io));
  const problems = passwordPolicyProblems(password, username);
  if (problems.length > 0) throw new Error(`The password is refused: ${problems.join('; ')}`);

  const config = loadDubanConfig(io.env);
  const dataSource = await openDatabase(config.databaseUrl, 'duban-admin-create');
  try {
    const users = new UserRepository(dataSource);
    if (await users.findByUsernameIgnoringCase(username)) throw new Error(`A user named ${username} exists already; choose another username`);
    const id = randomUUID();
    const passwordHash = await hashPassword(password);
    await dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO users (id, username, display_name, email, phone, password_hash, role, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, 'admin', now())`, [
        id,
        username,
        values['display-name']?.trim() || '系统管理员',
        values.email ?? null,
        values.phone ?? null,
        passwordHash,
      ]);
      await new AuditLogRepository(dataSource).record(
        {
          actorId: null,
          actorUsername: COMMAND_LINE_USERNAME,
          action: 'administrator.created',
          targetType: 'user',
          targetId: id,
          targetLabel: username,
          reason: SYSTEM_REASONS.created_at_command_line,
        },
        tx,
      );
    });
    io.out(`System administrator ${username} created (id ${id}). Sign in at ${config.http.publicUrl}/console/login`);
    return { id, username };
  } finally {
    await dataSource.destroy();
  }
}

async function askTwice(io: AdminCreateIo): Promise<string> {
  const first = await io.askSecret('Password for the new administrator: ');
  if (first === null) throw new Error('No terminal to ask for the password: set DUBAN_ADMIN_PASSWORD');
  const second = await io.askSecret('The same password again: ');
  if (first !== second) throw new Error('The two passwords differ');
  return first;
}

/** Reads a line at the terminal without showing what is typed. */
export function askSecretAtTerminal(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return Promise.resolve(null);
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let prompted = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      // The prompt is shown; what is typed is not.
      if (!prompted) {
        prompted = true;
        write(s);
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

export async function adminCreateMain(argv: string[]): Promise<void> {
  try {
    await createAdministrator(argv, { env: process.env, out: (line) => console.log(line), askSecret: askSecretAtTerminal });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
