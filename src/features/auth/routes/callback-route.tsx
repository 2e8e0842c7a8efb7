export function Component() {
  return <p role="status">Completing login…</p>;
}
