import { BrandMark } from '../components/brand-mark.tsx';
import './session-gate.css';

/** What shows while the first screen's code or catalogs load: the brand mark, nothing to read. */
export function StartingScreen() {
  return (
    <div className="session-gate" aria-busy="true">
      <BrandMark className="session-gate__mark" />
    </div>
  );
}
