import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../mocks/auth';
import { oscar } from '../../api/client';
import { DEMO_OIDC_USERS } from '../../api/demo';
import { getSession, setSession } from '../../lib/session/session';
import { serveDemoCluster } from '../../test/demo';
import { TEST_ENDPOINT } from '../../test/session';
import { demoUserToken, DEMO_TOKEN_LIFETIME_MS, loginAsDemoUser } from './demo-user-login';

const demo = serveDemoCluster(TEST_ENDPOINT, () => setSession(null));

describe('logging in to the demo as its OIDC users', () => {
  it('mints a token with the claims OSCAR reads, valid for a working day', () => {
    const now = Date.UTC(2025, 5, 2, 10);
    const claims = decodeJwt(demoUserToken(DEMO_OIDC_USERS.marco, now))!;
    expect(claims).toMatchObject({ sub: DEMO_OIDC_USERS.marco.sub, name: 'Marco Rossi', iss: 'https://aai.egi.eu/auth/realms/egi' });
    expect(claims.eduperson_entitlement).toEqual([...DEMO_OIDC_USERS.marco.eduperson_entitlement]);
    expect(claims.exp! * 1000 - now).toBe(DEMO_TOKEN_LIFETIME_MS);
  });

  it('gives a Bearer session the demo accepts as that user: her services and quota, not the admin routes', async () => {
    const ana = DEMO_OIDC_USERS.ana;
    const session = await loginAsDemoUser(ana, TEST_ENDPOINT, demo.cluster.now());
    expect(getSession()).toEqual(session);
    expect(session).toMatchObject({ method: 'oidc', user: { name: 'Ana García', sub: ana.sub }, credentials: { kind: 'bearer' } });

    const { data: services = [] } = await oscar.GET('/system/services');
    const owners = new Set(services.map((s) => s.owner));
    expect(services.some((s) => s.owner === ana.sub)).toBe(true);
    // Marco's private services stay hidden from Ana.
    const marcoPrivate = [...demo.cluster.services.values()].filter((s) => s.owner === DEMO_OIDC_USERS.marco.sub && s.visibility === 'private');
    expect(marcoPrivate.length).toBeGreaterThan(0);
    expect(services.map((s) => s.name)).not.toContain(marcoPrivate[0]!.name);
    expect(owners.size).toBeGreaterThan(0);

    const { data: quota } = await oscar.GET('/system/quotas/user');
    expect(quota?.user_id).toBe(ana.sub);
    await expect(oscar.GET('/system/quotas/user/{userId}', { params: { path: { userId: ana.sub } } })).rejects.toMatchObject({ status: 403 });
  });
});
