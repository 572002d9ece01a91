import type { Model } from '../../engine/model.js';
import type { Issue } from '../../engine/validation.js';
import { ownerOf, topSectionOfField } from './naming.js';

/**
 * The issues a person is shown now, grouped once per build: by the part that shows their messages
 * (an item, a plan, the session, the age band) and by part of the form (a top-level section, the
 * session, the age band), each in the order first met.
 */
export interface ShownIssues {
  readonly all: readonly Issue[];
  /** Keyed `item:<id>`, `plan:<section id>`, `session` or `age-band` (see ownerOf). */
  readonly byOwner: ReadonlyMap<string, readonly Issue[]>;
  /** Keyed by a top-level section's id, or `session` / `age-band`. */
  readonly byPart: ReadonlyMap<string, readonly Issue[]>;
}

export function groupShown(shown: readonly Issue[], model: Model): ShownIssues {
  const byOwner = new Map<string, Issue[]>();
  const byPart = new Map<string, Issue[]>();
  const add = (map: Map<string, Issue[]>, key: string, issue: Issue) => {
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  };
  for (const issue of shown) {
    add(byOwner, ownerOf(issue.field), issue);
    add(byPart, topSectionOfField(model, issue.field) ?? (issue.field.kind === 'age-band' ? 'age-band' : 'session'), issue);
  }
  return { all: shown, byOwner, byPart };
}
