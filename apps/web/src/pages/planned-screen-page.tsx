import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';
import type { PlannedScreen } from './planned-screens.ts';
import './planned-screen-page.css';

/** An honest placeholder: what this screen will do once it is built. No sample data. */
export function PlannedScreenPage({ screen }: { screen: PlannedScreen }) {
  return (
    <>
      <PageHeader eyebrow={screen.eyebrow} title={screen.title} description={screen.summary} />
      <section className="planned">
        <div className="planned__status">
          <span className="planned__pill">Not built yet</span>
          <span>For: {screen.audience}</span>
        </div>
        <h2 className="planned__heading">What this screen will do</h2>
        <ul className="planned__list">
          {screen.capabilities.map((capability) => (
            <li key={capability}>{capability}</li>
          ))}
        </ul>
        <p className="planned__note">
          Until then, the live state of every order is on the <Link to="/orders">Orders</Link> page.
        </p>
      </section>
    </>
  );
}
