import { useNavigate } from 'react-router';
import { useSession, setSession } from '../../../app/session';
import { queryClient } from '../../../app/query-client';
import { Button } from '../../../components/button';

export function UserMenu() {
  const session = useSession();
  const navigate = useNavigate();
  if (!session) return null;
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="max-sm:hidden">
        <span className="font-medium">{session.user.name}</span>
        <span className="text-muted"> on {session.endpoint}</span>
      </span>
      <Button
        size="sm"
        onClick={() => {
          setSession(null);
          queryClient.clear();
          void navigate('/login');
        }}
      >
        Log out
      </Button>
    </div>
  );
}
