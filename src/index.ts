/**
 * jeugdhulp-bekostiging: simulate and compare Dutch youth-care funding models — taakgericht,
 * inspanningsgericht, outputgericht, trajectfinanciering — on a caseload, with exact money.
 *
 * Every public name is listed here explicitly; each carries a `@category` (the API reference's
 * sections, checked by test/docs/categories.test.ts).
 *
 * @module jeugdhulp-bekostiging
 */

// Errors
export { FundingInputError, isFundingInputError, MAX_KEPT_ISSUES, type Issue, type SafeResult, formatPath } from "./errors.js";

// Money
export {
  type Cents,
  MAX_CENTS,
  assertCents,
  addCents,
  eurosToCents,
  centsToDecimal,
  type RoundingMode,
  divRound,
  roundDecimalCents,
  percentOf,
  allocate,
  splitEvenly,
  percentWeights,
  formatEuro,
  MoneySchema,
  PercentSchema,
  type MoneyInput,
} from "./money/index.js";

// Time
export {
  type Month,
  type Horizon,
  type HorizonInput,
  type Dated,
  MonthSchema,
  HorizonSchema,
  parseMonth,
  formatMonth,
  yearOf,
  monthOfYear,
  horizon,
  horizonEnd,
  horizonYears,
  daysInMonth,
  DatedValue,
} from "./period.js";
export { DatedPrice, DatedMoneySchema, IndexationSchema, type DatedMoneyInput, type IndexationInput } from "./prices/datedPrice.js";
export { billableHours, declaredAmount } from "./ijw.js";

// Randomness
export { Rng } from "./random.js";

// Caseloads
export {
  CARE_FORMS,
  type CareForm,
  UNIT_CODES,
  type UnitCode,
  UNIT_MEASURE,
  OUTCOMES,
  type Outcome,
  OPEN_END,
} from "./caseload/codes.js";
export {
  type Caseload,
  type TrajectoryRecord,
  trajectoryRecord,
  toRecords,
  firstUseMonth,
  monthsInWindow,
} from "./caseload/caseload.js";
export {
  caseloadFromRecords,
  importCaseloadRecords,
  TrajectoryInputSchema,
  type TrajectoryInput,
  type FromRecordsOptions,
  type ImportRecordsOptions,
  type RecordsImport,
  type RejectedRecord,
  type OnInvalidRow,
  type KnownNames,
} from "./caseload/records.js";
export { SelectionSchema, selectTrajectories, type Selection, type SelectionInput } from "./caseload/selection.js";
export { NameSchema, UNKNOWN_AGE_GROUP, GENERAL_TARGET_GROUP } from "./caseload/names.js";
export { CaseloadSpecSchema, type CaseloadSpec, type CaseloadSpecInput } from "./caseload/spec.js";
export { generateCaseload } from "./caseload/generate.js";
export { DEFAULT_MAX_TRAJECTORY_MONTHS, DEFAULT_MAX_TRAJECTORIES, WorkLimitsSchema, type WorkLimits } from "./caseload/workLimits.js";
export { DEFAULT_REGION } from "./caseload/defaultRegion.js";

// Funding models
export type { FundingModel, ExecutionVariant, ProjectionContext, ModelOutcome, CeilingSignal, ModelMeasure } from "./models/model.js";
export { taskModel, TaskConfigSchema, type TaskConfig, corridorSettlement } from "./models/task.js";
export { effortModel, EffortConfigSchema, type EffortConfig, CEILING_BEHAVIOURS } from "./models/effort.js";
export { outputModel, OutputConfigSchema, type OutputConfig } from "./models/output.js";
export { trajectoryModel, TrajectoryConfigSchema, type TrajectoryConfig } from "./models/trajectory.js";
export { perPlaceModel, PerPlaceConfigSchema, type PerPlaceConfig } from "./models/perPlace.js";
export { reimbursementModel, ReimbursementConfigSchema, type ReimbursementConfig } from "./models/reimbursement.js";
export { combinedModel } from "./models/combined.js";
export { createModel, MAX_COMBINED_DEPTH, ModelConfigSchema, CombinedConfigSchema, type ModelConfig, type CoreModelConfig, type CombinedConfig } from "./models/index.js";

