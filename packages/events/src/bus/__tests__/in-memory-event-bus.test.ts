import { createInMemoryEventBus } from '../../index';
import { CONTRACT_TUNING, describeEventBusContract } from './event-bus.contract';

describeEventBusContract('in-memory bus', {
  create: () => createInMemoryEventBus({ consumer: CONTRACT_TUNING }),
});
