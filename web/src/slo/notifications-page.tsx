import { atLeast } from '../access/model.js';
import { useSession } from '../access/session.js';
import { PageHeader } from '../components/page-header.js';
import { ResourceView } from '../components/resource-view.js';
import { useResource } from '../components/use-resource.js';
import { DeliveriesTable } from './deliveries-table.js';
import type { Delivery, Items, NotificationTarget } from './model.js';
import { apiPath } from './paths.js';
import { TargetForm, TargetsTable } from './targets.js';

/** Where SLO alerts go (webhooks and Slack), and what happened to each notification. */
export function NotificationsPage() {
  const { me } = useSession();
  const canManage = atLeast(me.role, 'tenant-admin');
  const targets = useResource<Items<NotificationTarget>>(apiPath.targets);
  const deliveries = useResource<Items<Delivery>>(apiPath.deliveries);
  return (
    <>
      <PageHeader title="Alert notifications" kicker="Reliability">
        <p className="muted">
          An opened or resolved SLO alert is sent to the targets its alert policies name, or to every target
          when they name none. Failed deliveries are retried five times with growing pauses.
        </p>
      </PageHeader>

      <section aria-labelledby="slo-targets">
        <h2 id="slo-targets">Targets</h2>
        <ResourceView resource={targets}>
          {({ items }) => <TargetsTable targets={items} canManage={canManage} onChanged={targets.reload} />}
        </ResourceView>
        {canManage ? (
          <TargetForm onCreated={targets.reload} />
        ) : (
          <p className="muted">A tenant-admin adds and removes targets.</p>
        )}
      </section>

      <section className="section" aria-labelledby="slo-deliveries">
        <div className="subsection-header">
          <h2 id="slo-deliveries">Recent deliveries</h2>
          <button type="button" className="button button-small" onClick={deliveries.reload}>
            Refresh
          </button>
        </div>
        <ResourceView resource={deliveries}>
          {({ items }) => <DeliveriesTable deliveries={items} targets={targets.data?.items ?? []} />}
        </ResourceView>
      </section>
    </>
  );
}
