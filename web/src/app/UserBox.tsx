import { useNavigate } from 'react-router';
import type { TMe } from '../api/schemas.js';
import { useLogout } from '../auth/session.js';
import { countryName } from '../common/format.js';
import { LEVEL_NAMES } from '../../../src/kernel/markings.js';

/** Who is signed in: name, agency, country and clearance, always in view; and the logout button. */
export function UserBox({ me }: { me: TMe }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <section className="user-box" aria-label="Signed-in user">
      <dl>
        <div>
          <dt className="sr-only">Name</dt>
          <dd className="user-name" data-testid="user-name">{me.displayName}</dd>
        </div>
        <div>
          <dt>Agency</dt>
          <dd title={me.agency.name} data-testid="user-agency">{me.agency.code}</dd>
        </div>
        <div>
          <dt>Country</dt>
          <dd title={countryName(me.country)} data-testid="user-country">{me.country}</dd>
        </div>
        <div>
          <dt>Clearance</dt>
          <dd title={LEVEL_NAMES[me.clearance]} data-testid="user-clearance" className={`clearance clearance-${me.clearance}`}>
            {me.clearance}
          </dd>
        </div>
      </dl>
      <button type="button" onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })} disabled={logout.isPending}>
        Log out
      </button>
    </section>
  );
}
