import { template } from '../dataset/catalog.js';
import { templateGraph } from '../dataset/graph.js';
import { SURVEYS, type SurveyQuestion } from '../dataset/surveys.js';
import { engineOf } from '../engine/engine.js';
import type { Prompts } from '../engine/new-run.js';
import type { AwxRecord } from '../types.js';
import { forbidden, invalidFields } from './errors.js';
import { extraVars, pythonJson, readPrompts } from './launch-prompts.js';
import { canLaunch } from './permissions.js';
import { present } from './present.js';
import { parentRecord } from './query.js';
import { resourceNamed } from './resources.js';
import { Access } from './roles.js';
import { ENCRYPTED, surveyErrors } from './survey.js';
import { jsonObject, type ViewRequest, type ViewResult } from './view.js';

/** `/api/v2/workflow_job_templates/{id}/launch/`: what a launch would ask (GET) and the launch itself (POST). */

const TEMPLATES = resourceNamed('workflow_job_templates')!;

/** GET: the prompts, defaults and survey state of a launch, shaped like workflowJobTemplateLaunch.json. */
export function launchInfo(request: ViewRequest, id: number): ViewResult {
  const tpl = parentRecord(request, TEMPLATES, id);
  const needed = surveyOf(tpl).filter((question) => question.required).map((question) => question.variable);
  const inventory = request.data.collections.inventories.find((record) => record.id === tpl.inventory);
  const labels = (tpl.summary_fields as { labels?: { results?: unknown[] } }).labels?.results ?? [];
  const flag = (name: string) => tpl[`ask_${name}_on_launch`] === true;
  return {
    status: 200,
    body: {
      ask_inventory_on_launch: flag('inventory'), ask_limit_on_launch: flag('limit'),
      ask_scm_branch_on_launch: flag('scm_branch'), can_start_without_user_input: needed.length === 0,
      defaults: {
        inventory: { name: inventory?.name ?? null, id: inventory?.id ?? null }, limit: tpl.limit ?? null,
        scm_branch: tpl.scm_branch ?? null, labels, job_tags: tpl.job_tags ?? '', skip_tags: tpl.skip_tags ?? '',
        extra_vars: tpl.extra_vars ?? '',
      },
      survey_enabled: tpl.survey_enabled === true, variables_needed_to_start: needed,
      node_templates_missing: [], node_prompts_rejected: [],
      workflow_job_template_data: { name: tpl.name, id: tpl.id, description: tpl.description },
      ask_variables_on_launch: flag('variables'), ask_labels_on_launch: flag('labels'),
      ask_skip_tags_on_launch: flag('skip_tags'), ask_tags_on_launch: flag('tags'),
    },
  };
}

/** POST: validates the prompts, creates a pending manual workflow job, answers 201 with it and ignored_fields. */
export function launch(request: ViewRequest, id: number): ViewResult {
  const { data, caller } = request;
  const tpl = parentRecord(request, TEMPLATES, id);
  const access = new Access(data, caller);
  if (!canLaunch(access, tpl)) throw forbidden();
  const body = jsonObject(request.body);
  const read = readPrompts(data, tpl, body);
  if (Object.keys(read.errors).length > 0) throw invalidFields(read.errors);
  // JobLaunchConfigAccess.can_add: a prompted inventory takes its use role.
  if (read.values.inventory !== undefined && !access.hasRole('inventories', read.values.inventory, 'use')) throw forbidden();
  const vars = splitVariables(tpl, (read.values.extra_vars ?? {}) as Record<string, unknown>);
  if (vars.ignored) read.ignored.extra_vars = vars.ignored;
  const missing = surveyErrors(surveyOf(tpl), vars.accepted);
  if (missing.length > 0) throw invalidFields({ variables_needed_to_start: missing });
  const def = template(tpl.id);
  const job = engineOf(data).create({
    def, sliced: false, launchType: 'manual', creator: caller.account.id, graph: templateGraph(def),
    prompts: promptsOf(tpl, read.values, withDefaults(tpl, surveyOf(tpl), vars.accepted)),
  });
  // WorkflowJobTemplate.create_unified_job: the job keeps the answers, and the names of its password questions.
  const passwords = surveyOf(tpl).filter((question) => question.type === 'password').map((question) => question.variable);
  if (passwords.length > 0) data.surveyPasswords[job.id] = passwords;
  return {
    status: 201,
    body: { workflow_job: job.id, ignored_fields: read.ignored, ...present(access, job) },
    headers: { Location: `${request.origin}${String(job.url)}` },
  };
}

/** The survey questions of a template with its survey enabled. */
function surveyOf(tpl: AwxRecord): SurveyQuestion[] {
  return tpl.survey_enabled === true ? SURVEYS[tpl.id]?.spec ?? [] : [];
}

/**
 * Variables the template takes: all when it asks for them, else only its survey's answers. A password
 * answered with the `$encrypted$` placeholder counts as not answered (SurveyJobTemplateMixin).
 */
function splitVariables(tpl: AwxRecord, vars: Record<string, unknown>) {
  const placeholders = surveyOf(tpl).filter((q) => q.type === 'password' && vars[q.variable] === ENCRYPTED);
  const sent = Object.fromEntries(Object.entries(vars).filter(([key]) => !placeholders.some((q) => q.variable === key)));
  if (tpl.ask_variables_on_launch === true) return { accepted: sent, ignored: undefined };
  const survey = new Set(surveyOf(tpl).map((question) => question.variable));
  const accepted = Object.fromEntries(Object.entries(sent).filter(([key]) => survey.has(key)));
  const rest = Object.fromEntries(Object.entries(sent).filter(([key]) => !survey.has(key)));
  return { accepted, ignored: Object.keys(rest).length > 0 ? rest : undefined };
}

/** The template's own variables, overlaid by the survey defaults and then by what the caller sent. */
function withDefaults(tpl: AwxRecord, survey: SurveyQuestion[], sent: Record<string, unknown>) {
  const own = extraVars(tpl.extra_vars ?? '');
  const defaults = survey.filter((q) => q.default !== '').map((q) => [q.variable, q.default]);
  const templateVars = 'value' in own ? (own.value as Record<string, unknown>) : {};
  return { ...templateVars, ...Object.fromEntries(defaults), ...sent };
}

/** The job's launch config: what was prompted, else the template's own values. */
function promptsOf(tpl: AwxRecord, values: Record<string, unknown>, vars: Record<string, unknown>): Prompts {
  const text = (field: string): string | null => {
    const value = field in values ? values[field] : tpl[field];
    return typeof value === 'string' ? value : null;
  };
  const inventory = 'inventory' in values ? values.inventory : tpl.inventory;
  const summary = (tpl.summary_fields as { labels?: { results?: { id: number }[] } }).labels;
  const templateLabels = (summary?.results ?? []).map((label) => label.id);
  const labels = [...new Set([...templateLabels, ...((values.labels as number[] | undefined) ?? [])])];
  return {
    inventory: typeof inventory === 'number' ? inventory : null, limit: text('limit'), scmBranch: text('scm_branch'),
    jobTags: text('job_tags'), skipTags: text('skip_tags'), extraVars: pythonJson(vars), labels,
  };
}
