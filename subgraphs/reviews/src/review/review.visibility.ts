import { isAdmin, type Viewer } from '@techally/platform';
import type { Review } from './review.entity';

/**
 * Who may see a review: everyone while it is visible; once a moderator hides it, only its author and
 * administrators. Checked wherever a single review leaves this subgraph (lookups, `_entities`, mutation
 * results), because a client can call `_entities` directly.
 */
export function canSee(viewer: Viewer | null, review: Review): boolean {
  return !review.hidden || isAuthor(viewer, review) || isAdmin(viewer);
}

export function isAuthor(viewer: Viewer | null, review: Review): boolean {
  return viewer !== null && viewer.userId === review.authorId;
}
