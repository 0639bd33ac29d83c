import { z } from '../core/zod.js';
import {
  isEntityRef,
  isValidEntityName,
  isValidNamespace,
  isValidTag,
  nameRule,
  parseEntityRef,
  tagRule,
} from './entity-ref.js';

/** Names of services, teams, systems and people follow Backstage's entity-name rule, so imports fit. */
export const catalogNameSchema = z
  .string()
  .refine(isValidEntityName, nameRule)
  .openapi({ example: 'artist-lookup' });

export const tagSchema = z.string().refine(isValidTag, tagRule);

/** 1 is the most critical. */
export const tierSchema = z.literal([1, 2, 3, 4]);
export type Tier = z.infer<typeof tierSchema>;
// The OpenAPI generator documents only the first value of a multi-value literal; say all of them.
const nullableTier = tierSchema
  .nullable()
  .openapi({ type: ['integer', 'null'], enum: [1, 2, 3, 4, null], description: '1 is the most critical' });

export const environmentSchema = z
  .string()
  .refine(isValidNamespace, 'lower-case [a-z0-9] separated by single dashes')
  .openapi({ example: 'production' });

export const entityRefSchema = z
  .string()
  .refine((v) => isEntityRef(parseEntityRef(v, { defaultKind: 'component' })), {
    message: 'not an entity reference of the form [<kind>:][<namespace>/]<name>',
  })
  .openapi({ example: 'resource:default/artists-db' });

export const linkSchema = z.object({ url: z.string(), title: z.string().optional() });

export const sourceSchema = z.enum(['api', 'backstage']);

export const serviceSchema = z
  .object({
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    owner: z.string().nullable().describe('owning team'),
    system: z.string().nullable(),
    tier: nullableTier,
    lifecycle: z.string().openapi({ example: 'production' }),
    type: z.string().openapi({ example: 'service' }),
    repositoryUrls: z.array(z.string()),
    environments: z.array(z.string()),
    dependsOn: z.array(z.string()).describe('entity references, kind:namespace/name'),
    tags: z.array(z.string()),
    links: z.array(linkSchema),
    source: sourceSchema,
    updatedAt: z.iso.datetime(),
  })
  .openapi('Service');
export type Service = z.infer<typeof serviceSchema>;

export const serviceInputSchema = z
  .strictObject({
    title: z.string().min(1).max(200).nullable().default(null),
    description: z.string().max(2000).nullable().default(null),
    owner: catalogNameSchema.nullable().default(null),
    system: catalogNameSchema.nullable().default(null),
    tier: nullableTier.default(null),
    lifecycle: z.string().min(1).max(63).default('production'),
    type: z.string().min(1).max(63).default('service'),
    repositoryUrls: z.array(z.url()).max(20).default([]),
    environments: z.array(environmentSchema).min(1).max(50).default(['production']),
    dependsOn: z.array(entityRefSchema).max(500).default([]),
    tags: z.array(tagSchema).max(100).default([]),
    links: z
      .array(z.strictObject({ url: z.url(), title: z.string().min(1).max(200).optional() }))
      .max(50)
      .default([]),
  })
  .openapi('ServiceInput');
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export const teamSchema = z
  .object({
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    email: z.string().nullable(),
    parent: z.string().nullable(),
    members: z.array(z.string()).describe('names of people'),
    source: sourceSchema,
    updatedAt: z.iso.datetime(),
  })
  .openapi('Team');
export type Team = z.infer<typeof teamSchema>;

export const teamInputSchema = z
  .strictObject({
    title: z.string().min(1).max(200).nullable().default(null),
    description: z.string().max(2000).nullable().default(null),
    email: z.email().nullable().default(null),
    parent: catalogNameSchema.nullable().default(null),
    members: z.array(catalogNameSchema).max(1000).default([]),
  })
  .openapi('TeamInput');
export type TeamInput = z.infer<typeof teamInputSchema>;

export const systemSchema = z
  .object({
    name: z.string(),
    title: z.string().nullable(),
    description: z.string().nullable(),
    owner: z.string().nullable(),
    domain: z.string().nullable(),
    source: sourceSchema,
    updatedAt: z.iso.datetime(),
  })
  .openapi('System');
export type System = z.infer<typeof systemSchema>;

export const personSchema = z
  .object({
    name: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    memberOf: z.array(z.string()).describe('names of teams'),
  })
  .openapi('Person');
export type Person = z.infer<typeof personSchema>;

/** An imported Backstage entity, kept as written. */
export const catalogEntitySchema = z
  .object({
    kind: z.string(),
    namespace: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    source: z.string().describe('the file it was imported from'),
    metadata: z.record(z.string(), z.unknown()),
    spec: z.record(z.string(), z.unknown()),
  })
  .openapi('CatalogEntity');
export type CatalogEntity = z.infer<typeof catalogEntitySchema>;

/** What an import produces before it is stored: the time is stamped by the service. */
export type ServiceDraft = Omit<Service, 'updatedAt'>;
export type TeamDraft = Omit<Team, 'updatedAt'>;
export type SystemDraft = Omit<System, 'updatedAt'>;
export type PersonDraft = Person;

export const importIssueSchema = z
  .object({
    file: z.string(),
    document: z.number().int().describe('0-based index of the YAML document in the file'),
    path: z.string().openapi({ example: '/metadata/name' }),
    message: z.string(),
  })
  .openapi('ImportIssue');
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importRequestSchema = z
  .strictObject({
    files: z
      .array(z.strictObject({ path: z.string().min(1).max(1024), content: z.string() }))
      .min(1)
      .max(10_000),
  })
  .openapi('CatalogImportRequest');
export type ImportFile = z.infer<typeof importRequestSchema>['files'][number];

export const importResultSchema = z
  .object({
    imported: z.array(z.object({ kind: z.string(), name: z.string() })),
    counts: z.record(z.string(), z.number().int()),
    errors: z.array(importIssueSchema),
  })
  .openapi('CatalogImportResult');
export type ImportResult = z.infer<typeof importResultSchema>;
