package dev.aiaas.cli.jobs;

import dev.aiaas.cli.ApiCommand;
import dev.aiaas.cli.ExitCodes;
import dev.aiaas.cli.ProtoEnumConverter;
import dev.aiaas.cli.Session;
import dev.aiaas.proto.training.v1.JobState;
import dev.aiaas.proto.training.v1.ListJobsRequest;
import dev.aiaas.proto.training.v1.ListJobsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiaas jobs list}: newest first. */
@Command(name = "list", description = "List training jobs, newest first.")
final class ListJobsCommand extends ApiCommand {

    @Option(names = "--state", paramLabel = "STATE", converter = ProtoEnumConverter.State.class,
            completionCandidates = ProtoEnumConverter.State.class, description = "only jobs in this state: queued, running, "
            + "succeeded, failed or cancelled")
    JobState state;

    @Option(names = "--limit", paramLabel = "N", description = "at most this many (default: the service's)")
    int limit;

    @Override
    protected int run(Session session) {
        ListJobsRequest.Builder request = ListJobsRequest.newBuilder().setLimit(limit);
        if (state != null) {
            request.setState(state);
        }
        ListJobsResponse answer = session.services().training().listJobs(request.build());
        session.printer().print(answer, () -> JobView.list(answer.getJobsList()));
        return ExitCodes.OK;
    }
}
