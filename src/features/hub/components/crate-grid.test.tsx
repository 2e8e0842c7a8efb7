import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_CONFIG } from '../../../lib/config/hub';
import { renderRoutes } from '../../../test/render';
import { readCrate } from '../lib/ro-crate';
import { CrateGrid } from './crate-grid';

const HUB = { owner: 'grycap', repo: 'oscar-hub', branch: 'main' };

describe('the catalogue grid', () => {
  it('shows hostile metadata as text, hidden characters marked, and a broken crate with its reason', () => {
    const reading = readCrate(
      JSON.stringify({
        '@graph': [
          { '@id': 'ro-crate-metadata.json', about: { '@id': './' } },
          { '@id': './', name: '<img src=x onerror=alert(1)>evil\u202Egnp.sh', description: '<script>alert(1)</script>', serviceType: ['synchronous'] },
        ],
      }),
    );
    if (!reading.ok) throw new Error(reading.reason);
    const { container } = renderRoutes([
      {
        path: '*',
        element: (
          <CrateGrid
            config={DEFAULT_HUB_CONFIG}
            crates={[
              { crate: { id: 'evil', path: 'crates/evil', files: [], ok: true, meta: reading.meta }, source: HUB, isDefault: true },
              { crate: { id: 'broken', path: 'crates/broken', files: [], ok: false, reason: 'Its FDL, fdl.yml, is not in the repository.' }, source: HUB, isDefault: true },
            ]}
          />
        ),
      },
    ]);
    expect(container.querySelector('img, script')).toBeNull();
    const link = screen.getByRole('link', { name: /<img src=x onerror=alert\(1\)>evil/ });
    expect(link).toHaveAttribute('href', '/hub/evil');
    expect(link).toHaveTextContent('[U+202E]');
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    const broken = screen.getByRole('article', { name: 'broken' });
    expect(broken).toHaveTextContent('Cannot be deployed');
    expect(broken).toHaveTextContent('Its FDL, fdl.yml, is not in the repository.');
  });
});
