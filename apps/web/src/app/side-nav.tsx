import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Icon } from '../components/icon.tsx';
import { navLabel } from './nav-label.ts';
import { navigationFor } from './navigation.ts';
import type { NavItem } from './navigation.ts';
import { useCurrentUser } from './session-gate.tsx';

function NavEntry({ item, nested = false }: { item: NavItem; nested?: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={nested ? 'nav__item nav__item--nested' : 'nav__item'}>
      <NavLink
        to={item.to}
        className={({ isActive }) =>
          `nav__link${item.children ? ' nav__link--parent' : ''}${isActive ? ' nav__link--active' : ''}`
        }
      >
        <Icon name={item.icon} size={nested ? 16 : 18} />
        <span>{navLabel(t, item.id)}</span>
      </NavLink>
      {item.children ? (
        <ul className="nav__children">
          {item.children.map((child) => (
            <NavEntry key={child.to} item={child} nested />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The main navigation, with the screens of the user's roles: a sidebar on desktops, a scrolling strip on tablets. */
export function SideNav() {
  const { t } = useTranslation();
  const { roles } = useCurrentUser();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {navigationFor(roles).map((item) => (
          <NavEntry key={item.to} item={item} />
        ))}
      </ul>
    </nav>
  );
}
