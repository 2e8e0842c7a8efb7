import { useParams } from 'react-router';
import { ComingNext } from '../../../app/coming-next';

export function Component() {
  const { name } = useParams();
  return <ComingNext title={name ? `Edit ${name}` : 'Create service'} what="A form and the FDL (YAML) editor on one value." />;
}
