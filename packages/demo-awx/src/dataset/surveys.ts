/** Survey specs of the workflow job templates with `survey_enabled` (AWX's `survey_spec` field). */

/** One survey question, as AWX stores it. */
export interface SurveyQuestion {
  question_name: string;
  question_description: string;
  required: boolean;
  type: 'text' | 'integer' | 'password';
  variable: string;
  min: number | null;
  max: number | null;
  default: string | number;
  choices: string;
}

/** A survey spec: `{name, description, spec: [questions]}`. */
export interface SurveySpec {
  name: string;
  description: string;
  spec: SurveyQuestion[];
}

/**
 * Survey specs by workflow job template id. "Provision sandbox" asks who owns the sandbox, for how long,
 * and optionally for its root password (a password question: jobs show it as `$encrypted$`).
 */
export const SURVEYS: Readonly<Record<number, SurveySpec>> = {
  27: {
    name: '',
    description: '',
    spec: [
      {
        question_name: 'Sandbox owner', question_description: 'Username the sandbox is created for',
        required: true, type: 'text', variable: 'sandbox_owner', min: 1, max: 64, default: '', choices: '',
      },
      {
        question_name: 'Lifetime (hours)', question_description: 'Hours before the sandbox is torn down',
        required: false, type: 'integer', variable: 'ttl_hours', min: 1, max: 72, default: 8, choices: '',
      },
      {
        question_name: 'Root password', question_description: 'Password of the sandbox root account',
        required: false, type: 'password', variable: 'root_password', min: 8, max: 64, default: '', choices: '',
      },
    ],
  },
};
