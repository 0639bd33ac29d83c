import type { TenantDb } from '../store/database.js';
import { type LevelVersion, levelVersions } from './levels.js';

export const leadTimeStarts = ['authored', 'committed', 'pr-opened', 'pr-first-commit'] as const;
export type LeadTimeStart = (typeof leadTimeStarts)[number];

export interface DoraSettings {
  attributionWindowHours: number;
  levelsVersion: LevelVersion;
  leadTimeStart: LeadTimeStart;
}

export const defaultSettings: DoraSettings = {
  attributionWindowHours: 24,
  levelsVersion: '2023',
  leadTimeStart: 'authored',
};

export async function readState(db: TenantDb) {
  const row = await db.selectFrom('dora_state').selectAll().executeTakeFirst();
  const settings: DoraSettings = row
    ? {
        attributionWindowHours: row.attribution_window_hours,
        levelsVersion: (levelVersions as readonly string[]).includes(row.levels_version)
          ? (row.levels_version as LevelVersion)
          : defaultSettings.levelsVersion,
        leadTimeStart: row.lead_time_start as LeadTimeStart,
      }
    : defaultSettings;
  return {
    settings,
    rollupTimeZone: row?.rollup_time_zone ?? null,
    rollupWindowHours: row?.rollup_window_hours ?? null,
    watermark: row?.watermark ?? 0,
    exists: row !== undefined,
  };
}

export async function writeState(
  db: TenantDb,
  s: {
    settings: DoraSettings;
    rollupTimeZone: string | null;
    rollupWindowHours: number | null;
    watermark: number;
  },
) {
  const row = {
    attribution_window_hours: s.settings.attributionWindowHours,
    levels_version: s.settings.levelsVersion,
    lead_time_start: s.settings.leadTimeStart,
    rollup_time_zone: s.rollupTimeZone,
    rollup_window_hours: s.rollupWindowHours,
    watermark: s.watermark,
  };
  await db
    .insertInto('dora_state')
    .values(row)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
    .execute();
}
