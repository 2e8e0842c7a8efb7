import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="jobs-route" what="Coming with its issue." />;
}
