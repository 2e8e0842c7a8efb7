import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_HUB_CONFIG } from '../../../lib/config/hub';
import { serveDuringTests } from '../../../test/msw';
import { renderWithQueryClient } from '../../../test/render';
import { serveGitHub } from '../test/github';
import { crateRelative, Readme } from './readme';

const server = serveDuringTests();
serveGitHub(server);

const HUB = { owner: 'grycap', repo: 'oscar-hub', branch: 'main' };

const HOSTILE = `# Title

<script>window.__pwned = 1</script>

<img src=x onerror="window.__pwned = 2">

[click me](javascript:window.__pwned=3) and [data](data:text/html,<script>alert(1)</script>)

[docs](https://grycap.github.io/oscar/) and [the script](./script.sh) and [outside](../other/x.sh)

![tracker](https://evil.example/pixel.png) ![icon](icon.png)

<a href="https://evil.example" onclick="window.__pwned=4">raw link</a>
`;

function render(text: string) {
  URL.createObjectURL = vi.fn(() => 'blob:http://localhost/icon');
  URL.revokeObjectURL = vi.fn();
  return renderWithQueryClient(<Readme text={text} config={DEFAULT_HUB_CONFIG} source={HUB} folder="crates/yolov8" files={['fdl.yml', 'script.sh', 'icon.png']} />);
}

describe('a crate README', () => {
  it('renders hostile markdown inert: raw HTML as text, no javascript: links, no foreign images', async () => {
    const { container } = render(HOSTILE);
    // Headings sit under the page's: # is a level 3.
    expect(screen.getByRole('heading', { level: 3, name: 'Title' })).toBeInTheDocument();
    // Raw HTML is shown as the text it is, and never becomes elements.
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect(container.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(container.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    // Unsafe schemes lose their link.
    expect(screen.queryByRole('link', { name: 'click me' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'data' })).toBeNull();
    expect(screen.getByText('click me')).toBeInTheDocument();
    // Web links open in a new tab without the opener or a referrer; the crate's own files go to their raw URL.
    const docs = screen.getByRole('link', { name: 'docs' });
    expect(docs).toHaveAttribute('href', 'https://grycap.github.io/oscar/');
    expect(docs).toHaveAttribute('target', '_blank');
    expect(docs).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'the script' })).toHaveAttribute('href', 'https://raw.githubusercontent.com/grycap/oscar-hub/main/crates/yolov8/script.sh');
    expect(screen.queryByRole('link', { name: 'outside' })).toBeNull();
    // Images: only the crate's own file, fetched as bytes; a foreign one is its alt text.
    expect(screen.getByText('[tracker]')).toBeInTheDocument();
    expect(container.querySelector('img[src^="https://"]')).toBeNull();
    await waitFor(() => expect(screen.getByRole('img', { name: 'icon' })).toHaveAttribute('src', 'blob:http://localhost/icon'));
    expect(container.querySelectorAll('a').length).toBe(2);
  });

  it('takes only relative paths that stay inside the crate and exist in it', () => {
    const files = ['script.sh', 'docs/a.png'];
    expect(crateRelative('./script.sh', files)).toBe('script.sh');
    expect(crateRelative('docs/../script.sh', files)).toBe('script.sh');
    expect(crateRelative('docs/a.png?raw=1', files)).toBe('docs/a.png');
    for (const bad of ['../script.sh', '/script.sh', '//evil.example/x', 'javascript:alert(1)', '#top', 'missing.sh']) {
      expect(crateRelative(bad, files), bad).toBeNull();
    }
  });
});
