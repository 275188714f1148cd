import { DateTimeResolver } from 'graphql-scalars';
import type { BuildSchemaOptions } from 'type-graphql';

type ScalarsTypeMap = NonNullable<BuildSchemaOptions['scalarsMap']>[number];

/**
 * `Date` fields print as the `DateTime` scalar (ISO 8601), the graph's convention (README.md, Design decisions). Pass to
 * `buildFederatedSchema({ scalarsMap })`; it is the default there.
 */
export const DATE_TIME_SCALARS: ScalarsTypeMap[] = [{ type: Date, scalar: DateTimeResolver }];

export { DateTimeResolver };
