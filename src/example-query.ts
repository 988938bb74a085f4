/** The query GraphiQL opens with: it runs as-is against the demo upstream and shows the main features. */
export const EXAMPLE_QUERY = `# Welcome to the AWX GraphQL gateway. Press the run button (or Ctrl-Enter).
# Open the docs pane (book icon) to browse every type and field.
# This costs 2 AWX requests: the job, then its node graph; the template and
# creator come from the job's own summary fields.
query WorkflowJobWithGraph {
  workflowJob(id: 1) {
    id
    name
    status
    started
    finished
    elapsed
    launchedBy { type name }
    related {
      workflowJobTemplate { id name }
      createdBy { username }
      workflowNodes {
        totalCount
        nodes {
          identifier
          doNotRun
          job { __typename id name status elapsed }
          successNodes { identifier }
          failureNodes { identifier }
          alwaysNodes { identifier }
        }
      }
    }
  }
}
`;
