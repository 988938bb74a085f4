/** `Subscription`: live updates of AWX objects, read with the subscriber's credentials (see src/live/). */
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { AwxWorkflowJob } from '../awx/types.js';
import { lazyLoaders, type GatewayContext } from '../context.js';
import type { LiveEvent } from '../live/index.js';
import { parseId } from './helpers.js';

/**
 * One event of the stream: the job as read. The event's fields are resolved with fresh loaders primed
 * with this reading, so an event never shows what an earlier one had loaded (a node's job that moved on);
 * they are made only if a field reads them, and held until the next event.
 */
function resolveEvent(event: LiveEvent, _args: unknown, context: GatewayContext): AwxWorkflowJob {
  if ('error' in event) throw event.error;
  const { live } = context;
  const { snapshot } = event;
  lazyLoaders(context, () => live.loadersFor(snapshot));
  return event.snapshot.job;
}

export const Subscription: SubscriptionResolvers = {
  workflowJobUpdated: {
    // Resolves once the job was read: a first read AWX refused is the subscription's error, with no event.
    subscribe: (_root, { id }, { live }) => live.followWorkflowJob(parseId(id, 'id')),
    resolve: resolveEvent,
  },
};
