import { Navigate } from 'react-router-dom';
import type { Role } from '../api/types';
import { useMe } from '../auth/session';

/** Each role starts where its work is. */
const START: Record<Role, string> = {
  office: '/duty-board',
  department_officer: '/inbox',
  inspector: '/inspection-cases',
  viewer: '/progress',
  admin: '/users',
};

export function HomePage() {
  const me = useMe();
  return <Navigate to={START[me.role]} replace />;
}
