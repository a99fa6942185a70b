/**
 * Entry point of the `frontline` binary.
 * @module
 */
import { processIo } from './io.js';
import { run } from './program.js';

process.exitCode = await run(process.argv.slice(2), processIo);
