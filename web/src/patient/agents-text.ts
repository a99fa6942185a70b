/**
 * An option's agents as a clinician reads them: agents of the same class are alternatives ("tisagenlecleucel or
 * brexucabtagene autoleucel"), agents of different classes are given together ("blinatumomab + chemotherapy").
 * The classes are the knowledge base's own (kb/agents/*.yaml); until it has loaded, the agents are only listed.
 * @module
 */

export interface AgentInfo {
  readonly name: string;
  readonly class: string;
}

/** The agents' words; `agents` maps an agent id to its name and class, or is undefined before the KB loads. */
export function agentsText(
  ids: readonly string[],
  agents: ReadonlyMap<string, AgentInfo> | undefined,
): string {
  if (agents === undefined) {
    return ids.join(', ');
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const info = agents.get(id);
    const key = info?.class ?? `id:${id}`;
    groups.set(key, [...(groups.get(key) ?? []), info?.name ?? id]);
  }
  return [...groups.values()]
    .map((names) =>
      names.length > 2 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join(' or '),
    )
    .join(' + ');
}
