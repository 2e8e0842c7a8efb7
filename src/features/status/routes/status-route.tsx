import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="status-route" what="Coming with its issue." />;
}
