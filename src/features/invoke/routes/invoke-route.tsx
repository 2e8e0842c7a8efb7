import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="invoke-route" what="Coming with its issue." />;
}
