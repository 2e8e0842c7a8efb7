import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="job-log-route" what="Coming with its issue." />;
}
