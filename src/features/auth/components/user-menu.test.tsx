import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getSession } from '../../../lib/session/session';
import { signIn } from '../../../test/session';
import { rememberCluster } from '../recent-clusters';
import { CLUSTER, PASSWORD, renderRoutes, serveAuthCluster } from '../test/helpers';
import { UserMenu } from './user-menu';

serveAuthCluster();

function Page() {
  return (
    <header>
      <UserMenu />
      <p>Services page</p>
    </header>
  );
}

async function renderMenu() {
  signIn({ endpoint: CLUSTER, password: PASSWORD });
  rememberCluster('https://other.test', 'basic', undefined, Date.now() - 3 * 3600_000);
  rememberCluster(CLUSTER, 'basic');
  return renderRoutes('/services', [{ path: '/services', Component: Page }]);
}

test('shows who is logged in and on which cluster', async () => {
  await renderMenu();
  const trigger = screen.getByRole('button', { name: /oscar on oscar\.test/i });
  expect(trigger).toHaveAttribute('aria-expanded', 'false');
  expect(screen.getByRole('button', { name: 'Log out' })).toBeVisible();
});

test('the menu opens and closes by keyboard, and focus comes back to its button', async () => {
  await renderMenu();
  const user = userEvent.setup();
  const trigger = screen.getByRole('button', { name: /oscar on oscar\.test/i });
  trigger.focus();
  await user.keyboard('{Enter}');
  expect(trigger).toHaveAttribute('aria-expanded', 'true');
  const panel = document.getElementById(trigger.getAttribute('aria-controls') ?? '')!;
  expect(panel).toBeVisible();
  expect(panel).toHaveTextContent(/logged in as oscar/i);
  expect(panel).toHaveTextContent("with the cluster's password");
  // Focus moves into the menu; arrows move between its items.
  const other = within(panel).getByRole('button', { name: /other\.test/ });
  expect(other).toHaveFocus();
  expect(other).toHaveTextContent(/last used 3 hours ago/);
  await user.keyboard('{ArrowDown}');
  expect(within(panel).getByRole('button', { name: 'Log in to another cluster…' })).toHaveFocus();
  await user.keyboard('{Escape}');
  expect(trigger).toHaveAttribute('aria-expanded', 'false');
  expect(panel).not.toBeVisible();
  expect(trigger).toHaveFocus();
});

test('choosing another cluster ends the session and opens the login screen for it', async () => {
  await renderMenu();
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: /oscar on oscar\.test/i }));
  await user.click(screen.getByRole('button', { name: /other\.test/ }));
  expect(await screen.findByLabelText('Cluster endpoint')).toHaveValue('https://other.test');
  expect(getSession()).toBeNull();
  expect(screen.getByText('You have left oscar.test. Log in to other.test.')).toHaveAttribute('role', 'status');
});

test('log out ends the session and says so on the login screen', async () => {
  await renderMenu();
  await userEvent.setup().click(screen.getByRole('button', { name: 'Log out' }));
  expect(await screen.findByText('You have logged out.')).toHaveAttribute('role', 'status');
  expect(getSession()).toBeNull();
  expect(sessionStorage.getItem('lagoon.session')).toBeNull();
});

test('the menu closes when focus leaves it', async () => {
  await renderMenu();
  const user = userEvent.setup();
  const trigger = screen.getByRole('button', { name: /oscar on oscar\.test/i });
  await user.click(trigger);
  expect(trigger).toHaveAttribute('aria-expanded', 'true');
  await user.click(screen.getByText('Services page'));
  await waitFor(() => expect(trigger).toHaveAttribute('aria-expanded', 'false'));
});
