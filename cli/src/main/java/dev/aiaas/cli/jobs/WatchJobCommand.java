package dev.aiaas.cli.jobs;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.training.v1.GetJobRequest;
import dev.aiaas.proto.training.v1.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aiaas jobs watch ID}: a job's epochs as they finish, until it ends. */
@Command(name = "watch", description = {"Follow a job's epochs until it ends.",
    "Each epoch with its training loss and validation metrics, then the test metrics. Exit code 7 when it failed or "
        + "was cancelled.",
    "With --output json, one JSON object per line: the events, then the finished job."})
final class WatchJobCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "the job")
    String id;

    @Override
    protected int run(Session session) {
        Job job = session.services().training().getJob(GetJobRequest.newBuilder().setId(id).build());
        JobWatch.follow(session, job);
        return ExitCodes.OK;
    }
}
