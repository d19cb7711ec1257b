/** The helpers of portal-fixtures.ts, with <pay-portal> defined from the source in widget/. */
import '../../../widget/index.ts';

export * from './portal-fixtures.ts';
