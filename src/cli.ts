#!/usr/bin/env node
/** The `awx-graphql` command: `start` (the default) serves the gateway, `doctor` checks the connection to the controller. */
import { formatSettings } from './settings.js';

const USAGE = `Usage: awx-graphql [start]             serve the GraphQL gateway, configured by the environment variables below
       awx-graphql doctor [options]   check the connection to the configured controller (--help for options)
       awx-graphql --help             show this help
`;

/** Runs one command; resolves with the exit code, or undefined while the gateway keeps serving. */
async function run(args: readonly string[]): Promise<number | undefined> {
  const [command = 'start', ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\nSettings (environment variables; docs/configuration.md explains each):\n\n${formatSettings()}\n`);
    return 0;
  }
  if (command === 'doctor') {
    // Loaded per command: the doctor needs neither the schema nor the server.
    const { doctorCommand } = await import('./doctor/command.js');
    return doctorCommand(rest, { env: process.env, stdout: process.stdout, stderr: process.stderr });
  }
  if (command === 'start' && rest.length === 0) {
    // The heap is sized before anything else loads: this process may only stand in for the gateway's.
    const { launchWithHeap } = await import('./launch.js');
    if (launchWithHeap() === 'started') return undefined;
    const { startGateway } = await import('./start.js');
    await startGateway();
    return undefined;
  }
  process.stderr.write(`awx-graphql: ${command === 'start' ? 'start takes no arguments' : `unknown command "${command.slice(0, 40)}"`}\n\n${USAGE}`);
  return 2;
}

const code = await run(process.argv.slice(2));
// The exit code is set, not forced, so that stdout is flushed first when it is a pipe.
if (code !== undefined) process.exitCode = code;
