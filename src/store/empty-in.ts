import {
  BinaryOperationNode, OperationNodeTransformer, OperatorNode, ValueNode,
  type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely';

/** Rewrites `x in ()` to `1 = 0` and `x not in ()` to `1 = 1`. */
class EmptyInTransformer extends OperationNodeTransformer {
  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const op = OperatorNode.is(node.operator) ? node.operator.operator : undefined;
    const right = node.rightOperand;
    const empty =
      (right.kind === 'PrimitiveValueListNode' && (right as unknown as { values: readonly unknown[] }).values.length === 0) ||
      (right.kind === 'ValueListNode' && (right as unknown as { values: readonly unknown[] }).values.length === 0);
    if (empty && (op === 'in' || op === 'not in')) {
      return BinaryOperationNode.create(ValueNode.createImmediate(1), OperatorNode.create('='), ValueNode.createImmediate(op === 'in' ? 0 : 1));
    }
    return super.transformBinaryOperation(node);
  }
}

/**
 * A `where(col, 'in', list)` with an empty list is valid SQL on SQLite (nothing matches) but a syntax error on
 * PostgreSQL. Scopes and id sets can be empty (a reader who sees no camp), so the store rewrites such a
 * condition to the constant it means on both dialects, rather than every caller guarding its lists.
 */
export class EmptyInPlugin implements KyselyPlugin {
  readonly #transformer = new EmptyInTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
