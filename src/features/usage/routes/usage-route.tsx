import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="usage-route" what="Coming with its issue." />;
}
