import { Badge } from '../../../components/badge';
import { Name } from '../../../components/name';
import { typeLabel } from '../lib/catalogue';

/** A crate's service types as badges (the words say it; colour only helps). */
export function TypeBadges({ types }: { types: string[] }) {
  if (types.length === 0) return <span className="text-xs text-muted">No type given</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {types.map((t) => (
        <Badge key={t} tone={t === 'exposed' ? 'warn' : t === 'synchronous' ? 'ok' : 'accent'}>
          <Name value={typeLabel(t)} />
        </Badge>
      ))}
    </span>
  );
}
