import { SUBGRAPHS } from '../subgraph-registry';
import { runServiceProcessToExit } from './support/service-process';

// A bad setting stops a process with one line naming the variable and what is wrong, never a stack trace:
// an operator reading a crash-looping pod's log must not have to dig through the ORM's internals (issue #9).
describe('a subgraph started with a bad DATABASE_URL', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name] as const))(
    '%s stops with one line naming DATABASE_URL when the URL names no database',
    async (name) => {
      const run = await runServiceProcessToExit(`subgraphs/${name}`, {
        DATABASE_URL: 'postgres://techally:s3cret@127.0.0.1:5432',
      });
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(/^ {2}DATABASE_URL: must name a database after the host: .+$/m);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr + run.stdout).not.toContain('s3cret');
    },
  );
});
