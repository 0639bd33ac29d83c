import {
  type AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  type DeleteQueryNode,
  type IdentifierNode,
  type InsertQueryNode,
  type JoinNode,
  type KyselyPlugin,
  OnNode,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryResult,
  ReferenceNode,
  type RootOperationNode,
  type SelectQueryNode,
  TableNode,
  type UnknownRow,
  type UpdateQueryNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WhereNode,
} from 'kysely';

/** Tables that carry no tenant: Kysely's own migration bookkeeping. Everything else is scoped. */
const unscopedTables = new Set(['kysely_migration', 'kysely_migration_lock']);

export class TenantScopeError extends Error {}

/**
 * The one place tenancy is enforced. A Kysely built with this plugin adds `tenant_id = ?` to every
 * table it reads, joins, updates or deletes, and sets `tenant_id` on every row it inserts, so a
 * store cannot forget the tenant. Raw SQL statements are refused: they cannot be scoped.
 */
export class TenantScopePlugin implements KyselyPlugin {
  readonly #transformer: TenantTransformer;

  constructor(readonly tenantId: string) {
    this.#transformer = new TenantTransformer(tenantId);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'RawNode') {
      throw new TenantScopeError('raw SQL cannot be tenant-scoped; build the query with Kysely');
    }
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class TenantTransformer extends OperationNodeTransformer {
  constructor(private readonly tenantId: string) {
    super();
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const inner = super.transformSelectQuery(node);
    const filters = (inner.from?.froms ?? []).flatMap((f) => this.#filterFor(f));
    return {
      ...inner,
      joins: inner.joins?.map((j) => this.#scopeJoin(j)),
      where: this.#and(inner.where, filters),
    };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const inner = super.transformUpdateQuery(node);
    if (
      inner.updates?.some(
        (u) => u.column.kind === 'ColumnNode' && (u.column as ColumnNode).column.name === 'tenant_id',
      )
    ) {
      throw new TenantScopeError('tenant_id cannot be updated');
    }
    const targets = [inner.table, ...(inner.from?.froms ?? [])].filter((n): n is OperationNode => n != null);
    return {
      ...inner,
      joins: inner.joins?.map((j) => this.#scopeJoin(j)),
      where: this.#and(
        inner.where,
        targets.flatMap((t) => this.#filterFor(t)),
      ),
    };
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const inner = super.transformDeleteQuery(node);
    const targets = [...inner.from.froms, ...(inner.using?.tables ?? [])];
    return {
      ...inner,
      joins: inner.joins?.map((j) => this.#scopeJoin(j)),
      where: this.#and(
        inner.where,
        targets.flatMap((t) => this.#filterFor(t)),
      ),
    };
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const inner = super.transformInsertQuery(node);
    const table = inner.into?.table.identifier.name;
    if (!table || unscopedTables.has(table)) return inner;
    if (inner.columns?.some((c) => c.column.name === 'tenant_id')) {
      throw new TenantScopeError(`tenant_id of ${table} is set by the tenant scope, not by the query`);
    }
    if (inner.values?.kind !== 'ValuesNode') {
      throw new TenantScopeError(`insert into ${table} must use values(): insert … select cannot be scoped`);
    }
    const values = (inner.values as ValuesNode).values.map((row) =>
      row.kind === 'PrimitiveValueListNode'
        ? PrimitiveValueListNode.create([...row.values, this.tenantId])
        : ValueListNode.create([...row.values, ValueNode.create(this.tenantId)]),
    );
    return {
      ...inner,
      columns: [...(inner.columns ?? []), ColumnNode.create('tenant_id')],
      values: ValuesNode.create(values),
    };
  }

  #scopeJoin(join: JoinNode): JoinNode {
    const filters = this.#filterFor(join.table);
    if (filters.length === 0) return join;
    let op: OperationNode | undefined = join.on ? ParensNode.create(join.on.on) : undefined;
    for (const f of filters) op = op ? AndNode.create(op, f) : f;
    return { ...join, on: OnNode.create(op!) };
  }

  /** `ref.tenant_id = ?` for a table or aliased table; nothing for subqueries (scoped themselves). */
  #filterFor(node: OperationNode): OperationNode[] {
    let table: TableNode | undefined;
    let ref: string | undefined;
    if (node.kind === 'TableNode') {
      table = node as TableNode;
      ref = table.table.identifier.name;
    } else if (node.kind === 'AliasNode' && (node as AliasNode).node.kind === 'TableNode') {
      table = (node as AliasNode).node as TableNode;
      const alias = (node as AliasNode).alias;
      ref = alias.kind === 'IdentifierNode' ? (alias as IdentifierNode).name : undefined;
    }
    if (!table || !ref || unscopedTables.has(table.table.identifier.name)) return [];
    return [
      BinaryOperationNode.create(
        ReferenceNode.create(ColumnNode.create('tenant_id'), TableNode.create(ref)),
        OperatorNode.create('='),
        ValueNode.create(this.tenantId),
      ),
    ];
  }

  /** The query's own condition is parenthesised, so an `or` in it cannot escape the tenant filter. */
  #and(where: WhereNode | undefined, filters: OperationNode[]): WhereNode | undefined {
    if (filters.length === 0) return where;
    let op: OperationNode | undefined = where ? ParensNode.create(where.where) : undefined;
    for (const f of filters) op = op ? AndNode.create(op, f) : f;
    return WhereNode.create(op!);
  }
}
