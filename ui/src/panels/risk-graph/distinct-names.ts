/**
 * Names made distinct in the order listed: the first keeps its name, a later one with the same
 * name gets `#2`, `#3`…, skipping any that is taken already — so two what-ifs from one tile have
 * their own accessible names ("Remove what-if SPX butterfly… #2") and screen readers and e2e tell
 * them apart.
 */
export function distinctNames(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 2;
    while (taken.has(`${name} #${n}`)) n++;
    const numbered = `${name} #${n}`;
    taken.add(numbered);
    return numbered;
  });
}
