import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="history-route" what="Coming with its issue." />;
}
