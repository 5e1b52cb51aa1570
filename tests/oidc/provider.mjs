// A real OpenID Connect provider for hrdash's sign-in tests: the OpenID Certified `oidc-provider`,
// configured as a municipality's Entra ID is for hrdash. Started by tests/conftest.py (Provider):
//
//   node provider.mjs CONFIG.json
//
// CONFIG holds the issuer and port, the one client (hrdash) and the test accounts: each with an
// e-mail address, name, password, and `groups` (absent: none), and extra claims (`claims`, e.g.
// Entra ID's groups overage `_claim_names`/`_claim_sources`, or `roles`), plus
// `session_seconds`, how long the provider's own session lasts. It prints one JSON line per
// event on stdout: {"event": "ready"} once it listens, then sign-ins, refused passwords and
// sign-outs, for the tests to read.
//
// Unlike oidc-provider's development interactions (which let anyone in under any name), the
// sign-in page checks the account's password, and `prompt=select_account` (Streamlit's default,
// which Entra ID supports) shows an account picker when the provider already has a session, as
// Entra ID's does. Consent is not asked: an organisation's administrator has consented for hrdash.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = new Map(config.accounts.map((account) => [account.sub, account]));
const byEmail = new Map(config.accounts.map((account) => [account.email.toLowerCase(), account]));

function report(event, fields = {}) {
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const html = (title, body) => `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:3rem auto}label,input,button{display:block;margin:.4rem 0}
input,button{width:100%;padding:.5rem;font-size:1rem}[role=alert]{color:#a00}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

// Entra ID puts the claims its app registration names in the ID token whatever the scope: here
// they belong to `openid`, so Streamlit's "openid email profile" brings them.
const claims = {
  openid: ['sub', 'groups', 'roles', 'hasgroups'],
  email: ['email', 'email_verified'],
  profile: ['name'],
};

const policy = interactionPolicy.base();
policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);

const provider = new Provider(config.issuer, {
  clients: [{
    client_id: config.client.client_id,
    client_secret: config.client.client_secret,
    redirect_uris: config.client.redirect_uris,
    post_logout_redirect_uris: config.client.post_logout_redirect_uris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims,
  conformIdTokenClaims: false, // Streamlit reads only the ID token's claims, never the userinfo endpoint
  jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = html('Vill du logga ut?', `${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logga ut</button>
<button type="submit" form="op.logoutForm">Nej, fortsätt vara inloggad</button>`);
      },
    },
  },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: {
    Session: config.session_seconds ?? 3600,
    Grant: config.session_seconds ?? 3600,
    Interaction: 600,
    AccessToken: 3600,
    AuthorizationCode: 60,
    IdToken: 3600,
  },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        return {
          sub,
          email: account.email,
          email_verified: true,
          name: account.name,
          ...(account.groups ? { groups: account.groups } : {}),
          ...(account.claims ?? {}),
        };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

provider.on('end_session.success', () => report('signed out'));
provider.on('server_error', (ctx, error) => report('server error', { message: String(error) }));

function page(res, title, body, status = 200) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html(title, body));
}

function signInForm(res, uid, error = '', email = '') {
  page(res, 'Logga in', `${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="email">E-postadress</label><input id="email" name="email" type="email" autocomplete="username" value="${escape(email)}" required>
<label for="password">Lösenord</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Logga in</button></form>`, error ? 401 : 200);
}

async function form(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  const signedIn = details.session?.accountId && accounts.get(details.session.accountId);
  if (req.method === 'GET' && details.prompt.name === 'select_account' && signedIn) {
    page(res, 'Välj ett konto', `<form method="post" action="/interaction/${uid}/continue">
<button type="submit">Fortsätt som ${escape(signedIn.email)}</button></form>
<form method="get" action="/interaction/${uid}/other"><button type="submit">Använd ett annat konto</button></form>`);
  } else if (req.method === 'POST' && action === 'continue' && signedIn) {
    report('account chosen', { email: signedIn.email });
    await provider.interactionFinished(req, res, { select_account: {} }, { mergeWithLastSubmission: true });
  } else if (req.method === 'POST' && action === 'login') {
    const sent = await form(req);
    const account = byEmail.get((sent.get('email') || '').trim().toLowerCase());
    if (!account || account.password !== sent.get('password')) {
      report('password refused', { email: sent.get('email') });
      signInForm(res, uid, 'Fel e-postadress eller lösenord.', sent.get('email') || '');
      return;
    }
    report('signed in', { email: account.email });
    await provider.interactionFinished(req, res, { select_account: {}, login: { accountId: account.sub } },
      { mergeWithLastSubmission: false });
  } else {
    signInForm(res, uid);
  }
}

const handle = provider.callback();
const server = createServer((req, res) => {
  const match = new URL(req.url, config.issuer).pathname.match(/^\/interaction\/([\w-]+)(?:\/(\w+))?$/);
  if (!match) {
    handle(req, res);
    return;
  }
  interaction(req, res, match[1], match[2]).catch((error) => {
    report('interaction error', { message: String(error) });
    page(res, 'Inloggningen misslyckades', `<p>${escape(error.message)}</p>`, 400);
  });
});
server.listen(config.port, '127.0.0.1', () => report('ready', { issuer: config.issuer }));
