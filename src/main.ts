/** `npm start`: the gateway (src/start.ts); `awx-graphql start` in src/cli.ts runs the same. */
import { startGateway } from './start.js';

await startGateway();
