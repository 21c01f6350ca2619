import {
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from "graphql";

/**
 * Refuses an operation nested deeper than `maxDepth` fields, fragments expanded. A fragment already
 * on the path is not followed: GraphQL's own NoFragmentCycles reports the cycle, and this rule must
 * not loop or crash before it does. Depth as graphql-depth-limit counted it: a top-level field is
 * at 0, so `{ a { b } }` is 1 deep.
 */
export function depthRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      if (depthOf(operation.selectionSet, context, new Set(), 0, maxDepth) > maxDepth) {
        const name = operation.name ? `The operation '${operation.name.value}'` : "The query";
        context.reportError(
          new GraphQLError(`${name} exceeds the maximum depth of ${maxDepth} nested fields`, { nodes: [operation] }),
        );
      }
    },
  });
}

/** The deepest field path under a selection set; stops counting once past the limit. */
function depthOf(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  path: Set<string>,
  depth: number,
  maxDepth: number,
): number {
  if (depth > maxDepth) return depth;
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    let below = depth;
    if (selection.kind === Kind.FIELD) {
      if (selection.selectionSet) below = depthOf(selection.selectionSet, context, path, depth + 1, maxDepth);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      below = depthOf(selection.selectionSet, context, path, depth, maxDepth);
    } else {
      const name = selection.name.value;
      const fragment: FragmentDefinitionNode | undefined | null = context.getFragment(name);
      if (!fragment || path.has(name)) continue;
      path.add(name);
      below = depthOf(fragment.selectionSet, context, path, depth, maxDepth);
      path.delete(name);
    }
    deepest = Math.max(deepest, below);
  }
  return deepest;
}
