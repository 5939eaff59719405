import type { ReportSpec } from '../api/reports';
import { buildDossier } from './dossier';
import { buildFiguresReport } from './figures/report';
import { buildListReport } from './list';
import type { BuiltReport, ReportContext } from './types';

/** The template a spec names, with its parameters. */
export function buildReport(spec: ReportSpec, context: ReportContext): BuiltReport {
  switch (spec.template) {
    case 'figures':
      return buildFiguresReport(spec.params, context);
    case 'list':
      return buildListReport(spec.params, context);
    case 'dossier':
      return buildDossier(spec.params, context);
  }
}
