/**
 * Recursive shapes in contracts: botocore models are full of them (a `ComponentChild` with
 * `children: ComponentChild[]`, a condition whose `then` is a property that may be a
 * condition), and the generator writes each as a `$ref` cycle between definitions. This
 * finds those cycles once per side: the strongly connected components of the graph
 * "definition A refers to definition B", so fingerprints and walkers can treat a cycle as
 * one unit instead of unrolling it until a depth limit.
 */

export interface DefinitionGroup {
  /** The definitions of one component, sorted. */
  members: string[];
  /** More than one member, or one that refers to itself: a real cycle. */
  recursive: boolean;
}

/**
 * Tarjan's algorithm, iterative (a deep chain of definitions must not overflow the stack).
 * `refsOf(name)` lists the definitions a definition refers to directly.
 */
export function definitionGroups(names: string[], refsOf: (name: string) => string[]): Map<string, DefinitionGroup> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups = new Map<string, DefinitionGroup>();
  let counter = 0;

  for (const root of names) {
    if (index.has(root)) continue;
    // Each frame: a definition and the position in its list of refs.
    const frames: { name: string; refs: string[]; next: number }[] = [];
    const open = (name: string): void => {
      index.set(name, counter);
      low.set(name, counter);
      counter += 1;
      stack.push(name);
      onStack.add(name);
      frames.push({ name, refs: refsOf(name), next: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next < frame.refs.length) {
        const ref = frame.refs[frame.next++]!;
        if (!index.has(ref)) open(ref);
        else if (onStack.has(ref)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(ref)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const members: string[] = [];
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        members.push(member);
        if (member === frame.name) break;
      }
      members.sort();
      const recursive = members.length > 1 || frame.refs.includes(frame.name);
      const group = { members, recursive };
      for (const member of members) groups.set(member, group);
    }
  }
  return groups;
}
