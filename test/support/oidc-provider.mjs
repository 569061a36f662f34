// A real OpenID provider for the single sign-on tests (oidc-provider is ESM-only, so it runs
// here, in a child process, rather than inside jest). Configured by the environment:
//   OIDC_PORT      the port to listen on (127.0.0.1)
//   OIDC_CLIENTS   JSON array of clients ({ client_id, client_secret, redirect_uris })
//   OIDC_ACCOUNTS  JSON object: account id (what is typed as the login) → its claims
// Prints "issuer <url>" once it listens. Any password is accepted (devInteractions): the
// tests sign in as an account by posting its id in the login form.
import console from 'node:console';
import process from 'node:process';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS ?? '{}');
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: clients.map((client) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...client })),
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'department_code'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['duban-test-provider-cookie-key'] },
});
provider.on('server_error', (_ctx, error) => console.error('provider server_error', error));

provider.listen(port, '127.0.0.1', () => {
  console.log(`issuer ${issuer}`);
});
process.on('SIGTERM', () => process.exit(0));
