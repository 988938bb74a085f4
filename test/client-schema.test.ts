/**
 * schema.client.graphql is the API client tools read: a valid schema on its own, without federation's machinery,
 * its custom scalars `@specifiedBy`; graphql-eslint lints it clean with its schema and Relay rules, and
 * graphql-inspector finds it equal to what the gateway serves but for the federation additions.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, Kind, parse, type GraphQLScalarType } from 'graphql';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ADMIN, useTestGateway } from './gateway.js';
import { resultLine, runTool } from './tools.js';

const FILE = 'schema.client.graphql';
const gw = useTestGateway();
const text = readFileSync(new URL(`../${FILE}`, import.meta.url), 'utf8');
/** Names Apollo Federation owns: its types and root fields (`_entities`, `link__Purpose`…) and directives. */
const FEDERATION = /^(_(?!_)|link__|federation__)|^(link|key|shareable|inaccessible|tag|external|requires|provides|override|extends|composeDirective|interfaceObject)$/;

describe('the client schema', () => {
  it('is a valid schema without federation: no @link, @key, _entities, _service or federation types', () => {
    const schema = buildSchema(text);
    expect(text).not.toMatch(/@link\b|@key\b|@shareable\b|extend schema|\b(_entities|_service|_Any|_Entity|_Service)\b|link__|federation__/);
    expect(parse(text).definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION)).toEqual([]);
    expect(Object.keys(schema.getTypeMap()).filter((name) => FEDERATION.test(name))).toEqual([]);
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['workflowJob', 'workflowJobs', 'node', 'nodes']));
    expect(isObjectType(schema.getType('WorkflowJob')) && schema.getType('WorkflowJob')).toHaveProperty('_interfaces', [schema.getType('UnifiedJob'), schema.getType('Node')]);
  });

  it('says what its custom scalars are, as the gateway does: DateTime by RFC 3339, JSON by ECMA-404', async () => {
    const schema = buildSchema(text);
    const urls = { DateTime: 'https://www.rfc-editor.org/rfc/rfc3339', JSON: 'https://ecma-international.org/publications-and-standards/standards/ecma-404/' };
    for (const [name, url] of Object.entries(urls)) expect((schema.getType(name) as GraphQLScalarType).specifiedByURL).toBe(url);
    const { body } = await gw.gql('{ d: __type(name: "DateTime") { specifiedByURL } j: __type(name: "JSON") { specifiedByURL } }');
    expect(body).toEqual({ data: { d: { specifiedByURL: urls.DateTime }, j: { specifiedByURL: urls.JSON } } });
  });
});

describe('graphql-eslint', () => {
  it('lints it clean with eslint.config.js (the recommended schema rules and the Relay rules)', async () => {
    const run = await runTool('eslint', ['--max-warnings', '0', FILE]);
    expect(run).toEqual({ code: 0, output: '' });
  }, 60_000);

  it('reports what its rules forbid, so a clean run means something', async () => {
    const eslint = new ESLint({ cwd: new URL('../', import.meta.url).pathname });
    const undescribed = '"""A page of a job\'s activity stream."""\ntype ActivityStreamConnection {';
    expect(text).toContain(undescribed);
    const broken = text.replace(undescribed, 'type ActivityStreamConnection {').replace('type WorkflowJobNodeEdge {', 'type WorkflowJobNodeItem {');
    const [result] = await eslint.lintText(broken, { filePath: FILE });
    expect(result!.messages.map((m) => `${m.ruleId}: ${m.message}`).sort()).toEqual([
      '@graphql-eslint/no-unreachable-types: Object type `WorkflowJobNodeItem` is unreachable.',
      '@graphql-eslint/require-description: Description is required for type "ActivityStreamConnection"',
    ]);
  }, 60_000);
});

describe('graphql-inspector', () => {
  it('finds the gateway\'s served schema equal to it but for federation\'s additions', async () => {
    const run = await runTool('graphql-inspector', ['diff', FILE, gw.url, '--header', `authorization: ${ADMIN}`]);
    expect(run.code, run.output).toBe(0);
    expect(resultLine(run, /breaking changes/)).toBe('[success] No breaking changes detected');
    // A schema read by introspection has no applied directives (and its introspection query does not ask for
    // `specifiedByURL`, served all the same: see above), so each `@deprecated` and `@specifiedBy` of the file is
    // reported as removed by the gateway.
    const applied = /Directive (deprecated|specifiedBy) was removed from /;
    const changes = run.output.split('\n').filter((line) => /^\[log\] [✖⚠✔]/.test(line) && !applied.test(line));
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      const names = [...change.matchAll(/(?:Type|Field|Directive) '?([\w.]+)'?/g)].map((m) => m[1]!.split('.').at(-1)!);
      expect(names.length, change).toBeGreaterThan(0);
      expect(names.every((name) => FEDERATION.test(name)), change).toBe(true);
    }
  }, 60_000);
});
