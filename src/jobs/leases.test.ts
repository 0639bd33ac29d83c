import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from '../access/service.js';
import { fixedClock } from '../core/clock.js';
import { allMigrations } from '../modules.js';
import { openStore, type Store } from '../store/database.js';
import { migrateToLatest } from '../store/migrate.js';
import { createTestDatabase, engines, type TestDatabase } from '../testing/databases.js';
import { leaseHolder, releaseLease, tryAcquireLease } from './leases.js';

describe.each(engines)('leases on %s', (engine) => {
  let database: TestDatabase;
  let store: Store;
  const clock = fixedClock(1_000_000);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = openStore(database.url);
    await migrateToLatest(store.system, allMigrations());
    await new AccessService(store, clock).bootstrap('');
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const take = (holder: string) => tryAcquireLease({ store, clock, name: 'job', holder, ttlMs: 1000 });

  it('gives a lease to one holder until it expires, then to another', async () => {
    expect(await Promise.all([take('p1'), take('p2')])).toEqual([true, false]);
    expect(await take('p2')).toBe(false);
    expect(await take('p1')).toBe(true); // renewal
    clock.advance(1001);
    expect(await take('p2')).toBe(true);
    expect(await take('p1')).toBe(false);
    expect(await leaseHolder(store, 'job')).toBe('p2');
  });

  it('is free as soon as its holder releases it', async () => {
    await releaseLease({ store, name: 'job', holder: 'p1' }); // not the holder: no effect
    expect(await take('p1')).toBe(false);
    await releaseLease({ store, name: 'job', holder: 'p2' });
    expect(await take('p1')).toBe(true);
  });
});
