import { decodeCursor, DomainError, encodeCursor, isUuid, pageSize, requireViewer, type Viewer } from '@techally/platform';
import type { NotificationPage } from './notification.type';
import type { NotificationRepository, NotificationRow } from './notification.repository';

/** The most ids one `markNotificationsRead` takes (a page's worth). */
export const MAX_MARK_READ = 100;

export interface NotificationListRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly unreadOnly?: boolean | null;
}

function cursorOf(row: NotificationRow): string {
  return encodeCursor([row.occurredAt.toISOString(), row.id]);
}

function decodeAfter(after: string): { occurredAt: Date; id: string } {
  const [time, id] = decodeCursor(after, 2);
  const occurredAt = typeof time === 'string' ? new Date(time) : new Date(NaN);
  if (Number.isNaN(occurredAt.getTime()) || !isUuid(id)) {
    throw DomainError.badUserInput('"after" is not a cursor this connection issued.', 'after');
  }
  return { occurredAt, id };
}

/**
 * The in-app centre's use cases. A user's notifications are theirs alone: not even an administrator reads or
 * marks another's (the house rule for `me`: the signed-in user's own data; anyone else is FORBIDDEN).
 */
export class NotificationService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly viewer: Viewer | null,
  ) {}

  ofUser(userId: string, request: NotificationListRequest): NotificationPage {
    const viewer = requireViewer(this.viewer);
    if (viewer.userId !== userId) throw DomainError.forbidden('Notifications are seen by their recipient only.');
    const first = pageSize(request.first);
    const after = request.after ? decodeAfter(request.after) : null;
    return {
      // Read only when the client selects the page (see NotificationConnection): the bell asks the count alone.
      rows: async () => {
        const rows = await this.repository.page({ recipientId: viewer.userId, limit: first + 1, unreadOnly: request.unreadOnly === true, after });
        return {
          edges: rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node })),
          hasNextPage: rows.length > first,
          hasPreviousPage: after !== null,
        };
      },
      unreadCount: () => this.repository.unreadCount(viewer.userId),
    };
  }

  /**
   * Marks the viewer's notifications among `ids` read and returns them. Ids that are not the viewer's are left
   * out, not refused: whether someone else's notification exists is not the viewer's to learn.
   */
  async markRead(ids: ReadonlyArray<string>): Promise<NotificationRow[]> {
    const viewer = requireViewer(this.viewer);
    if (ids.length === 0 || ids.length > MAX_MARK_READ) {
      throw DomainError.badUserInput(`"ids" must hold between 1 and ${MAX_MARK_READ} notification ids, got ${ids.length}.`, 'ids');
    }
    const malformed = ids.find((id): boolean => !isUuid(id));
    if (malformed !== undefined) throw DomainError.badUserInput(`"ids" holds ${JSON.stringify(malformed.slice(0, 64))}, which is not a notification id.`, 'ids');
    return this.repository.markRead(viewer.userId, [...new Set(ids.map((id) => id.toLowerCase()))]);
  }
}
