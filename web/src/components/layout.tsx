import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { atLeast } from '../access/model.js';
import { useSession } from '../access/session.js';
import type { NavEntry } from '../capability.js';
import { TenantSwitcher } from './tenant-switcher.js';

/** The top bar (product, navigation, tenant, who am I) around the current page. */
export function Layout({ navigation, children }: { navigation: NavEntry[]; children: ReactNode }) {
  const { me, tenant, signOut } = useSession();
  const tenantName = me.tenants.find((t) => t.id === tenant)?.name ?? tenant;
  const visible = navigation.filter((e) => !e.requires || atLeast(me.role, e.requires));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-row">
          <Link className="brand" to="/">
            <span className="brand-mark" aria-hidden="true" />
            Throughline
          </Link>
          <nav className="main-nav" aria-label="Main">
            {sections(visible).map(([section, entries]) => (
              <div className="nav-section" key={section}>
                <span className="nav-section-name">{section}</span>
                <ul>
                  {entries.map((e) => (
                    <li key={e.to}>
                      <NavLink to={e.to}>{e.label}</NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </nav>
          <div className="topbar-end">
            <TenantSwitcher />
            <div className="whoami">
              <span className="visually-hidden">Signed in as </span>
              <span className="whoami-name">{me.tokenName}</span>
              <span className="whoami-meta">
                {me.role} · {tenantName}
              </span>
            </div>
            <button type="button" className="button button-quiet button-small" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

function sections(entries: NavEntry[]): [string, NavEntry[]][] {
  const grouped = new Map<string, NavEntry[]>();
  for (const e of entries) grouped.set(e.section, [...(grouped.get(e.section) ?? []), e]);
  return [...grouped];
}
