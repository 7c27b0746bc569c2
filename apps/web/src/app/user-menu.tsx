import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session-queries.ts';
import { describeRoles, initialsOf } from '../lib/user-label.ts';
import { useCurrentUser } from './session-gate.tsx';
import { SIGN_IN_PATHS } from './sign-in-route.ts';
import './user-menu.css';

/**
 * Who is signed in (name, role; "Station" for a PIN session) and sign-out, in the header. A station
 * session signs out to the PIN pad, ready for the next operator.
 */
export function UserMenu() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate(SIGN_IN_PATHS[user.station ? 'station' : 'office'], { replace: true }));
  const role = describeRoles(user.roles);
  return (
    <div className="user-menu" aria-label="Signed-in user" role="group">
      <span className="user-menu__avatar" aria-hidden="true">
        {initialsOf(user.displayName)}
      </span>
      <span className="user-menu__who">
        <span className="user-menu__name">{user.displayName}</span>
        <span className="user-menu__role">{user.station ? `${role} · Station` : role}</span>
      </span>
      <button type="button" className="button" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        Sign out
      </button>
      {signOut.isError ? (
        <span className="user-menu__error" role="alert">
          Could not sign out: {signOut.error.message}
        </span>
      ) : null}
    </div>
  );
}
