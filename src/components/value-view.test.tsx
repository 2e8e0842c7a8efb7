import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { humanizeKey, isSecretKey, ValueView } from './value-view';

describe('ValueView', () => {
  it('knows secret keys by their last word', () => {
    for (const k of ['token', 'refresh_token', 'secret_key', 'access_key', 'auth_password', 'password', 'secrets', 'apiKey', 'Authorization']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['token_endpoint', 'auth_user', 'login', 'hostname', 'set_auth', 'auth_type', 'oidc_audience']) {
      expect(isSecretKey(k), k).toBe(false);
    }
    expect(humanizeKey('interLink_available')).toBe('Inter link available');
    expect(humanizeKey('ssl_verify')).toBe('SSL verify');
    expect(humanizeKey('cluster_id')).toBe('Cluster ID');
    // Data used as keys stays as it is.
    expect(humanizeKey('oscar-eu')).toBe('oscar-eu');
    expect(humanizeKey('HF_TOKEN')).toBe('HF_TOKEN');
  });

  it('masks everything under a secret key and shows the rest', () => {
    render(<ValueView value={{ endpoint: 'https://x', secrets: { A: 'alpha-secret' }, headers: { Authorization: 'Bearer zzz' }, n: 3, on: false, list: [] }} />);
    expect(document.body).toHaveTextContent('https://x');
    expect(document.body).not.toHaveTextContent('alpha-secret');
    expect(document.body).not.toHaveTextContent('Bearer zzz');
    expect(screen.getAllByRole('button', { name: /^Reveal/ })).toHaveLength(2);
    expect(document.body).toHaveTextContent('N3');
    expect(document.body).toHaveTextContent('OnNo');
    expect(document.body).toHaveTextContent('ListNone');
  });
});
