/** The query GraphiQL opens with: it runs as-is against the demo upstream and shows the main features. */
export const EXAMPLE_QUERY = `# Welcome to the AWX GraphQL gateway. Press the run button (or Ctrl-Enter).
# Open the docs pane (book icon) to browse every type and field.
query RecentFailures {
  workflowJob(id: 1) {
    id
    name
    status
    started
    finished
    elapsed
    launchedBy { type name }
    summaryFields {
      workflowJobTemplate { id name }
      createdBy { username }
      labels { count results { name } }
    }
  }
  workflowJobs(first: 5, filter: { status: [FAILED, ERROR] }, orderBy: [{ field: FINISHED, direction: DESC }]) {
    totalCount
    nodes { id name status finished jobExplanation }
    pageInfo { hasNextPage endCursor }
  }
}
`;
