import { ComingNext } from '../../../app/coming-next';

export function Component() {
  return <ComingNext title="Buckets" what="Browse buckets and upload inputs with a resumable upload manager." />;
}
