import { msg, str } from '@lit/localize';
import type { Issue } from '../../engine/validation.js';
import { formatNumber, tx } from '../../localize/format.js';
import { issueMessage, type FieldPlaces } from '../../localize/messages.js';
import { ageBandLabel, sessionLegend } from '../../localize/labels.js';
import type { ShownIssues } from './issues.js';
import { fieldLabel } from './naming.js';
import { ERROR_SUMMARY_MAX_LINKS, type ErrorEntry, type ErrorSummaryView, type FormContext } from './views.js';

/** The error summary's entries, one per problem or one per part of the form (see ErrorSummaryView). */
export function errorSummaryOf(ctx: FormContext, shown: ShownIssues, places: FieldPlaces): ErrorSummaryView {
  const { model, locale } = ctx;
  const count = shown.all.length;
  const problem = (issue: Issue) => `${fieldLabel(issue.field, model, locale, places)} — ${issueMessage(issue, model, locale)}`;
  if (count <= ERROR_SUMMARY_MAX_LINKS) return { count, grouped: false, entries: shown.all.map((issue) => ({ field: issue.field, text: problem(issue) })) };
  const entries = [...shown.byPart].map(([key, issues]): ErrorEntry => {
    const title = key === 'session' ? sessionLegend() : key === 'age-band' ? ageBandLabel() : tx(model.section.get(key)?.title, locale);
    const problems = issues.length === 1 ? msg('1 problème', { id: 'error-summary.one' }) : msg(str`${formatNumber(issues.length, locale)} problèmes`, { id: 'error-summary.many' });
    return { field: issues[0]!.field, text: `${title} — ${problems}` };
  });
  return { count, grouped: true, entries };
}
