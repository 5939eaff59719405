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
} from './figures';
export { forgetStatsModel, statsModel } from './model';
export {
  DEFINITIONS,
  EARLY_RELEASE_TYPES,
  OVER_60,
  type DefinitionKey,
} from '../api/figureDefinitions';
