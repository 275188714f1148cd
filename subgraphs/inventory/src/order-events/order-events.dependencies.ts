import type { Logger, SubgraphOrm } from '@techally/platform';
import type { ReservationService } from '../reservation/reservation.service';

/** What the consumers of the orders subgraph's events need; wired in app.ts. */
export interface OrderEventDependencies {
  readonly orm: SubgraphOrm;
  readonly reservations: ReservationService;
  readonly logger: Logger;
}
