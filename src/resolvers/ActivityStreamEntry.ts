/** `ActivityStreamEntry` ← AWX `activity_stream`. */
import type { ActivityStreamEntryResolvers } from '../__generated__/resolvers-types.js';
import type { AwxActivityStreamEntry } from '../awx/models/activityStream.js';
import { propsOf } from './helpers.js';

const p = propsOf<AwxActivityStreamEntry>();

export const ActivityStreamEntry: ActivityStreamEntryResolvers = {
  objectAssociation: p('object_association'),
  actionNode: p('action_node'),
  objectType: p('object_type'),
  actor: (entry) => {
    const actor = entry.summary_fields?.actor;
    // AWX keeps a deleted actor's names but sends `id: null`.
    return actor ? { ...actor, id: actor.id ?? undefined } : null;
  },
};
