import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Name } from './name';

describe('Name', () => {
  it('shows a bidi override as a marker, and names it for screen readers', () => {
    render(
      <button type="button">
        <Name value={'RTL-\u202egnp.exe'} />
      </button>,
    );
    const button = screen.getByRole('button', { name: 'RTL- (right-to-left override) gnp.exe' });
    expect(button.textContent).not.toContain('\u202e');
    expect(screen.getByText('[U+202E]')).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws an ordinary name as plain text', () => {
    const { container } = render(<Name value="fish-001.png" />);
    expect(container.innerHTML).toBe('fish-001.png');
  });
});
