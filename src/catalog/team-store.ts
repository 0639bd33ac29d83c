import type { Selectable } from 'kysely';
import { chunks } from '../store/chunks.js';
import type { TenantDb } from '../store/database.js';
import type { Person, Team } from './model.js';
import { upsertRows } from './store.js';
import type { PersonTable, TeamTable } from './tables.js';

/** Teams and people, and the memberships both sides claim (see TeamMemberTable). */

async function membersOf(db: TenantDb, teams: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>();
  for (const part of chunks(teams, 200)) {
    const rows = await db
      .selectFrom('team_members')
      .select(['team', 'person'])
      .where('team', 'in', part)
      .orderBy('person')
      .execute();
    for (const r of rows) out.set(r.team, (out.get(r.team) ?? new Set()).add(r.person));
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

function toTeam(r: Selectable<TeamTable>, members: readonly string[] | undefined): Team {
  return {
    name: r.name,
    title: r.title,
    description: r.description,
    email: r.email,
    parent: r.parent,
    members: [...(members ?? [])],
    source: r.source as Team['source'],
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listTeams(db: TenantDb): Promise<Team[]> {
  const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute();
  const members = await membersOf(
    db,
    rows.map((r) => r.name),
  );
  return rows.map((r) => toTeam(r, members.get(r.name)));
}

export async function getTeam(db: TenantDb, name: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toTeam(row, (await membersOf(db, [name])).get(name)) : undefined;
}

/** Replaces teams by name; their own member lists replace what they claimed before. */
export async function upsertTeams(db: TenantDb, teams: readonly Team[]): Promise<void> {
  if (teams.length === 0) return;
  await upsertRows(
    db,
    'teams',
    teams.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      email: t.email,
      parent: t.parent,
      source: t.source,
      updated_at: Date.parse(t.updatedAt),
    })),
    ['name'],
  );
  for (const part of chunks(
    teams.map((t) => t.name),
    200,
  )) {
    await db.deleteFrom('team_members').where('via', '=', 'team').where('team', 'in', part).execute();
  }
  const rows = teams.flatMap((t) =>
    t.members.map((person) => ({ team: t.name, person, via: 'team' as const })),
  );
  await upsertRows(db, 'team_members', rows, ['team', 'person', 'via']);
}

export async function deleteTeam(db: TenantDb, name: string): Promise<boolean> {
  await db.deleteFrom('team_members').where('via', '=', 'team').where('team', '=', name).execute();
  const res = await db.deleteFrom('teams').where('name', '=', name).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

function toPerson(r: Selectable<PersonTable>, memberOf: readonly string[]): Person {
  return { name: r.name, displayName: r.display_name, email: r.email, memberOf: [...memberOf] };
}

/** People who are members of the team, by either side's claim. */
export async function peopleOfTeam(db: TenantDb, team: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll('people')
    .where('name', 'in', (eb) => eb.selectFrom('team_members').select('person').where('team', '=', team))
    .orderBy('name')
    .execute();
  const memberships = new Map<string, Set<string>>();
  for (const part of chunks(
    rows.map((r) => r.name),
    200,
  )) {
    const ms = await db
      .selectFrom('team_members')
      .select(['team', 'person'])
      .where('person', 'in', part)
      .execute();
    for (const m of ms) memberships.set(m.person, (memberships.get(m.person) ?? new Set()).add(m.team));
  }
  return rows.map((r) => toPerson(r, [...(memberships.get(r.name) ?? [])].sort()));
}

/** Replaces people by name; their `memberOf` replaces the memberships they claimed before. */
export async function upsertPeople(db: TenantDb, people: readonly Person[], now: number): Promise<void> {
  if (people.length === 0) return;
  await upsertRows(
    db,
    'people',
    people.map((p) => ({ name: p.name, display_name: p.displayName, email: p.email, updated_at: now })),
    ['name'],
  );
  for (const part of chunks(
    people.map((p) => p.name),
    200,
  )) {
    await db.deleteFrom('team_members').where('via', '=', 'person').where('person', 'in', part).execute();
  }
  const rows = people.flatMap((p) =>
    p.memberOf.map((team) => ({ team, person: p.name, via: 'person' as const })),
  );
  await upsertRows(db, 'team_members', rows, ['team', 'person', 'via']);
}
