export {
  figureAtRisk,
  figureBreakdown,
  figureCases,
  figureCustodySeries,
  figureEarlyReleaseShare,
  figureInCustody,
  figurePivot,
  figureRearrests,
  figureReleases,
  listFilterPersons,
  personOnDate,
  type PersonOnDate,
} from './figures';
export { forgetStatsModel, statsModel } from './model';
export {
  DEFINITIONS,
  EARLY_RELEASE_TYPES,
  OVER_60,
  type DefinitionKey,
} from '../api/figureDefinitions';
export { listQueryFilter, type ListFilter } from './listFilter';
