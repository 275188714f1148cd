import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isExposedError } from '../errors/format-error';
import { firstSeenOperationLabel, type OperationLabel } from '../metrics/operation-label';
import type { ServiceMetrics } from '../metrics/registry';
import type { RequestInfo } from './request-info';

type ObservedContext = BaseContext & Partial<Pick<RequestInfo, 'logger' | 'requestId'>>;

/**
 * Per-operation metrics, plus the log line that makes a masked error findable: whatever the boundary turned
 * into INTERNAL_SERVER_ERROR is logged here with its stack and the request id. The `operation` label is bounded
 * by `operationLabel` (default: the first 200 names seen, then `other`).
 */
export function observabilityPlugin(
  metrics: ServiceMetrics,
  operationLabel: OperationLabel = firstSeenOperationLabel(),
): ApolloServerPlugin<ObservedContext> {
  return {
    async requestDidStart({ contextValue }) {
      const stopTimer = metrics.operationSeconds.startTimer();
      let failed = false;
      return {
        async didEncounterErrors({ errors, operationName }) {
          failed = true;
          for (const error of errors) {
            if (isExposedError(error)) continue;
            contextValue.logger?.error(
              { err: error.originalError ?? error, path: error.path, operationName },
              'unexpected error (masked as INTERNAL_SERVER_ERROR)',
            );
          }
        },
        async willSendResponse({ operationName }) {
          const operation = operationLabel(operationName);
          stopTimer({ operation });
          metrics.operations.inc({ operation, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}
