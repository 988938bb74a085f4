/** `Label` ← AWX `label`, full or summarised. */
import type { LabelResolvers } from '../__generated__/resolvers-types.js';

export const Label: LabelResolvers = {
  // Activity stream summaries name it `organization_id`.
  organizationId: (label) => label.organization ?? label.organization_id ?? null,
};
