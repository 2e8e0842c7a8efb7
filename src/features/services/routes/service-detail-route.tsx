import { useParams } from 'react-router';
export function Component() {
  const { name } = useParams();
  return <h1 className="text-2xl font-semibold">{name}</h1>;
}
