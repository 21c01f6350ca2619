import { GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValidationRule } from "graphql";

/** How deep a selection nests, and how many fields it holds once every fragment spread is expanded. */
interface Shape {
  depth: number;
  fields: number;
}

/**
 * Refuses an operation nested deeper than `maxDepth` (a top-level field is at 0, so `{ a { b } }`
 * is 1 deep, as graphql-depth-limit counted) or holding more than `maxFields` fields with every
 * fragment spread expanded. Each fragment is measured once and reused, so a fragment spread many
 * times, or a chain of fragments each spreading the next twice, costs this rule nothing and the
 * cost estimate after it never meets a document too large to walk. A fragment on its own path
 * counts as empty: GraphQL's NoFragmentCycles reports the cycle.
 */
export function shapeRule(maxDepth: number, maxFields: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, Shape>();
    const inProgress = new Set<string>();

    function shapeOf(selectionSet: SelectionSetNode): Shape {
      const shape: Shape = { depth: 0, fields: 0 };
      for (const selection of selectionSet.selections) {
        let inner: Shape;
        if (selection.kind === Kind.FIELD) {
          const child = selection.selectionSet ? shapeOf(selection.selectionSet) : null;
          inner = { depth: child ? child.depth + 1 : 0, fields: 1 + (child?.fields ?? 0) };
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = shapeOf(selection.selectionSet);
        } else {
          inner = fragmentShape(selection.name.value);
        }
        shape.depth = Math.max(shape.depth, inner.depth);
        shape.fields += inner.fields;
      }
      return shape;
    }

    function fragmentShape(name: string): Shape {
      const known = fragments.get(name);
      if (known) return known;
      const fragment = context.getFragment(name);
      if (!fragment || inProgress.has(name)) return { depth: 0, fields: 0 };
      inProgress.add(name);
      const shape = shapeOf(fragment.selectionSet);
      inProgress.delete(name);
      fragments.set(name, shape);
      return shape;
    }

    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const { depth, fields } = shapeOf(operation.selectionSet);
        const name = operation.name ? `The operation '${operation.name.value}'` : "The query";
        if (depth > maxDepth)
          context.reportError(
            new GraphQLError(`${name} exceeds the maximum depth of ${maxDepth} nested fields`, { nodes: [operation] }),
          );
        if (fields > maxFields)
          context.reportError(
            new GraphQLError(
              `${name} asks for ${fields} fields once its fragments are expanded, more than the limit of ${maxFields}`,
              { nodes: [operation] },
            ),
          );
      },
    };
  };
}
