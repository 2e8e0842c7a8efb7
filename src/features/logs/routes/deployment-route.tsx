import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="deployment-route" what="Coming with its issue." />;
}
