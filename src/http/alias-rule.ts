import { GraphQLError, Kind, SelectionSetNode, ValidationRule } from "graphql";

type Names = Map<string, Set<string>>;

/**
 * Refuses a selection that asks for one field under more than `maxAliases` names, fragments
 * expanded: a thousand aliases of `attainment(asOf: …)` are a thousand computations. Each
 * fragment's names are gathered once; a fragment on its own path adds none (NoFragmentCycles
 * reports the cycle).
 */
export function aliasRule(maxAliases: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, Names>();
    const inProgress = new Set<string>();

    function namesOf(selectionSet: SelectionSetNode): Names {
      const names: Names = new Map();
      const add = (field: string, alias: string) => {
        if (!names.has(field)) names.set(field, new Set());
        names.get(field)!.add(alias);
      };
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          add(selection.name.value, selection.alias?.value ?? selection.name.value);
          continue;
        }
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? namesOf(selection.selectionSet)
            : fragmentNames(selection.name.value);
        for (const [field, aliases] of inner) for (const alias of aliases) add(field, alias);
      }
      return names;
    }

    function fragmentNames(name: string): Names {
      const known = fragments.get(name);
      if (known) return known;
      const fragment = context.getFragment(name);
      if (!fragment || inProgress.has(name)) return new Map();
      inProgress.add(name);
      const names = namesOf(fragment.selectionSet);
      inProgress.delete(name);
      fragments.set(name, names);
      return names;
    }

    return {
      SelectionSet(selectionSet: SelectionSetNode) {
        for (const [field, aliases] of namesOf(selectionSet)) {
          if (aliases.size <= maxAliases) continue;
          context.reportError(
            new GraphQLError(
              `The field ${field} is asked for under ${aliases.size} names in one selection; the limit is ${maxAliases}`,
              { nodes: [selectionSet] },
            ),
          );
        }
      },
    };
  };
}