// Ledger and projection
export { LINE_KINDS, type LineKind, ALL_PROVIDERS, WHOLE_REGION, NO_TRAJECTORY } from "./ledger/lineKind.js";
export type { LedgerWriter } from "./ledger/writer.js";
export { writeRun } from "./ledger/writer.js";
export { type Ledger, type LedgerLine, type LedgerDimension, ledgerLine, totalLedgerBy } from "./ledger/ledger.js";
export { type Breakdown, totalsByKey, totalsByMonth, totalsByYear, breakdownTotal } from "./projection/breakdown.js";
export { CostPricesSchema, type CostPricesInput, costOfUse } from "./projection/cost.js";
export {
  project,
  safeProject,
  ProjectionOptionsSchema,
  type ProjectionOptions,
  type Projection,
  type MessageCounts,
  type Waiting,
} from "./projection/project.js";

// Funding streams
export {
  applyStreams,
  FundingStreamSchema,
  StreamRulesSchema,
  type FundingStreamInput,
  type StreamCoverage,
  type StreamsResult,
} from "./streams/fundingStreams.js";

// Interventions (LPI choice aid) and recovery initiatives (ZHI)
export {
  INTERVENTION_GOALS,
  type InterventionGoal,
  INTERVENTION_FORMS,
  type InterventionForm,
  InterventionSchema,
  type InterventionInput,
  type Intervention,
  InterventionCatalogueSchema,
  type InterventionCatalogueInput,
  type InterventionCatalogue,
  InterventionQuerySchema,
  type InterventionQuery,
  type InterventionOption,
  chooseInterventions,
  participantCost,
  deliveryCost,
  type DeliveryCost,
  PreventedInflowInputSchema,
  type PreventedInflowInput,
  type PreventedInflow,
  preventedInflow,
  withPreventiveIntervention,
  AvoidedCareInputSchema,
  type AvoidedCareInput,
  type AvoidedCare,
  avoidedCare,
} from "./streams/interventions.js";
export { LPI_CATALOGUE } from "./streams/lpiCatalogue.js";
export {
  RECOVERY_FUNDING_WAYS,
  type RecoveryFundingWay,
  RECOVERY_FUNDING_LABELS,
  RecoveryInitiativeSchema,
  type RecoveryInitiativeInput,
  type RecoveryInitiativeConfig,
  RECOVERY_AMOUNTS,
  type RecoveryAmount,
  type RecoveryAmounts,
  type RecoveryYear,
  type RecoveryRun,
  type RecoverySummary,
  type RecoveryFundingResult,
  type RecoveryComparison,
  simulateRecoveryInitiative,
} from "./streams/recoveryInitiative.js";
export { ZHI_EXAMPLE } from "./streams/zhiExample.js";

// Grant pools (stimuleringsimpuls) and working days
export {
  type IsoDate,
  type DayNumber,
  DateSchema,
  parseDate,
  formatDate,
  monthOfDate,
  isoWeekday,
  easterSunday,
  DutchHolidayOptionsSchema,
  type DutchHolidayOptions,
  dutchPublicHolidays,
  dutchPublicHolidaysBetween,
  WorkingCalendar,
  MAX_WORKING_DAYS,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
} from "./streams/workingDays.js";
export {
  GRANT_KINDS,
  type GrantKind,
  GrantRulesSchema,
  GrantPoolSchema,
  GrantRequestSchema,
  GrantRequestsSchema,
  GrantPoolOptionsSchema,
  GrantPoolsInputSchema,
  type GrantRulesInput,
  type GrantPoolInput,
  type GrantRequestInput,
  type GrantPoolOptions,
  type GrantPoolsInput,
} from "./streams/grantPoolSchema.js";
export {
  simulateGrantPool,
  simulateGrantPools,
  GRANT_REJECTION_REASONS,
  GRANT_REJECTION_LABELS,
  type GrantRejectionReason,
  type ReviewTrack,
  type GrantDecision,
  type ExecutedTransfer,
  type GrantPoolResult,
  type GrantPoolsResult,
} from "./streams/grantPool.js";
export type { GrantAmounts, GrantTotals, GrantRegionTotals, GrantMonth, GrantStop, DecisionTimeStats, GrantDecisionTimes, GrantPoolReport } from "./streams/grantPoolReport.js";
export { generateGrantRequests, GrantRequestSpecSchema, type GrantRequestSpecInput } from "./streams/grantRequestGenerator.js";

