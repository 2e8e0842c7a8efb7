import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Menu, type MenuItem } from './menu';

function setup(extra: MenuItem[] = []) {
  const chosen: string[] = [];
  const items: MenuItem[] = [
    { kind: 'action', label: 'Invoke', onSelect: () => chosen.push('invoke') },
    { kind: 'action', label: 'Open', onSelect: () => chosen.push('open'), disabledReason: 'The deployment is stopped' },
    { kind: 'separator', id: 's' },
    { kind: 'link', label: 'NodePort 30080', href: 'http://h:30080/' },
    { kind: 'action', label: 'Delete', onSelect: () => chosen.push('delete'), danger: true },
    ...extra,
  ];
  render(
    <>
      <Menu label="Actions for nginx" items={items}>
        ⋯
      </Menu>
      <button type="button">after</button>
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'Actions for nginx' }) };
}

describe('Menu', () => {
  it('opens with Enter on the first item, moves with arrows, Home, End and letters, wraps around', async () => {
    const user = userEvent.setup();
    const { button } = setup();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menu', { name: 'Actions for nginx' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Invoke' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Open' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'NodePort 30080' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Invoke' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{Home}o');
    expect(screen.getByRole('menuitem', { name: 'Open' })).toHaveFocus();
  });

  it('Esc closes and gives the focus back; ArrowUp opens on the last item; Space opens too', async () => {
    const user = userEvent.setup();
    const { button, chosen } = setup();
    button.focus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Delete' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('menuitem', { name: 'Invoke' })).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(chosen).toEqual([]);
  });

  it('chooses with Enter or Space and does not reopen; a disabled item says why and does nothing', async () => {
    const user = userEvent.setup();
    const { button, chosen } = setup();
    button.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    expect(chosen).toEqual(['invoke']);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}{ArrowDown}');
    const open = screen.getByRole('menuitem', { name: 'Open' });
    expect(open).toHaveAttribute('aria-disabled', 'true');
    expect(open).toHaveAccessibleDescription('The deployment is stopped');
    await user.keyboard('{Enter}');
    expect(chosen).toEqual(['invoke']);
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{End}{Enter}');
    expect(chosen).toEqual(['invoke', 'delete']);
  });

  it('opens and chooses with the mouse, closes on a click outside; a link item opens a new tab', async () => {
    const user = userEvent.setup();
    const { button, chosen } = setup();
    await user.click(button);
    const link = screen.getByRole('menuitem', { name: 'NodePort 30080' });
    expect(link).toHaveAttribute('href', 'http://h:30080/');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    await user.click(screen.getByRole('button', { name: 'after' }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    expect(chosen).toEqual(['delete']);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});
