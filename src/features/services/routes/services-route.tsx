import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { oscar } from '../../../api/client';
import { Loading, ErrorState } from '../../../components/states';
import { usePageTitle } from '../../../components/page-title';

export function Component() {
  usePageTitle('Services');
  const q = useQuery({ queryKey: ['services'], queryFn: async () => (await oscar.GET('/system/services')).data ?? [] });
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Services</h1>
      {q.isPending ? <Loading /> : q.isError ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : (
        <ul>{q.data.map((s) => <li key={s.name}><Link to={`/services/${s.name}`}>{s.name}</Link></li>)}</ul>
      )}
    </div>
  );
}