// CSV in and out (pure: text in, text out; file access is in the node entry)
export {
  caseloadFromCsv,
  safeCaseloadFromCsv,
  importCaseloadCsv,
  rejectedRowsToCsv,
  type ImportCaseloadCsvOptions,
  type CaseloadImport,
  type RejectedRow,
  type ImportCounts,
  CsvMappingSchema,
  type CsvMappingInput,
  type CsvMapping,
  type CaseloadCsvOptions,
  detectDelimiter,
  DEFAULT_MAX_CSV_ROWS,
  TRAJECTORY_CSV_FIELDS,
  REQUIRED_TRAJECTORY_CSV_FIELDS,
  type TrajectoryCsvField,
  USE_CSV_FIELDS,
  type UseCsvField,
  CSV_DELIMITERS,
  type CsvDelimiter,
} from "./csv/caseloadCsv.js";
export { DATE_FORMATS, type DateFormat } from "./csv/cellReaders.js";
export { comparisonSummary, type SummaryOptions } from "./report/summary.js";
export { type ReportLocale, REPORT_LOCALES } from "./locale/locale.js";
export { METRIC_LABELS_NL, reportLabels, type ReportLabels, type LabelledMetric } from "./locale/labels.js";
export type { ImportWarning } from "./csv/plausibility.js";
export {
  ledgerToCsv,
  breakdownToCsv,
  type BreakdownCsvOptions,
  comparisonToCsv,
  recordsToCsv,
  type CaseloadCsv,
  formatCsvAmount,
  type CsvExportOptions,
} from "./csv/exportCsv.js";

// Comparison
export { type Metrics, measure, monthlyTotals, METRIC_LABELS } from "./metrics/metrics.js";
export { type Summary, summarise } from "./metrics/statistics.js";
export {
  compare,
  CompareOptionsSchema,
  type CompareOptions,
  type Comparison,
  type ModelComparison,
  type OnRun,
  SUMMARISED_METRICS,
  type SummarisedMetric,
} from "./metrics/compare.js";
export { formatComparison, comparisonToMarkdown, comparisonCells, type TableOptions } from "./report/table.js";

// Parameter uncertainty: distributions in place of numbers in a scenario, drawn per Monte Carlo run.
export {
  DistributionSchema,
  DistributionOutputSchema,
  DISTRIBUTION_KINDS,
  type Distribution,
  type DistributionInput,
  type DistributionOutput,
} from "./uncertainty/distribution.js";
export { sampleDistribution } from "./uncertainty/sample.js";
export { quantile } from "./uncertainty/quantile.js";
export { centre, distributionMean, distributionSd } from "./uncertainty/moments.js";
export { betaFromMeanSd, gammaFromMeanSd, lognormalFromMeanSd, type NodeOptions } from "./uncertainty/fromMeanSd.js";
export {
  type UncertainParameter,
  type ParameterValues,
  type TreePath,
  isDistributionNode,
  findUncertain,
  resolveUncertain,
  convertDraw,
  drawParameters,
  centreValues,
  quantileValues,
} from "./uncertainty/uncertainInput.js";

// Sensitivity analysis over uncertain parameters: one-way (tornado) and two-way grids.
export {
  oneWaySensitivity,
  OneWayOptionsSchema,
  type OneWayOptions,
  type OneWayRow,
  type OneWayResult,
  type MetricValues,
  type MetricEvaluator,
} from "./sensitivity/oneWay.js";
export { tornado, type Tornado, type TornadoRow } from "./sensitivity/tornado.js";
export { sensitivity, SensitivityOptionsSchema, type SensitivityOptions, type SensitivityAnalysis } from "./sensitivity/comparisonSensitivity.js";
export { twoWaySensitivity, twoWayGrid, TwoWayOptionsSchema, type TwoWayOptions, type TwoWayAxis, type TwoWayResult } from "./sensitivity/twoWay.js";

// Risk statistics over Monte Carlo runs, exact on integer cents.
export { riskAllocation, type RiskAllocation } from "./risk/riskAllocation.js";
export { monthlyBands } from "./risk/monthlyBands.js";
export { budgetAtRisk, type BudgetRisk } from "./risk/budgetAtRisk.js";
export { probabilityMoreCostly, type CostComparison } from "./risk/probabilityMoreCostly.js";
export { providerMarginRisk, type ProviderMarginRisk } from "./risk/providerMarginRisk.js";
export { comparisonRisk, type ComparisonRisk, type ModelRisk } from "./risk/comparisonRisk.js";
export { type Uncertain } from "./uncertainty/uncertain.js";
export { drawnSpec } from "./uncertainty/drawnSpec.js";

// Reforms (hervormingen): changes stacked on a baseline, each shown as the change from the step before
export {
  compareReforms,
  reformSteps,
  driveComparisons,
  driveComparisonsAsync,
  ReformSchema,
  type Reform,
  type CompareRequest,
  parsePath,
} from "./reforms/reforms.js";
export { REFORM_METRICS, type ReformMetric, type ModelEffect, type ReformStep, type ReformsResult } from "./reforms/reformResult.js";

