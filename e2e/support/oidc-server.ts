// A real OpenID provider for the login journeys: node-oidc-provider on 127.0.0.1, with one public
// client (PKCE required), JWT access tokens for the cluster (resource indicators) whose `sub` is the
// demo cluster's OIDC user, a short access-token lifetime so a renewal happens during a test, refresh
// tokens for that renewal, CORS for the app's origin, and RP-initiated logout. The development
// login and consent pages are driven by Playwright like a user would.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** The demo cluster's OIDC user (mocks/seed.ts owns her services and buckets). */
export const ANA = {
  sub: '0f3e0c5a5c1d4c1e9f6a2b7d8c9e1f20@egi.eu',
  name: 'Ana García',
  email: 'ana.garcia@example.org',
};

export const CLIENT_ID = 'lagoon-e2e';
/** The audience of the access tokens: the OSCAR cluster they are for. */
export const RESOURCE = 'https://demo.lagoon.test';

export interface OidcServerOptions {
  /** Where the app runs, e.g. http://127.0.0.1:4173: redirect URIs and CORS are for this origin. */
  appOrigin: string;
  /** Access-token lifetime in seconds. oidc-client-ts renews a minute before expiry, so 70 renews after ~10 s. */
  accessTokenTtl?: number;
}

export interface OidcServer {
  issuer: string;
  clientId: string;
  /** Grant types the token endpoint has issued tokens for, in order ('authorization_code', 'refresh_token'). */
  grants: string[];
  /** How many times a provider session was ended through the end-session endpoint. */
  logouts: number;
  close: () => Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;

export async function startOidcServer({ appOrigin, accessTokenTtl = 70 }: OidcServerOptions): Promise<OidcServer> {
  // The issuer must contain the port, so listen first and attach the provider afterwards.
  const http: Server = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const state: OidcServer = { issuer, clientId: CLIENT_ID, grants: [], logouts: 0, close: async () => undefined };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Lagoon (e2e)',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${appOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${appOrigin}/login`],
      },
    ],
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin) => origin === appOrigin,
    cookies: { keys: ['lagoon-e2e-cookie-key'] },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'eduperson_entitlement'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      eduperson_entitlement: ['eduperson_entitlement'],
    },
    // Name and email in the ID token, as EGI Check-in and Keycloak do: the app does not call userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        ...(id === ANA.sub ? { name: ANA.name, email: ANA.email, email_verified: true } : {}),
        eduperson_entitlement: ['urn:mace:egi.eu:group:vo.ai4eosc.eu:role=member#aai.egi.eu'],
      }),
    }),
    // A public browser client gets refresh tokens without offline_access, as Keycloak gives them.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile email eduperson_entitlement',
          accessTokenFormat: 'jwt',
          accessTokenTTL: accessTokenTtl,
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page('Log out', `<h1>Log out of the test provider?</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button><button type="submit" form="op.logoutForm">No, stay signed in</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('Logged out', '<h1>You are logged out of the test provider.</h1>');
        },
      },
    },
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 3600,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
    },
  });

  provider.on('grant.success', (ctx) => {
    const grant = ctx.oidc.params?.grant_type;
    if (typeof grant === 'string') state.grants.push(grant);
  });
  provider.on('end_session.success', () => {
    state.logouts++;
  });

  http.on('request', provider.callback());
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      http.closeAllConnections();
      http.close((e) => (e ? reject(e) : resolve()));
    });
  return state;
}