// Behaviour responses (gedragseffecten): how providers respond to each model's incentive; off by default
export {
  BehaviourSchema,
  BehaviourResponsesSchema,
  BEHAVIOUR_SET_NAMES,
  type BehaviourSetName,
  type BehaviourInput,
  type ResolvedBehaviour,
} from "./behaviour/behaviourSchema.js";
export { BEHAVIOUR_SETS, DEFAULT_REFERRED_TO, resolveBehaviour, behaviourIsOn } from "./behaviour/behaviourSets.js";
export { applyBehaviour, RESPONDING_KINDS, type BehaviourOutcome } from "./behaviour/applyBehaviour.js";
export { describeBehaviour, behaviourNotice } from "./behaviour/describeBehaviour.js";
export type { Notice } from "./locale/notice.js";
export { renderTable, type Table, type TableFormat } from "./report/textTable.js";
export { formatGrantPool, formatGrantDecisions } from "./report/grantPoolText.js";
export { formatRecoveryComparison, recoveryCells, recoveryNotes } from "./report/recoveryText.js";
export { grantDecisionsToCsv, recoveryComparisonToCsv } from "./csv/simulationCsv.js";
export { comparisonCharts, type ChartSpecs, type ComparisonChartOptions, VEGA_LITE_SCHEMA, DUTCH_NUMBER_LOCALE } from "./report/charts.js";
export { MODEL_KIND_COLOURS, modelColours, paletteKind, type PaletteKind } from "./report/palette.js";
export { riskCharts, monthlyBandChart, riskAllocationChart, budgetAtRiskChart, providerMarginRiskChart } from "./report/riskCharts.js";
export { tornadoChart, twoWayChart, sensitivityCharts, type SensitivityChartsInput, type SensitivityChartOptions } from "./report/sensitivityCharts.js";
export { reformEffectsChart } from "./report/reformCharts.js";
export { formatRisk, riskSections, type RiskSection } from "./report/riskText.js";
export { formatSensitivity } from "./report/sensitivityText.js";
export { formatReforms } from "./report/reformText.js";
export { riskToCsv } from "./csv/riskCsv.js";

// Scenarios
export { defaultScenario, DEFAULT_TARIFFS, calibratedScenario, type Scenario } from "./scenario/defaultScenario.js";
export {
  ScenarioSchema,
  SCENARIO_KINDS,
  describeKind,
  parseScenario,
  safeParseScenario,
  runScenario,
  type ScenarioKind,
  type ScenarioInput,
  type ScenarioDefinition,
  type ScenarioDefinitionOf,
  type ParseScenarioOptions,
  type ScenarioResult,
  type ResolvedScenario,
} from "./scenario/scenarioSchema.js";
export {
  formatScenarioIssue,
  ScenarioInputError,
  type Locator,
  type ScenarioHeader,
  type ScenarioResultHeader,
  type ScenarioIssue,
  type ScenarioSafeResult,
} from "./scenario/scenarioBase.js";
export {
  ComparisonScenarioSchema,
  ScenarioCaseloadSchema,
  SpecCaseloadSchema,
  RecordsCaseloadSchema,
  RecordsFileCaseloadSchema,
  CsvCaseloadSchema,
  ScenarioOptionsSchema,
  recordsOptions,
  type ComparisonScenarioInput,
  type ComparisonScenarioDefinition,
  type ComparisonScenarioResult,
  type ScenarioCaseload,
  type SpecCaseloadSection,
  type RecordsCaseloadSection,
  type RecordsFileCaseloadSection,
  type CsvCaseloadSection,
  type ScenarioOptions,
  type ModelStreams,
} from "./scenario/comparisonScenario.js";
export {
  GrantPoolScenarioSchema,
  type GrantPoolScenarioInput,
  type GrantPoolScenarioDefinition,
  type GrantPoolScenarioResult,
  type GrantRequestsSection,
} from "./scenario/grantPoolScenario.js";
export {
  RecoveryScenarioSchema,
  type RecoveryScenarioInput,
  type RecoveryScenarioDefinition,
  type RecoveryScenarioResult,
  type RecoveryInitiativeFields,
} from "./scenario/recoveryScenario.js";
export { scenarioJsonSchema } from "./scenario/scenarioJsonSchema.js";
export { defaultRegionSpec } from "./caseload/defaultRegion.js";
export { meanMetrics } from "./metrics/meanMetrics.js";
